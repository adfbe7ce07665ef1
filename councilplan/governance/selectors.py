"""Reading committee governance as plain records, in a fixed number of queries whatever the number of rows.

Every read for a person passes their user, so exempt items, documents, work programme entries and withheld
minutes (Schedule 12A) reach only people cleared for them (`core.exempt.visible_to`); `user=None` is the public,
who see only formal bodies' published meetings and published records of decision.

For the other systems (assurance, policies) that cite decisions by number: `decision_by_reference` and
`decisions_by_reference` give `DecisionRef`s, so a text reference ("17/00123") can become a foreign key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from councilplan.analysis import governance as rules
from councilplan.core.calendar import working_calendar
from councilplan.core.exempt import Paragraph
from councilplan.core.permissions import can_see_exempt

from .models import (
    AgendaItem,
    Attendance,
    Body,
    Decision,
    ItemDocument,
    Meeting,
    Membership,
    Minute,
    PortfolioHolding,
    WorkProgrammeEntry,
)


def cleared(user) -> bool:
    return user is not None and can_see_exempt(user)


def paragraph_words(paragraph: int | None) -> str:
    return Paragraph(paragraph).label if paragraph else ""


def exclusion_motion(paragraphs: Iterable[int]) -> str:
    """The motion to exclude the press and public for the exempt part, naming its paragraphs (001 l.59-61)."""
    found = sorted(set(paragraphs))
    if not found:
        return ""
    words = " and ".join(str(p) for p in found)
    return (
        "That under Section 100A of the Local Government Act 1972 the press and public be excluded from the meeting "
        "for the following business on the grounds that it involves the likely disclosure of exempt information as "
        f"defined in paragraph{'s' if len(found) > 1 else ''} {words} of Part 1 of Schedule 12A of the Act."
    )


# --- records --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRecord:
    name: str
    group: str
    role: str
    role_label: str
    starts_on: dt.date
    ends_on: dt.date | None


@dataclass(frozen=True)
class BodyRecord:
    id: int
    code: str
    name: str
    kind: str
    kind_label: str
    formal: bool
    seats: int | None
    terms_of_reference: str
    terms_source: str
    parent: str
    sdp_group: str
    notice_days: int
    former_names: tuple[tuple[str, dt.date], ...] = ()
    version: int = 1


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    title: str
    kind: str
    pages: int | None
    text: str
    source: str
    exempt: bool
    paragraph: int | None


@dataclass(frozen=True)
class ActivityRef:
    id: int
    ref: str
    title: str


@dataclass(frozen=True)
class ItemRecord:
    id: int
    number: str
    title: str
    purpose: str
    first_page: int | None
    last_page: int | None
    exempt: bool
    paragraph: int | None
    decision: str
    lead_member: str
    lead_officer: str
    recommendation: str
    paper: str
    documents: tuple[DocumentRecord, ...]
    withheld_documents: int  # exempt documents of an open item, replaced by "Document is Restricted"
    activities: tuple[ActivityRef, ...]
    version: int = 1

    @property
    def pages_text(self) -> str:
        if self.first_page is None:
            return ""
        return f"{self.first_page}–{self.last_page}" if self.last_page != self.first_page else str(self.first_page)


@dataclass(frozen=True)
class MinuteRecord:
    id: int
    number: int
    title: str
    item_reference: str
    exempt_business: bool
    withheld: bool
    officers: str
    text: str
    resolution: str
    vote: str
    post_meeting_note: str
    decision: str
    excluded_paragraph: int | None = None  # the Schedule 12A paragraph exempt business was taken under


@dataclass(frozen=True)
class AttendanceRecord:
    name: str
    kind: str
    role: str
    substitute_for: str


@dataclass
class MeetingRecord:
    id: int
    body: BodyRecord
    date: dt.date
    start_time: dt.time | None
    venue: str
    clerk: str
    clerk_phone: str
    webcast: bool
    state: str
    state_label: str
    published_on: dt.date | None
    signatory: str
    chaired_by: str
    approved_at: dt.date | None
    version: int
    items: list[ItemRecord] = field(default_factory=list)
    exempt_hidden: int = 0  # exempt items left out for this reader
    attendance: list[AttendanceRecord] = field(default_factory=list)
    minutes: list[MinuteRecord] = field(default_factory=list)
    declarations: list[tuple[str, str]] = field(default_factory=list)
    membership: list[MemberRecord] = field(default_factory=list)
    paragraphs: tuple[int, ...] = ()  # of the exempt part, for the motion (from every exempt item, shown or not)

    @property
    def title(self) -> str:
        return f"{self.body.name}, {self.date:%-d %B %Y}"

    @property
    def open_items(self) -> list[ItemRecord]:
        return [i for i in self.items if not i.exempt]

    @property
    def exempt_items(self) -> list[ItemRecord]:
        return [i for i in self.items if i.exempt]

    @property
    def motion(self) -> str:
        return exclusion_motion(self.paragraphs)

    @property
    def notice(self) -> rules.Notice | None:
        if self.published_on is None:
            return None
        return rules.notice(self.published_on, self.date, working_calendar(), self.body.notice_days)

    @property
    def latest_publication(self) -> dt.date:
        return rules.latest_publication(self.date, working_calendar(), self.body.notice_days)

    @property
    def page_problems(self) -> list[str]:
        return rules.page_problems([rules.PageRange(i.number, i.first_page, i.last_page) for i in self.items])

    @property
    def present(self) -> list[AttendanceRecord]:
        return [a for a in self.attendance if a.kind in ("present", "substitute")]

    def attendance_of(self, kind: str) -> list[AttendanceRecord]:
        return [a for a in self.attendance if a.kind == kind]

    @property
    def seat_check(self) -> rules.SeatCheck | None:
        if not self.body.seats or not self.membership or not self.attendance:
            return None
        return rules.seat_check(
            self.body.seats,
            [m.name for m in self.membership],
            [a.name for a in self.attendance if a.kind == "present"],
            [a.substitute_for for a in self.attendance if a.kind == "substitute"],
        )


@dataclass(frozen=True)
class EntryRecord:
    id: int
    year: int
    title: str
    meeting_id: int | None
    meeting_date: dt.date | None
    slot: str
    slot_label: str
    lead_officer: str
    origin: str
    origin_label: str
    origin_text: str
    recurrence: str
    recurrence_label: str
    note: str
    added_on: dt.date | None
    state: str
    state_label: str
    deferred_from: dt.date | None
    reason: str
    exempt: bool
    item_number: str
    decision: str
    generated: bool
    version: int
    activities: tuple[ActivityRef, ...] = ()


@dataclass(frozen=True)
class Consideration:
    body: str
    body_code: str
    date: dt.date
    meeting_id: int
    item_number: str
    exempt: bool


@dataclass(frozen=True)
class DecisionRef:
    """A decision as the other systems link to it: the number, what it is, who decides and where it stands."""

    id: int
    reference: str
    subject: str
    maker: str
    key: bool
    state: str
    taken_on: dt.date | None


@dataclass
class DecisionRecord:
    id: int
    reference: str
    subject: str
    maker: str
    maker_holder: str  # who held the portfolio when it was (or is to be) taken
    key: bool
    key_words: str
    amount_pence: int | None
    state: str
    state_label: str
    outcome: str
    outcome_label: str
    outcome_text: str
    decision_text: str
    reasons: str
    financial_implications: str
    legal_implications: str
    equalities_implications: str
    governance: str
    consultation: str
    alternatives: str
    interests: str
    dispensations: str
    informal_board: str
    informal_on: dt.date | None
    informal_when: str
    forward_plan_on: dt.date | None
    planned_on: dt.date | None
    taken_on: dt.date | None
    signed_by: str
    published_on: dt.date | None
    call_in_ends_on: dt.date | None
    version: int
    considered_at: list[Consideration] = field(default_factory=list)
    undertakings: list[dict] = field(default_factory=list)
    activities: tuple[ActivityRef, ...] = ()

    @property
    def route(self) -> list[str]:
        """The decision's route in words: informal board → forward plan → committee → decision maker."""
        steps = []
        if self.informal_board:
            when = self.informal_when or (f"{self.informal_on:%-d %B %Y}" if self.informal_on else "")
            steps.append(f"{self.informal_board}{f' ({when})' if when else ''}")
        if self.forward_plan_on:
            steps.append(f"Forthcoming Executive Decision list ({self.forward_plan_on:%-d %B %Y})")
        for c in self.considered_at:
            steps.append(f"{c.body} ({c.date:%-d %B %Y}, item {c.item_number}{', exempt' if c.exempt else ''})")
        steps.append(self.maker)
        return steps


