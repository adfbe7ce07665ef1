"""What corporate assurance shows on other pages: an activity's projects (tier, stage, open recommendations),
the public index, the home page's things to do, and the demo sign-ins."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import assurance as rules
from councilplan.core.models import User
from councilplan.core.systems import DemoUser, ExceptionItem, Link, LinkGroup, PackSection

from . import permissions, selectors

DEMO_USERS = (
    DemoUser(
        "assurance.team",
        "Demo Corporate Assurance Officer",
        User.Role.LEAD_OFFICER,
        teams=("assurance",),
        what="keeps the portfolios, decides tiers, records reviews, writes the bi-annual report",
    ),
    DemoUser(
        "portfolio.manager",
        "Demo Portfolio Delivery Manager",
        User.Role.LEAD_OFFICER,
        what="keeps the GET portfolio's projects up to date",
    ),
)


def activity_links(activity, user) -> list[LinkGroup]:
    if not permissions.can_read(user):
        return []
    links = tuple(
        Link(
            project.name,
            reverse("assurance:project", args=[project.pk]),
            ", ".join(
                x
                for x in (
                    rules.TIERS.get(project.tier, ""),
                    f"stage {rules.STAGES[project.stage]}" if project.stage else "",
                    project.get_state_display().lower(),
                    f"{open_count} open recommendation{'s' if open_count != 1 else ''}",
                )
                if x
            ),
        )
        for project, open_count in selectors.projects_for_activity(activity)
    )
    return [LinkGroup("Change projects (corporate assurance)", links, "No change project delivers this activity.")]


def scope_links(scope, user) -> list[LinkGroup]:
    """The change projects delivering any of the scope's activities (two queries)."""
    if not permissions.can_read(user):
        return []
    links = tuple(
        Link(
            project.name,
            reverse("assurance:project", args=[project.pk]),
            ", ".join(
                x
                for x in (
                    rules.TIERS.get(project.tier, ""),
                    f"stage {rules.STAGES[project.stage]}" if project.stage else "",
                    f"{open_count} open recommendation{'s' if open_count != 1 else ''}",
                )
                if x
            ),
        )
        for project, open_count in selectors.projects_for_activities(scope.activity_ids)
    )
    return [LinkGroup("Change projects (corporate assurance)", links, "No change project delivers these activities.")]


def exceptions(user) -> list[ExceptionItem]:
    """Recommendations still open after their due date (one query)."""
    if not permissions.can_read(user):
        return []
    today = timezone.localdate()
    return [
        ExceptionItem(
            "Assurance",
            f"{r.activity.project.name}: {r.text[:120]}",
            f"recommendation due {r.due_on:%-d %B %Y}, still {r.get_status_display().lower()}",
            reverse("assurance:recommendation", args=[r.pk]),
        )
        for r in selectors.overdue_recommendations(today)
    ]


def public_links() -> list[Link]:
    return [
        Link(
            "Corporate assurance reports",
            reverse("public:assurance_public:reports"),
            "The bi-annual analysis of the council's change portfolios",
        )
    ]


def home_links(user) -> list[Link]:
    if not permissions.can_read(user):
        return []
    return [
        Link(
            f"Recommendation: {r.text[:60]}",
            reverse("assurance:recommendation", args=[r.pk]),
            f"due {r.due_on:%d/%m/%Y}" if r.due_on else "",
        )
        for r in selectors.recommendations_owned_by(user)
    ]


def pack_sections(quarter, user) -> list[PackSection]:
    """The quarterly pack's assurance summary: section A (the headline figures) of the latest issued bi-annual
    analysis report as at the quarter's end or before (the public: the latest published one). The report holds no
    exempt information: its figures are counts."""
    from councilplan.documents.model import Heading

    from .documents import report_document
    from .models import AnalysisReport

    if user is not None and not permissions.can_read(user):
        return []
    reports = AnalysisReport.objects.filter(issued_on__isnull=False, period_end__lte=quarter.end)
    if user is None:
        reports = reports.filter(published=True)
    report = reports.select_related("previous").order_by("-period_end").first()
    if report is None:
        return []
    blocks = report_document(selectors.report_inputs(report)).blocks
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "A: Summary")
    stop = next((i for i, b in enumerate(blocks) if i > start and isinstance(b, Heading) and b.level <= 2), len(blocks))
    basis = (
        f"{report.title}, figures as at {report.period_end:%-d %B %Y}, issued {report.issued_on:%-d %B %Y}: "
        f"the latest issued report up to the end of {quarter.label}."
    )
    return [PackSection("Assurance summary", basis, tuple(blocks[start + 1 : stop]), order=50)]
