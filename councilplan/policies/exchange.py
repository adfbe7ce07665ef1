"""The register's exchange format (docs/data-format.md, "Strategy and Policy Register"): the atomic import of the
council's register spreadsheet (CSV or Excel) and the export of the register in the same columns, so that an
export imports again unchanged.

The import reads the whole file and writes nothing unless every row is right; every bad row, column and value is
named. A number already on the register updates that entry's details and front sheet; a new number adds an entry
(active, or forthcoming). Status changes, close-downs and reviews are never made by import: they are steps with
who agreed them, taken on the entry's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from councilplan.analysis import policies as rules
from councilplan.core.exchange import ImportFailed, Mapping, RowReader, check_header, file_error, mapped_rows
from councilplan.core.services import find_or_create_person
from councilplan.core.tabular import TableError, read_table

from . import services
from .models import Policy

COLUMNS = [
    "number",
    "title",
    "section",
    "type",
    "owned_by",
    "status",
    "forthcoming_kind",
    "policy_framework",
    "purpose",
    "statutory_kind",
    "statutory_basis",
    "start_date",
    "decision_maker",
    "decision_body",
    "key_decision",
    "decision_reference",
    "publication",
    "end_date",
    "review_date",
    "accountable_officer",
    "cabinet_member",
    "document_url",
    "replaced_by",
]
REQUIRED = ["number", "title", "section", "type"]
ADDABLE = (rules.ACTIVE, rules.FORTHCOMING)


def _lookup(mapping: dict[str, str]):
    words = {code: code for code in mapping} | {label.lower(): code for code, label in mapping.items()}
    return lambda text: words.get(text.strip().lower().replace(" ", "_")) or words.get(text.strip().lower())


@dataclass
class RegisterImport:
    created: int
    updated: int
    unchanged: int


def import_register(path: str | Path, *, user=None, mapping: Mapping | None = None) -> RegisterImport:
    mapping = mapping or Mapping()
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    columns, errors = check_header(table, mapping, COLUMNS, REQUIRED)
    if errors:
        raise ImportFailed(errors)
    existing = {p.number: p for p in Policy.objects.all()}
    rows: list[dict] = []
    seen: dict[int, int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        entry = read.integer("number", 1, 99_999)
        if entry is None and read.is_blank("number"):
            read.error("number", "", "is required (the register number)")
        elif entry in seen:
            read.error("number", entry, f"appears twice (also row {seen[entry]})")
        elif entry is not None:
            seen[entry] = number
        status = read.code("status", _lookup(rules.STATUSES), "status (active, forthcoming, …)") or ""
        old = existing.get(entry)
        if old is None and status and status not in ADDABLE:
            read.error("status", status, "a new entry is added as active or forthcoming; close-downs are steps")
        if old is not None and status and status != old.status:
            read.error(
                "status", status, f"differs from the register ({old.status}): status changes are steps on its page"
            )
        kind = read.code("forthcoming_kind", _lookup(rules.FORTHCOMING_KINDS), "kind (replacement or new)")
        if old is None and status == rules.FORTHCOMING and not kind:
            read.error("forthcoming_kind", "", "is required for a forthcoming entry (replacement or new)")
        reference = read.text("decision_reference", max_length=8)
        if reference and not rules.valid_decision_reference(reference):
            read.error("decision_reference", reference, "is not a decision number like 17/00123")
        url = read.text("document_url", max_length=500)
        if url and not url.lower().startswith(("https://", "http://")):
            read.error("document_url", url, "is not a web address (https://…)")
        row = {
            "number": entry,
            "status": status or (old.status if old else rules.ACTIVE),
            "forthcoming_kind": kind,
            "title": read.text("title", required=True, max_length=300),
            "section": read.text("section", required=True, max_length=200),
            "doc_type": read.code("type", _lookup(rules.DOC_TYPES), "type on the register", required=True),
            "owner_kind": read.code("owned_by", _lookup(rules.OWNER_KINDS), "owner (kcc or partnership)") or "kcc",
            "policy_framework": False if read.is_blank("policy_framework") else read.boolean("policy_framework"),
            "purpose": read.text("purpose", max_length=20_000),
            "statutory_kind": read.code("statutory_kind", _lookup(rules.STATUTORY_KINDS), "kind (direct, vicarious)"),
            "statutory_basis": read.text("statutory_basis", max_length=20_000),
            "start_date": read.date("start_date"),
            "decision_maker": read.text("decision_maker", max_length=300),
            "decision_body": read.text("decision_body", max_length=300),
            "key_decision": None if read.is_blank("key_decision") else read.boolean("key_decision"),
            "decision_reference": reference,
            "publication": read.code("publication", _lookup(rules.PUBLICATION), "publication (external, internal)"),
            "end_date": read.date("end_date"),
            "review_date": read.date("review_date"),
            "accountable_officer": read.text("accountable_officer", max_length=200),
            "cabinet_member": read.text("cabinet_member", max_length=200),
            "document_url": url,
            "replaced_by": read.integer("replaced_by", 1, 99_999),
        }
        if row["start_date"] and row["end_date"] and row["end_date"] < row["start_date"]:
            read.error("end_date", row["end_date"].isoformat(), "is before the start date")
        if read.ok:
            rows.append(row)
    numbers = set(existing) | {r["number"] for r in rows}
    for row in rows:
        if row["replaced_by"] is not None and row["replaced_by"] not in numbers:
            errors.append(file_error(path, f"entry {row['number']}: replaced_by {row['replaced_by']} is not an entry"))
    if not rows and not errors:
        raise ImportFailed([file_error(path, "has no entries under the header")])
    if errors:
        raise ImportFailed(errors)
    return _write(rows, existing, user)


DETAILS = [
    "title",
    "doc_type",
    "owner_kind",
    "policy_framework",
    "purpose",
    "statutory_kind",
    "statutory_basis",
    "start_date",
    "decision_maker",
    "decision_body",
    "key_decision",
    "decision_reference",
    "publication",
    "end_date",
    "review_date",
    "cabinet_member",
    "document_url",
]


@transaction.atomic
def _write(rows: list[dict], existing: dict[int, Policy], user) -> RegisterImport:
    created = updated = unchanged = 0
    people: dict = {}
    for row in rows:
        values = {k: row[k] for k in DETAILS}
        values["section"] = services.section(row["section"], user=user)
        values["accountable_officer"] = (
            find_or_create_person(row["accountable_officer"], people) if row["accountable_officer"] else None
        )
        policy = existing.get(row["number"])
        if policy is None:
            kind = {"forthcoming_kind": row["forthcoming_kind"]} if row["status"] == rules.FORTHCOMING else {}
            existing[row["number"]] = services.create_policy(
                number=row["number"], status=row["status"], user=user, agreed_by="Import", **values, **kind
            )
            created += 1
        elif any(getattr(policy, k) != v for k, v in values.items()):
            services.update_policy(policy, user=user, reason="Imported", **values)
            updated += 1
        else:
            unchanged += 1
    return RegisterImport(created, updated, unchanged)


def export_rows(records) -> tuple[list[str], list[list]]:
    """The register (plain records) in the import's columns."""
    rows = []
    for r in records:
        rows.append(
            [
                r.number,
                r.title,
                r.section,
                r.doc_type,
                r.owner_kind,
                r.status,
                r.forthcoming_kind,
                "yes" if r.policy_framework else "no",
                r.purpose,
                r.statutory_kind,
                r.statutory_basis,
                r.start_date.isoformat() if r.start_date else "",
                r.decision_maker,
                r.decision_body,
                {True: "yes", False: "no"}.get(r.key_decision, ""),
                r.decision_reference,
                r.publication,
                r.end_date.isoformat() if r.end_date else "",
                r.review_date.isoformat() if r.review_date else "",
                r.accountable_officer,
                r.cabinet_member,
                r.document_url,
                r.replaced_by.number if r.replaced_by else "",
            ]
        )
    return COLUMNS, rows