# --- bodies ---------------------------------------------------------------------------------------------


def _body_record(body: Body) -> BodyRecord:
    return BodyRecord(
        id=body.pk,
        code=body.code,
        name=body.name,
        kind=body.kind,
        kind_label=body.get_kind_display(),
        formal=body.formal,
        seats=body.seats,
        terms_of_reference=body.terms_of_reference,
        terms_source=body.terms_source,
        parent=body.parent.name if body.parent_id else "",
        sdp_group=body.sdp_group,
        notice_days=body.notice_days,
        former_names=tuple((n.name, n.until) for n in body.former_names.all()),
        version=body.version,
    )


def _bodies():
    return Body.objects.select_related("parent").prefetch_related("former_names")


def bodies(public: bool = False) -> list[BodyRecord]:
    found = _bodies().order_by("name")
    if public:
        found = found.filter(formal=True)
    return [_body_record(b) for b in found]


def get_body(code: str, public: bool = False) -> Body | None:
    found = Body.objects.filter(code=code)
    if public:
        found = found.filter(formal=True)
    return found.first()


def body_record(body: Body) -> BodyRecord:
    return _body_record(_bodies().get(pk=body.pk))


def _member(m: Membership) -> MemberRecord:
    return MemberRecord(m.member.name, m.group, m.role, m.get_role_display(), m.starts_on, m.ends_on)


