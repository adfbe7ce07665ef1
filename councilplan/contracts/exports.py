"""The register as councils publish it: the Local Government Transparency Code 2015 contracts CSV, and Open
Contracting Data Standard 1.1 releases (one `contract` release per contract, in a release package).

Both take plain records (`selectors.ContractRecord`) and are made only from what may be published: the caller
passes the public's contracts (`selectors.contract_records(None)`: published, not exempt). The Transparency Code
asks for contracts over £5,000; OCDS gets the same contracts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path

from councilplan.analysis import contracts as rules
from councilplan.core.identifiers import with_gss_code
from councilplan.core.tabular import csv_bytes

from .selectors import ContractRecord

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
OCDS_VERSION = "1.1"

TRANSPARENCY_COLUMNS = [
    "Reference Number",
    "Title of Agreement",
    "Department",
    "Description of Goods and Services",
    "Supplier Name",
    "Supplier Details",
    "Sum to be Paid over the Length of the Contract (£)",
    "Estimated Annual Spend (£)",
    "VAT that cannot be Recovered (£)",
    "Start Date",
    "End Date",
    "Review Date",
    "Invitation to Quote or Tender",
    "SME",
    "Voluntary or Community Sector",
    "Registered Company Number",
    "Registered Charity Number",
]
ROUTE_WORDS = {"quote": "Invitation to quote", "tender": "Published invitation to tender", "neither": "Neither"}


def _pounds(pence: int | None) -> str:
    if pence is None:
        return ""
    pounds, rest = divmod(pence, 100)
    return f"{pounds}.{rest:02d}"


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def transparency_records(contracts: Iterable[ContractRecord]) -> list[ContractRecord]:
    """The contracts the Code asks to publish: over £5,000, on the public register, not exempt."""
    return [c for c in contracts if rules.over_transparency_threshold(c.total_value) and c.published and not c.exempt]


def transparency_rows(contracts: Iterable[ContractRecord]) -> list[list[str]]:
    rows = []
    for c in transparency_records(contracts):
        supplier = c.supplier
        details = ""
        if supplier is not None:
            details = "; ".join(
                part
                for part in (
                    f"trading as {supplier.trading_name}" if supplier.trading_name else "",
                    " ".join(supplier.address.split()),
                )
                if part
            )
        rows.append(
            [
                c.reference,
                c.title,
                c.department,
                c.description,
                c.supplier_name,
                details,
                _pounds(c.total_value),
                _pounds(c.annual_value),
                _pounds(c.irrecoverable_vat if c.irrecoverable_vat is not None else 0),
                _date(c.start_date),
                _date(c.end_date),
                _date(c.review_date),
                ROUTE_WORDS.get(c.route, ""),
                _yes_no(supplier.sme if supplier else None),
                _yes_no(supplier.vcse if supplier else None),
                supplier.company_number if supplier else "",
                supplier.charity_number if supplier else "",
            ]
        )
    return rows


def transparency_csv(contracts: Iterable[ContractRecord]) -> bytes:
    """One row per contract, the Code's items in its order; sums in pounds and pence without a £ sign; dates
    DD/MM/YYYY; text that a spreadsheet would run as a formula starts with '."""
    return csv_bytes(*with_gss_code(TRANSPARENCY_COLUMNS, transparency_rows(contracts)))


# --- OCDS ------------------------------------------------------------------------------------------------


