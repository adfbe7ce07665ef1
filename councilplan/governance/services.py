"""Changing committee governance's records. Every change goes through here and is saved with who made it and why
(history_change_reason), so each record's history says who changed what and when.

- Records people edit (a meeting, an item, a decision, a work programme entry) carry a version: a save based on
  an older version is refused (one conditional UPDATE), never silently overwriting someone else's.
- A meeting goes planned → agenda published → held → minutes approved; publishing checks the notice against the
  body's clear working days and says when it is short (the product warns, the clerk decides).
- A decision moves only as `analysis.governance.DECISION_MOVES` allows; an undertaking not met blocks "taken".
- Minutes are numbered continuously per body, never reset; an agenda item's number is unique in its meeting.
- A work programme entry taken onto an agenda becomes its item (linked); one not taken is deferred (with a
  reason and a new target) or dropped (with a reason): nothing silently disappears.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max

from councilplan.analysis import governance as rules
from councilplan.core.calendar import working_calendar

from .models import (
    AgendaItem,
    Attendance,
    Body,
    BodyName,
    Decision,
    Declaration,
    ItemDocument,
    Meeting,
    Member,
    Membership,
    Minute,
    Portfolio,
    PortfolioHolding,
    Undertaking,
    WorkProgrammeEntry,
)


class StaleEdit(ValidationError):
    """Someone saved the record after the form was opened."""


def _stale(noun: str) -> StaleEdit:
    return StaleEdit(
        f"Someone else changed this {noun} after you opened it. Your changes have not been saved: open it again "
        "to see theirs, then make yours."
    )


def _claim(obj, expected_version: int | None, noun: str) -> None:
    """The version check: one conditional UPDATE, so two saves racing cannot both pass it."""
    if expected_version is None:
        expected_version = obj.version
    claimed = type(obj).objects.filter(pk=obj.pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise _stale(noun)
    obj.version = expected_version + 1


def _save(instance, user, reason: str = "", exclude: Sequence[str] = ()):
    instance.full_clean(exclude=list(exclude) or None, validate_unique=True)
    instance._history_user = user
    instance._change_reason = reason
    instance.save()
    return instance


def _apply(instance, fields: dict, allowed: Iterable[str], what: str) -> None:
    allowed = set(allowed)
    for key, value in fields.items():
        if key not in allowed:
            raise TypeError(f"{what}() got an unexpected field {key!r}")
        setattr(instance, key, value.strip() if isinstance(value, str) else value)


# --- bodies, members, portfolios ------------------------------------------------------------------------

BODY_FIELDS = (
    "kind",
    "parent",
    "formal",
    "seats",
    "terms_of_reference",
    "terms_source",
    "sdp_group",
    "notice_days",
)


@transaction.atomic
def create_body(*, code: str, name: str, user=None, **fields) -> Body:
    if Body.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": f"There is already a body called {name.strip()}."})
    body = Body(code=code.strip(), name=name.strip())
    _apply(body, fields, BODY_FIELDS, "create_body")
    return _save(body, user, "Body added")


@transaction.atomic
def update_body(body: Body, *, user=None, expected_version: int | None = None, **fields) -> Body:
    _apply(body, fields, BODY_FIELDS, "update_body")
    body.full_clean(exclude=["version"])
    _claim(body, expected_version, "body")
    return _save(body, user, "Details changed", exclude=["version"])


@transaction.atomic
def rename_body(body: Body, *, name: str, on: dt.date, user=None) -> Body:
    """A new name from `on`: the old one is kept as a former name (until the day before)."""
    name = name.strip()
    if not name or name == body.name:
        raise ValidationError({"name": "Enter the body's new name."})
    if Body.objects.filter(name__iexact=name).exclude(pk=body.pk).exists():
        raise ValidationError({"name": f"There is already a body called {name}."})
    _save(BodyName(body=body, name=body.name, until=on - dt.timedelta(days=1)), user, "Renamed")
    body.name = name
    return _save(body, user, f"Renamed from {body.former_names.first().name}")


def member(name: str, *, user=None, group: str = "", short_name: str = "") -> Member:
    """The member of this name, made when new."""
    name = name.strip()
    found = Member.objects.filter(name=name).first()
    if found is not None:
        return found
    return _save(Member(name=name, group=group, short_name=short_name), user, "Member added")


@transaction.atomic
def add_membership(
    body: Body,
    name: str,
    *,
    starts_on: dt.date,
    role: str = Membership.Role.MEMBER,
    group: str = "",
    ends_on: dt.date | None = None,
    user=None,
) -> Membership:
    person = member(name, user=user, group=group)
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": "The membership must end on or after it starts."})
    overlapping = Membership.objects.filter(body=body, member=person, starts_on__lte=ends_on or dt.date.max).exclude(
        ends_on__lt=starts_on
    )
    if overlapping.exists():
        raise ValidationError({"member": f"{person.name} is already a member of {body.name} then."})
    return _save(
        Membership(
            body=body, member=person, role=role, group=group or person.group, starts_on=starts_on, ends_on=ends_on
        ),
        user,
        "Membership added",
    )


@transaction.atomic
def end_membership(membership: Membership, *, on: dt.date, user=None) -> Membership:
    if on < membership.starts_on:
        raise ValidationError({"ends_on": "The membership must end on or after it starts."})
    membership.ends_on = on
    return _save(membership, user, "Membership ended")


def portfolio(title: str, *, user=None) -> Portfolio:
    found = Portfolio.objects.filter(title=title.strip()).first()
    return found or _save(Portfolio(title=title.strip()), user, "Portfolio added")


@transaction.atomic
def hand_portfolio(folio: Portfolio, name: str, *, on: dt.date, user=None) -> PortfolioHolding:
    """`name` holds the portfolio from `on`; the previous holder's holding ends the day before."""
    person = member(name, user=user)
    current = folio.holdings.filter(ends_on__isnull=True).order_by("-starts_on").first()
    if current is not None:
        if current.starts_on >= on:
            raise ValidationError({"starts_on": "The new holder must start after the current one did."})
        current.ends_on = on - dt.timedelta(days=1)
        _save(current, user, "Portfolio handed on")
    return _save(PortfolioHolding(portfolio=folio, member=person, starts_on=on), user, "Portfolio holder")


