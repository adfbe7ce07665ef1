"""Committee governance's documents, from the selectors' plain records to a `documents.model.Document`:

- the body's report (`governance-report --body NAME`): its membership, meetings with their items, work programme
  entries, decisions and minutes, in every format; JSON gives the same as data;
- a meeting's agenda pack: front sheet, membership, the agenda with page ranges (the contents), the motion to
  exclude the press and public, then each item's documents in order. The public pack (and any reader not cleared
  for exempt information) leaves out the exempt part's papers and every exempt document, each replaced by the
  seeds' placeholder "Document is Restricted".
"""

from __future__ import annotations

import datetime as dt

from councilplan.analysis import governance as rules
from councilplan.documents.model import (
    BulletList,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Series,
    Table,
)
from councilplan.documents.words import para

from . import selectors
from .models import Body, Meeting

FORMATS = ("html", "pdf", "docx", "xlsx", "json")
PACK_FORMATS = ("pdf", "docx", "html")
RESTRICTED = "Document is Restricted"
WEBCAST = (
    "Please note: this meeting may be filmed for the live or subsequent broadcast via the Council's internet site "
    "or by any member of the public or press present. The Chairman will confirm if all or part of the meeting is to "
    "be filmed by the Council."
)


def _day(day: dt.date | None) -> str:
    return f"{day:%-d %B %Y}" if day else ""


def _time(t: dt.time | None) -> str:
    if t is None:
        return ""
    return f"{t:%-I.%M} {'am' if t.hour < 12 else 'pm'}"


def _iso(day: dt.date | None):
    return day.isoformat() if day else None


def _member_line(group: str, members: list[selectors.MemberRecord]) -> Paragraph:
    names = [f"{m.name} ({m.role_label})" if m.role in ("chairman", "vice_chairman") else m.name for m in members]
    text = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    return Paragraph((Run(f"{group or 'Other'} ({len(members)}): ", bold=True), Run(text)))


# --- the agenda pack ------------------------------------------------------------------------------------


WORK_PROGRAMME_SOURCE = "governance: work programme"


def work_programme_table(entries: list[selectors.EntryRecord], label: str) -> Table:
    """The work programme item's paper (seed 001's item 10), made from the entries: the later meetings' entries,
    then other and future items, with when each was added and whether it was deferred."""
    rows = tuple(
        (
            _day(e.meeting_date) or e.slot_label,
            e.title + (" (exempt)" if e.exempt else ""),
            e.lead_officer or (e.origin_text if e.origin != "generated" else ""),
            e.recurrence_label if e.recurrence else (f"{e.origin_label}: {e.origin_text}" if e.origin_text else ""),
            (f"Deferred from {_day(e.deferred_from)}: {e.reason}" if e.deferred_from else e.reason),
        )
        for e in entries
    )
    return Table(
        f"Work programme {label}",
        ("Meeting", "Item", "Lead officer", "When and why added", "Deferred"),
        rows,
        sheet="Work programme",
    )


def pack_work_programme(meeting: selectors.MeetingRecord, reader) -> list[selectors.EntryRecord]:
    """The entries the meeting's work programme paper lists: those of later meetings and those undated."""
    from .models import Body as BodyModel

    body = BodyModel.objects.get(pk=meeting.body.id)
    entries = selectors.work_programme(reader, body, rules.financial_year(meeting.date))
    return [e for e in entries if e.meeting_date is None or e.meeting_date > meeting.date]


