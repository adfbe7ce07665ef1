"""Reading monitoring data: exports and the plain records the analysis engine reads.

Each function issues a fixed number of queries, whatever the number of activities.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, NullIf, Trim

from councilplan.analysis import records
from councilplan.analysis import vocabulary as v
from councilplan.analysis.figures import Figure
from councilplan.analysis.monitoring import ref_sort_key
from councilplan.core.evidence import KINDS, EvidenceRecord, evidence_records
from councilplan.core.exchange import format_bool, format_list
from councilplan.core.models import Outcome, VocabularyTerm
from councilplan.plan.models import Activity, Plan

from . import permissions
from .exchange import format_milestone
from .models import Return, ReturnEvidence, Round
from .questions import (
    ANSWER_FIELDS,
    ANSWER_NAMES,
    CHOICES,
    DECISION,
    MILESTONE_TYPES,
    MILESTONES,
    QUESTIONS,
    RECORD_FIELDS,
    RETURN_COLUMNS,
    YES_NO,
)
from .rules import answer_differences, describe_answer, describe_milestone, describe_time, is_not_on_track


def _cells(question, value) -> list[object]:
    """One answer as the exchange format's cells (a milestone answer fills one column per milestone type)."""
    if question.kind == MILESTONES:
        return [format_milestone((value or {}).get(code)) for code in MILESTONE_TYPES]
    if question.kind == CHOICES:
        return [format_list(value)]
    if question.kind in (YES_NO, DECISION):
        return [format_bool(value)]
    return ["" if value is None else value]


def return_rows(round_: Round, include_exempt: bool = True) -> tuple[list[str], list[list[object]]]:
    """A round's submitted returns as the exchange format's returns table; the returns of exempt activities
    (Schedule 12A) only with `include_exempt` (the reader is cleared)."""
    returns = (
        round_.returns.filter(state=Return.State.SUBMITTED)
        .shown(include_exempt)
        .select_related("activity")
        .order_by("activity__sort_key", "activity__ref")
    )
    rows = [[r.activity.ref, *(cell for q in QUESTIONS for cell in _cells(q, getattr(r, q.name)))] for r in returns]
    return RETURN_COLUMNS, rows


def ending_returns():
    """Submitted returns that take their activity out of monitoring after their round (spec §5 scope):
    a project status other than active, unless CMT decided it remains (no decision recorded: it leaves).

    The database form of the rule `councilplan.analysis.monitoring` applies to plain records.
    """
    return (
        Return.objects.filter(state=Return.State.SUBMITTED)
        .exclude(project_status=v.ACTIVE)
        .exclude(remain_in_monitoring=True)
    )


def find_round(plan: Plan, label: str) -> Round | None:
    return plan.rounds.filter(label=label).first()


def previous_round(round_: Round) -> Round | None:
    return round_.plan.rounds.filter(label__lt=round_.label).order_by("-label").first()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _record_value(question, value):
    if question.kind == MILESTONES:
        return {
            code: records.Milestone(_date(m.get("date")), bool(m.get("estimated")), m.get("text", ""))
            for code, m in (value or {}).items()
        }
    if question.kind == CHOICES:
        return tuple(value or ())
    return value


def to_record(r: Return | dict, ref: str) -> records.Return:
    """A return (or a row of `RECORD_FIELDS`) as the analysis engine's plain record."""
    get = r.get if isinstance(r, dict) else (lambda name: getattr(r, name))
    answers = {q.name: _record_value(q, get(q.name)) for q in QUESTIONS}
    return records.Return(ref=ref, **answers, late=get("late"))


def activity_records(plan: Plan) -> tuple[records.Activity, ...]:
    activities = (
        Activity.objects.filter(plan=plan)
        .select_related("outcome", "directorate", "lead_officer")
        .order_by("sort_key", "ref")
    )
    return tuple(
        records.Activity(
            ref=a.ref,
            title=a.title,
            outcome=a.outcome.title,
            activity_type=a.activity_type,
            end_date=a.end_date,
            start_date=a.start_date,
            directorate=a.directorate.name if a.directorate else "",
            lead_officer=str(a.lead_officer) if a.lead_officer else "",
            description=a.description,
            exempt=a.exempt,
        )
        for a in activities
    )