@transaction.atomic
def end_holding(holding: PortfolioHolding, *, on: dt.date, user=None) -> PortfolioHolding:
    """The portfolio's holder stops holding it on `on` (a reshuffle that ends the portfolio)."""
    if on < holding.starts_on:
        raise ValidationError({"ends_on": "A holding ends on or after it starts."})
    holding.ends_on = on
    return _save(holding, user, "Portfolio holding ended")


# --- meetings -------------------------------------------------------------------------------------------

MEETING_FIELDS = ("start_time", "venue", "clerk", "clerk_phone", "webcast", "signatory")


@transaction.atomic
def plan_meeting(body: Body, *, date: dt.date, user=None, **fields) -> Meeting:
    if Meeting.objects.filter(body=body, date=date).exists():
        raise ValidationError({"date": f"{body.name} already has a meeting on {date:%-d %B %Y}."})
    meeting = Meeting(body=body, date=date)
    _apply(meeting, fields, MEETING_FIELDS, "plan_meeting")
    return _save(meeting, user, "Meeting planned")


@transaction.atomic
def update_meeting(meeting: Meeting, *, user=None, expected_version: int | None = None, date=None, **fields):
    _apply(meeting, fields, MEETING_FIELDS, "update_meeting")
    if date is not None and date != meeting.date:
        if meeting.state != Meeting.State.PLANNED:
            raise ValidationError({"date": "The agenda is published: the meeting's date can no longer change."})
        if Meeting.objects.filter(body=meeting.body, date=date).exclude(pk=meeting.pk).exists():
            raise ValidationError({"date": f"{meeting.body.name} already has a meeting on {date:%-d %B %Y}."})
        meeting.date = date
    meeting.full_clean(exclude=["version"])
    _claim(meeting, expected_version, "meeting")
    return _save(meeting, user, "Details changed", exclude=["version"])


def notice_for(meeting: Meeting, published_on: dt.date) -> rules.Notice:
    return rules.notice(published_on, meeting.date, working_calendar(), meeting.body.notice_days)


@transaction.atomic
def publish_agenda(meeting: Meeting, *, on: dt.date, signatory: str = "", user=None) -> rules.Notice:
    """The agenda is published on `on`: entries of the work programme targeted at the meeting and not taken are
    left planned for the clerk to defer or drop. Returns the notice given (short notice is allowed: the clerk
    may have reasons, and the page says so)."""
    if meeting.state != Meeting.State.PLANNED:
        raise ValidationError("The agenda of this meeting is already published.")
    if on > meeting.date:
        raise ValidationError({"published_on": "An agenda is published before its meeting."})
    if not meeting.items.exists():
        raise ValidationError("Add the agenda's items before publishing it.")
    problems = rules.page_problems(_page_ranges(meeting))
    if problems:
        raise ValidationError(problems)
    meeting.state = Meeting.State.PUBLISHED
    meeting.published_on = on
    if signatory:
        meeting.signatory = signatory.strip()
    _save(meeting, user, "Agenda published")
    return notice_for(meeting, on)


