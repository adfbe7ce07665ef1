"""Reading planning cycles and plans as plain records, in a fixed number of queries whatever their size.

`cycle_data` is what every page, document and export of a cycle starts from: the submissions as the
analysis sees them (`analysis.planning.Submission`) with what people read beside them. `plan_data` is what the
plan documents start from: the plan's activities with the submissions they came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from councilplan.analysis import planning as analysis
from councilplan.analysis import planning_choices as choices
from councilplan.analysis import vocabulary as v
from councilplan.core.models import Outcome
from councilplan.core.selectors import get_vocabularies
from councilplan.plan.models import Activity, Plan

from .models import Criterion, PlanningCycle, Score, Submission


@dataclass(frozen=True)
class SubmissionRow:
    """One submission: the analysis record and what pages and documents show of it."""

    pk: int
    record: analysis.Submission
    headline: str
    activity_type_label: str
    division: str
    lead_officer: str
    lead_officer_id: int | None
    submitted_by_id: int | None
    directorate_id: int | None
    corporate_director: str
    cabinet_member: str
    start_date: dt.date | None
    end_date: dt.date
    programme: str
    key_decision: str
    decision_authority: str
    governance_route: str
    funding_source: str
    support_other: str
    submitted_at: dt.datetime
    review_note: str
    reviewed_by: str
    reviewed_at: dt.datetime | None
    decision_note: str
    decided_by: str
    decided_at: dt.datetime | None
    activity_ref: str
    carried_from: str

    @property
    def number(self) -> int:
        return self.record.number

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def review_label(self) -> str:
        return choices.label_of(choices.REVIEW, self.record.review)

    @property
    def decision_label(self) -> str:
        return choices.label_of(choices.DECISION, self.record.decision)

    @property
    def capacity_label(self) -> str:
        return choices.label_of(choices.CAPACITY, self.record.capacity) if self.record.capacity else "Not given"

    @property
    def support_labels(self) -> list[str]:
        labels = [choices.label_of(choices.SUPPORT_SERVICES, c) for c in self.record.support]
        if self.support_other and "other" in self.record.support:
            labels[self.record.support.index("other")] = f"Other: {self.support_other}"
        return labels

    @property
    def gaps(self) -> tuple[str, ...]:
        return analysis.gaps(self.record)

    @property
    def gap_labels(self) -> list[str]:
        return [analysis.GAPS[g] for g in self.gaps]


@dataclass(frozen=True)
class CycleData:
    pk: int
    name: str
    plan_name: str
    plan_id: int | None
    opens_at: dt.datetime
    closes_at: dt.datetime
    confirmed_at: dt.datetime | None
    use_deca: bool
    guidance: str
    introduction: str
    outcomes: list[str]  # every outcome, in order: outcome_<n> is the n-th
    cross_cutting: str | None
    criteria: list[analysis.Criterion]
    criteria_hints: dict[str, str]
    deca_factors: list[tuple[str, str]]
    themes: list[tuple[str, str]]
    submissions: list[SubmissionRow] = field(default_factory=list)

    @property
    def records(self) -> list[analysis.Submission]:
        return [row.record for row in self.submissions]

    def by_number(self) -> dict[int, SubmissionRow]:
        return {row.number: row for row in self.submissions}

    def scores(self) -> dict[int, analysis.Score | None]:
        return {row.number: analysis.weighted_score(row.record.scores, self.criteria) for row in self.submissions}

    def ranking(self, members=None) -> list[analysis.Ranked]:
        scores = self.scores()
        numbers = [row.number for row in (self.submissions if members is None else members)]
        return analysis.rank((n, scores[n]) for n in numbers)

    def outcome_number(self, title: str) -> int | None:
        return self.outcomes.index(title) + 1 if title in self.outcomes else None


def _name(user) -> str:
    return str(user) if user is not None else ""


def _amount(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def outcome_titles() -> list[str]:
    return list(Outcome.objects.order_by("order", "title").values_list("title", flat=True))


def cycle_criteria(cycle: PlanningCycle) -> tuple[list[Criterion], list[Criterion]]:
    """(score criteria, DECA factors), each in order."""
    every = list(cycle.criteria.all())
    return (
        [c for c in every if c.kind == Criterion.Kind.SCORE],
        [c for c in every if c.kind == Criterion.Kind.DECA],
    )


def cycle_data(cycle: PlanningCycle, numbers: list[int] | None = None) -> CycleData:
    """The cycle and its submissions (or only those `numbers`) as plain records, in six queries."""
    vocab = get_vocabularies()
    type_label = {t.code: t.label for t in vocab.terms.get(v.ACTIVITY_TYPE, ())}
    score_criteria, deca = cycle_criteria(cycle)
    kinds = {c.pk: (c.kind, c.code) for c in [*score_criteria, *deca]}
    query = cycle.submissions.select_related(
        "outcome", "directorate", "lead_officer", "reviewed_by", "decided_by", "activity", "carried_from__plan"
    ).prefetch_related("scores")
    if numbers is not None:
        query = query.filter(number__in=numbers)
    rows = []
    for s in query.order_by("number"):
        scores, deca_ratings = {}, {}
        for score in s.scores.all():
            kind, code = kinds.get(score.criterion_id, (None, None))
            if kind == Criterion.Kind.SCORE and score.value is not None:
                scores[code] = score.value
            elif kind == Criterion.Kind.DECA and score.rating:
                deca_ratings[code] = score.rating
        record = analysis.Submission(
            number=s.number,
            title=s.title,
            outcome=s.outcome.title,
            activity_type=s.activity_type,
            directorate=s.directorate.name if s.directorate else "",
            in_delivery=s.in_delivery,
            part_of_programme=s.part_of_programme,
            capacity=s.capacity,
            support=tuple(s.support_needed or ()),
            capital_cost=_amount(s.capital_cost),
            revenue_cost=_amount(s.revenue_cost),
            savings=_amount(s.savings),
            income=_amount(s.income),
            eqia=s.eqia_status,
            dpia=s.dpia_status,
            review=s.review,
            decision=s.decision,
            scores=scores,
            deca=deca_ratings,
        )
        rows.append(
            SubmissionRow(
                pk=s.pk,
                record=record,
                headline=s.headline,
                activity_type_label=type_label.get(s.activity_type, s.activity_type),
                division=s.division,
                lead_officer=_name(s.lead_officer),
                lead_officer_id=s.lead_officer_id,
                submitted_by_id=s.submitted_by_id,
                directorate_id=s.directorate_id,
                corporate_director=s.corporate_director,
                cabinet_member=s.cabinet_member,
                start_date=s.start_date,
                end_date=s.end_date,
                programme=s.programme,
                key_decision=choices.label_of(choices.KEY_DECISION, s.key_decision),
                decision_authority=s.decision_authority,
                governance_route=s.governance_route,
                funding_source=s.funding_source,
                support_other=s.support_other,
                submitted_at=s.submitted_at,
                review_note=s.review_note,
                reviewed_by=_name(s.reviewed_by),
                reviewed_at=s.reviewed_at,
                decision_note=s.decision_note,
                decided_by=_name(s.decided_by),
                decided_at=s.decided_at,
                activity_ref=s.activity.ref if s.activity else "",
                carried_from=f"{s.carried_from.ref}. {s.carried_from.title} ({s.carried_from.plan.name})"
                if s.carried_from
                else "",
            )
        )
    return CycleData(
        pk=cycle.pk,
        name=cycle.name,
        plan_name=cycle.plan.name if cycle.plan_id else cycle.plan_name,
        plan_id=cycle.plan_id,
        opens_at=cycle.opens_at,
        closes_at=cycle.closes_at,
        confirmed_at=cycle.confirmed_at,
        use_deca=cycle.use_deca,
        guidance=cycle.guidance,
        introduction=cycle.introduction,
        outcomes=outcome_titles(),
        cross_cutting=cycle.cross_cutting_outcome.title if cycle.cross_cutting_outcome_id else None,
        criteria=[
            analysis.Criterion(c.code, c.label, Decimal(c.weight), c.scale_low, c.scale_high) for c in score_criteria
        ],
        criteria_hints={c.code: c.hint for c in score_criteria},
        deca_factors=[(c.code, c.label) for c in deca],
        themes=list(cycle.themes.values_list("title", "description")),
        submissions=rows,
    )


def find_cycle(name: str | None) -> PlanningCycle | None:
    """The cycle called `name` (any case); without a name, the latest when there is exactly one... or the latest."""
    if name:
        return PlanningCycle.objects.select_related("plan", "cross_cutting_outcome").filter(name__iexact=name).first()
    return PlanningCycle.objects.select_related("plan", "cross_cutting_outcome").order_by("-opens_at").first()


def cycle_list(pk: int | None = None) -> list[dict]:
    """Every cycle (or the one `pk`), newest first, with its counts (one query)."""
    removed = Q(submissions__review__in=choices.REMOVED_AT_REVIEW)
    query = PlanningCycle.objects.select_related("plan")
    if pk is not None:
        query = query.filter(pk=pk)
    query = query.annotate(
        n_submissions=Count("submissions", distinct=True),
        n_removed=Count("submissions", filter=removed, distinct=True),
        n_short=Count("submissions", filter=Q(submissions__decision=choices.SHORT_LIST) & ~removed, distinct=True),
    )
    return [
        {
            "cycle": c,
            "submissions": c.n_submissions,
            "long_list": c.n_submissions - c.n_removed,
            "short_list": c.n_short,
        }
        for c in query.order_by("-opens_at", "name")
    ]


def my_submissions(user, cycle: PlanningCycle) -> list[Submission]:
    """What a lead officer sees of a cycle: what they submitted or lead, and their directorate's submissions."""
    mine = Q(submitted_by=user) | Q(lead_officer=user)
    if user.directorate_id:
        mine |= Q(directorate_id=user.directorate_id)
    return list(cycle.submissions.filter(mine).select_related("outcome", "lead_officer").order_by("number"))


