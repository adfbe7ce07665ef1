"""Corporate assurance's sample: the four change portfolios of March–August 2017, their projects (the nine Tier 1
with their money, the 41 other current, 15 potential, 36 closed February–August, the Coroners split), the monthly
snapshots September 2016 – August 2017 (August taken from the projects), the assurance activity of the period and
next, and the two bi-annual reports (the previous one issued). See README.md. `load_sample()` is idempotent."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from councilplan.assurance import services
from councilplan.assurance.models import AnalysisReport, Portfolio, Project, Theme
from councilplan.plan.models import Activity, Plan

from . import portfolio_2017 as data

PLAN = "KCC Strategic Delivery Plan 2019-20"
ASSESSOR = "Corporate Assurance"
# Factors ordered from where the seed says complexity lies (stakeholders, interfaces; 1324) to where it does not
# (capacity and capability): a project's ratings fill this order, the higher its tier the more highs.
COMPLEXITY_ORDER = [
    "stakeholders",
    "interdependencies",
    "strategic_importance",
    "requirements_benefits",
    "execution_complexity",
    "solution",
    "financial_impact",
    "timescales",
    "governance",
    "commercial",
    "stability",
    "capability",
]
PROFILE = {"1": (6, 4), "2": (3, 6), "3": (1, 4)}  # (highs, mediums); the rest low


def ratings_for(tier: str, n: int) -> dict[str, str]:
    """A DECA profile fitting the tier (chosen: the seed gives no project's ratings). `n` varies which of the
    middle factors are rated higher, so projects of one tier do not all look the same."""
    highs, mediums = PROFILE[tier]
    order = COMPLEXITY_ORDER[:2] + _rotate(COMPLEXITY_ORDER[2:-1], n) + COMPLEXITY_ORDER[-1:]
    return {code: "high" if i < highs else "medium" if i < highs + mediums else "low" for i, code in enumerate(order)}


def _rotate(items: list, n: int) -> list:
    k = n % len(items)
    return items[k:] + items[:k]


def _end(bucket: str, n: int) -> dt.date | None:
    """A forecast end in the bucket (chosen dates, spread by `n`)."""
    if bucket == "this":
        return dt.date(2017, 10 + n % 3, 30) if n % 2 else dt.date(2018, 1 + n % 3, 28)
    if bucket == "next":
        return dt.date(2018, 5 + n % 7, 28)
    if bucket == "later":
        return dt.date(2019, 6 + n % 6, 30)
    return None


def _deca_date(n: int) -> dt.date:
    return data.DECA_START + dt.timedelta(days=7 + n % 40)


def _decide(project: Project, first: str | None, now: str, current_from: dt.date, n: int) -> None:
    """The old cost/benefit tier when it became current, then its DECA assessment (from June 2017)."""
    if current_from < data.DECA_START and first:
        services.decide_tier(
            project, decided_on=current_from, tier=first, method="cost_benefit", assessor=ASSESSOR, user=None
        )
    if now != "tbc":
        on = max(_deca_date(n), current_from + dt.timedelta(days=14))
        services.decide_tier(
            project, decided_on=on, tier=now, ratings=ratings_for(now, n), assessor=ASSESSOR, user=None
        )


def _portfolios() -> dict[str, Portfolio]:
    for code, name, order in data.PORTFOLIOS:
        if not Portfolio.objects.filter(code=code).exists():
            services.create_portfolio(code=code, name=name, order=order, manager_name=f"{name} PDM")
    for order, (code, label) in enumerate(data.THEMES):
        if not Theme.objects.filter(code=code).exists():
            services.save_theme(code, label, order)
    return {p.code: p for p in Portfolio.objects.all()}


def _tier_1(portfolios, themes) -> None:
    for n, row in enumerate(data.TIER_1):
        (
            ref,
            code,
            start,
            end,
            stage,
            theme,
            cost,
            cost_text,
            external,
            kind,
            benefit,
            benefit_text,
            milestones,
            first,
        ) = row
        changes = [v for v in data.VARIATIONS if v[0] == ref]
        cost0 = None if cost is None else cost - sum(v[2] for v in changes if v[1] == "cost")
        benefit0 = None if benefit is None else benefit - sum(v[2] for v in changes if v[1] == "benefit")
        project = services.create_project(
            reference=ref,
            name=ref,
            portfolio=portfolios[code],
            state="current",
            approved_on=start,
            start_date=start,
            forecast_end=end,
            stage=stage,
            theme=themes[theme],
            cost=cost0,
            cost_text=cost_text,
            cost_external=external,
            benefit_kind=kind,
            benefit=benefit0,
            benefit_text=benefit_text,
            milestones=milestones,
            under_oversight=True,
            project_manager="Project Manager",
        )
        _decide(project, first, "1", start, n)
        for _, measure, change, on, reason in changes:
            services.change_money(project, measure=measure, change=change, changed_on=on, reason=reason, user=None)


def _others(portfolios, themes) -> None:
    for n, (ref, code, tier, stage, theme, bucket, current_from, first) in enumerate(data.OTHERS):
        project = services.create_project(
            reference=ref,
            name=ref,
            portfolio=portfolios[code],
            state="current",
            approved_on=current_from,
            start_date=current_from,
            forecast_end=_end(bucket, n),
            stage=stage,
            theme=themes[theme],
            under_oversight=ref == "Business Services Centre",
        )
        _decide(project, first, tier, current_from, n)
    programme = Project.objects.get(reference="Business Change Programme")
    for ref in ("New Ways of Working", "ICT Transformation Programme"):
        child = Project.objects.get(reference=ref)
        services.update_project(child, parent=programme, user=None, reason="part of the Business Change Programme")


def _split(portfolios, themes) -> None:
    spec = data.SPLIT
    project = services.create_project(
        reference=spec["reference"],
        name=spec["reference"],
        portfolio=portfolios[spec["portfolio"]],
        state="current",
        approved_on=spec["current_from"],
        start_date=spec["current_from"],
        stage=spec["stage"],
        theme=themes[spec["theme"]],
        forecast_end=dt.date(2019, 3, 31),
    )
    _decide(project, "1", "1", spec["current_from"], 3)
    services.split_project(
        project,
        on=spec["on"],
        user=None,
        successors=[
            {
                "reference": ref,
                "name": ref,
                "tier": tier,
                "ratings": ratings_for(tier, i),
                "stage": stage,
                "forecast_end": _end(bucket, i),
                "start_date": spec["on"],
            }
            for i, (ref, tier, stage, bucket) in enumerate(spec["successors"])
        ],
    )


def _closed(portfolios, themes) -> None:
    for n, (ref, code, state, closed_on, tier) in enumerate(data.CLOSED):
        current_from = dt.date(2015, 4 + n % 9, 1) if n % 2 else dt.date(2016, 1 + n % 9, 1)
        project = services.create_project(
            reference=ref,
            name=ref,
            portfolio=portfolios[code],
            state="current",
            approved_on=current_from,
            start_date=current_from,
            forecast_end=closed_on,
            stage="review" if state == "completed" else "do",
            theme=themes[data.THEMES[n % len(data.THEMES)][0]],
        )
        services.decide_tier(
            project, decided_on=current_from, tier=tier, method="cost_benefit", assessor=ASSESSOR, user=None
        )
        services.close_project(project, state=state, on=closed_on, note=data.CLOSURE_NOTES.get(ref, ""), user=None)


def _potential(portfolios, themes) -> None:
    for ref, code, theme, known in data.POTENTIAL:
        services.create_project(
            reference=ref, name=ref, portfolio=portfolios[code], identified_on=known, theme=themes[theme]
        )


def _snapshots(portfolios) -> None:
    codes = [code for code, _, _ in data.PORTFOLIOS]
    for month, total, tier_1, potential, closed, by_portfolio in data.MONTHS:
        if month == data.MONTHS[-1][0]:
            continue  # August is taken from the projects
        counts = {(code, "current"): value for code, value in zip(codes, by_portfolio, strict=True)}
        counts[("", "tier_1")] = tier_1
        counts[("", "potential")] = potential
        if month in data.CLOSED_BY_PORTFOLIO:
            counts.update({(code, "closed"): v for code, v in zip(codes, data.CLOSED_BY_PORTFOLIO[month], strict=True)})
        else:
            counts[("", "closed")] = closed
        assert sum(by_portfolio) == total, month
        services.record_snapshot(
            month,
            counts,
            taken_on=dt.date(month.year + month.month // 12, month.month % 12 + 1, 1),
            note="From the monthly volumes of the Corporate Assurance reports (section D).",
        )
    services.take_snapshot(data.MONTHS[-1][0], today=dt.date(2017, 9, 1))


def _assurance() -> None:
    projects = {p.reference: p for p in Project.objects.all()}
    done = {}
    for ref, kind, on, product, feedback_to, summary in data.ACTIVITY_DONE:
        activity = services.plan_activity(
            projects[ref],
            kind=kind,
            product=product,
            feedback_to=feedback_to,
            summary=summary,
            led_by=ASSESSOR,
            user=None,
        )
        done[ref] = services.hold_activity(activity, held_on=on, today=data.PERIOD[1], user=None)
    for ref, kind, product, summary in data.ACTIVITY_PLANNED:
        services.plan_activity(projects[ref], kind=kind, product=product, summary=summary, led_by=ASSESSOR, user=None)
    for ref, case, finding, text, owner, due, status in data.RECOMMENDATIONS:
        services.add_finding(done[ref], case=case, text=finding, user=None)
        recommendation = services.add_recommendation(
            done[ref], case=case, text=text, owner_name=owner, due_on=due, user=None
        )
        if status != "open":
            services.follow_up(recommendation, status=status, user=None)
    for ref, stage, reference, on in data.APPROVALS:
        services.add_stage_approval(projects[ref], stage=stage, decision_reference=reference, approved_on=on, user=None)
    plan = Plan.objects.filter(name=PLAN).first()
    if plan is not None:
        activities = {a.ref: a for a in Activity.objects.filter(plan=plan)}
        for ref, activity_refs in data.ACTIVITY_LINKS.items():
            linked = [activities[a] for a in activity_refs if a in activities]
            if linked:
                services.set_links(projects[ref], activities=linked)


def _reports() -> None:
    start, end = data.PREVIOUS_PERIOD
    previous = services.create_report(
        title="Corporate Assurance bi-annual report: September 2016 to February 2017",
        period_start=start,
        period_end=end,
        meeting_date=dt.date(2017, 3, 17),
    )
    services.issue_report(previous, on=dt.date(2017, 3, 7), figures=data.PREVIOUS_FIGURES, user=None)
    start, end = data.PERIOD
    report = services.create_report(
        title="Corporate Assurance bi-annual report: March to August 2017",
        period_start=start,
        period_end=end,
        previous=previous,
        meeting_date=dt.date(2017, 9, 15),
    )
    done = "\n".join(f"- {ref}: {summary}" for ref, _, _, _, _, summary in data.ACTIVITY_DONE)
    planned = "\n".join(f"- {ref}: {summary}" for ref, _, _, summary in data.ACTIVITY_PLANNED)
    services.save_narrative(report, user=None, activity_done=done, activity_planned=planned, **data.NARRATIVE)


@transaction.atomic
def load_sample() -> str:
    if AnalysisReport.objects.exists() or Project.objects.exists():
        return f"The assurance sample was already loaded ({Project.objects.count()} projects)."
    services.ensure_defaults()
    portfolios = _portfolios()
    themes = {t.code: t for t in Theme.objects.all()}
    _tier_1(portfolios, themes)
    _others(portfolios, themes)
    _split(portfolios, themes)
    _closed(portfolios, themes)
    _potential(portfolios, themes)
    _snapshots(portfolios)
    _assurance()
    _reports()
    return f"Loaded the corporate assurance sample: {Project.objects.count()} projects, March–August 2017."