def _page_ranges(meeting: Meeting) -> list[rules.PageRange]:
    return [
        rules.PageRange(i.number, i.first_page, i.last_page)
        for i in meeting.items.order_by("order").only("number", "first_page", "last_page")
    ]


@transaction.atomic
def record_held(meeting: Meeting, *, user=None, chaired_by: Member | None = None, today: dt.date | None = None):
    if meeting.state != Meeting.State.PUBLISHED:
        raise ValidationError("Only a meeting whose agenda is published can be recorded as held.")
    if today is not None and meeting.date > today:
        raise ValidationError("The meeting has not happened yet.")
    meeting.state = Meeting.State.HELD
    if chaired_by is not None:
        meeting.chaired_by = chaired_by
    return _save(meeting, user, "Meeting held")


@transaction.atomic
def set_chair(meeting: Meeting, name: str, *, user=None) -> Meeting:
    """Who chaired the meeting (the Vice-Chairman takes the chair when the Chairman is absent)."""
    meeting.chaired_by = member(name, user=user)
    return _save(meeting, user, f"Chaired by {meeting.chaired_by.name}")


@transaction.atomic
def approve_minutes(meeting: Meeting, *, at: Meeting, user=None) -> Meeting:
    """Meeting `meeting`'s minutes agreed as a correct record at `at`, a later meeting of the same body."""
    if meeting.state != Meeting.State.HELD:
        raise ValidationError("Only the minutes of a meeting held and not yet approved can be approved.")
    if at.body_id != meeting.body_id or at.date <= meeting.date:
        raise ValidationError({"at": "Minutes are approved at a later meeting of the same body."})
    meeting.state = Meeting.State.APPROVED
    meeting.minutes_approved_at = at
    return _save(meeting, user, f"Minutes approved at the meeting of {at.date:%-d %B %Y}")


@transaction.atomic
def record_attendance(
    meeting: Meeting, name: str, kind: str, *, role: str = "", substitute_for: str = "", user=None
) -> Attendance:
    person = Member.objects.filter(name=name.strip()).first()
    if kind == Attendance.Kind.SUBSTITUTE and not substitute_for.strip():
        raise ValidationError({"substitute_for": "Say which member the substitute sat for."})
    return _save(
        Attendance(
            meeting=meeting,
            name=name.strip(),
            member=person,
            kind=kind,
            role=role,
            substitute_for=substitute_for.strip(),
        ),
        user,
        "Attendance recorded",
    )


@transaction.atomic
def declare(meeting: Meeting, member_name: str, text: str, *, user=None) -> Declaration:
    return _save(Declaration(meeting=meeting, member=member_name.strip(), text=text.strip()), user, "Declared")


# --- agenda items and documents -------------------------------------------------------------------------

ITEM_FIELDS = (
    "number",
    "title",
    "purpose",
    "first_page",
    "last_page",
    "decision",
    "lead_member",
    "lead_officer",
    "author",
    "recommendation",
    "paper",
    "exempt_paragraph",
    "exempt_reason",
    "public_interest_test",
)


def _check_item(item: AgendaItem) -> None:
    if item.first_page and item.last_page and item.last_page < item.first_page:
        raise ValidationError({"last_page": "The last page must be on or after the first."})
    duplicate = AgendaItem.objects.filter(meeting=item.meeting, number=item.number).exclude(pk=item.pk)
    if duplicate.exists():
        raise ValidationError({"number": f"The agenda already has an item {item.number}."})


@transaction.atomic
def add_item(meeting: Meeting, *, user=None, order: int | None = None, entry=None, **fields) -> AgendaItem:
    """An item at the end of the agenda (or at `order`). `entry`: the work programme entry it comes from, then
    taken (linked to the item)."""
    if order is None:
        order = (meeting.items.aggregate(m=Max("order"))["m"] or 0) + 1
    item = AgendaItem(meeting=meeting, order=order)
    _apply(item, fields, ITEM_FIELDS, "add_item")
    _check_item(item)
    _save(item, user, "Item added", exclude=["version"])
    if entry is not None:
        take_entry(entry, item, user=user)
    return item