def membership(body: Body, on: dt.date) -> list[MemberRecord]:
    """The members on `on`, chair and vice-chair first, then by group (largest first) and name."""
    found = [
        m
        for m in Membership.objects.filter(body=body, starts_on__lte=on).select_related("member")
        if m.ends_on is None or m.ends_on >= on
    ]
    return _ordered_members([_member(m) for m in found if m.role != Membership.Role.SUBSTITUTE])


def _ordered_members(members: list[MemberRecord]) -> list[MemberRecord]:
    sizes: dict[str, int] = {}
    for m in members:
        sizes[m.group] = sizes.get(m.group, 0) + 1
    rank = {"chairman": 0, "vice_chairman": 1}
    return sorted(members, key=lambda m: (-sizes[m.group], m.group, rank.get(m.role, 2), _surname(m.name)))


def _surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w not in {"MBE", "OBE", "CBE"}]
    return words[-1].lower() if words else ""


def groups(members: Iterable[MemberRecord]) -> list[tuple[str, list[MemberRecord]]]:
    """Members by political group, in the order given (largest group first)."""
    found: dict[str, list[MemberRecord]] = {}
    for m in members:
        found.setdefault(m.group, []).append(m)
    return list(found.items())


def all_memberships(body: Body) -> list[MemberRecord]:
    return [_member(m) for m in Membership.objects.filter(body=body).select_related("member")]