def _ocid_tail(reference: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", reference).strip("-") or "contract"


def ocid(prefix: str, reference: str) -> str:
    return f"{prefix}-{_ocid_tail(reference)}"


def _datetime(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{value.isoformat()}T00:00:00Z"


def _amount(pence: int | None) -> dict | None:
    if pence is None:
        return None
    amount = pence // 100 if pence % 100 == 0 else pence / 100
    return {"amount": amount, "currency": "GBP"}


def supplier_party(record: ContractRecord, prefix: str) -> dict | None:
    """The supplier as an OCDS party: identified by its Companies House number (GB-COH), else its charity
    register number (GB-CHC, GB-SC or GB-NIC), else an id of the council's own (no identifier)."""
    supplier = record.supplier
    if supplier is None:
        return None
    identifiers = []
    if supplier.company_number:
        identifiers.append({"scheme": "GB-COH", "id": supplier.company_number, "legalName": supplier.name})
    if supplier.charity_number:
        identifiers.append(
            {"scheme": supplier.charity_register or "GB-CHC", "id": supplier.charity_number, "legalName": supplier.name}
        )
    party: dict = {"name": supplier.name, "roles": ["supplier"]}
    if identifiers:
        main = identifiers[0]
        party["id"] = f"{main['scheme']}-{main['id']}"
        party["identifier"] = main
        if len(identifiers) > 1:
            party["additionalIdentifiers"] = identifiers[1:]
    else:
        party["id"] = f"{prefix}-supplier-{_ocid_tail(supplier.name.lower())}"
    if supplier.address.strip():
        party["address"] = {"streetAddress": " ".join(supplier.address.split()), "countryName": "United Kingdom"}
    return party


PROCUREMENT_METHODS = {"tender": "open", "quote": "limited", "neither": "direct"}
CONTRACT_STATUS = {"not_started": "pending", "live": "active", "expired": "terminated"}


def release(record: ContractRecord, *, prefix: str, buyer: dict, published: dt.datetime, today: dt.date) -> dict:
    process = ocid(prefix, record.reference)
    supplier = supplier_party(record, prefix)
    parties = [buyer] + ([supplier] if supplier else [])
    tender: dict = {"id": record.reference, "title": record.title}
    if record.description:
        tender["description"] = record.description
    if record.route:
        tender["procurementMethod"] = PROCUREMENT_METHODS[record.route]
        tender["procurementMethodDetails"] = ROUTE_WORDS[record.route]
    award: dict = {"id": f"{record.reference}-award", "title": record.title, "status": "active"}
    if record.awarded_on:
        award["date"] = _datetime(record.awarded_on)
    if supplier:
        award["suppliers"] = [{"id": supplier["id"], "name": supplier["name"]}]
    if _amount(record.total_value):
        award["value"] = _amount(record.total_value)
    contract: dict = {
        "id": record.reference,
        "awardID": award["id"],
        "title": record.title,
        "status": CONTRACT_STATUS[record.status(today)],
    }
    if record.description:
        contract["description"] = record.description
    period = {
        k: v for k, v in (("startDate", _datetime(record.start_date)), ("endDate", _datetime(record.end_date))) if v
    }
    if period:
        contract["period"] = period
    if _amount(record.total_value):
        contract["value"] = _amount(record.total_value)
    if record.awarded_on:
        contract["dateSigned"] = _datetime(record.awarded_on)
    return {
        "ocid": process,
        "id": f"{process}-contract-{record.version}",
        "date": _datetime(published),
        "tag": ["contract"],
        "initiationType": "tender",
        "language": "en",
        "parties": parties,
        "buyer": {"id": buyer["id"], "name": buyer["name"]},
        "tender": tender,
        "awards": [award],
        "contracts": [contract],
    }


def release_package(
    contracts: Iterable[ContractRecord],
    *,
    organisation: str,
    prefix: str,
    scheme: str,
    identifier: str,
    uri: str,
    published: dt.datetime,
    today: dt.date | None = None,
) -> dict:
    """An OCDS 1.1 release package of the contracts the Transparency Code publishes."""
    today = today or published.date()
    buyer = {
        "id": f"{scheme}-{identifier}",
        "name": organisation,
        "identifier": {"scheme": scheme, "id": identifier, "legalName": organisation},
        "roles": ["buyer"],
    }
    publisher: dict = {"name": organisation, "scheme": scheme, "uid": identifier}
    if uri:
        publisher["uri"] = uri
    return {
        "uri": f"{uri.rstrip('/')}/public/contracts/ocds.json"
        if uri
        else f"https://example.invalid/{prefix}/ocds.json",
        "version": OCDS_VERSION,
        "publishedDate": _datetime(published),
        "publisher": publisher,
        "license": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "releases": [
            release(c, prefix=prefix, buyer=buyer, published=published, today=today)
            for c in transparency_records(contracts)
        ],
    }


def ocds_json(package: dict) -> bytes:
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def schema(name: str = "release-schema.json") -> dict:
    """The OCDS 1.1.5 schema shipped in the project (schema/README.md says where it came from)."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