@transaction.atomic
def update_item(item: AgendaItem, *, user=None, expected_version: int | None = None, **fields) -> AgendaItem:
    _apply(item, fields, ITEM_FIELDS, "update_item")
    _check_item(item)
    item.full_clean(exclude=["version"])
    _claim(item, expected_version, "item")
    return _save(item, user, "Item changed", exclude=["version"])


@transaction.atomic
def move_to_exempt_part(item: AgendaItem, *, paragraph: int, reason: str, user=None) -> AgendaItem:
    """The chair takes the item in the exempt part (TFM, 16 June 2017)."""
    item.exempt_paragraph = paragraph
    item.exempt_reason = reason.strip()
    return _save(item, user, "Moved into the exempt part")


@transaction.atomic
def add_document(item: AgendaItem, *, title: str, user=None, **fields) -> ItemDocument:
    order = (item.documents.aggregate(m=Max("order"))["m"] or 0) + 1
    document = ItemDocument(item=item, title=title.strip(), order=order)
    _apply(
        document,
        fields,
        ("kind", "pages", "text", "source", "exempt_paragraph", "exempt_reason", "public_interest_test"),
        "add_document",
    )
    return _save(document, user, "Document added")


@transaction.atomic
def set_links(record, *, activities, user=None):
    """The plan activities an item, entry or decision relates to (replacing the old set)."""
    record.activities.set(list(activities))
    record._history_user = user
    record._change_reason = "Activities linked"
    record.save()
    return record


# --- decisions ------------------------------------------------------------------------------------------

DECISION_FIELDS = (
    "subject",
    "portfolio",
    "maker_body",
    "key_criteria",
    "amount_pence",
    "decision_text",
    "reasons",
    "financial_implications",
    "legal_implications",
    "equalities_implications",
    "governance",
    "consultation",
    "alternatives",
    "interests",
    "dispensations",
    "informal_board",
    "informal_on",
    "informal_when",
    "forward_plan_on",
    "planned_on",
    "signed_by",
)


def _check_decision(decision: Decision) -> None:
    problem = rules.check_decision_number(decision.reference)
    if problem:
        raise ValidationError({"reference": problem})
    if bool(decision.portfolio_id) == bool(decision.maker_body_id):
        raise ValidationError({"portfolio": "Name the decision maker: a cabinet member's portfolio or Cabinet."})
    criteria = [c.strip() for c in decision.key_criteria.split(",") if c.strip()]
    test = rules.key_decision(decision.amount_pence, other_criteria=criteria)
    decision.key = test.key
    decision.key_criteria = ",".join(test.criteria)


@transaction.atomic
def create_decision(*, reference: str, subject: str, user=None, **fields) -> Decision:
    reference = reference.strip()
    if Decision.objects.filter(reference=reference).exists():
        raise ValidationError({"reference": f"Decision {reference} is already recorded."})
    decision = Decision(reference=reference, subject=subject.strip())
    _apply(decision, fields, DECISION_FIELDS, "create_decision")
    _check_decision(decision)
    return _save(decision, user, "Decision proposed")


@transaction.atomic
def update_decision(decision: Decision, *, user=None, expected_version: int | None = None, **fields) -> Decision:
    if decision.state in (Decision.State.PUBLISHED, Decision.State.WITHDRAWN):
        raise ValidationError("A published or withdrawn record of decision is no longer changed.")
    _apply(decision, fields, DECISION_FIELDS, "update_decision")
    _check_decision(decision)
    decision.full_clean(exclude=["version"])
    _claim(decision, expected_version, "decision")
    return _save(decision, user, "Record changed", exclude=["version"])


def _move(decision: Decision, to: str, user, reason: str) -> Decision:
    open_undertakings = decision.undertakings.filter(met_on__isnull=True).count() if decision.pk else 0
    problem = rules.decision_move_problem(decision.state, to, open_undertakings=open_undertakings)
    if problem:
        raise ValidationError(problem)
    decision.state = to
    return _save(decision, user, reason)


@transaction.atomic
def record_outcome(decision: Decision, *, outcome: str, text: str = "", user=None) -> Decision:
    """The cabinet committee's outcome: endorsed, endorsed subject to conditions, recommendations, noted."""
    if outcome not in rules.OUTCOMES:
        raise ValidationError({"outcome": "Select what the committee resolved."})
    if outcome == "endorsed_subject_to" and not text.strip():
        raise ValidationError({"outcome_text": "Say what the endorsement is subject to."})
    decision.outcome = outcome
    decision.outcome_text = text.strip()
    if decision.state == Decision.State.PROPOSED:
        return _move(decision, Decision.State.CONSIDERED, user, f"Considered: {rules.OUTCOMES[outcome].lower()}")
    return _save(decision, user, f"Outcome: {rules.OUTCOMES[outcome].lower()}")