def portfolio_holders() -> list[dict]:
    rows = PortfolioHolding.objects.select_related("portfolio", "member").order_by("portfolio__title", "starts_on")
    return [
        {"portfolio": str(h.portfolio), "member": h.member.name, "starts_on": h.starts_on, "ends_on": h.ends_on}
        for h in rows
    ]


# --- meetings -------------------------------------------------------------------------------------------


def meetings(user, body: Body | None = None, public: bool = False):
    """Meetings a reader may see: the public only formal bodies' meetings whose agenda is published."""
    found = Meeting.objects.select_related("body")
    if body is not None:
        found = found.filter(body=body)
    if public or user is None:
        found = found.filter(body__formal=True).exclude(state=Meeting.State.PLANNED)
    return found.order_by("-date")


def _activities(record) -> tuple[ActivityRef, ...]:
    return tuple(ActivityRef(a.pk, a.ref, a.title) for a in record.activities.all())


def _item_record(item: AgendaItem, user) -> ItemRecord:
    show = cleared(user)
    docs = list(item.documents.all())
    shown = [d for d in docs if show or not d.exempt]
    return ItemRecord(
        id=item.pk,
        number=item.number,
        title=item.title,
        purpose=item.purpose,
        first_page=item.first_page,
        last_page=item.last_page,
        exempt=item.exempt,
        paragraph=item.exempt_paragraph,
        decision=item.decision.reference if item.decision_id else "",
        lead_member=item.lead_member,
        lead_officer=item.lead_officer,
        recommendation=item.recommendation,
        paper=item.paper,
        documents=tuple(
            DocumentRecord(d.pk, d.title, d.kind, d.pages, d.text, d.source, d.exempt, d.exempt_paragraph)
            for d in shown
        ),
        withheld_documents=len(docs) - len(shown),
        activities=_activities(item),
        version=item.version,
    )


def _minute_record(m: Minute) -> MinuteRecord:
    return MinuteRecord(
        m.pk,
        m.number,
        m.title,
        m.item_reference,
        m.exempt_business,
        m.exempt,
        m.officers,
        m.text,
        m.resolution,
        m.vote,
        m.post_meeting_note,
        m.decision.reference if m.decision_id else "",
        m.excluded_paragraph,
    )


def meeting_records(user, found) -> list[MeetingRecord]:
    """Meetings with their visible items, documents, attendance and minutes: six queries for any number."""
    items = AgendaItem.objects.select_related("decision").prefetch_related(
        Prefetch("documents", queryset=ItemDocument.objects.order_by("order")), "activities"
    )
    minutes = Minute.objects.select_related("decision").order_by("order")
    found = found.select_related("body__parent", "chaired_by", "minutes_approved_at").prefetch_related(
        "body__former_names",
        Prefetch("items", queryset=items.order_by("order"), to_attr="all_items"),
        Prefetch("minutes", queryset=minutes, to_attr="all_minutes"),
        Prefetch("attendance", queryset=Attendance.objects.order_by("id"), to_attr="all_attendance"),
        "declarations",
    )
    show = cleared(user)
    records = []
    for m in found:
        visible_items = [i for i in m.all_items if show or not i.exempt]
        records.append(
            MeetingRecord(
                id=m.pk,
                body=_body_record(m.body),
                date=m.date,
                start_time=m.start_time,
                venue=m.venue,
                clerk=m.clerk,
                clerk_phone=m.clerk_phone,
                webcast=m.webcast,
                state=m.state,
                state_label=m.get_state_display(),
                published_on=m.published_on,
                signatory=m.signatory,
                chaired_by=m.chaired_by.name if m.chaired_by_id else "",
                approved_at=m.minutes_approved_at.date if m.minutes_approved_at_id else None,
                version=m.version,
                items=[_item_record(i, user) for i in visible_items],
                exempt_hidden=len(m.all_items) - len(visible_items),
                attendance=[AttendanceRecord(a.name, a.kind, a.role, a.substitute_for) for a in m.all_attendance],
                minutes=[_minute_record(x) for x in m.all_minutes if show or not x.exempt],
                declarations=[(d.member, d.text) for d in m.declarations.all()],
                paragraphs=tuple(sorted({i.exempt_paragraph for i in m.all_items if i.exempt})),
            )
        )
    return records