def plan_data(plan: Plan, up_to: Round | None = None) -> records.PlanData:
    """The plan's activities and its rounds (up to and including `up_to`) with their submitted returns.

    Four queries: rounds, returns, activities, outcomes.
    """
    rounds = list(plan.rounds.order_by("label"))
    if up_to is not None:
        rounds = [r for r in rounds if r.label <= up_to.label]
    returns_by_round: dict[int, list[records.Return]] = {r.id: [] for r in rounds}
    rows = (
        Return.objects.filter(round__in=[r.id for r in rounds], state=Return.State.SUBMITTED)
        .order_by("activity__sort_key", "activity__ref")
        .values(*RECORD_FIELDS)
    )
    for row in rows.iterator(chunk_size=2000):
        returns_by_round[row["round_id"]].append(to_record(row, row["activity__ref"]))
    activities = activity_records(plan)
    outcomes = tuple(
        Outcome.objects.filter(activities__plan=plan)
        .order_by("order", "title")
        .distinct()
        .values_list("title", flat=True)
    )
    return records.PlanData(
        name=plan.name,
        activities=activities,
        rounds=tuple(records.Round(r.label, tuple(returns_by_round[r.id])) for r in rounds),
        outcomes=outcomes,
    )


# --- the corporate team's tracker, reminders and dashboard ----------------------------------------------

# A return's state as the tracker shows it. "Late" is a return submitted after the window closed
# (the team allowed late returns, or reopened it).
# "Awaiting sign-off": submitted by its officer, not yet signed off by its directorate (when the organisation asks
# for a directorate sign-off); it is not yet the corporate team's, so it does not count as a response.
NOT_STARTED, DRAFT, AWAITING, SUBMITTED, LATE = "not_started", "draft", "awaiting", "submitted", "late"
TRACKER_STATES = {
    NOT_STARTED: "Not started",
    DRAFT: "Draft",
    AWAITING: "Awaiting sign-off",
    SUBMITTED: "Submitted",
    LATE: "Submitted late",
}
NO_DIRECTORATE = "No directorate recorded"


@dataclass(frozen=True)
class Person:
    """Someone who completes an activity's returns, as the tracker and the reminders need them."""

    id: int
    name: str
    email: str
    active: bool

    @classmethod
    def of(cls, user) -> Person:
        return cls(user.id, str(user), user.email.strip(), user.is_active)