def agenda_pack(
    meeting: selectors.MeetingRecord, *, public: bool, work_programme: list[selectors.EntryRecord] | None = None
) -> Document:
    """The meeting's whole pack, as the reader (`meeting` was read for them) may see it. `public`: the published
    version, its title says so. `work_programme`: the entries a work programme paper (a document whose source is
    this system's work programme) is made from."""
    body = meeting.body
    blocks: list = [
        Heading(body.name.upper(), 1),
        Paragraph(
            (
                Run(
                    f"{meeting.date:%A, %-d %B %Y}"
                    + (f", at {_time(meeting.start_time)}" if meeting.start_time else "")
                ),
            ),
            style="lead",
        ),
    ]
    if meeting.venue:
        blocks.append(para(meeting.venue))
    if meeting.clerk:
        blocks.append(
            para(f"Ask for: {meeting.clerk}" + (f" Telephone: {meeting.clerk_phone}" if meeting.clerk_phone else ""))
        )
    if meeting.membership:
        blocks.append(Heading(f"Membership ({len(meeting.membership)})", 2))
        blocks.extend(_member_line(group, members) for group, members in selectors.groups(meeting.membership))
    if meeting.webcast:
        blocks += [Heading("Webcasting Notice", 2), para(WEBCAST)]
    blocks.append(Heading("Agenda", 2))
    rows = []
    for item in meeting.open_items:
        rows.append((item.number, item.title, item.pages_text))
    if meeting.exempt_items or meeting.exempt_hidden:
        rows.append(("", "Motion to Exclude the Press and Public", ""))
        rows.extend((i.number, i.title, i.pages_text) for i in meeting.exempt_items)
    blocks.append(
        Table("Contents: the agenda's items and their pages", ("Item", "Title", "Pages"), tuple(rows), sheet="Agenda")
    )
    blocks.append(Heading("Unrestricted items", 3))
    blocks.append(para("(During these items the meeting is likely to be open to the public)", style="note"))
    if meeting.motion:
        blocks += [Heading("Motion to Exclude the Press and Public", 3), para(meeting.motion)]
        if meeting.exempt_hidden:
            blocks.append(
                para(
                    "The papers of the exempt part are not for publication: they contain exempt information under "
                    "Schedule 12A to the Local Government Act 1972.",
                    style="note",
                )
            )
    if meeting.signatory or meeting.published_on:
        blocks.append(para(f"{meeting.signatory}. {_day(meeting.published_on)}".strip(". ")))
    for item in meeting.items:
        blocks.append(PageBreak())
        caption = f"Item {item.number}" + (f" (pages {item.pages_text})" if item.pages_text else "")
        blocks.append(Heading(f"{caption}: {item.title}", 2, anchor=f"item-{item.number}"))
        if item.exempt:
            blocks.append(para(f"Exempt: {selectors.paragraph_words(item.paragraph)}.", style="note"))
        if item.decision:
            blocks.append(para(f"Decision number: {item.decision}"))
        if item.purpose:
            blocks.append(para(item.purpose))
        if item.recommendation:
            blocks += [Heading("Recommendation", 3), para(item.recommendation)]
        for document in item.documents:
            blocks.append(Heading(document.title, 3))
            if document.exempt:
                blocks.append(para(f"Exempt: {selectors.paragraph_words(document.paragraph)}.", style="note"))
            if document.source:
                blocks.append(para(f"Made by councilplan ({document.source}).", style="note"))
            if document.source == WORK_PROGRAMME_SOURCE and work_programme is not None:
                blocks.append(
                    work_programme_table(work_programme, rules.year_label(rules.financial_year(meeting.date)))
                )
            for text in (document.text or "").split("\n\n"):
                if text.strip():
                    blocks.append(para(text.strip()))
        for _ in range(item.withheld_documents):
            blocks.append(para(RESTRICTED, style="note"))
    version = "public pack" if public else "agenda pack"
    title = f"{body.name}, {meeting.date:%-d %B %Y}: {version}"
    stem = f"{body.code}-{meeting.date:%Y-%m-%d}-{'public-pack' if public else 'pack'}"
    return Document(title, tuple(blocks), stem, subject=f"{body.name} agenda, {_day(meeting.date)}")


# --- the body's report ----------------------------------------------------------------------------------


def _meeting_data(m: selectors.MeetingRecord) -> dict:
    notice = m.notice
    return {
        "date": _iso(m.date),
        "start_time": m.start_time.strftime("%H:%M") if m.start_time else None,
        "venue": m.venue,
        "clerk": m.clerk,
        "state": m.state,
        "published_on": _iso(m.published_on),
        "signatory": m.signatory,
        "notice_clear_working_days": notice.clear_days if notice else None,
        "notice_short": notice.short if notice else None,
        "chaired_by": m.chaired_by,
        "minutes_approved_at": _iso(m.approved_at),
        "items": [
            {
                "number": i.number,
                "title": i.title,
                "first_page": i.first_page,
                "last_page": i.last_page,
                "exempt": i.exempt,
                "decision": i.decision or None,
                "documents": [{"title": d.title, "exempt": d.exempt} for d in i.documents],
            }
            for i in m.items
        ],
        "exempt_items_not_shown": m.exempt_hidden,
        "page_problems": m.page_problems,
        "attendance": {
            "present": [a.name for a in m.attendance_of("present")],
            "substitutes": [{"name": a.name, "for": a.substitute_for} for a in m.attendance_of("substitute")],
            "also_present": [a.name for a in m.attendance_of("also_present")],
            "apologies": [a.name for a in m.attendance_of("apologies")],
        },
        "minutes": [
            {
                "number": x.number,
                "title": x.title,
                "item": x.item_reference or None,
                "exempt_business": x.exempt_business,
                "excluded_under_paragraph": x.excluded_paragraph,
                "decision": x.decision or None,
                "resolution": x.resolution,
            }
            for x in m.minutes
        ],
    }