def meeting_record(pk: int, user, public: bool = False) -> MeetingRecord | None:
    found = meetings(user, public=public).filter(pk=pk)
    records = meeting_records(user, found)
    if not records:
        return None
    record = records[0]
    record.membership = membership(Body.objects.get(pk=record.body.id), record.date)
    return record


def item_pathway(item: AgendaItem) -> tuple[list[rules.Stop], list[rules.Stop]]:
    """The past and future pathway of the item's paper: the other meetings with an item carrying it."""
    if not item.paper:
        return [], []
    stops = [
        rules.Stop(i.meeting.body.name, i.meeting.date)
        for i in AgendaItem.objects.filter(paper=item.paper).select_related("meeting__body")
    ]
    return rules.pathway(stops, rules.Stop(item.meeting.body.name, item.meeting.date))


# --- the work programme ---------------------------------------------------------------------------------


def _entry_record(e: WorkProgrammeEntry) -> EntryRecord:
    return EntryRecord(
        id=e.pk,
        year=e.year,
        title=e.title,
        meeting_id=e.meeting_id,
        meeting_date=e.meeting.date if e.meeting_id else None,
        slot=e.slot,
        slot_label=e.get_slot_display(),
        lead_officer=e.lead_officer,
        origin=e.origin,
        origin_label=e.get_origin_display(),
        origin_text=e.origin_text,
        recurrence=e.recurrence,
        recurrence_label=rules.RECURRENCES.get(e.recurrence, ""),
        note=e.note,
        added_on=e.added_on,
        state=e.state,
        state_label=e.get_state_display(),
        deferred_from=e.deferred_from.date if e.deferred_from_id else None,
        reason=e.reason,
        exempt=e.exempt,
        item_number=e.item.number if e.item_id else "",
        decision=e.decision.reference if e.decision_id else "",
        generated=e.generated_from_id is not None,
        version=e.version,
        activities=_activities(e),
    )


def entries_queryset(user, body: Body | None = None, year: int | None = None):
    found = WorkProgrammeEntry.objects.visible_to(user if cleared(user) else None)
    if body is not None:
        found = found.filter(body=body)
    if year is not None:
        found = found.filter(year=year)
    return found.select_related("meeting", "deferred_from", "item", "decision", "body").prefetch_related("activities")


def work_programme(user, body: Body, year: int) -> list[EntryRecord]:
    """The body's entries for the year in meeting order; undated ones (other, then future items) last."""
    records = [_entry_record(e) for e in entries_queryset(user, body, year)]
    slot_rank = {"meeting": 0, "other": 1, "future": 2}
    return sorted(records, key=lambda r: (slot_rank[r.slot], r.meeting_date or dt.date.max, r.id))


def by_meeting(entries: Iterable[EntryRecord]) -> list[tuple[str, list[EntryRecord]]]:
    groups_: dict[str, list[EntryRecord]] = {}
    for e in entries:
        key = f"{e.meeting_date:%-d %B %Y}" if e.meeting_date else e.slot_label
        groups_.setdefault(key, []).append(e)
    return list(groups_.items())


def years(body: Body) -> list[int]:
    return sorted(set(WorkProgrammeEntry.objects.filter(body=body).values_list("year", flat=True)), reverse=True)


# --- decisions ------------------------------------------------------------------------------------------


def decisions_queryset(user):
    found = Decision.objects.select_related("portfolio", "maker_body")
    if user is None:
        found = found.filter(state=Decision.State.PUBLISHED)
    return found.order_by("-reference")


def maker(d: Decision) -> str:
    return str(d.portfolio) if d.portfolio_id else (d.maker_body.name if d.maker_body_id else "")