@dataclass(frozen=True)
class TrackerRow:
    """One activity in the round's scope and where its return is."""

    activity_id: int
    ref: str
    title: str
    directorate: str
    lead_officer: Person | None
    colleagues: tuple[Person, ...]
    state: str
    submitted_at: dt.datetime | None
    reopened: bool
    return_id: int | None = None  # None: not started
    sent_back: bool = False  # a draft again because the corporate team sent it back with a query

    @property
    def state_label(self) -> str:
        return TRACKER_STATES[self.state]

    @property
    def outstanding(self) -> bool:
        return self.state in (NOT_STARTED, DRAFT)

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone who may complete the return: the lead officer first, then the nominated colleagues."""
        everyone = [self.lead_officer, *self.colleagues] if self.lead_officer else list(self.colleagues)
        return tuple({p.id: p for p in everyone}.values())


@dataclass(frozen=True)
class StateCounts:
    """How many activities of a directorate (or of all) are in each state."""

    name: str
    not_started: int = 0
    draft: int = 0
    submitted: int = 0
    late: int = 0
    awaiting: int = 0

    @property
    def in_scope(self) -> int:
        return self.not_started + self.draft + self.awaiting + self.submitted + self.late

    @property
    def responded(self) -> int:
        return self.submitted + self.late

    @property
    def response_rate(self) -> Figure:
        return Figure.from_counts(self.responded, self.in_scope)


def _counts(name: str, tally: Counter) -> StateCounts:
    return StateCounts(name, tally[NOT_STARTED], tally[DRAFT], tally[SUBMITTED], tally[LATE], tally[AWAITING])


# More lead officers than this and the tracker offers no select box of them (thousands of options make a page
# of hundreds of kilobytes nobody can scroll): the search finds a lead officer by name or e-mail instead.
LEAD_OFFICER_CHOICES = 300


def _display_name(prefix: str = ""):
    """`str(user)` in the database: the name, else the full name, else the user name (core.User.__str__)."""
    full = Trim(Concat(F(f"{prefix}first_name"), Value(" "), F(f"{prefix}last_name")))
    return Coalesce(NullIf(F(f"{prefix}name"), Value("")), NullIf(full, Value("")), F(f"{prefix}username"))


def _person(row: dict, prefix: str) -> Person:
    full = f"{row[prefix + 'first_name']} {row[prefix + 'last_name']}".strip()
    name = row[prefix + "name"] or full or row[prefix + "username"]
    return Person(row[prefix + "id"], name, (row[prefix + "email"] or "").strip(), row[prefix + "is_active"])


_PERSON = ("id", "name", "first_name", "last_name", "username", "email", "is_active")


class TrackerRows(Sequence):
    """The tracker's activities (the round's scope, or what a search and filters keep of it), in activity number
    order, built as `TrackerRow`s only when read: a page of 50 builds 50 rows whatever the size of the plan.

    Narrowing (`of_directorate`, `led_by`, `in_state`, `search`) is done in the database. Reading any part makes
    a fixed number of queries: the order (one, memoised), then activities, their colleagues and the round's
    returns for the rows read (three)."""

    def __init__(self, round_: Round, activities: QuerySet):
        self.round = round_
        self._activities = activities  # in scope, annotated with `tracker_state`
        self._order: list[int] | None = None
        self._all: list[TrackerRow] | None = None

    def _narrowed(self, activities: QuerySet) -> TrackerRows:
        return TrackerRows(self.round, activities)

    def of_directorate(self, name: str) -> TrackerRows:
        if name == NO_DIRECTORATE:
            return self._narrowed(self._activities.filter(directorate__isnull=True))
        return self._narrowed(self._activities.filter(directorate__name=name))

    def led_by(self, person_id: int) -> TrackerRows:
        return self._narrowed(self._activities.filter(lead_officer_id=person_id))

    def in_state(self, *states: str) -> TrackerRows:
        return self._narrowed(self._activities.filter(tracker_state__in=states))

    def search(self, text: str) -> TrackerRows:
        """Every word in the activity's number, title or directorate, or in the name or e-mail of its lead
        officer or one of its colleagues (case-insensitive)."""
        activities = self._activities.annotate(lead_display=_display_name("lead_officer__"))
        colleagues = Activity.colleagues.through.objects.annotate(person=_display_name("user__"))
        for word in text.split():
            match = (
                Q(ref__icontains=word)
                | Q(title__icontains=word)
                | Q(directorate__name__icontains=word)
                | Q(lead_display__icontains=word)
                | Q(lead_officer__email__icontains=word)
                | Exists(
                    colleagues.filter(activity_id=OuterRef("pk")).filter(
                        Q(person__icontains=word) | Q(user__email__icontains=word)
                    )
                )
            )
            if word.casefold() in NO_DIRECTORATE.casefold():  # the name the tracker shows for none
                match |= Q(directorate__isnull=True)
            activities = activities.filter(match)
        return self._narrowed(activities)

    def ids(self) -> list[int]:
        """The activities' ids in activity number order (one query, then kept)."""
        if self._order is None:
            pairs = self._activities.values_list("id", "ref")
            self._order = [pk for pk, _ in sorted(pairs, key=lambda pair: ref_sort_key(pair[1]))]
        return self._order

    def __len__(self) -> int:
        return len(self.ids())

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._build(self.ids()[index])
        return self._build([self.ids()[index]])[0]

    def __iter__(self):
        if self._all is None:
            self._all = self._build(self.ids(), everything=True)
        return iter(self._all)

    def _build(self, ids: list[int], everything: bool = False) -> list[TrackerRow]:
        if not ids:
            return []
        # Every row: the narrowed activities as a subquery (thousands of ids would not fit in a query); a part
        # (a page: 50 at most): its ids.
        chosen = Activity.objects.filter(pk__in=self._activities.values("pk") if everything else ids)
        activities = {
            row["id"]: row
            for row in chosen.values(
                "id", "ref", "title", "directorate__name", *(f"lead_officer__{name}" for name in _PERSON)
            )
        }
        colleagues: dict[int, list[Person]] = {}
        through = Activity.colleagues.through.objects.filter(activity_id__in=chosen.values("pk"))
        for row in through.values("activity_id", *(f"user__{name}" for name in _PERSON)):
            colleagues.setdefault(row["activity_id"], []).append(_person(row, "user__"))
        returns = {
            r["activity_id"]: r
            for r in self.round.returns.filter(activity_id__in=chosen.values("pk")).values(
                "id", "activity_id", "state", "late", "submitted_at", "reopened", "query"
            )
        }
        rows = []
        for pk in ids:
            activity = activities[pk]
            ret = returns.get(pk)
            state = _state(ret)
            rows.append(
                TrackerRow(
                    activity_id=pk,
                    ref=activity["ref"],
                    title=activity["title"],
                    directorate=activity["directorate__name"] or NO_DIRECTORATE,
                    lead_officer=_person(activity, "lead_officer__") if activity["lead_officer__id"] else None,
                    colleagues=tuple(sorted(colleagues.get(pk, ()), key=lambda c: c.name.casefold())),
                    state=state,
                    submitted_at=ret["submitted_at"] if ret and state in (SUBMITTED, LATE) else None,
                    reopened=bool(ret and ret["reopened"]),
                    return_id=ret["id"] if ret else None,
                    sent_back=bool(ret and ret["query"]),
                )
            )
        return rows


