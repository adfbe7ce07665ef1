"""Reading corporate assurance's records as plain records, each in a fixed number of queries whatever the
number of projects. Figures are computed in `analysis.assurance`, never here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from councilplan.analysis import assurance as rules
from councilplan.analysis.figures import Figure

from .models import (
    AnalysisReport,
    AssuranceActivity,
    DecaFactor,
    Portfolio,
    Project,
    Recommendation,
    Snapshot,
    SnapshotCount,
    Theme,
    TierDecision,
    TierSetting,
)

# --- for other systems -------------------------------------------------------------------------------------


def project_by_reference(reference: str) -> Project | None:
    """The project another system names by its reference (case as typed or not), or None."""
    reference = (reference or "").strip()
    if not reference:
        return None
    return Project.objects.filter(reference__iexact=reference).first()


def projects_by_reference(references: Iterable[str]) -> dict[str, Project]:
    """{reference as given: project} for the references that name a project (one query)."""
    wanted = {r.strip(): r for r in references if r and r.strip()}
    if not wanted:
        return {}
    query = Q()
    for reference in wanted:
        query |= Q(reference__iexact=reference)
    found = {p.reference.lower(): p for p in Project.objects.filter(query)}
    return {given: found[ref.lower()] for ref, given in wanted.items() if ref.lower() in found}


# --- lists -------------------------------------------------------------------------------------------------


def projects_queryset() -> QuerySet:
    return Project.objects.select_related("portfolio", "theme", "parent")


def portfolios() -> list[Portfolio]:
    return list(Portfolio.objects.select_related("manager", "merged_into"))


def active_portfolio_codes() -> list[str]:
    return list(Portfolio.objects.filter(active=True).values_list("code", flat=True))


def themes() -> list[Theme]:
    return list(Theme.objects.all())


def deca_factors() -> list[tuple[str, str]]:
    factors = [(f.code, f.label) for f in DecaFactor.objects.filter(active=True)]
    return factors or list(rules.DEFAULT_DECA_FACTORS)


def tier_settings() -> dict[str, TierSetting]:
    return {s.tier: s for s in TierSetting.objects.all()}


# --- a project ---------------------------------------------------------------------------------------------


@dataclass
class TierRow:
    decided_on: dt.date
    tier: str
    method: str
    assessor: str
    note: str
    profile: rules.DecaProfile
    ratings: list[tuple[str, str]]  # (factor label, rating label)


@dataclass
class ProjectRecord:
    project: Project
    tiers: list[TierRow]
    money: list
    approvals: list
    assurance: list[AssuranceActivity]
    open_recommendations: list[Recommendation]
    activities: list
    risks: list
    children: list[Project]
    predecessors: list[Project]
    successors: list[Project]
    cost_words: str
    benefit_words: str
    effort: TierSetting | None


def _tier_rows(decisions: Iterable[TierDecision], factors: list[tuple[str, str]]) -> list[TierRow]:
    labels = dict(rules.DECA_RATINGS)
    codes = [code for code, _ in factors]
    return [
        TierRow(
            d.decided_on,
            d.tier,
            d.get_method_display(),
            d.assessor,
            d.note,
            rules.deca_profile(d.ratings, codes),
            [(label, labels.get(d.ratings.get(code, ""), "Not rated")) for code, label in factors],
        )
        for d in decisions
    ]


def money_of(project: Project) -> tuple[str, str]:
    cost = rules.Money(project.cost, project.cost_text, project.cost_external)
    benefit = rules.Money(project.benefit, project.benefit_text, kind=project.benefit_kind)
    return rules.cost_words(cost), rules.benefit_words(benefit)


def project_record(pk: int) -> ProjectRecord | None:
    project = (
        Project.objects.select_related("portfolio", "theme", "parent")
        .prefetch_related(
            "tier_decisions",
            "money_changes",
            "approvals",
            Prefetch("assurance", queryset=AssuranceActivity.objects.prefetch_related("recommendations", "findings")),
            Prefetch("activities", queryset=_activities()),
            "risks",
            "children",
            "predecessors",
            "successors",
        )
        .filter(pk=pk)
        .first()
    )
    if project is None:
        return None
    assurance = list(project.assurance.all())
    cost, benefit = money_of(project)
    return ProjectRecord(
        project=project,
        tiers=_tier_rows(project.tier_decisions.all(), deca_factors()),
        money=list(project.money_changes.all()),
        approvals=list(project.approvals.all()),
        assurance=assurance,
        open_recommendations=[
            r for a in assurance for r in a.recommendations.all() if r.status not in rules.CLOSED_RECOMMENDATIONS
        ],
        activities=list(project.activities.all()),
        risks=list(project.risks.all()),
        children=list(project.children.all()),
        predecessors=list(project.predecessors.all()),
        successors=list(project.successors.all()),
        cost_words=cost,
        benefit_words=benefit,
        effort=tier_settings().get(project.tier),
    )


def _activities():
    from councilplan.plan.models import Activity

    return Activity.objects.select_related("plan").order_by("plan__name", "sort_key")


def activity_record(pk: int) -> AssuranceActivity | None:
    return (
        AssuranceActivity.objects.select_related("project__portfolio")
        .prefetch_related("findings", "recommendations__owner", "checked")
        .filter(pk=pk)
        .first()
    )


def recommendation_record(pk: int) -> Recommendation | None:
    return (
        Recommendation.objects.select_related("activity__project__portfolio", "owner", "checked_at")
        .filter(pk=pk)
        .first()
    )


def recommendations_queryset() -> QuerySet:
    return Recommendation.objects.select_related("activity__project", "owner").order_by(
        "due_on", "activity__project__name", "id"
    )


def recommendations_owned_by(user) -> list[Recommendation]:
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return []
    return list(recommendations_queryset().filter(owner=user).exclude(status__in=rules.CLOSED_RECOMMENDATIONS)[:20])


def activities_queryset() -> QuerySet:
    return AssuranceActivity.objects.select_related("project__portfolio")


# --- figures' inputs ---------------------------------------------------------------------------------------


def project_points() -> list[rules.ProjectPoint]:
    """Every project as the figures need it (two queries)."""
    tiers: dict[int, list] = defaultdict(list)
    for d in TierDecision.objects.values_list("project_id", "decided_on", "tier", "method"):
        tiers[d[0]].append((d[1], d[2], d[3]))
    return [
        rules.ProjectPoint(
            reference=p["reference"],
            portfolio=p["portfolio__code"],
            state=p["state"],
            stage=p["stage"],
            theme=p["theme__code"] or "",
            identified_on=p["identified_on"],
            became_current=p["approved_on"],
            closed_on=p["closed_on"],
            forecast_end=p["forecast_end"],
            tiers=tuple(tiers.get(p["id"], ())),
        )
        for p in Project.objects.values(
            "id",
            "reference",
            "portfolio__code",
            "state",
            "stage",
            "theme__code",
            "identified_on",
            "approved_on",
            "closed_on",
            "forecast_end",
        )
    ]


def snapshot_points() -> list[rules.SnapshotPoint]:
    counts: dict[dt.date, dict] = defaultdict(dict)
    for month, code, measure, value in SnapshotCount.objects.values_list(
        "snapshot__month", "portfolio__code", "measure", "value"
    ):
        counts[month][(code or "", measure)] = value
    months = Snapshot.objects.values_list("month", flat=True)
    return [rules.SnapshotPoint(month, counts.get(month, {})) for month in months]


def snapshots() -> list[Snapshot]:
    return list(Snapshot.objects.all())


# --- the report --------------------------------------------------------------------------------------------


@dataclass
class Tier1Row:
    project: Project
    portfolio: str
    stage: str
    cost: str
    benefit: str
    variations: list[str]
    milestones: str
    end: str


@dataclass
class PortfolioRow:
    code: str
    name: str
    tiers: dict[str, int]
    current: int
    potential: int
    closed: int


@dataclass
class ReportInputs:
    report: AnalysisReport
    start: dt.date
    end: dt.date
    portfolios: list[Portfolio]
    themes: list[Theme]
    figures: dict[str, int | Figure]
    previous: dict
    changes: dict[str, int]
    months: list[rules.MonthRow]
    summary: list[PortfolioRow]
    tier_1: list[Tier1Row]
    issued: bool = False
    window: dict = field(default_factory=dict)


def _window(points, snaps, portfolios, start: dt.date, end: dt.date) -> dict:
    """Closures over another window (the Feb–Aug 'since the last report' count of the seed, 1434)."""
    codes = [p.code for p in portfolios]
    figures = rules.report_figures(points, snaps, start, end, codes, [])
    return {
        "start": start,
        "end": end,
        "closures": figures["closures"],
        "by_portfolio": {code: figures[f"portfolio_closures_{code}"] for code in codes},
    }


def report_inputs(report: AnalysisReport) -> ReportInputs:
    """Everything the report shows: figures from the projects and snapshots (or, once issued, as issued)."""
    start, end = report.period_start, report.period_end
    every_portfolio = portfolios()
    shown = [p for p in every_portfolio if p.active or (p.retired_on and p.retired_on >= start)]
    codes = [p.code for p in shown]
    theme_list = themes()
    points = project_points()
    snaps = snapshot_points()
    figures = rules.report_figures(points, snaps, start, end, codes, [t.code for t in theme_list])
    previous = report.previous.figures if report.previous_id and report.previous else {}
    # The month table shows the previous period's months too, as the seed's does (September to August).
    first = (report.previous.period_start if report.previous_id and report.previous else start).replace(day=1)
    months = rules.month_table([s for s in snaps if first <= s.month <= end], codes)
    last = rules.month_counts(points, end.replace(day=1))
    summary = [
        PortfolioRow(
            p.code,
            p.name,
            {t: last.get((p.code, rules.tier_measure(t)), 0) for t in rules.TIERS},
            last.get((p.code, "current"), 0),
            last.get((p.code, "potential"), 0),
            last.get((p.code, "closed"), 0),
        )
        for p in shown
    ]
    window_start = (report.previous.period_end if report.previous_id and report.previous else start).replace(day=1)
    return ReportInputs(
        report=report,
        start=start,
        end=end,
        portfolios=shown,
        themes=theme_list,
        figures=figures,
        previous=previous,
        changes=rules.changes(figures, previous),
        months=months,
        summary=summary,
        tier_1=_tier_1_rows(points, start, end),
        issued=bool(report.issued_on),
        window=_window(points, snaps, shown, window_start, end),
    )


def _tier_1_rows(points, start: dt.date, end: dt.date) -> list[Tier1Row]:
    references = [p.reference for p in points if rules.state_on(p, end) == "current" and rules.tier_on(p, end) == "1"]
    projects = (
        Project.objects.filter(reference__in=references)
        .select_related("portfolio")
        .prefetch_related("money_changes")
        .order_by("portfolio__order", "name")
    )
    rows = []
    for project in projects:
        cost, benefit = money_of(project)
        variations = [
            f"{m.get_measure_display()} {rules.signed_money(m.change)} ({m.changed_on:%b %Y}): {m.reason}"
            for m in project.money_changes.all()
            if start <= m.changed_on <= end
        ]
        rows.append(
            Tier1Row(
                project,
                project.portfolio.name,
                rules.STAGES.get(project.stage, ""),
                cost,
                benefit,
                variations,
                project.milestones,
                f"{project.forecast_end:%b %Y}" if project.forecast_end else "TBC",
            )
        )
    return rows


def reports() -> list[AnalysisReport]:
    return list(AnalysisReport.objects.select_related("previous"))


def published_reports() -> list[AnalysisReport]:
    return list(AnalysisReport.objects.filter(published=True, issued_on__isnull=False))


# --- an activity's page ------------------------------------------------------------------------------------


def projects_for_activity(activity) -> list[tuple[Project, int]]:
    """The projects delivering a plan activity, each with its count of open recommendations (two queries)."""
    projects = list(Project.objects.filter(activities=activity).select_related("portfolio").order_by("name"))
    open_counts: dict[int, int] = defaultdict(int)
    for project_id in (
        Recommendation.objects.filter(activity__project__in=projects)
        .exclude(status__in=rules.CLOSED_RECOMMENDATIONS)
        .values_list("activity__project_id", flat=True)
    ):
        open_counts[project_id] += 1
    return [(p, open_counts[p.pk]) for p in projects]


def projects_for_activities(activity_ids) -> list[tuple[Project, int]]:
    """The projects delivering any of these activities, each once with its count of open recommendations (two
    queries however many activities)."""
    projects = list(
        Project.objects.filter(activities__in=list(activity_ids))
        .distinct()
        .select_related("portfolio")
        .order_by("name")
    )
    open_counts: dict[int, int] = defaultdict(int)
    for project_id in (
        Recommendation.objects.filter(activity__project__in=projects)
        .exclude(status__in=rules.CLOSED_RECOMMENDATIONS)
        .values_list("activity__project_id", flat=True)
    ):
        open_counts[project_id] += 1
    return [(p, open_counts[p.pk]) for p in projects]


def overdue_recommendations(today: dt.date) -> list[Recommendation]:
    """Recommendations not done nor declined whose due date has passed, oldest due first (one query)."""
    return list(recommendations_queryset().filter(due_on__lt=today).exclude(status__in=rules.CLOSED_RECOMMENDATIONS))


def reviews_due(today: dt.date) -> list[tuple[Project, dt.date]]:
    """Current projects whose next review (by their tier's interval) falls due by `today` + 14 days."""
    settings = tier_settings()
    last_held: dict[int, dt.date] = {}
    for project_id, held_on in AssuranceActivity.objects.filter(status="held", held_on__isnull=False).values_list(
        "project_id", "held_on"
    ):
        last_held[project_id] = max(held_on, last_held.get(project_id, held_on))
    decided: dict[int, dt.date] = {}
    for project_id, decided_on in TierDecision.objects.values_list("project_id", "decided_on"):
        decided[project_id] = max(decided_on, decided.get(project_id, decided_on))
    found = []
    for project in Project.objects.filter(state="current").select_related("portfolio__manager"):
        setting = settings.get(project.tier)
        due = rules.review_due(
            last_held.get(project.pk), decided.get(project.pk), setting.review_every_months if setting else None, today
        )
        if due is not None and due <= today + dt.timedelta(days=14):
            found.append((project, due))
    return found


# --- history -----------------------------------------------------------------------------------------------

_QUIET = {"version", "id"}


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    who: str
    what: str
    changes: tuple[str, ...]


def history_entries(records) -> list[HistoryEntry]:
    """A record's history rows (newest first) as what changed and why: one query, each row compared with the one
    before it in memory."""
    rows = list(records.select_related("history_user").order_by("history_date", "history_id"))
    entries, previous = [], None
    for row in rows:
        changes: list[str] = []
        if previous is not None and row.history_type == "~":
            for change in row.diff_against(previous).changes:
                if change.field in _QUIET:
                    continue
                label = str(row.instance._meta.get_field(change.field).verbose_name)
                old = "(empty)" if change.old in (None, "") else str(change.old)[:200]
                new = "(empty)" if change.new in (None, "") else str(change.new)[:200]
                changes.append(f"{label[:1].upper()}{label[1:]}: {old} → {new}")
        what = {"+": "Added", "-": "Removed"}.get(row.history_type, "Changed")
        if row.history_change_reason:
            what += f" ({row.history_change_reason})"
        who = str(row.history_user) if row.history_user else ""
        entries.append(HistoryEntry(row.history_date, who, what, tuple(changes)))
        previous = row
    return list(reversed(entries))


@dataclass(frozen=True)
class ProjectListRecord:
    id: int
    reference: str
    name: str
    portfolio: str
    state: str
    stage: str
    tier: str
    theme: str
    identified_on: dt.date | None
    approved_on: dt.date | None
    closed_on: dt.date | None
    forecast_end: dt.date | None


def project_list() -> list[ProjectListRecord]:
    """Every project of the portfolio as a plain record, by reference (one query)."""
    return [
        ProjectListRecord(
            id=p.pk,
            reference=p.reference,
            name=p.name,
            portfolio=p.portfolio.code,
            state=p.state,
            stage=p.stage,
            tier=p.tier,
            theme=p.theme.code if p.theme_id else "",
            identified_on=p.identified_on,
            approved_on=p.approved_on,
            closed_on=p.closed_on,
            forecast_end=p.forecast_end,
        )
        for p in projects_queryset().order_by("reference")
    ]
