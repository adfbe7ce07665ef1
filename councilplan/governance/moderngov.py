"""Committees, meetings and agenda items from modern.gov (docs/governance.md): the XML its web service
(mgWebService.asmx) gives for GetCommittees, GetMeetings and GetMeeting, saved to files and read here.

All or nothing: every file is read and checked first, and every bad element or value is named (file, element,
its id, the value); nothing is written unless all of it is good. Then, in one transaction, what is not there yet
is added through the services (so each addition is in the history) and what is already there (a body of the same
name, its meeting on the same day, an item of the same number) is left as it is: importing twice adds nothing.

A restricted item (`isrestricted`) is in the exempt part: its paragraph of Schedule 12A is read from its title or
text ("paragraph 3", as modern.gov's titles usually carry it), else the one given to the import; an item that
names none, with none given, is an error, since an exempt item cannot be recorded without its paragraph.

XML is parsed with defusedxml: no document type or entity (external files, "billion laughs") is ever resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from councilplan.core.exchange import nothing_imported

from . import services
from .models import AgendaItem, Body, Meeting

PARAGRAPH = re.compile(r"paragraphs?\s+(\d)", re.IGNORECASE)
TIME = re.compile(r"^(\d{1,2})[:.](\d{2})\s*(am|pm)?$", re.IGNORECASE)


class ModernGovFailed(Exception):
    """Nothing was imported; `errors` names every bad element and value."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__(f"{nothing_imported(len(errors))}.\n" + "\n".join(f"  {e}" for e in errors))


@dataclass
class Imported:
    bodies_added: int = 0
    bodies_there: int = 0
    meetings_added: int = 0
    meetings_there: int = 0
    items_added: int = 0
    items_there: int = 0
    exempt_items_added: int = 0
    # The meetings added, as (body's name, date, meeting's id), for the upload page's confirmation.
    added: list[tuple[str, dt.date, int]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Added {self.bodies_added} committees ({self.bodies_there} already there), {self.meetings_added} "
            f"meetings ({self.meetings_there} already there) and {self.items_added} agenda items "
            f"({self.exempt_items_added} in the exempt part; {self.items_there} already there)."
        )


@dataclass
class _Item:
    number: str
    title: str
    purpose: str
    paragraph: int | None


@dataclass
class _Meeting:
    committee_id: str
    date: dt.date
    start_time: dt.time | None
    venue: str
    items: list[_Item] = field(default_factory=list)


def _text(element, name: str) -> str:
    found = element.find(name)
    return (found.text or "").strip() if found is not None else ""


def _name(source) -> str:
    """How errors name a file: a path's name, or an uploaded file's (anything with `name` and `read`)."""
    return Path(str(getattr(source, "name", source) or "")).name


def _parse(source, errors: list[str]):
    """The root element of `source`: a path, or an uploaded file (the upload page)."""
    try:
        if hasattr(source, "read"):
            source.seek(0)
            return ElementTree.parse(source).getroot()
        return ElementTree.parse(str(source)).getroot()
    except (ElementTree.ParseError, DefusedXmlException) as error:
        errors.append(f"{_name(source)}: not XML that can be read safely ({error})")
    except OSError as error:
        errors.append(f"{_name(source)}: cannot be read ({error.strerror})")
    return None


def _date(value: str, where: str, errors: list[str]) -> dt.date | None:
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        errors.append(f"{where}: meetingdate {value!r} is not a date as dd/mm/yyyy")
        return None


def _time(value: str, where: str, errors: list[str]) -> dt.time | None:
    if not value:
        return None
    match = TIME.match(value)
    if match:
        hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    errors.append(f"{where}: meetingtime {value!r} is not a time like 10:00 or 2.00 pm")
    return None


def _kind(title: str) -> str:
    words = title.lower()
    if "sub-committee" in words or "sub committee" in words:
        return Body.Kind.SUB_COMMITTEE
    if "cabinet committee" in words:
        return Body.Kind.CABINET_COMMITTEE
    if words == "cabinet":
        return Body.Kind.EXECUTIVE
    if words.endswith("council"):
        return Body.Kind.COUNCIL
    return Body.Kind.COMMITTEE


def read_committees(paths, errors: list[str]) -> dict[str, str]:
    """committeeid → title, from GetCommittees files; expired and deleted committees are left out."""
    committees: dict[str, str] = {}
    for path in paths:
        root = _parse(path, errors)
        if root is None:
            continue
        for n, element in enumerate(root.iter("committee"), start=1):
            cid, title = _text(element, "committeeid"), _text(element, "committeetitle")
            where = f"{_name(path)}: committee {n} (committeeid {cid or 'missing'})"
            if not cid.isdigit():
                errors.append(f"{where}: committeeid {cid!r} is not a number")
            if not title:
                errors.append(f"{where}: committeetitle is empty")
            elif len(title) > 200:
                errors.append(f"{where}: committeetitle is longer than 200 characters")
            if "True" in (_text(element, "committeeexpired"), _text(element, "committeedeleted")):
                continue
            if cid in committees and committees[cid] != title:
                errors.append(f"{where}: committeeid {cid} is also {committees[cid]!r}")
            committees[cid] = title
    return committees


def _meeting(element, where: str, errors: list[str]) -> _Meeting | None:
    cid = _text(element, "committeeid")
    day = _date(_text(element, "meetingdate"), where, errors)
    start = _time(_text(element, "meetingtime"), where, errors)
    if not cid:
        errors.append(f"{where}: committeeid is missing")
    if day is None or not cid:
        return None
    return _Meeting(cid, day, start, _text(element, "meetinglocation")[:200])