def plans_with_documents() -> list[Plan]:
    return list(Plan.objects.annotate(n_activities=Count("activities")).filter(n_activities__gt=0).order_by("name"))


# --- the plan documents ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanActivity:
    ref: str
    title: str
    outcome: str
    activity_type_label: str
    directorate: str
    lead_officer: str
    start_date: dt.date | None
    end_date: dt.date
    description: str
    submission: SubmissionRow | None  # what was submitted, when the activity came from a cycle


@dataclass(frozen=True)
class PlanContents:
    """A plan as its documents show it: its activities with what was submitted for them, and the cycle's themes.
    (The analysis engine's `records.PlanData` is the plan with its rounds of returns.)"""

    pk: int
    name: str
    description: str
    outcomes: list[str]  # the plan's outcomes, in order
    cross_cutting: str | None
    introduction: str
    themes: list[tuple[str, str]]
    activities: list[PlanActivity]
    cycle_name: str


def plan_data(plan: Plan, include_exempt: bool = True) -> PlanContents:
    """The plan's activities (in number order) with the submissions they came from, and the cycle's themes;
    without `include_exempt`, not the activities marked exempt (Schedule 12A)."""
    vocab = get_vocabularies()
    type_label = {t.code: t.label for t in vocab.terms.get(v.ACTIVITY_TYPE, ())}
    cycle = plan.cycles.select_related("cross_cutting_outcome").order_by("-opens_at").first()
    rows = {}
    if cycle is not None:
        data = cycle_data(cycle)
        rows = {row.pk: row for row in data.submissions}
    activities = list(
        Activity.objects.filter(plan=plan, **({} if include_exempt else {"exempt": False}))
        .select_related("outcome", "directorate", "lead_officer", "submission")
        .order_by("outcome__order", "outcome__title", "sort_key", "ref")
    )
    found = []
    for a in activities:
        submission = getattr(a, "submission", None)
        found.append(
            PlanActivity(
                ref=a.ref,
                title=a.title,
                outcome=a.outcome.title,
                activity_type_label=type_label.get(a.activity_type, a.activity_type),
                directorate=a.directorate.name if a.directorate else "",
                lead_officer=str(a.lead_officer) if a.lead_officer else "",
                start_date=a.start_date,
                end_date=a.end_date,
                description=a.description,
                submission=rows.get(submission.pk) if submission is not None else None,
            )
        )
    outcomes = list(dict.fromkeys(a.outcome for a in found))
    return PlanContents(
        pk=plan.pk,
        name=plan.name,
        description=plan.description,
        outcomes=outcomes,
        cross_cutting=cycle.cross_cutting_outcome.title if cycle and cycle.cross_cutting_outcome_id else None,
        introduction=cycle.introduction if cycle else "",
        themes=list(cycle.themes.values_list("title", "description")) if cycle else [],
        activities=found,
        cycle_name=cycle.name if cycle else "",
    )


