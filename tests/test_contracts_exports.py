"""The register as councils publish it: the Transparency Code CSV (read back with the csv module) and OCDS 1.1
releases validated against the release and package schemas shipped in the project, with jsonschema."""

import csv
import datetime as dt
import io
import json

import jsonschema
import pytest
from contracts_support import HOSTILE, D, make_contract
from referencing import Registry
from referencing.jsonschema import DRAFT4

from councilplan.contracts import exports, selectors, services
from councilplan.contracts.management.commands.export_contracts import public_export

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2020, 1, 15, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def register():
    company = services.save_supplier(
        "Acme Care Ltd", company_number="01234567", sme=True, vcse=False, address="1 High St\nMaidstone"
    )
    charity = services.save_supplier(
        "Kent Carers Trust", charity_number="1098765", vcse=True, sme=False, legal_form="charity"
    )
    make_contract(
        "C-001",
        "Home care",
        supplier=company,
        total_value=1_250_000_50,
        annual_value=250_000_10,
        irrecoverable_vat=0,
        route="tender",
        awarded_on=D(2019, 2, 1),
        review_date=D(2021, 4, 1),
        description="Care at home",
    )
    make_contract("C-002", "Carers' breaks", supplier=charity, total_value=60_000_00, route="quote")
    make_contract("C-003", "Small order", total_value=5_000_00)  # not over £5,000
    make_contract("C-004", "Unpublished", total_value=90_000_00, published=False)
    make_contract("C-005", "Refuge", total_value=90_000_00, exempt_paragraph=1, exempt_reason="Location of a refuge")
    make_contract("C-006", HOSTILE.replace("\x07", ""), total_value=10_000_00, description=HOSTILE)


def _rows(content: bytes):
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def test_transparency_csv_has_the_codes_columns_and_only_what_is_published(register):
    rows = _rows(public_export("transparency"))
    assert rows[0] == [*exports.TRANSPARENCY_COLUMNS, "gss_code"]  # the organisation's GSS code last
    assert [r[0] for r in rows[1:]] == ["C-001", "C-002", "C-006"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Sum to be Paid over the Length of the Contract (£)"] == "1250000.50"
    assert first["Estimated Annual Spend (£)"] == "250000.10"
    assert first["VAT that cannot be Recovered (£)"] == "0.00"
    assert (first["Start Date"], first["End Date"], first["Review Date"]) == ("01/04/2019", "31/03/2030", "01/04/2021")
    assert first["Invitation to Quote or Tender"] == "Published invitation to tender"
    assert (first["SME"], first["Voluntary or Community Sector"], first["Registered Company Number"]) == (
        "Yes",
        "No",
        "01234567",
    )
    assert first["Supplier Details"] == "1 High St Maidstone"
    second = dict(zip(rows[0], rows[2], strict=True))
    assert (second["Registered Charity Number"], second["Voluntary or Community Sector"]) == ("1098765", "Yes")
    assert second["Invitation to Quote or Tender"] == "Invitation to quote"


def test_transparency_csv_is_formula_safe(register):
    rows = _rows(public_export("transparency"))
    hostile = rows[3]
    assert hostile[1].startswith("'=cmd") and hostile[3].startswith("'=cmd")


def _validator(name="release-schema.json"):
    release = exports.schema("release-schema.json")
    # The package schema refers to the release schema by its published address: resolved to the shipped copy.
    registry = Registry().with_resource(release["id"], DRAFT4.create_resource(release))
    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value):
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    schema = exports.schema(name)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, registry=registry, format_checker=checker)


def test_ocds_package_validates_against_the_shipped_schemas(register):
    package = json.loads(public_export("ocds", now=NOW))
    errors = sorted(_validator("release-package-schema.json").iter_errors(package), key=str)
    assert errors == [], [e.message for e in errors]
    release_validator = _validator()
    for release in package["releases"]:
        assert list(release_validator.iter_errors(release)) == []
    assert package["version"] == "1.1"
    assert [r["ocid"] for r in package["releases"]] == ["ocds-kcc001-C-001", "ocds-kcc001-C-002", "ocds-kcc001-C-006"]


def test_ocds_parties_carry_scheme_identifiers(register):
    package = json.loads(public_export("ocds", now=NOW))
    first = package["releases"][0]
    buyer, supplier = first["parties"]
    assert buyer["identifier"] == {"scheme": "GB-LAE", "id": "KEN", "legalName": "Kent County Council"}
    assert buyer["roles"] == ["buyer"] and first["buyer"]["id"] == "GB-LAE-KEN"
    assert supplier["id"] == "GB-COH-01234567" and supplier["identifier"]["scheme"] == "GB-COH"
    assert first["awards"][0]["suppliers"] == [{"id": "GB-COH-01234567", "name": "Acme Care Ltd"}]
    assert first["contracts"][0]["value"] == {"amount": 1250000.5, "currency": "GBP"}
    assert first["tender"]["procurementMethod"] == "open"
    charity = package["releases"][1]["parties"][1]
    assert charity["identifier"] == {"scheme": "GB-CHC", "id": "1098765", "legalName": "Kent Carers Trust"}


def test_an_invalid_release_is_caught_by_the_validator(register):
    package = json.loads(public_export("ocds", now=NOW))
    release = package["releases"][0]
    del release["ocid"]
    release["tag"] = []
    assert len(list(_validator().iter_errors(release))) >= 2


def test_exports_leave_out_exempt_and_unpublished_for_everyone(register):
    records = selectors.contract_records(None)
    assert {r.reference for r in records} == {"C-001", "C-002", "C-003", "C-006"}
    assert "Refuge" not in public_export("ocds", now=NOW).decode()
    assert "Unpublished" not in public_export("transparency").decode()
