"""Changing a planning cycle (spec/planning.md): the call for activity and its window, submissions, the
long-list review, scores, decisions, confirming the short list into the plan, and carrying a plan forward.

Every change is saved with who made it (django-simple-history keeps each version). Rules a form cannot check
(the window, the scale of a score, what may be decided) are checked here and raise ValidationError, worded
for the person who made the change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from councilplan.analysis import planning_choices as choices
from councilplan.core.services import find_or_create_person
from councilplan.monitoring.selectors import ending_returns
from councilplan.plan.models import Activity, Plan, ref_sort_key

from .models import Criterion, PlanningCycle, Score, Submission, Theme

# What a submission holds (spec/planning.md), as the form and the sample loader pass it.
SUBMISSION_FIELDS = [
    "title",
    "headline",
    "outcome",
    "activity_type",
    "directorate",
    "division",
    "lead_officer",
    "corporate_director",
    "cabinet_member",
    "start_date",
    "end_date",
    "in_delivery",
    "part_of_programme",
    "programme",
    "key_decision",
    "decision_authority",
    "governance_route",
    "capital_cost",
    "revenue_cost",
    "savings",
    "income",
    "funding_source",
    "capacity",
    "support_needed",
    "support_other",
    "eqia_status",
    "dpia_status",
]
CYCLE_FIELDS = [
    "name",
    "plan_name",
    "opens_at",
    "closes_at",
    "guidance",
    "introduction",
    "cross_cutting_outcome",
    "use_deca",
]


def now() -> dt.datetime:
    return timezone.now()


# --- the window -------------------------------------------------------------------------------------------


def window_state(cycle: PlanningCycle, at: dt.datetime | None = None) -> str:
    """ "not_open" before the call for activity opens, "open" until it closes (inclusive), then "closed"."""
    at = at or now()
    if at < cycle.opens_at:
        return "not_open"
    if at <= cycle.closes_at:
        return "open"
    return "closed"


def when(moment: dt.datetime) -> str:
    """ "26 November 2018 at 17:00", in the council's time zone."""
    return f"{timezone.localtime(moment):%-d %B %Y at %H:%M}"


def _check_open(cycle: PlanningCycle) -> None:
    state = window_state(cycle)
    if state == "not_open":
        raise ValidationError(f"The call for activity for {cycle.name} opens on {when(cycle.opens_at)}.")
    if state == "closed":
        raise ValidationError(
            f"The call for activity for {cycle.name} closed on {when(cycle.closes_at)}: "
            "submissions can no longer be added or changed."
        )


def _check_window_times(opens_at, closes_at) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError({"closes_at": "The closing date must be after the opening date."})


# --- cycles -----------------------------------------------------------------------------------------------