# --- history ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    at: dt.datetime
    by: str
    what: str  # "Submitted", "Changed", …
    changes: list[tuple[str, str, str]]  # (field label, before, after)


def _shown(field_name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    lookup = {
        "review": choices.REVIEW,
        "decision": choices.DECISION,
        "capacity": choices.CAPACITY,
        "eqia_status": choices.ASSESSMENT,
        "dpia_status": choices.ASSESSMENT,
        "key_decision": choices.KEY_DECISION,
    }.get(field_name)
    if lookup:
        return choices.label_of(lookup, value)
    if field_name == "support_needed":
        return "; ".join(choices.label_of(choices.SUPPORT_SERVICES, c) for c in value) or "—"
    return str(value)


HIDDEN_IN_HISTORY = {"updated_at", "submitted_at", "reviewed_at", "decided_at", "reviewed_by", "decided_by"}


def submission_history(submission: Submission) -> list[Version]:
    """Every saved version of a submission, newest first, with who saved it and what changed; score changes
    are listed as their own versions."""
    labels = {f.name: str(f.verbose_name).capitalize() for f in Submission._meta.fields}
    records = list(submission.history.select_related("history_user").order_by("history_date", "history_id"))
    versions = []
    for previous, record in zip([None, *records], records, strict=False):
        if previous is None:
            versions.append(Version(record.history_date, _name(record.history_user), "Submitted", []))
            continue
        delta = record.diff_against(previous)
        changes = [
            (labels.get(c.field, c.field), _shown(c.field, c.old), _shown(c.field, c.new))
            for c in delta.changes
            if c.field not in HIDDEN_IN_HISTORY
        ]
        if changes:
            versions.append(Version(record.history_date, _name(record.history_user), "Changed", changes))
    score_records = (
        Score.history.filter(submission_id=submission.pk).select_related("history_user").order_by("history_date")
    )
    criteria = {c.pk: c.label for c in submission.cycle.criteria.all()}
    for record in score_records:
        label = criteria.get(record.criterion_id, "A criterion")
        after = "removed" if record.history_type == "-" else str(record.value or record.rating)
        versions.append(Version(record.history_date, _name(record.history_user), "Scored", [(label, "", after)]))
    versions.sort(key=lambda version: version.at, reverse=True)
    return versions


# --- the long list's filters -----------------------------------------------------------------------------


def filter_rows(
    data: CycleData,
    rows: list[SubmissionRow],
    *,
    outcome: str = "",
    directorate: str = "",
    activity_type: str = "",
    score: str = "",
    stage: str = "",
) -> list[SubmissionRow]:
    """The rows matching every filter given: outcome and directorate by name, type by code, score band ("80",
    "60", "40": at least that percentage of the maximum; "below40"; "none": not fully scored) and stage
    ("long_list", "removed", "undecided" or a decision code)."""
    scores = data.scores()

    def keep(row: SubmissionRow) -> bool:
        r = row.record
        if outcome and r.outcome != outcome:
            return False
        if directorate and r.directorate != directorate:
            return False
        if activity_type and r.activity_type != activity_type:
            return False
        s = scores[r.number]
        if score == "none" and s is not None:
            return False
        if score.isdigit() and (s is None or s.percent < int(score)):
            return False
        if score == "below40" and (s is None or s.percent >= 40):
            return False
        if stage == "long_list" and not r.in_long_list:
            return False
        if stage == "removed" and r.in_long_list:
            return False
        if stage == "undecided" and not (r.in_long_list and not r.decision):
            return False
        return not (stage in dict(choices.DECISION) and stage and (r.decision != stage or not r.in_long_list))

    return [row for row in rows if keep(row)]