def _entry_data(e: selectors.EntryRecord) -> dict:
    return {
        "title": e.title,
        "meeting": _iso(e.meeting_date),
        "slot": e.slot,
        "lead_officer": e.lead_officer,
        "origin": e.origin,
        "origin_text": e.origin_text,
        "recurrence": e.recurrence or None,
        "exempt": e.exempt,
        "state": e.state,
        "deferred_from": _iso(e.deferred_from),
        "reason": e.reason,
        "generated": e.generated,
    }


def _decision_data(d: selectors.DecisionRecord) -> dict:
    return {
        "reference": d.reference,
        "subject": d.subject,
        "maker": d.maker,
        "maker_holder": d.maker_holder,
        "key": d.key,
        "key_test": d.key_words,
        "state": d.state,
        "outcome": d.outcome or None,
        "outcome_text": d.outcome_text,
        "considered_at": [
            {"body": c.body, "date": _iso(c.date), "item": c.item_number, "exempt": c.exempt} for c in d.considered_at
        ],
        "informal_board": d.informal_board or None,
        "informal_when": d.informal_when or None,
        "undertakings": [{"by": u["by"], "text": u["text"], "met_on": _iso(u["met_on"])} for u in d.undertakings],
        "route": d.route,
    }


def items_chart(meetings: list[selectors.MeetingRecord]) -> Chart | None:
    """Agenda items of each meeting with an agenda, open and exempt part (as the reader may see them)."""
    shown = [m for m in meetings if m.items]
    if not shown:
        return None
    dates = tuple(f"{m.date:%-d %b %Y}" for m in shown)
    open_counts = tuple(len(m.open_items) for m in shown)
    exempt_counts = tuple(len(m.exempt_items) for m in shown)
    alt = "Agenda items by meeting, open and exempt part. " + "; ".join(
        f"{d}: {o} open, {x} exempt" for d, o, x in zip(dates, open_counts, exempt_counts, strict=True)
    )
    return Chart(
        key="items-by-meeting",
        title="Agenda items by meeting",
        categories=dates,
        series=(Series("Open", open_counts, "previous"), Series("Exempt", exempt_counts, "current")),
        alt=alt,
        table=Table(
            "Agenda items by meeting",
            ("Meeting", "Open items", "Exempt items"),
            tuple(zip(dates, open_counts, exempt_counts, strict=True)),
            numeric=frozenset({1, 2}),
            sheet="Items by meeting",
            row_headers=True,
        ),
        value_label="Items",
    )