@transaction.atomic
def take_decision(decision: Decision, *, on: dt.date, signed_by: str, user=None, call_in_days: int = 5):
    """The decision maker signs: taken on `on`; the call-in period runs `call_in_days` working days."""
    if not signed_by.strip():
        raise ValidationError({"signed_by": "Enter who signed the record."})
    decision.taken_on = on
    decision.signed_by = signed_by.strip()
    decision.call_in_ends_on = working_calendar().add(on, call_in_days)
    return _move(decision, Decision.State.TAKEN, user, "Decision taken")


@transaction.atomic
def publish_decision(decision: Decision, *, on: dt.date, user=None) -> Decision:
    if decision.taken_on and on < decision.taken_on:
        raise ValidationError({"published_on": "A record is published on or after the day the decision is taken."})
    decision.published_on = on
    return _move(decision, Decision.State.PUBLISHED, user, "Record published")


@transaction.atomic
def withdraw_decision(decision: Decision, *, reason: str, user=None) -> Decision:
    if not reason.strip():
        raise ValidationError({"reason": "Say why the decision is withdrawn."})
    return _move(decision, Decision.State.WITHDRAWN, user, f"Withdrawn: {reason.strip()}")


@transaction.atomic
def add_undertaking(decision: Decision | None, *, by: str, text: str, meeting: Meeting | None = None, user=None):
    return _save(Undertaking(decision=decision, meeting=meeting, by=by.strip(), text=text.strip()), user, "Undertaking")


@transaction.atomic
def meet_undertaking(undertaking: Undertaking, *, on: dt.date, user=None) -> Undertaking:
    if undertaking.met_on is not None:
        raise ValidationError("This undertaking is already met.")
    undertaking.met_on = on
    return _save(undertaking, user, "Undertaking met")


# --- minutes --------------------------------------------------------------------------------------------

MINUTE_FIELDS = (
    "item",
    "item_reference",
    "excluded_paragraph",
    "excluded_reason",
    "officers",
    "text",
    "resolution",
    "vote",
    "post_meeting_note",
    "decision",
    "exempt_paragraph",
    "exempt_reason",
    "public_interest_test",
)


def next_minute_number(body: Body) -> int:
    return (Minute.objects.filter(body=body).aggregate(m=Max("number"))["m"] or 0) + 1


@transaction.atomic
def add_minute(meeting: Meeting, *, title: str, number: int | None = None, user=None, **fields) -> Minute:
    """The next minute of the body (numbered on from its last, never reset), in the order business was taken.
    `number`: a minute recorded from the papers with its own number, which must be free."""
    if meeting.state == Meeting.State.PLANNED:
        raise ValidationError("Minutes are recorded once the agenda is published and the meeting held.")
    number = number or next_minute_number(meeting.body)
    if Minute.objects.filter(body=meeting.body, number=number).exists():
        raise ValidationError({"number": f"Minute {number} of {meeting.body.name} is already recorded."})
    order = (meeting.minutes.aggregate(m=Max("order"))["m"] or 0) + 1
    minute = Minute(body=meeting.body, meeting=meeting, number=number, order=order, title=title.strip())
    _apply(minute, fields, MINUTE_FIELDS, "add_minute")
    if minute.item_id and not minute.item_reference:
        minute.item_reference = f"Item {minute.item.number}"
    return _save(minute, user, "Minute recorded")


# --- the work programme ---------------------------------------------------------------------------------

ENTRY_FIELDS = (
    "meeting",
    "slot",
    "lead_officer",
    "origin",
    "origin_text",
    "recurrence",
    "note",
    "added_on",
    "decision",
    "exempt_paragraph",
    "exempt_reason",
    "public_interest_test",
)


def _check_entry(entry: WorkProgrammeEntry) -> None:
    if entry.meeting_id:
        if entry.meeting.body_id != entry.body_id:
            raise ValidationError({"meeting": "Target a meeting of the same body."})
        entry.slot = WorkProgrammeEntry.Slot.MEETING
    elif entry.slot == WorkProgrammeEntry.Slot.MEETING:
        raise ValidationError({"meeting": "Select the meeting, or put the entry under other or future items."})