def _state(ret: dict | None) -> str:
    if ret is None:
        return NOT_STARTED
    if ret["state"] == Return.State.SUBMITTED:
        return LATE if ret["late"] else SUBMITTED
    if ret["state"] == Return.State.AWAITING_SIGN_OFF:
        return AWAITING
    return DRAFT


@dataclass
class Tracker:
    round: Round
    rows: TrackerRows  # in activity number order, built when read
    by_directorate: list[StateCounts]  # by directorate name, "No directorate recorded" last
    total: StateCounts
    reminders_sent: int
    last_reminded_at: dt.datetime | None
    # The lead officers of the activities in scope, by name (the choices of the tracker's filter); None when
    # there are more than LEAD_OFFICER_CHOICES of them.
    lead_officers: list[Person] | None

    @property
    def directorates(self) -> list[str]:
        return [counts.name for counts in self.by_directorate]

    @property
    def outstanding(self) -> list[TrackerRow]:
        return list(self.rows.in_state(NOT_STARTED, DRAFT))

    @property
    def outstanding_count(self) -> int:
        return self.total.not_started + self.total.draft

    def filtered(self, directorate: str = "", lead_officer: int | None = None, state: str = "") -> list[TrackerRow]:
        rows = self.rows
        if directorate:
            rows = rows.of_directorate(directorate)
        if lead_officer is not None:
            rows = rows.led_by(lead_officer)
        if state:
            rows = rows.in_state(state)
        return list(rows)


def scope_activities(round_: Round) -> QuerySet:
    """The activities in monitoring at this round, as a query: the plan's activities minus those with an ending
    return in an earlier round (`ending_returns`, the database form of the analysis engine's scope rule: the
    first such return takes an activity out, so any one of them does)."""
    ended = ending_returns().filter(round__plan_id=round_.plan_id, round__label__lt=round_.label)
    return Activity.objects.filter(plan_id=round_.plan_id).exclude(pk__in=ended.values("activity_id"))


def round_scope(round_: Round) -> list[str]:
    """Refs of the activities in monitoring at this round, in activity number order. One query."""
    return sorted(scope_activities(round_).values_list("ref", flat=True), key=ref_sort_key)


def _with_state(activities: QuerySet, round_: Round) -> QuerySet:
    """The activities with `tracker_state`, their return's state in `round_` as the tracker shows it."""
    this = FilteredRelation("returns", condition=Q(returns__round=round_))
    return activities.annotate(this_return=this).annotate(
        tracker_state=Case(
            When(this_return__id__isnull=True, then=Value(NOT_STARTED)),
            When(this_return__state=Return.State.SUBMITTED, this_return__late=True, then=Value(LATE)),
            When(this_return__state=Return.State.SUBMITTED, then=Value(SUBMITTED)),
            When(this_return__state=Return.State.AWAITING_SIGN_OFF, then=Value(AWAITING)),
            default=Value(DRAFT),
        )
    )