@transaction.atomic
def create_cycle(*, user=None, carry_forward_from: Plan | None = None, **fields) -> PlanningCycle:
    """A new cycle with the default criteria (four scores 1–5, equal weights; the twelve DECA factors), and,
    when `carry_forward_from` is given, that plan's continuing activities as its first submissions."""
    unknown = set(fields) - set(CYCLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown cycle fields: {', '.join(sorted(unknown))}")
    _check_window_times(fields.get("opens_at"), fields.get("closes_at"))
    if PlanningCycle.objects.filter(name__iexact=fields["name"]).exists():
        raise ValidationError({"name": f"There is already a cycle called {fields['name']}. Choose another name."})
    cycle = PlanningCycle(**fields)
    cycle._history_user = user
    cycle.save()
    Criterion.objects.bulk_create(
        [
            Criterion(cycle=cycle, kind=Criterion.Kind.SCORE, code=code, label=label, hint=hint, order=n)
            for n, (code, label, hint) in enumerate(choices.DEFAULT_CRITERIA)
        ]
        + [
            Criterion(cycle=cycle, kind=Criterion.Kind.DECA, code=code, label=label, order=n)
            for n, (code, label) in enumerate(choices.DEFAULT_DECA_FACTORS)
        ]
    )
    if carry_forward_from is not None:
        carry_forward(cycle, carry_forward_from, user=user)
    return cycle


def update_cycle(cycle: PlanningCycle, *, user=None, **fields) -> PlanningCycle:
    unknown = set(fields) - set(CYCLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown cycle fields: {', '.join(sorted(unknown))}")
    _check_window_times(fields.get("opens_at", cycle.opens_at), fields.get("closes_at", cycle.closes_at))
    name = fields.get("name", cycle.name)
    if PlanningCycle.objects.filter(name__iexact=name).exclude(pk=cycle.pk).exists():
        raise ValidationError({"name": f"There is already a cycle called {name}. Choose another name."})
    for key, value in fields.items():
        setattr(cycle, key, value)
    cycle._history_user = user
    cycle.save()
    return cycle


@transaction.atomic
def set_criteria(cycle: PlanningCycle, settings: dict[int, dict], *, user=None) -> None:
    """Change the score criteria's weights and scales: {criterion id: {"weight", "scale_low", "scale_high"}}.
    Refused when a score already given would fall off its criterion's new scale."""
    criteria = {c.pk: c for c in cycle.criteria.filter(kind=Criterion.Kind.SCORE)}
    errors = []
    for pk, values in settings.items():
        criterion = criteria[pk]
        low, high = values["scale_low"], values["scale_high"]
        if high <= low:
            errors.append(f"{criterion.label}: the top of the scale must be above the bottom.")
            continue
        if Decimal(values["weight"]) < 0:
            errors.append(f"{criterion.label}: a weight cannot be negative.")
            continue
        off = criterion.scores.exclude(value__isnull=True).exclude(value__gte=low, value__lte=high).count()
        if off:
            errors.append(
                f"{criterion.label}: {off} score{'s are' if off != 1 else ' is'} outside {low} to {high}. "
                "Change those scores first, or keep a scale that holds them."
            )
    if errors:
        raise ValidationError(errors)
    for pk, values in settings.items():
        criterion = criteria[pk]
        for key in ("weight", "scale_low", "scale_high"):
            setattr(criterion, key, values[key])
        criterion._history_user = user
        criterion.save()


@transaction.atomic
def set_themes(cycle: PlanningCycle, themes: list[tuple[str, str]], *, user=None) -> None:
    """Replace the cycle's shared themes with `themes`, [(title, description)], in order."""
    existing = list(cycle.themes.all())
    for theme in existing[len(themes) :]:
        theme._history_user = user
        theme.delete()
    for order, (title, description) in enumerate(themes):
        theme = existing[order] if order < len(existing) else Theme(cycle=cycle)
        if theme.pk and (theme.title, theme.description, theme.order) == (title, description, order):
            continue
        theme.title, theme.description, theme.order = title, description, order
        theme._history_user = user
        theme.save()


# --- submissions ------------------------------------------------------------------------------------------


def _resolve_people(data: dict) -> None:
    """A lead officer given as a name or e-mail address becomes the person (added without a password if new)."""
    if isinstance(data.get("lead_officer"), str):
        text = data["lead_officer"].strip()
        data["lead_officer"] = find_or_create_person(text) if text else None


def _check_submission(data: dict) -> None:
    if data.get("start_date") and data.get("end_date") and data["start_date"] > data["end_date"]:
        raise ValidationError({"end_date": "The end date must be on or after the start date."})
    unknown = set(data.get("support_needed") or ()) - {code for code, _ in choices.SUPPORT_SERVICES}
    if unknown:
        raise ValidationError({"support_needed": f"Unknown support: {', '.join(sorted(unknown))}."})


@transaction.atomic
def submit_activity(
    cycle: PlanningCycle, data: dict, *, user=None, check_window: bool = True, carried_from: Activity | None = None
) -> Submission:
    """A new submission to the call for activity, numbered next in the cycle. Only while the window is open
    (the sample loader and carrying forward pass check_window=False)."""
    cycle = PlanningCycle.objects.select_for_update().get(pk=cycle.pk)  # one number per submission
    if check_window:
        _check_open(cycle)
    _check_submission(data)
    data = dict(data)
    _resolve_people(data)
    number = (cycle.submissions.aggregate(top=Max("number"))["top"] or 0) + 1
    submission = Submission(
        cycle=cycle, number=number, submitted_by=user, submitted_at=now(), carried_from=carried_from
    )
    for key in SUBMISSION_FIELDS:
        if key in data:
            setattr(submission, key, data[key])
    submission._history_user = user
    submission.save()
    return submission


def update_submission(submission: Submission, data: dict, *, user=None) -> Submission:
    """Change a submission's answers: only while the call for activity is open."""
    _check_open(submission.cycle)
    _check_submission(data)
    data = dict(data)
    _resolve_people(data)
    for key in SUBMISSION_FIELDS:
        if key in data:
            setattr(submission, key, data[key])
    submission._history_user = user
    submission.save()
    return submission


def update_plan_details(submission: Submission, *, headline: str, governance_route: str, user=None) -> Submission:
    """The corporate team's clarified headline and the proposed informal governance route (002 §2.10): after the
    window, until the short list is confirmed."""
    if submission.cycle.confirmed_at and submission.activity_id:
        raise ValidationError("The short list has been confirmed: change the plan's activity instead.")
    submission.headline, submission.governance_route = headline, governance_route
    submission._history_user = user
    submission.save()
    return submission


def review_submission(submission: Submission, *, review: str, note: str = "", user=None) -> Submission:
    """The long-list review: keep it, or remove it as operational delivery or core business (to Operating Plans).
    A removed submission loses any decision (the history keeps it)."""
    if review not in dict(choices.REVIEW):
        raise ValidationError({"review": "Choose whether the activity stays on the long list."})
    if review in choices.REMOVED_AT_REVIEW and submission.activity_id:
        raise ValidationError(
            {"review": "This activity is in the plan already: it cannot leave the long list. Withdraw it instead."}
        )
    submission.review, submission.review_note = review, note
    submission.reviewed_by, submission.reviewed_at = user, now()
    if review in choices.REMOVED_AT_REVIEW and submission.decision:
        submission.decision, submission.decided_by, submission.decided_at = "", user, now()
    submission._history_user = user
    submission.save()
    return submission


@transaction.atomic
def score_submission(submission: Submission, values: dict[int, int | str | None], *, user=None) -> None:
    """Scores ({criterion id: whole number}) and DECA ratings ({criterion id: "high"|"medium"|"low"}); None or
    "" clears one. Each must be on its criterion's scale."""
    criteria = {c.pk: c for c in submission.cycle.criteria.all()}
    existing = {s.criterion_id: s for s in submission.scores.all()}
    errors = {}
    for pk, value in values.items():
        criterion = criteria.get(pk)
        if criterion is None:
            raise ValidationError(f"Criterion {pk} is not one of {submission.cycle.name}'s.")
        if value in (None, ""):
            continue
        if criterion.kind == Criterion.Kind.SCORE:
            if not isinstance(value, int) or not criterion.scale_low <= value <= criterion.scale_high:
                errors[f"c{pk}"] = (
                    f"{criterion.label}: choose a score from {criterion.scale_low} to {criterion.scale_high}"
                )
        elif value not in dict(choices.DECA_RATINGS):
            errors[f"c{pk}"] = f"{criterion.label}: choose high, medium or low"
    if errors:
        raise ValidationError(errors)
    at = now()
    for pk, value in values.items():
        criterion, score = criteria[pk], existing.get(pk)
        is_score = criterion.kind == Criterion.Kind.SCORE
        if value in (None, ""):
            if score is not None:
                score._history_user = user
                score.delete()
            continue
        new = (value, "") if is_score else (None, value)
        if score is not None and (score.value, score.rating) == new:
            continue
        score = score or Score(submission=submission, criterion=criterion)
        score.value, score.rating = new
        score.scored_by, score.scored_at = user, at
        score._history_user = user
        score.save()


def decide(submission: Submission, *, decision: str, note: str = "", user=None) -> Submission:
    """The decision after prioritisation (short list, operating plan, business as usual, withdrawn), with who
    and when. Only for the long list; an activity already in the plan stays short-listed."""
    if decision not in dict(choices.DECISION):
        raise ValidationError({"decision": "Choose a decision."})
    if submission.review in choices.REMOVED_AT_REVIEW:
        raise ValidationError(
            {"decision": "This activity left the long list at the review: put it back on the long list first."}
        )
    if submission.activity_id and decision != choices.SHORT_LIST:
        raise ValidationError(
            {"decision": "This activity is in the plan already; the plan's monitoring records how it ends."}
        )
    submission.decision, submission.decision_note = decision, note
    submission.decided_by, submission.decided_at = user, now()
    submission._history_user = user
    submission.save()
    return submission


# --- the short list becomes the plan -----------------------------------------------------------------------


@dataclass(frozen=True)
class Confirmed:
    plan: Plan
    created: int  # activities created now
    already: int  # short-listed submissions already in the plan


@transaction.atomic
def confirm_short_list(cycle: PlanningCycle, *, user=None) -> Confirmed:
    """Create the plan's activities from the short list, without re-keying: one activity per short-listed
    submission, created once (confirming again adds only what was short-listed since). New activities are
    numbered after the plan's highest number, by outcome then submission number."""
    cycle = PlanningCycle.objects.select_for_update().get(pk=cycle.pk)
    short = list(
        cycle.submissions.filter(decision=choices.SHORT_LIST)
        .exclude(review__in=choices.REMOVED_AT_REVIEW)
        .select_related("outcome", "activity")
        .order_by("outcome__order", "outcome__title", "number")
    )
    if not short:
        raise ValidationError("No activity is on the short list yet: decide the short list first.")
    plan = cycle.plan
    if plan is None:
        plan, _ = Plan.objects.get_or_create(name=cycle.plan_name or cycle.name)
    refs = [ref_sort_key(r) for r in plan.activities.values_list("ref", flat=True)]
    next_ref = max([r for r in refs if r < 999_999_999], default=0) + 1
    created = already = 0
    for submission in short:
        if submission.activity_id and submission.activity.plan_id == plan.pk:
            already += 1
            continue
        activity = Activity(
            plan=plan,
            ref=str(next_ref),
            title=submission.title,
            outcome=submission.outcome,
            activity_type=submission.activity_type,
            start_date=submission.start_date,
            end_date=submission.end_date,
            directorate=submission.directorate,
            lead_officer=submission.lead_officer,
            description=submission.headline,
        )
        activity._history_user = user
        activity.save()
        next_ref += 1
        created += 1
        submission.activity = activity
        submission._history_user = user
        submission.save(update_fields=["activity", "updated_at"])
    cycle.plan = plan
    cycle.confirmed_at, cycle.confirmed_by = now(), user
    cycle._history_user = user
    cycle.save()
    return Confirmed(plan, created, already)


# --- the next year's cycle starts from this year's plan ------------------------------------------------------


def continuing_activities(plan: Plan, cycle: PlanningCycle) -> list[Activity]:
    """The plan's activities still going when `cycle`'s call opens: not ended before it, and not taken out of
    monitoring (a submitted return saying completed, stopped or business as usual, unless CMT kept it in)."""
    left = set(ending_returns().filter(activity__plan=plan).values_list("activity_id", flat=True))
    opens = timezone.localtime(cycle.opens_at).date()
    return [
        a
        for a in plan.activities.select_related("outcome", "directorate", "lead_officer", "submission")
        if a.pk not in left and a.end_date >= opens
    ]


@transaction.atomic
def carry_forward(cycle: PlanningCycle, plan: Plan, *, user=None) -> int:
    """Copy `plan`'s continuing activities into `cycle` as submissions (once each), with everything their own
    submission held when they had one; they start the long list, for their lead officers to update while the
    window is open. Returns how many were carried now."""
    done = set(cycle.submissions.exclude(carried_from=None).values_list("carried_from_id", flat=True))
    carried = 0
    for activity in continuing_activities(plan, cycle):
        if activity.pk in done:
            continue
        source = getattr(activity, "submission", None)
        data = {key: getattr(source, key) for key in SUBMISSION_FIELDS} if source else {}
        data.update(
            title=activity.title,
            outcome=activity.outcome,
            activity_type=activity.activity_type,
            directorate=activity.directorate,
            lead_officer=activity.lead_officer,
            start_date=activity.start_date,
            end_date=activity.end_date,
            in_delivery=True,
        )
        data.setdefault("headline", activity.description)
        data.setdefault("capacity", "")
        submit_activity(cycle, data, user=user, check_window=False, carried_from=activity)
        carried += 1
    if cycle.carried_from_id != plan.pk:
        cycle.carried_from = plan
        cycle._history_user = user
        cycle.save()
    return carried
