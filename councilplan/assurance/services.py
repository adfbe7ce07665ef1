"""Changing corporate assurance's records. Every change goes through here, saved with who made it and why
(`history_change_reason`), so a record's history says who changed what, when and why.

- Records people edit (a project, a review, a recommendation, a report's narrative) carry a version: a save
  based on an older version is refused (one conditional UPDATE), never silently overwriting someone else's.
- A project's lifecycle runs potential → current → completed, stopped or transferred; a closed project is not
  reopened. Its tier changes only by a dated decision (`decide_tier`); its cost and benefit only by a dated,
  explained change (`change_money`).
- A split or merge ends the old projects as 'replaced' and links the new ones to them (not a closure).
- An issued report keeps its figures as they were; its narrative is no longer edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from councilplan.analysis import assurance as rules

from .models import (
    AnalysisReport,
    AssuranceActivity,
    DecaFactor,
    Finding,
    MoneyChange,
    Portfolio,
    Project,
    Recommendation,
    Snapshot,
    SnapshotCount,
    StageApproval,
    Theme,
    TierDecision,
    TierSetting,
)

DEFAULT_EFFORT = {
    "1": ("Corporate Assurance leads the project's assurance: checkpoint reviews at each stage.", 3),
    "2": ("The portfolio's office assures the project; Corporate Assurance reviews at key decisions.", 6),
    "3": ("Assured within the portfolio; Corporate Assurance on request.", None),
    "tbc": ("Awaiting its DECA assessment.", None),
}


class StaleEdit(ValidationError):
    """Someone saved the record after the form was opened."""


def _claim(model, obj, expected_version: int | None, noun: str) -> None:
    """The version check: one conditional UPDATE, so two saves racing cannot both pass it."""
    if expected_version is None:
        expected_version = obj.version
    if not model.objects.filter(pk=obj.pk, version=expected_version).update(version=F("version") + 1):
        raise StaleEdit(
            f"Someone else changed this {noun} after you opened it. Your changes have not been saved: open it "
            "again to see theirs, then make yours."
        )
    obj.version = expected_version + 1


def _save(instance, user, reason: str = ""):
    instance.full_clean()
    instance._history_user = user
    instance._change_reason = (reason or "")[:100] or None
    instance.save()
    return instance


def ensure_defaults() -> None:
    """The DECA factors (the planning cycle's twelve) and the tiers' effort, made when first needed."""
    if not DecaFactor.objects.exists():
        for order, (code, label) in enumerate(rules.DEFAULT_DECA_FACTORS):
            DecaFactor.objects.create(code=code, label=label, order=order)
    for tier, (effort, months) in DEFAULT_EFFORT.items():
        TierSetting.objects.get_or_create(tier=tier, defaults={"effort": effort, "review_every_months": months})


def save_tier_setting(tier: str, *, effort: str, review_every_months: int | None, user) -> TierSetting:
    setting, _ = TierSetting.objects.get_or_create(tier=tier)
    setting.effort, setting.review_every_months = effort, review_every_months
    return _save(setting, user, "effort of the tier")


# --- portfolios and themes ---------------------------------------------------------------------------------


def create_portfolio(*, code: str, name: str, manager_name: str = "", manager=None, order: int = 0, user=None):
    if Portfolio.objects.filter(code=code).exists():
        raise ValidationError({"code": f"There is already a portfolio {code}."})
    return _save(
        Portfolio(code=code, name=name, manager_name=manager_name, manager=manager, order=order), user, "added"
    )


def update_portfolio(portfolio: Portfolio, *, user, **fields) -> Portfolio:
    for name in ("name", "manager_name", "manager", "order"):
        if name in fields:
            setattr(portfolio, name, fields[name])
    return _save(portfolio, user, "details changed")


@transaction.atomic
def merge_portfolio(portfolio: Portfolio, into: Portfolio, *, on: dt.date, user) -> int:
    """Retire `portfolio`, moving its projects that are still going into `into`. The old portfolio and its
    closed projects stay as they were (its history and past snapshots keep its name)."""
    if portfolio.pk == into.pk:
        raise ValidationError("A portfolio cannot be merged into itself.")
    if not into.active:
        raise ValidationError(f"{into} is retired: merge into a portfolio still in use.")
    moved = 0
    for project in portfolio.projects.filter(state__in=["potential", "current"]):
        project.portfolio = into
        _claim(Project, project, None, "project")
        _save(project, user, f"moved: {portfolio} merged into {into}")
        moved += 1
    portfolio.active, portfolio.retired_on, portfolio.merged_into = False, on, into
    _save(portfolio, user, f"merged into {into}")
    return moved


def save_theme(code: str, label: str, order: int = 0, user=None) -> Theme:
    theme = Theme.objects.filter(code=code).first() or Theme(code=code)
    theme.label, theme.order = label, order
    return _save(theme, user, "theme")


# --- projects ----------------------------------------------------------------------------------------------

PROJECT_FIELDS = (
    "name",
    "portfolio",
    "parent",
    "stage",
    "theme",
    "under_oversight",
    "senior_responsible_owner",
    "sponsor",
    "project_manager",
    "start_date",
    "forecast_end",
    "identified_on",
    "status_note",
    "cost_text",
    "cost_external",
    "benefit_kind",
    "benefit_text",
    "milestones",
    "lessons",
)


def _check_parent(project: Project) -> None:
    parent = project.parent
    seen = set()
    while parent is not None:
        if parent.pk == project.pk or parent.pk in seen:
            raise ValidationError({"parent": "A project cannot be part of itself."})
        seen.add(parent.pk)
        parent = parent.parent


@transaction.atomic
def create_project(
    *,
    reference: str,
    name: str,
    portfolio: Portfolio,
    state: str = "potential",
    approved_on: dt.date | None = None,
    cost: int | None = None,
    benefit: int | None = None,
    user=None,
    **fields,
) -> Project:
    """A new project, potential (or current from `approved_on`), tier TBC until decided."""
    reference = (reference or "").strip()
    if not reference:
        raise ValidationError({"reference": "Enter the project's reference."})
    if Project.objects.filter(reference__iexact=reference).exists():
        raise ValidationError({"reference": f"There is already a project with the reference {reference}."})
    if state not in ("potential", "current"):
        raise ValidationError({"state": "A new project is potential or current."})
    if state == "current" and approved_on is None:
        raise ValidationError({"approved_on": "Enter the date the project became current."})
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    project = Project(
        reference=reference,
        name=name,
        portfolio=portfolio,
        state=state,
        approved_on=approved_on if state == "current" else None,
        cost=cost,
        benefit=benefit,
        **fields,
    )
    return _save(project, user, "added")


def update_project(project: Project, *, user, version: int | None = None, reason: str = "", **fields) -> Project:
    """The project's details. Its tier, lifecycle and money change through their own services."""
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    if project.state in rules.ENDED_STATES and "portfolio" in fields and fields["portfolio"] != project.portfolio:
        raise ValidationError({"portfolio": "A closed project stays in the portfolio it closed in."})
    with transaction.atomic():
        _claim(Project, project, version, "project")
        for name, value in fields.items():
            setattr(project, name, value)
        _check_parent(project)
        return _save(project, user, reason or "details changed")


def start_project(project: Project, *, on: dt.date, user, version: int | None = None) -> Project:
    """A potential project approved to start: current from `on`."""
    if project.state != "potential":
        raise ValidationError(f"{project} is {project.get_state_display().lower()}, not potential.")
    if project.identified_on and on < project.identified_on:
        raise ValidationError({"approved_on": "A project cannot start before it was known."})
    with transaction.atomic():
        _claim(Project, project, version, "project")
        project.state, project.approved_on = "current", on
        return _save(project, user, f"current from {on:%d/%m/%Y}")


def close_project(
    project: Project, *, state: str, on: dt.date, note: str = "", user, version: int | None = None
) -> Project:
    """Closed with a reason: completed, stopped (or paused indefinitely, stopped early) or transferred."""
    if state not in rules.CLOSED_STATES:
        raise ValidationError({"state": "Choose completed, stopped or transferred."})
    if project.state in rules.ENDED_STATES:
        raise ValidationError(f"{project} is already closed.")
    if project.approved_on and on < project.approved_on:
        raise ValidationError({"closed_on": "A project cannot close before it started."})
    with transaction.atomic():
        _claim(Project, project, version, "project")
        project.state, project.closed_on, project.closure_note = state, on, note
        if state == "completed" and not project.stage:
            project.stage = "review"
        return _save(project, user, f"{rules.STATES[state].lower()} on {on:%d/%m/%Y}")


def decide_tier(
    project: Project,
    *,
    decided_on: dt.date,
    tier: str,
    method: str = "deca",
    ratings: Mapping[str, str] | None = None,
    assessor: str = "",
    note: str = "",
    user,
) -> TierDecision:
    """A tier decided on a date (with the DECA ratings it was decided from). The project's tier is its latest
    decision's."""
    if tier not in ("1", "2", "3"):
        raise ValidationError({"tier": "Choose tier 1, 2 or 3."})
    ratings = {k: v for k, v in (ratings or {}).items() if v}
    known = set(DecaFactor.objects.values_list("code", flat=True)) or {c for c, _ in rules.DEFAULT_DECA_FACTORS}
    bad = [k for k, v in ratings.items() if k not in known or v not in dict(rules.DECA_RATINGS)]
    if bad:
        raise ValidationError({"ratings": f"Unknown DECA factors or ratings: {', '.join(sorted(bad))}."})
    if method == "deca" and not ratings:
        raise ValidationError({"ratings": "Rate at least one DECA factor, or record the decision's method."})
    with transaction.atomic():
        decision = _save(
            TierDecision(
                project=project,
                decided_on=decided_on,
                tier=tier,
                method=method,
                ratings=ratings,
                assessor=assessor,
                note=note,
            ),
            user,
            "tier decided",
        )
        latest = project.tier_decisions.order_by("-decided_on", "-id").first()
        if latest is not None and latest.tier != project.tier:
            _claim(Project, project, None, "project")
            project.tier = latest.tier
            _save(project, user, f"{rules.TIERS[latest.tier]} from {latest.decided_on:%d/%m/%Y}")
        return decision


def change_money(
    project: Project,
    *,
    measure: str,
    change: int,
    changed_on: dt.date,
    reason: str,
    amount_after: int | None = None,
    user,
) -> MoneyChange:
    """A change to the forecast cost or the financial benefit, dated and explained. The project's amount moves by
    the change (or to `amount_after` where the change was stated against a figure the project does not hold)."""
    if measure not in ("cost", "benefit"):
        raise ValidationError({"measure": "Choose the forecast cost or the financial benefit."})
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the amount changed."})
    if change == 0:
        raise ValidationError({"change": "Enter the change (an increase, or a reduction with a minus sign)."})
    with transaction.atomic():
        held = getattr(project, measure)
        after = amount_after if amount_after is not None else (None if held is None else held + change)
        entry = _save(
            MoneyChange(
                project=project,
                measure=measure,
                change=change,
                amount_after=after,
                changed_on=changed_on,
                reason=reason.strip(),
            ),
            user,
            "variation",
        )
        if after is not None:
            _claim(Project, project, None, "project")
            setattr(project, measure, after)
            _save(project, user, f"{measure} {rules.money_text(change)}: {reason}"[:100])
        return entry


def add_stage_approval(
    project: Project, *, stage: str, decision_reference: str, approved_on: dt.date | None = None, note="", user
) -> StageApproval:
    reference = (decision_reference or "").strip()
    if not rules.decision_reference_ok(reference):
        raise ValidationError(
            {"decision_reference": "Enter the decision's reference as two digits, a slash and five digits: 17/00123."}
        )
    return _save(
        StageApproval(project=project, stage=stage, decision_reference=reference, approved_on=approved_on, note=note),
        user,
        "stage approved",
    )


def set_links(project: Project, *, activities: Iterable | None = None, risks: Iterable | None = None, user=None):
    """The plan activities the project delivers and its risks."""
    with transaction.atomic():
        if activities is not None:
            project.activities.set(list(activities))
        if risks is not None:
            project.risks.set(list(risks))
        _claim(Project, project, None, "project")
        return _save(project, user, "links changed")


@transaction.atomic
def split_project(
    project: Project, *, on: dt.date, successors: Sequence[Mapping], user, note: str = ""
) -> list[Project]:
    """Split a current project into successors (each a mapping of create_project's arguments, with an optional
    'tier' decided on `on`). The old project ends as replaced; the successors name it as their predecessor."""
    if project.state != "current":
        raise ValidationError("Only a current project can be split.")
    if len(successors) < 2:
        raise ValidationError("A split makes at least two projects.")
    made = []
    for spec in successors:
        spec = dict(spec)
        tier = spec.pop("tier", None)
        ratings = spec.pop("ratings", None)
        spec.setdefault("portfolio", project.portfolio)
        spec.setdefault("stage", project.stage)
        spec.setdefault("theme", project.theme)
        new = create_project(state="current", approved_on=on, user=user, **spec)
        new.predecessors.add(project)
        if tier:
            decide_tier(
                new,
                decided_on=on,
                tier=tier,
                method="deca" if ratings else "cost_benefit",
                ratings=ratings,
                note=f"split from {project}",
                user=user,
            )
        made.append(new)
    _claim(Project, project, None, "project")
    project.state, project.closed_on = "replaced", on
    project.closure_note = note or f"Split into {', '.join(str(p) for p in made)}."
    _save(project, user, "split")
    return made


@transaction.atomic
def merge_projects(projects: Sequence[Project], *, on: dt.date, user, **new) -> Project:
    """Merge current projects into a new one; each old project ends as replaced."""
    if len(projects) < 2:
        raise ValidationError("Choose at least two projects to merge.")
    if any(p.state != "current" for p in projects):
        raise ValidationError("Only current projects can be merged.")
    new.setdefault("portfolio", projects[0].portfolio)
    merged = create_project(state="current", approved_on=on, user=user, **new)
    merged.predecessors.add(*projects)
    for old in projects:
        _claim(Project, old, None, "project")
        old.state, old.closed_on, old.closure_note = "replaced", on, f"Merged into {merged}."
        _save(old, user, "merged")
    return merged


# --- assurance work ----------------------------------------------------------------------------------------

ACTIVITY_FIELDS = ("kind", "held_on", "product", "led_by", "feedback_to", "summary")


def plan_activity(project: Project, *, user, **fields) -> AssuranceActivity:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    return _save(AssuranceActivity(project=project, status="planned", **fields), user, "planned")


def update_activity(activity: AssuranceActivity, *, user, version: int | None = None, **fields) -> AssuranceActivity:
    with transaction.atomic():
        _claim(AssuranceActivity, activity, version, "review")
        for name in ACTIVITY_FIELDS:
            if name in fields:
                setattr(activity, name, fields[name])
        return _save(activity, user, "details changed")


def hold_activity(
    activity: AssuranceActivity, *, held_on: dt.date, today: dt.date, user, version: int | None = None, **fields
):
    """That the review was held, on a date that has come."""
    if held_on > today:
        raise ValidationError({"held_on": "A review is recorded as held on a date that has come."})
    with transaction.atomic():
        _claim(AssuranceActivity, activity, version, "review")
        activity.status, activity.held_on = "held", held_on
        for name in ("product", "led_by", "feedback_to", "summary"):
            if name in fields:
                setattr(activity, name, fields[name])
        return _save(activity, user, "held")


def add_finding(activity: AssuranceActivity, *, case: str, text: str, user) -> Finding:
    if not (text or "").strip():
        raise ValidationError({"text": "Enter the finding."})
    return _save(Finding(activity=activity, case=case, text=text.strip()), user, "finding")


def add_recommendation(
    activity: AssuranceActivity, *, text: str, case: str = "", owner=None, owner_name="", due_on=None, user
) -> Recommendation:
    if not (text or "").strip():
        raise ValidationError({"text": "Enter the recommendation."})
    if owner is None and not owner_name.strip():
        raise ValidationError({"owner": "Name who owns the recommendation."})
    return _save(
        Recommendation(
            activity=activity, text=text.strip(), case=case, owner=owner, owner_name=owner_name, due_on=due_on
        ),
        user,
        "recommendation",
    )


def follow_up(
    recommendation: Recommendation,
    *,
    status: str,
    progress: str = "",
    checked_at: AssuranceActivity | None = None,
    due_on: dt.date | None = None,
    user,
    version: int | None = None,
) -> Recommendation:
    if status not in rules.RECOMMENDATION_STATUSES:
        raise ValidationError({"status": "Choose a status."})
    if checked_at is not None and checked_at.project_id != recommendation.activity.project_id:
        raise ValidationError({"checked_at": "The review that checked it is of the same project."})
    with transaction.atomic():
        _claim(Recommendation, recommendation, version, "recommendation")
        recommendation.status = status
        recommendation.progress = progress
        if checked_at is not None:
            recommendation.checked_at = checked_at
        if due_on is not None:
            recommendation.due_on = due_on
        return _save(recommendation, user, rules.RECOMMENDATION_STATUSES[status].lower())


# --- snapshots ---------------------------------------------------------------------------------------------


@transaction.atomic
def record_snapshot(
    month: dt.date,
    counts: Mapping[tuple[str, str], int],
    *,
    method: str = "recorded",
    taken_on: dt.date,
    note: str = "",
    user=None,
) -> Snapshot:
    """A month's counts: {(portfolio code or '' for a count given only in total, measure): value}. Replaces what
    the month held (its history keeps the old counts)."""
    month = month.replace(day=1)
    portfolios = {p.code: p for p in Portfolio.objects.all()}
    bad = [f"{code or 'total'} {measure}" for code, measure in counts if code and code not in portfolios]
    bad += [measure for _, measure in counts if measure not in rules.MEASURES]
    if bad:
        raise ValidationError(f"Unknown portfolios or measures: {', '.join(sorted(set(bad)))}.")
    if any(v < 0 for v in counts.values()):
        raise ValidationError("Counts are whole numbers, 0 or more.")
    snapshot = Snapshot.objects.filter(month=month).first() or Snapshot(month=month)
    snapshot.method, snapshot.taken_on, snapshot.note = method, taken_on, note
    _save(snapshot, user, method)
    for old in snapshot.counts.all():
        old._history_user = user
        old.delete()
    for (code, measure), value in sorted(counts.items()):
        _save(
            SnapshotCount(snapshot=snapshot, portfolio=portfolios.get(code), measure=measure, value=value),
            user,
            method,
        )
    return snapshot


def take_snapshot(month: dt.date, *, today: dt.date, user=None) -> Snapshot:
    """The month's snapshot taken from the projects (their dated lifecycle and tier decisions)."""
    from .selectors import project_points  # selectors read; the count is analysis's

    if month.replace(day=1) > today.replace(day=1):
        raise ValidationError("A month is snapshotted once it has begun.")
    counts = rules.month_counts(project_points(), month.replace(day=1))
    for portfolio in Portfolio.objects.filter(active=True):
        for measure in rules.MEASURES:
            counts.setdefault((portfolio.code, measure), 0)
    return record_snapshot(month, counts, method="taken", taken_on=today, user=user)


# --- the analysis report -----------------------------------------------------------------------------------

NARRATIVE = ("achievements", "development", "consideration", "activity_done", "activity_planned")


def create_report(
    *, title: str, period_start: dt.date, period_end: dt.date, previous: AnalysisReport | None = None, user=None, **f
) -> AnalysisReport:
    if period_end < period_start:
        raise ValidationError({"period_end": "The period ends after it starts."})
    if previous is not None and previous.period_end >= period_start:
        raise ValidationError({"previous": "The previous report covers an earlier period."})
    report = AnalysisReport(
        title=title, period_start=period_start.replace(day=1), period_end=period_end, previous=previous, **f
    )
    return _save(report, user, "added")


def save_narrative(report: AnalysisReport, *, user, version: int | None = None, **texts) -> AnalysisReport:
    if report.issued_on:
        raise ValidationError("The report has been issued: its narrative is no longer changed.")
    with transaction.atomic():
        _claim(AnalysisReport, report, version, "report")
        for name in NARRATIVE:
            if name in texts:
                setattr(report, name, texts[name])
        return _save(report, user, "narrative")


def issue_report(report: AnalysisReport, *, on: dt.date, figures: Mapping, user, published: bool = True):
    """Issue the report: its figures are kept as they are (the next report compares with them)."""
    if report.issued_on:
        raise ValidationError("The report has already been issued.")
    with transaction.atomic():
        _claim(AnalysisReport, report, None, "report")
        report.issued_on, report.figures, report.published = on, dict(figures), published
        return _save(report, user, "issued")