def round_tracker(round_: Round) -> Tracker:
    """Every activity in the round's scope with its return's state, counted by directorate.

    Counted in the database: the counts by directorate and state (one query, with the scope), the lead officers
    (one) and the reminders sent (one). The rows are built only when read (`TrackerRows`), a page at a time."""
    scope = scope_activities(round_)
    activities = _with_state(scope, round_)
    tallies: dict[str, Counter] = {}
    for row in activities.order_by().values("directorate__name", "tracker_state").annotate(n=Count("id")):
        name = row["directorate__name"] or NO_DIRECTORATE
        tallies.setdefault(name, Counter())[row["tracker_state"]] += row["n"]
    names = sorted(tallies, key=lambda name: (name == NO_DIRECTORATE, name.casefold()))
    total = sum(tallies.values(), Counter())
    leads = (
        scope.filter(lead_officer__isnull=False)
        .order_by()
        .values(*(f"lead_officer__{name}" for name in _PERSON))
        .distinct()[: LEAD_OFFICER_CHOICES + 1]
    )
    people = [_person(row, "lead_officer__") for row in leads]
    sent = round_.reminders.aggregate(count=Count("id"), last=Max("sent_at"))
    return Tracker(
        round=round_,
        rows=TrackerRows(round_, activities),
        by_directorate=[_counts(name, tallies[name]) for name in names],
        total=_counts("All directorates", total),
        reminders_sent=sent["count"],
        last_reminded_at=sent["last"],
        lead_officers=(
            sorted(people, key=lambda p: p.name.casefold()) if len(people) <= LEAD_OFFICER_CHOICES else None
        ),
    )


def get_round_with_plan(round_id: int) -> Round | None:
    return Round.objects.select_related("plan").filter(pk=round_id).first()


def rounds_by_plan() -> list[tuple[Plan, list[Round]]]:
    """Every plan with its rounds, newest round first (two queries)."""
    plans = list(Plan.objects.order_by("-created_at", "name"))
    rounds: dict[int, list[Round]] = {plan.id: [] for plan in plans}
    for round_ in Round.objects.order_by("-label"):
        rounds[round_.plan_id].append(round_)
    return [(plan, rounds[plan.id]) for plan in plans]


def latest_published_round() -> Round | None:
    """The round whose figures the dashboard shows: the most recent published round of any plan."""
    return (
        Round.objects.filter(state=Round.State.PUBLISHED)
        .select_related("plan")
        .order_by("-label", "-plan__created_at")
        .first()
    )


def open_rounds() -> list[Round]:
    return list(Round.objects.filter(state=Round.State.OPEN).select_related("plan").order_by("plan__name"))


# --- the lead officer's returns: "my returns", the form's context, a return's page and history ----------
# (Imports are inside the functions: this block was appended to a module that other work also changes.)


@dataclass
class MyReturn:
    """One of the signed-in person's activities in a round, and where its return is."""

    activity: Activity
    round: Round
    ret: Return | None
    can_edit: bool

    @property
    def state(self) -> str:
        """not_started, draft or submitted."""
        return self.ret.state if self.ret is not None else "not_started"

    @property
    def late(self) -> bool:
        return self.ret is not None and self.ret.state == Return.State.SUBMITTED and self.ret.late


@dataclass
class MyRound:
    round: Round
    returns: list[MyReturn]

    @property
    def window_closed(self) -> bool:
        from django.utils import timezone

        return self.round.closes_at is not None and timezone.now() > self.round.closes_at

    @property
    def outstanding(self) -> int:
        done = (Return.State.SUBMITTED, Return.State.AWAITING_SIGN_OFF)
        return sum(1 for r in self.returns if r.state not in done)

    @property
    def closes(self) -> str:
        """When the window closes, in words ('' when no close is set)."""

        return describe_time(self.round.closes_at) if self.round.closes_at else ""