def _holder_on(d: Decision, on: dt.date | None) -> str:
    if not d.portfolio_id:
        return ""
    on = on or dt.date.max
    for h in d.portfolio.holdings.all():
        if h.starts_on <= on and (h.ends_on is None or h.ends_on >= on):
            return h.member.name
    return ""


def decision_record(reference: str, user) -> DecisionRecord | None:
    found = (
        decisions_queryset(user)
        .filter(reference=reference)
        .select_related("informal_board")
        .prefetch_related(
            "activities",
            "undertakings",
            "portfolio__holdings__member",
            Prefetch("items", queryset=AgendaItem.objects.select_related("meeting__body").order_by("meeting__date")),
        )
        .first()
    )
    if found is None:
        return None
    show = cleared(user)
    considered = [
        Consideration(i.meeting.body.name, i.meeting.body.code, i.meeting.date, i.meeting_id, i.number, i.exempt)
        for i in found.items.all()
        if (show or not i.exempt) and (user is not None or i.meeting.state != Meeting.State.PLANNED)
    ]
    on = found.taken_on or (considered[-1].date if considered else None)
    return DecisionRecord(
        id=found.pk,
        reference=found.reference,
        subject=found.subject,
        maker=maker(found),
        maker_holder=_holder_on(found, on),
        key=found.key,
        key_words=rules.KeyTest(found.key, tuple(c for c in found.key_criteria.split(",") if c)).words,
        amount_pence=found.amount_pence,
        state=found.state,
        state_label=found.get_state_display(),
        outcome=found.outcome,
        outcome_label=found.get_outcome_display() if found.outcome else "",
        outcome_text=found.outcome_text,
        decision_text=found.decision_text,
        reasons=found.reasons,
        financial_implications=found.financial_implications,
        legal_implications=found.legal_implications,
        equalities_implications=found.equalities_implications,
        governance=found.governance,
        consultation=found.consultation,
        alternatives=found.alternatives,
        interests=found.interests,
        dispensations=found.dispensations,
        informal_board=found.informal_board.name if found.informal_board_id else "",
        informal_on=found.informal_on,
        informal_when=found.informal_when,
        forward_plan_on=found.forward_plan_on,
        planned_on=found.planned_on,
        taken_on=found.taken_on,
        signed_by=found.signed_by,
        published_on=found.published_on,
        call_in_ends_on=found.call_in_ends_on,
        version=found.version,
        considered_at=considered,
        undertakings=[
            {"id": u.pk, "by": u.by, "text": u.text, "met_on": u.met_on} for u in found.undertakings.order_by("id")
        ],
        activities=_activities(found) if user is not None else (),
    )


def _ref(d: Decision) -> DecisionRef:
    return DecisionRef(d.pk, d.reference, d.subject, maker(d), d.key, d.state, d.taken_on)


def decision_by_reference(reference: str) -> DecisionRef | None:
    """The decision numbered `reference` ('19/00077', spaces around it ignored), or None."""
    found = Decision.objects.select_related("portfolio", "maker_body").filter(reference=reference.strip()).first()
    return _ref(found) if found else None


def decisions_by_reference(references: Iterable[str]) -> dict[str, DecisionRef]:
    """The decisions of these numbers, keyed by number (numbers not recorded are absent): one query."""
    wanted = {r.strip() for r in references if r and r.strip()}
    found = Decision.objects.select_related("portfolio", "maker_body").filter(reference__in=wanted)
    return {d.reference: _ref(d) for d in found}


# --- links to plan activities ---------------------------------------------------------------------------