@transaction.atomic
def add_entry(body: Body, *, year: int, title: str, user=None, **fields) -> WorkProgrammeEntry:
    entry = WorkProgrammeEntry(body=body, year=year, title=title.strip())
    _apply(entry, fields, ENTRY_FIELDS, "add_entry")
    _check_entry(entry)
    return _save(entry, user, "Entry added", exclude=["version"])


@transaction.atomic
def take_entry(entry: WorkProgrammeEntry, item: AgendaItem, *, user=None) -> WorkProgrammeEntry:
    if entry.state not in (WorkProgrammeEntry.State.PLANNED, WorkProgrammeEntry.State.DEFERRED):
        raise ValidationError("Only a planned or deferred entry can be taken onto an agenda.")
    entry.item = item
    entry.meeting = item.meeting
    entry.slot = WorkProgrammeEntry.Slot.MEETING
    entry.state = WorkProgrammeEntry.State.TAKEN
    return _save(entry, user, f"Taken as item {item.number} of {item.meeting.date:%-d %B %Y}", exclude=["version"])


@transaction.atomic
def defer_entry(
    entry: WorkProgrammeEntry,
    *,
    reason: str,
    to: Meeting | None = None,
    user=None,
    expected_version: int | None = None,
) -> WorkProgrammeEntry:
    """Re-target the entry (to a later meeting, or to future items when `to` is None), saying why."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why the entry is deferred."})
    if entry.state == WorkProgrammeEntry.State.TAKEN or entry.state == WorkProgrammeEntry.State.DROPPED:
        raise ValidationError("An entry taken or dropped is not deferred.")
    if to is not None and entry.meeting_id and to.date <= entry.meeting.date:
        raise ValidationError({"to": "Defer to a later meeting."})
    _claim(entry, expected_version, "entry")
    entry.deferred_from = entry.meeting
    entry.meeting = to
    entry.slot = WorkProgrammeEntry.Slot.MEETING if to else WorkProgrammeEntry.Slot.FUTURE
    entry.state = WorkProgrammeEntry.State.DEFERRED
    entry.reason = reason.strip()
    _check_entry(entry)
    return _save(entry, user, f"Deferred: {entry.reason}", exclude=["version"])


@transaction.atomic
def drop_entry(entry: WorkProgrammeEntry, *, reason: str, user=None, expected_version: int | None = None):
    if not reason.strip():
        raise ValidationError({"reason": "Say why the entry is dropped."})
    if entry.state in (WorkProgrammeEntry.State.TAKEN, WorkProgrammeEntry.State.DROPPED):
        raise ValidationError("This entry is already taken or dropped.")
    _claim(entry, expected_version, "entry")
    entry.state = WorkProgrammeEntry.State.DROPPED
    entry.reason = reason.strip()
    return _save(entry, user, f"Dropped: {entry.reason}", exclude=["version"])


@transaction.atomic
def generate_recurring(body: Body, year: int, *, user=None) -> list[WorkProgrammeEntry]:
    """Entries for the rest of the year from each recurring entry targeted at a meeting, at the meetings its
    recurrence reaches (analysis.governance.recurring_dates). An entry already there (same title, same meeting)
    is not made twice, so running it again adds nothing."""
    meetings = {m.date: m for m in body.meetings.all()}
    end = rules.year_end(year)
    made = []
    existing = set(
        WorkProgrammeEntry.objects.filter(body=body, meeting__isnull=False).values_list("title", "meeting_id")
    )
    sources = (
        WorkProgrammeEntry.objects.filter(body=body, year=year, meeting__isnull=False, generated_from__isnull=True)
        .exclude(recurrence="")
        .select_related("meeting")
    )
    for source in sources:
        for day in rules.recurring_dates(source.recurrence, source.meeting.date, sorted(meetings), end):
            target = meetings[day]
            if (source.title, target.pk) in existing:
                continue
            entry = WorkProgrammeEntry(
                body=body,
                year=year,
                title=source.title,
                meeting=target,
                lead_officer=source.lead_officer,
                origin=WorkProgrammeEntry.Origin.GENERATED,
                origin_text=source.origin_text,
                recurrence=source.recurrence,
                generated_from=source,
                exempt_paragraph=source.exempt_paragraph,
                exempt_reason=source.exempt_reason,
                public_interest_test=source.public_interest_test,
            )
            made.append(_save(entry, user, "Generated from a recurring entry", exclude=["version"]))
            existing.add((source.title, target.pk))
    return made