def my_returns(user) -> list[MyRound]:
    """The returns `user` completes (as lead officer or nominated colleague): their activities in every open
    round, plus any return the corporate team reopened for them in a closed round.

    Activities that left monitoring before a round (spec §5 scope) are not asked for it. Six queries,
    whatever the number of activities: open rounds, activities, their colleagues, returns, the ended
    returns that take activities out of monitoring, and the rounds of reopened returns come with the returns.
    """
    from django.db.models import Q

    if not user.is_authenticated:
        return []
    open_rounds_ = list(Round.objects.filter(state=Round.State.OPEN).select_related("plan").order_by("label"))
    activities = list(
        Activity.objects.filter(Q(lead_officer=user) | Q(colleagues=user))
        .distinct()
        .select_related("lead_officer", "directorate")
        .prefetch_related("colleagues")
        .order_by("sort_key", "ref")
    )
    if not activities:
        return []
    ids = [a.id for a in activities]
    returns = list(
        Return.objects.filter(activity__in=ids)
        .filter(Q(round__in=[r.id for r in open_rounds_]) | Q(reopened=True))
        .select_related("round__plan")
    )
    # Ended in an earlier round without a decision to stay: out of monitoring from the next round on.
    ended = ending_returns().filter(activity__in=ids).values_list("activity_id", "round__plan_id", "round__label")
    left: dict[tuple[int, int], str] = {}
    for activity_id, plan_id, label in ended:
        key = (activity_id, plan_id)
        left[key] = min(label, left.get(key, label))

    by_pair = {(r.round_id, r.activity_id): r for r in returns}
    rounds = list(open_rounds_)
    for ret in returns:
        if ret.reopened and ret.round not in rounds:
            rounds.append(ret.round)
    result = []
    for round_ in rounds:
        rows = []
        for activity in activities:
            if activity.plan_id != round_.plan_id:
                continue
            ret = by_pair.get((round_.id, activity.id))
            if round_.state != Round.State.OPEN and ret is None:
                continue  # a closed round: only the returns reopened for them
            if ret is None and left.get((activity.id, round_.plan_id), round_.label) < round_.label:
                continue
            if ret is not None:
                ret.activity = activity  # prefetched colleagues: the permission check needs no query
            subject = ret if ret is not None else Return(round=round_, activity=activity)
            rows.append(MyReturn(activity, round_, ret, permissions.can_edit_return(user, subject)))
        if rows:
            result.append(MyRound(round_, rows))
    return result


def awaiting_my_sign_off(user) -> list[Return]:
    """The returns waiting for `user`'s sign-off (they sign off their directorates' returns), in round and
    activity order; exempt ones only if they may read them. Two queries (their directorates, the returns)."""
    if not user.is_authenticated or not user.signing_directorate_ids:
        return []
    found = Return.objects.filter(
        state=Return.State.AWAITING_SIGN_OFF, activity__directorate__in=user.signing_directorate_ids
    ).select_related("round__plan", "activity__directorate", "submitted_by")
    return list(found.visible_to(user).order_by("round__label", "activity__sort_key", "activity__ref"))


def left_monitoring_before(round_: Round, activity: Activity) -> Return | None:
    """The earlier return that took the activity out of monitoring before this round, if any (spec §5)."""
    return (
        ending_returns()
        .filter(activity=activity, round__plan_id=round_.plan_id, round__label__lt=round_.label)
        .select_related("round")
        .order_by("round__label")
        .first()
    )


def previous_return(round_: Round, activity: Activity) -> Return | None:
    """The activity's latest submitted return in an earlier round of the plan: what the form is pre-filled from."""
    return (
        Return.objects.filter(
            activity=activity,
            round__plan_id=round_.plan_id,
            round__label__lt=round_.label,
            state=Return.State.SUBMITTED,
        )
        .select_related("round")
        .order_by("-round__label")
        .first()
    )


def get_activity_for_round(round_id: int, activity_id: int) -> tuple[Round, Activity] | None:
    """The round and one of its plan's activities (with what the permission checks read), or None."""
    round_ = Round.objects.select_related("plan").filter(pk=round_id).first()
    if round_ is None:
        return None
    activity = (
        Activity.objects.filter(pk=activity_id, plan_id=round_.plan_id)
        .select_related("lead_officer", "directorate", "outcome")
        .prefetch_related("colleagues")
        .first()
    )
    return (round_, activity) if activity is not None else None