def activity_evidence(activity_ids: Iterable[int], user) -> dict[int, list[rules.Evidence]]:
    """For each activity, its linked items, entries and decisions as evidence for the cross-check: three queries."""
    ids = list(activity_ids)
    show = cleared(user)
    found: dict[int, list[rules.Evidence]] = {i: [] for i in ids}
    items = (
        AgendaItem.objects.filter(Q(activities__in=ids) | Q(decision__activities__in=ids))
        .select_related("meeting__body", "decision")
        .prefetch_related("activities", "decision__activities")
        .distinct()
    )
    for item in items:
        if item.exempt and not show:
            continue
        linked = {a.pk for a in item.activities.all()}
        if item.decision_id:
            linked |= {a.pk for a in item.decision.activities.all()}
        what = f"{item.meeting.body.name} {item.meeting.date:%-d %B %Y}, item {item.number} {item.title}"
        for pk in linked & set(ids):
            found[pk].append(rules.Evidence(item.meeting.body.sdp_group, item.meeting.date, what))
    entries = (
        WorkProgrammeEntry.objects.filter(activities__in=ids)
        .select_related("meeting", "body")
        .prefetch_related("activities")
        .distinct()
    )
    for e in entries:
        if e.exempt and not show or e.state == WorkProgrammeEntry.State.DROPPED or e.item_id:
            continue
        on = e.meeting.date if e.meeting_id else None
        where = f"{e.meeting.date:%-d %B %Y}" if on else e.get_slot_display().lower()
        what = f"{e.body.name} work programme ({where}): {e.title}"
        for a in e.activities.all():
            if a.pk in found:
                found[a.pk].append(rules.Evidence(e.body.sdp_group, on, what, forward_plan=not e.body.formal))
    return found


@dataclass(frozen=True)
class CrossCheckRow:
    activity: ActivityRef
    check: rules.CrossCheck
    evidence: tuple[rules.Evidence, ...]


def linked_activity_ids() -> set[int]:
    ids = set(AgendaItem.activities.through.objects.values_list("activity_id", flat=True))
    ids |= set(WorkProgrammeEntry.activities.through.objects.values_list("activity_id", flat=True))
    ids |= set(Decision.activities.through.objects.values_list("activity_id", flat=True))
    return ids


def cross_check(round_, user) -> list[CrossCheckRow]:
    """Every activity of the round's plan linked to governance: what the meetings show (reported, expected, on a
    forward plan) beside the return's ticks (spec §7). A fixed number of queries."""
    from councilplan.analysis.vocabulary import BOARD
    from councilplan.core.models import VocabularyTerm
    from councilplan.monitoring.models import Return, Round
    from councilplan.plan.models import Activity

    group_of = {t.code: (t.group or t.code) for t in VocabularyTerm.objects.filter(vocabulary=BOARD)}
    closes = round_.closes_at.date() if round_.closes_at else dt.date.today()
    previous = (
        Round.objects.filter(plan=round_.plan, closes_at__lt=round_.closes_at).order_by("-closes_at").first()
        if round_.closes_at
        else None
    )
    since = previous.closes_at.date() if previous else None
    end = rules.year_end(rules.financial_year(closes))
    activities = Activity.objects.filter(plan=round_.plan, pk__in=linked_activity_ids()).order_by("sort_key", "ref")
    if not cleared(user):
        activities = activities.filter(exempt=False)
    activities = list(activities)
    evidence = activity_evidence([a.pk for a in activities], user)
    returns = {r.activity_id: r for r in Return.objects.filter(round=round_, activity__in=activities)}
    rows = []
    for a in activities:
        r = returns.get(a.pk)
        ticks = None
        if r is not None:
            ticks = rules.Ticks(
                rules.board_groups(r.reported_to, group_of),
                rules.board_groups(r.expected_to_report_to, group_of),
                r.forward_plan_scheduled,
            )
        found = evidence.get(a.pk, [])
        check = rules.cross_check(a.ref, found, ticks, since=since, returned_on=closes, year_end=end)
        rows.append(CrossCheckRow(ActivityRef(a.pk, a.ref, a.title), check, tuple(found)))
    return rows
