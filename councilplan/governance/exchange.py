"""The work programme's exchange: the council's work programme spreadsheet in (CSV or Excel, every row or none,
each bad row, column and value named) and out (CSV, Excel, JSON), as docs/data-format.md describes.

Columns: body (name or code), year (2019 or 2019/20), meeting (a date of one of the body's meetings, or "other"
or "future"), title, lead_officer, origin (a code or its words), origin_text, recurrence (a code or its words),
exempt_paragraph (1-7 or empty), exempt_reason, note."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from councilplan.analysis import governance as rules
from councilplan.core.exchange import ImportFailed, Mapping, RowReader, check_header, file_error, mapped_rows
from councilplan.core.lists import Column
from councilplan.core.tabular import TableError, read_table

from . import services
from .models import Body, Meeting, WorkProgrammeEntry

COLUMNS = [
    "body",
    "year",
    "meeting",
    "title",
    "lead_officer",
    "origin",
    "origin_text",
    "recurrence",
    "exempt_paragraph",
    "exempt_reason",
    "note",
]
REQUIRED = ["body", "year", "meeting", "title"]
YEAR = re.compile(r"^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$")


@dataclass
class EntryImport:
    created: int


def _lookup(choices) -> dict[str, str]:
    found = {}
    for code, label in choices:
        found[str(label).strip().lower()] = code
        found[str(code).strip().lower()] = code
    return found


def import_work_programme(path: str | Path, *, user=None, mapping: Mapping | None = None) -> EntryImport:
    """Every row or none: a new entry per row (an import adds to the programme; nothing is overwritten)."""
    mapping = mapping or Mapping()
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    columns, errors = check_header(table, mapping, COLUMNS, REQUIRED)
    if errors:
        raise ImportFailed(errors)
    bodies = {b.name.lower(): b for b in Body.objects.all()} | {b.code.lower(): b for b in Body.objects.all()}
    meetings = {(m.body_id, m.date): m for m in Meeting.objects.all()}
    origins = _lookup(WorkProgrammeEntry.Origin.choices)
    recurrences = _lookup(rules.RECURRENCES.items())
    rows = []
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        body = bodies.get(read.text("body", required=True).lower())
        if body is None and read.text("body"):
            read.error("body", read.text("body"), "is not a body the system knows: add it on the committees page")
        year_text = read.text("year", required=True)
        match = YEAR.match(year_text)
        year = int(match.group(1)) if match else None
        if year_text and year is None:
            read.error("year", year_text, "is not a year: give it as 2019 or 2019/20")
        where = read.text("meeting", required=True).lower()
        values = {"slot": "meeting"}
        if where in ("other", "future"):
            values["slot"] = where
        elif where:
            day = read.date("meeting")
            meeting = meetings.get((body.pk, day)) if body is not None and day else None
            if day and body is not None and meeting is None:
                read.error("meeting", where, f"{body.name} has no meeting that day: plan it first")
            values["meeting"] = meeting
        origin = read.text("origin").lower()
        if origin and origin not in origins:
            read.error("origin", origin, f"is not one of: {', '.join(c for c, _ in WorkProgrammeEntry.Origin.choices)}")
        recurrence = read.text("recurrence").lower()
        if recurrence and recurrence not in recurrences:
            read.error("recurrence", recurrence, f"is not one of: {', '.join(c for c in rules.RECURRENCES if c)}")
        paragraph = None if read.is_blank("exempt_paragraph") else read.integer("exempt_paragraph", 1, 7)
        reason = read.text("exempt_reason", max_length=5000)
        if paragraph and not reason:
            read.error("exempt_reason", "", "is required when the entry is exempt")
        values.update(
            title=read.text("title", required=True, max_length=500),
            lead_officer=read.text("lead_officer", max_length=200),
            origin=origins.get(origin, "other"),
            origin_text=read.text("origin_text", max_length=300),
            recurrence=recurrences.get(recurrence, ""),
            note=read.text("note", max_length=300),
            exempt_paragraph=paragraph,
            exempt_reason=reason,
        )
        if read.ok:
            rows.append((body, year, values))
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        for body, year, values in rows:
            title = values.pop("title")
            services.add_entry(body, year=year, title=title, user=user, **values)
    return EntryImport(len(rows))


def entry_columns() -> list[Column]:
    return [
        Column("body", lambda e: e.body.name),
        Column("year", lambda e: rules.year_label(e.year)),
        Column("meeting", lambda e: e.meeting.date.isoformat() if e.meeting_id else e.slot),
        Column("title", lambda e: e.title),
        Column("lead_officer", lambda e: e.lead_officer),
        Column("origin", lambda e: e.origin),
        Column("origin_text", lambda e: e.origin_text),
        Column("recurrence", lambda e: e.recurrence),
        Column("exempt_paragraph", lambda e: e.exempt_paragraph),
        Column("exempt_reason", lambda e: e.exempt_reason),
        Column("note", lambda e: e.note),
        Column("state", lambda e: e.state),
        Column("reason", lambda e: e.reason),
    ]