def get_return(pk: int) -> Return | None:
    """A return with its round, activity and the people the permission checks read."""
    return (
        Return.objects.select_related(
            "round__plan",
            "activity__lead_officer",
            "activity__directorate",
            "activity__outcome",
            "updated_by",
            "signed_off_by",
        )
        .prefetch_related("activity__colleagues")
        .filter(pk=pk)
        .first()
    )


def find_return(round_: Round, activity: Activity) -> Return | None:
    ret = Return.objects.select_related("updated_by").filter(round=round_, activity=activity).first()
    if ret is not None:
        ret.round, ret.activity = round_, activity
    return ret


def form_vocabularies() -> tuple[records.Vocabularies, dict[str, set[str]]]:
    """Every vocabulary as plain records, and per vocabulary the codes no longer offered (one query).

    Inactive terms stay readable in old answers, but the form offers them only to a return that holds one.
    """

    terms: dict[str, list[records.Term]] = {}
    inactive: dict[str, set[str]] = {}
    for term in VocabularyTerm.objects.order_by("vocabulary", "order", "code"):
        terms.setdefault(term.vocabulary, []).append(records.Term(term.code, term.label, term.group))
        if not term.active:
            inactive.setdefault(term.vocabulary, set()).add(term.code)
    return records.Vocabularies({name: tuple(items) for name, items in terms.items()}), inactive


def answers_of(ret) -> dict:
    """A return's answers (a Return or one of its historical versions) as a dict of the answer fields."""
    return {name: getattr(ret, name) for name in ANSWER_FIELDS}


@dataclass
class SummarySection:
    heading: str
    rows: list[tuple[str, str]]  # (question, answer in words; "" when not answered)


def return_summary(ret: Return, vocab: records.Vocabularies) -> list[SummarySection]:
    """A return's answers in words, section by section, as its page shows them."""

    answers = answers_of(ret)

    def row(name):
        return (ANSWER_NAMES[name], describe_answer(name, answers[name], vocab))

    sections = [SummarySection("Delivery", [row("delivery_status"), row("progress")])]
    if is_not_on_track(answers):
        sections.append(
            SummarySection(
                "Issues",
                [
                    row("issues"),
                    row("issue_detail"),
                    row("mitigations"),
                    row("mitigation_detail"),
                    row("risk_registers"),
                ],
            )
        )
    if answers["previous_issues_resolution"]:
        sections[0].rows.append(row("previous_issues_resolution"))
    milestones = answers["milestones"] or {}
    sections.append(
        SummarySection(
            "Key milestones",
            [(t.label, describe_milestone(milestones.get(t.code))) for t in vocab.terms.get(v.MILESTONE_TYPE, ())],
        )
    )
    sections.append(
        SummarySection(
            "Changes to the end date",
            [row("new_end_date"), row("new_go_live_date"), row("date_change_reason"), row("date_change_factor")],
        )
    )
    sections.append(
        SummarySection("Governance", [row("reported_to"), row("expected_to_report_to"), row("forward_plan_scheduled")])
    )
    status_rows = [row("project_status"), row("status_reason")]
    if answers["project_status"] != v.ACTIVE:
        status_rows.append(row("remain_in_monitoring"))
    sections.append(SummarySection("Project status", status_rows))
    sections.append(SummarySection("About this form", [row("form_rating")]))
    return sections


@dataclass
class HistoryEntry:
    """One saved version of a return: who saved it, when, and what changed from the version before."""

    version: int
    saved_at: dt.datetime
    saved_by: object  # a User, or None (an import run without a user, or a deleted user)
    state: str
    late: bool
    changes: list[tuple[str, str, str]]  # (answer name, before, after), in words
    first: bool