def body_report(user, body: Body, today: dt.date | None = None) -> Document:
    """The body's report as `user` may read it (None: the public)."""
    today = today or dt.date.today()
    record = selectors.body_record(body)
    members = selectors.membership(body, today)
    found = selectors.meetings(user, body).order_by("date")
    meetings = selectors.meeting_records(user, found)
    entries = [e for year in sorted(selectors.years(body)) for e in selectors.work_programme(user, body, year)]
    references = sorted(
        {i.decision for m in meetings for i in m.items if i.decision} | {e.decision for e in entries if e.decision}
    )
    decisions = [d for d in (selectors.decision_record(r, user) for r in references) if d is not None]
    blocks: list = [
        Heading(record.name, 1),
        Paragraph((Run(f"{record.kind_label}. Report of {_day(today)}."),), style="lead"),
    ]
    if record.terms_of_reference:
        blocks += [Heading("Terms of reference", 2), para(record.terms_of_reference)]
        if record.terms_source:
            blocks.append(para(record.terms_source, style="note"))
    if record.former_names:
        blocks += [
            Heading("Former names", 2),
            BulletList(tuple(para(f"{name}, until {_day(until)}") for name, until in record.former_names)),
        ]
    if members:
        blocks.append(
            Heading(f"Membership ({len(members)}" + (f" of {record.seats} seats)" if record.seats else ")"), 2)
        )
        blocks.extend(_member_line(g, ms) for g, ms in selectors.groups(members))
    blocks.append(Heading("Meetings", 2))
    blocks.append(
        Table(
            "Meetings",
            ("Date", "State", "Agenda published", "Clear working days", "Items", "Exempt items"),
            tuple(
                (
                    m.date,
                    m.state_label,
                    m.published_on,
                    m.notice.clear_days if m.notice else None,
                    len(m.items),
                    len(m.exempt_items),
                )
                for m in meetings
            ),
            numeric=frozenset({3, 4, 5}),
            sheet="Meetings",
        )
    )
    chart = items_chart(meetings)
    if chart is not None:
        blocks.append(chart)
    for m in meetings:
        if not m.items and not m.minutes:
            continue
        blocks.append(Heading(f"{m.date:%-d %B %Y}", 3))
        if m.items:
            blocks.append(
                Table(
                    f"Agenda of {m.date:%-d %B %Y}",
                    ("Item", "Title", "Pages", "Part", "Decision"),
                    tuple(
                        (i.number, i.title, i.pages_text, "Exempt" if i.exempt else "Open", i.decision) for i in m.items
                    ),
                    sheet="Items",
                )
            )
        if m.minutes:
            blocks.append(
                Table(
                    f"Minutes of {m.date:%-d %B %Y}",
                    ("Minute", "Title", "Item", "Exempt business"),
                    tuple((x.number, x.title, x.item_reference, x.exempt_business) for x in m.minutes),
                    numeric=frozenset({0}),
                    ticks=frozenset({3}),
                    sheet="Minutes",
                )
            )
    if entries:
        blocks.append(Heading("Work programme", 2))
        blocks.append(
            Table(
                "Work programme entries",
                ("Year", "Meeting", "Title", "Lead officer", "Origin", "Recurrence", "State"),
                tuple(
                    (
                        rules.year_label(e.year),
                        _day(e.meeting_date) or e.slot_label,
                        e.title + (" (exempt)" if e.exempt else ""),
                        e.lead_officer,
                        (e.origin_label + (f": {e.origin_text}" if e.origin_text else "")),
                        e.recurrence_label if e.recurrence else "",
                        e.state_label + (f" ({e.reason})" if e.reason else ""),
                    )
                    for e in entries
                ),
                sheet="Work programme",
            )
        )
    if decisions:
        blocks.append(Heading("Decisions", 2))
        blocks.append(
            Table(
                "Records of decision",
                ("Number", "Subject", "Decision maker", "Key decision", "Committee", "Outcome", "State"),
                tuple(
                    (
                        d.reference,
                        d.subject,
                        d.maker,
                        d.key,
                        "; ".join(f"{c.body} {_day(c.date)}" for c in d.considered_at),
                        d.outcome_label,
                        d.state_label,
                    )
                    for d in decisions
                ),
                ticks=frozenset({3}),
                sheet="Decisions",
            )
        )
    data = {
        "body": {
            "name": record.name,
            "code": record.code,
            "kind": record.kind,
            "formal": record.formal,
            "seats": record.seats,
            "terms_of_reference": record.terms_of_reference,
            "former_names": [{"name": n, "until": _iso(u)} for n, u in record.former_names],
            "membership_on": _iso(today),
            "membership": [{"name": m.name, "group": m.group, "role": m.role} for m in members],
        },
        "meetings": [_meeting_data(m) for m in meetings],
        "work_programme": [{"year": rules.year_label(e.year), **_entry_data(e)} for e in entries],
        "decisions": [_decision_data(d) for d in decisions],
    }
    stem = f"{record.code}-report-{today:%Y-%m-%d}"
    return Document(f"{record.name}: committee report", tuple(blocks), stem, subject=record.name, data=data)


def meeting_for_pack(meeting: Meeting, user, public: bool) -> selectors.MeetingRecord | None:
    return selectors.meeting_record(meeting.pk, None if public else user, public=public)
