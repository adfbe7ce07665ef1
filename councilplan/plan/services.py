"""Changing the plan register: importing a plan's activities from the exchange format, finding a plan."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from councilplan.analysis import vocabulary as v
from councilplan.core.exchange import (
    ImportFailed,
    ImportResult,
    Mapping,
    Progress,
    RowReader,
    check_header,
    file_error,
    mapped_rows,
)
from councilplan.core.selectors import code_lookup, get_vocabularies
from councilplan.core.services import directorates_by_name, find_or_create_person, outcomes_by_title
from councilplan.core.tabular import TableError, read_table

from .columns import ACTIVITY_COLUMNS, REQUIRED_ACTIVITY_COLUMNS
from .models import Activity, Plan, ref_sort_key

ACTIVITY_FIELDS = [
    "title",
    "outcome",
    "activity_type",
    "start_date",
    "end_date",
    "directorate",
    "lead_officer",
    "description",
]


def import_plan(
    path: str | Path, plan_name: str, mapping: Mapping | None = None, progress: Progress | None = None, user=None
) -> ImportResult:
    """Load a plan's activities from CSV/XLSX: all rows or none.

    New refs become activities; existing refs are updated (their history keeps the old values).
    """
    mapping = mapping or Mapping()
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    columns, errors = check_header(table, mapping, ACTIVITY_COLUMNS, REQUIRED_ACTIVITY_COLUMNS)
    if errors:
        raise ImportFailed(errors)

    vocab = get_vocabularies()
    activity_type = code_lookup(vocab, v.ACTIVITY_TYPE)
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        ref = read.text("ref", required=True, max_length=20)
        if ref in seen:
            read.error("ref", ref, f"appears twice (also row {seen[ref]})")
        elif ref:
            seen[ref] = number
        row = {
            "ref": ref,
            "title": read.text("title", required=True, max_length=500),
            "outcome": read.text("outcome", required=True, max_length=300),
            "activity_type": read.code("activity_type", activity_type, "activity type", required=True),
            "start_date": read.date("start_date"),
            "end_date": read.date("end_date", required=True),
            "directorate": read.text("directorate", max_length=200),
            "lead_officer": read.text("lead_officer", max_length=200),
            "description": read.text("description"),
        }
        if row["start_date"] and row["end_date"] and row["start_date"] > row["end_date"]:
            read.error("start_date", row["start_date"], "is after the end date")
        if read.ok:
            rows.append(row)
        if progress and number % 1000 == 0:
            progress(number)
    if not rows and not errors:
        raise ImportFailed([file_error(path, "has no rows of activities under the header")])
    if errors:
        raise ImportFailed(errors)
    return _write_activities(plan_name, rows, user)


@transaction.atomic
def _write_activities(plan_name: str, rows: list[dict], user) -> ImportResult:
    plan, _ = Plan.objects.get_or_create(name=plan_name)
    outcomes = outcomes_by_title(list(dict.fromkeys(r["outcome"] for r in rows)))
    directorates = directorates_by_name(list(dict.fromkeys(r["directorate"] for r in rows if r["directorate"])))
    people: dict = {}
    existing = {a.ref: a for a in plan.activities.all()}
    to_create, to_update = [], []
    for row in rows:
        values = {
            **row,
            "outcome": outcomes[row["outcome"]],
            "directorate": directorates.get(row["directorate"]),
            "lead_officer": find_or_create_person(row["lead_officer"], people) if row["lead_officer"] else None,
        }
        activity = existing.get(row["ref"])
        if activity is None:
            activity = Activity(plan=plan, **values)
            activity.sort_key = ref_sort_key(activity.ref)
            to_create.append(activity)
        elif any(getattr(activity, f) != values[f] for f in ACTIVITY_FIELDS):
            for name in ACTIVITY_FIELDS:
                setattr(activity, name, values[name])
            to_update.append(activity)
    if to_create:
        bulk_create_with_history(to_create, Activity, batch_size=500, default_user=user)
    if to_update:
        bulk_update_with_history(to_update, Activity, ACTIVITY_FIELDS, batch_size=500, default_user=user)
    return ImportResult(created=len(to_create), updated=len(to_update), warnings=[])