def return_history(ret: Return, vocab: records.Vocabularies) -> list[HistoryEntry]:
    """Every saved version of the return, newest first, with the answers each save changed. Two queries."""

    versions = list(ret.history.select_related("history_user").order_by("history_date", "history_id"))
    entries = []
    before: dict | None = None
    for version in versions:
        after = answers_of(version)
        if before is None:
            changes = [
                (ANSWER_NAMES.get(name, name), "", text)
                for name, value in after.items()
                if (text := describe_answer(name, value, vocab)) and value is not False
            ]
        else:
            changes = answer_differences(before, after, vocab)
        previous_version = versions[len(entries) - 1] if entries else None
        if previous_version is not None:
            for name, label in (("state", "State"), ("late", "Late"), ("reopened", "Reopened by the corporate team")):
                old, new = getattr(previous_version, name), getattr(version, name)
                if old != new:
                    words = {True: "Yes", False: "No", "draft": "Draft", "submitted": "Submitted"}
                    changes.append((label, words.get(old, str(old)), words.get(new, str(new))))
        entries.append(
            HistoryEntry(
                version=version.version,
                saved_at=version.history_date,
                saved_by=version.history_user,
                state=version.state,
                late=version.late,
                changes=changes,
                first=before is None,
            )
        )
        before = after
    return list(reversed(entries))


# --- the API's reads -------------------------------------------------------------------------------------


def public_rounds() -> list[Round]:
    """The rounds whose report is on the public pages (published, and published to the public)."""
    return list(
        Round.objects.filter(state=Round.State.PUBLISHED, public=True)
        .select_related("plan")
        .order_by("plan__name", "-label")
    )


def round_returns(round_: Round, user, directorate: str = "") -> list[Return]:
    """The round's returns `user` may see (the monitoring pages' rule, `can_view_return`), in ref order, in four
    queries whatever their number."""
    from .permissions import can_view_return

    found = (
        round_.returns.select_related("activity__directorate", "activity__outcome", "round")
        .prefetch_related("activity__colleagues")
        .order_by("activity__sort_key", "activity__ref")
    )
    if directorate:
        found = found.filter(activity__directorate__name__iexact=directorate)
    return [r for r in found if can_view_return(user, r)]


def return_evidence(ret: Return) -> list[EvidenceRecord]:
    """The files attached to a return, oldest first (one query). Who may read them: permissions."""
    return evidence_records(ReturnEvidence.objects.filter(ret=ret))


def get_return_evidence(ret: Return, evidence_id: int) -> ReturnEvidence | None:
    item = ReturnEvidence.objects.filter(ret=ret, pk=evidence_id).first()
    if item is not None:
        item.ret = ret
    return item


# --- evidence published with a public report ------------------------------------------------------------------


def _published_to_the_public(queryset):
    """The files the public may download: chosen for publishing, of a submitted return of a round published to
    the public, whose activity is not exempt (permissions.can_read_evidence, for the anonymous, as a query)."""
    return queryset.filter(
        publish=True,
        ret__state=Return.State.SUBMITTED,
        ret__round__state=Round.State.PUBLISHED,
        ret__round__public=True,
        ret__activity__exempt=False,
    )


@dataclass(frozen=True)
class PublishedEvidence:
    """A file published with a round's report, as the public report lists it."""

    id: int
    name: str
    size: int
    kind: str  # in words: "a PDF"
    activity_ref: str
    activity_title: str


def published_evidence(round_: Round, outcome_id: int | None = None) -> list[PublishedEvidence]:
    """The files published with `round_`'s report (for one outcome's version, that outcome's activities'), in the
    report's order of activities. One query."""
    words = {kind.content_type: kind.words for kind in KINDS}
    queryset = _published_to_the_public(ReturnEvidence.objects.filter(ret__round=round_))
    if outcome_id is not None:
        queryset = queryset.filter(ret__activity__outcome_id=outcome_id)
    rows = queryset.values_list(
        "pk", "original_name", "size", "content_type", "ret__activity__ref", "ret__activity__title"
    ).order_by("ret__activity__sort_key", "ret__activity__ref", "uploaded_at", "pk")
    return [
        PublishedEvidence(pk, name, size, words.get(content_type, content_type), ref, title)
        for pk, name, size, content_type, ref, title in rows
    ]


def get_published_evidence(round_id: int, evidence_id: int) -> ReturnEvidence | None:
    """A file of `round_id`'s returns that the public may download, or None (whatever the reason: the public is
    told only that there is no such file)."""
    return (
        _published_to_the_public(ReturnEvidence.objects.filter(ret__round_id=round_id, pk=evidence_id))
        .select_related("ret__round", "ret__activity")
        .first()
    )