def _items(element, where: str, default_paragraph: int | None, errors: list[str]) -> list[_Item]:
    items, numbers = [], set()
    for n, agenda_item in enumerate(element.iter("agendaitem"), start=1):
        iid = _text(agenda_item, "agendaitemid") or str(n)
        here = f"{where}, agendaitem {iid}"
        number = _text(agenda_item, "fulldisplaynumberformat") or _text(agenda_item, "agendaitemnumber")
        title = _text(agenda_item, "agendaitemtitle")
        purpose = re.sub(r"<[^>]+>", " ", _text(agenda_item, "agendatext"))  # modern.gov's text is HTML
        purpose = re.sub(r"\s+", " ", purpose).strip()
        if not number:
            errors.append(f"{here}: agendaitemnumber is empty")
        elif len(number) > 10:
            errors.append(f"{here}: agendaitemnumber {number!r} is longer than 10 characters")
        elif number in numbers:
            errors.append(f"{here}: item number {number} is on the agenda twice")
        numbers.add(number)
        if not title:
            errors.append(f"{here}: agendaitemtitle is empty")
        paragraph = None
        restricted = _text(agenda_item, "isrestricted")
        if restricted not in ("", "True", "False"):
            errors.append(f"{here}: isrestricted {restricted!r} is neither True nor False")
        if restricted == "True":
            found = PARAGRAPH.search(f"{title} {purpose}")
            paragraph = int(found[1]) if found else default_paragraph
            if paragraph is None:
                errors.append(
                    f"{here}: the item is restricted but names no paragraph of Schedule 12A (give the import one)"
                )
            elif not 1 <= paragraph <= 7:
                errors.append(f"{here}: paragraph {paragraph} of Schedule 12A does not exist (1 to 7)")
        items.append(_Item(number, title[:500], purpose, paragraph))
    return items


def read(committees=(), meetings=(), agendas=(), default_paragraph: int | None = None):
    """Every file read and checked: (committees by id, meetings by id), or ModernGovFailed naming each problem."""
    errors: list[str] = []
    known = read_committees(committees, errors)
    found: dict[str, _Meeting] = {}
    for path in meetings:
        root = _parse(path, errors)
        for n, element in enumerate(root.iter("meeting") if root is not None else (), start=1):
            mid = _text(element, "meetingid") or f"number {n}"
            record = _meeting(element, f"{_name(path)}: meeting {mid}", errors)
            if record is not None:
                found[mid] = record
    for path in agendas:
        root = _parse(path, errors)
        if root is None:
            continue
        element = root if root.tag == "meeting" else root.find(".//meeting")
        if element is None:
            errors.append(f"{_name(path)}: there is no <meeting> element (a GetMeeting file?)")
            continue
        mid = _text(element, "meetingid") or _name(path)
        where = f"{_name(path)}: meeting {mid}"
        record = found.get(mid) or _meeting(element, where, errors)
        items = _items(element, where, default_paragraph, errors)  # checked even when the meeting is bad
        if record is not None:
            record.venue = record.venue or _text(element, "meetinglocation")[:200]
            record.items = items
            found[mid] = record
    for mid, record in found.items():
        if record.committee_id not in known:
            errors.append(f"meeting {mid}: committeeid {record.committee_id} is not in the committees file")
    if errors:
        raise ModernGovFailed(errors)
    return known, found


def import_moderngov(committees=(), meetings=(), agendas=(), default_paragraph: int | None = None, user=None):
    known, found = read(committees, meetings, agendas, default_paragraph)
    outcome = Imported()
    try:
        with transaction.atomic():
            bodies = {}
            for cid, title in known.items():
                body = Body.objects.filter(name__iexact=title).first()
                if body is None:
                    code, n = slugify(title)[:36] or f"committee-{cid}", 1
                    base = code
                    while Body.objects.filter(code=code).exists():
                        n += 1
                        code = f"{base}-{n}"
                    body = services.create_body(code=code, name=title, kind=_kind(title), user=user)
                    outcome.bodies_added += 1
                else:
                    outcome.bodies_there += 1
                bodies[cid] = body
            for record in found.values():
                body = bodies[record.committee_id]
                meeting = Meeting.objects.filter(body=body, date=record.date).first()
                if meeting is None:
                    meeting = services.plan_meeting(
                        body, date=record.date, start_time=record.start_time, venue=record.venue, user=user
                    )
                    outcome.meetings_added += 1
                    outcome.added.append((body.name, meeting.date, meeting.pk))
                else:
                    outcome.meetings_there += 1
                for item in record.items:
                    if AgendaItem.objects.filter(meeting=meeting, number=item.number).exists():
                        outcome.items_there += 1
                        continue
                    exempt = {}
                    if item.paragraph:
                        exempt = {
                            "exempt_paragraph": item.paragraph,
                            "exempt_reason": f"Restricted in modern.gov (paragraph {item.paragraph} of Schedule 12A)",
                        }
                        outcome.exempt_items_added += 1
                    services.add_item(
                        meeting, number=item.number, title=item.title, purpose=item.purpose, user=user, **exempt
                    )
                    outcome.items_added += 1
    except ValidationError as error:
        raise ModernGovFailed([f"{m}" for m in error.messages]) from None
    return outcome
