"""What budget monitoring shows on other pages: an activity's budget lines and capital schemes with their latest
position (beside the activity's return's financial issues), the home page's tasks, the public index, and the
demo sign-ins."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from councilplan.analysis.finance import is_overspend, line_variance, variance_words
from councilplan.core.models import User
from councilplan.core.systems import DemoUser, ExceptionItem, Link, LinkGroup, PackSection

from . import permissions, selectors
from .models import BudgetLine, CapitalLine, Position, PositionLine

DEMO_USERS = (
    DemoUser(
        "finance",
        "Demo Finance Officer",
        User.Role.LEAD_OFFICER,
        teams=("finance",),
        what="keeps the budget, positions and the Cabinet report",
    ),
    DemoUser("finance-manager", "Demo Budget Manager", User.Role.LEAD_OFFICER, what="forecasts GET's budget lines"),
    DemoUser("finance-director", "Demo Corporate Director", User.Role.LEAD_OFFICER, what="adjusts GET's forecast"),
)


def activity_links(activity, user) -> list[LinkGroup]:
    """The budget lines and capital schemes that fund the activity, each with its latest variance; and its
    return's financial issue themes beside them."""
    lines = list(BudgetLine.objects.filter(activities=activity).select_related("unit", "unit__directorate"))
    latest = Position.objects.order_by("-month", "-version").first()
    figures = {}
    if latest is not None and lines:
        figures = {pl.line_id: pl for pl in PositionLine.objects.filter(position=latest, line__in=lines)}
    links = []
    for line in lines:
        found = figures.get(line.pk)
        detail = f"{line.unit.directorate.name}: " + (
            f"{variance_words(found.forecast_gross + found.forecast_income - found.gross - found.income)} "
            f"forecast in {latest}"
            if found
            else "no position yet"
        )
        links.append(Link(line.heading, reverse("finance:line", args=[line.code]), detail))
    schemes = list(CapitalLine.objects.filter(activities=activity).visible_to(user))
    for scheme in schemes:
        links.append(
            Link(
                f"Capital: {scheme.title}",
                reverse("finance:capital_line", args=[scheme.code]),
                scheme.directorate.name if scheme.directorate_id else "",
            )
        )
    issue = selectors.financial_issues([activity.pk]).get(activity.pk)
    if issue is not None:
        links.append(
            Link(
                f"{issue.round} return flags {' and '.join(t.replace('_', ' ') for t in issue.themes)} issues",
                "",
                issue.detail[:200],
            )
        )
    return [LinkGroup("Budget lines and capital schemes", tuple(links), "No budget line is linked to it.")]


def scope_links(scope, user) -> list[LinkGroup]:
    """The budget lines and capital schemes funding any of the scope's activities (four queries)."""
    if not permissions.can_read(user):
        return []
    ids = list(scope.activity_ids)
    lines = list(BudgetLine.objects.filter(activities__in=ids).distinct().select_related("unit", "unit__directorate"))
    latest = Position.objects.order_by("-month", "-version").first()
    figures = {}
    if latest is not None and lines:
        figures = {pl.line_id: pl for pl in PositionLine.objects.filter(position=latest, line__in=lines)}
    links = []
    for line in sorted(lines, key=lambda x: x.code):
        found = figures.get(line.pk)
        detail = (
            f"{variance_words(line_variance(found.gross, found.income, found.forecast_gross, found.forecast_income))}"
            f" forecast in {latest}"
            if found
            else "no position yet"
        )
        links.append(Link(line.heading, reverse("finance:line", args=[line.code]), detail))
    for scheme in CapitalLine.objects.filter(activities__in=ids).distinct().visible_to(user).order_by("code"):
        links.append(Link(f"Capital: {scheme.title}", reverse("finance:capital_line", args=[scheme.code])))
    return [LinkGroup("Budget lines and capital schemes", tuple(links), "No budget line is linked to them.")]


def overspend_threshold_pence() -> int:
    """`COUNCILPLAN_OVERSPEND_THRESHOLD` (whole pounds, default £100,000), in pence."""
    return int(settings.COUNCILPLAN_OVERSPEND_THRESHOLD) * 100


def exceptions(user) -> list[ExceptionItem]:
    """Budget lines forecast to overspend by more than the threshold in the latest reported position (two
    queries)."""
    if not permissions.can_read(user):
        return []
    latest = Position.objects.filter(state=Position.State.REPORTED).order_by("-month", "-version").first()
    if latest is None:
        return []
    threshold = overspend_threshold_pence()
    found = []
    for pl in PositionLine.objects.filter(position=latest).select_related("line").order_by("line__code"):
        variance = line_variance(pl.gross, pl.income, pl.forecast_gross, pl.forecast_income)
        if is_overspend(variance, threshold):
            found.append(
                ExceptionItem(
                    "Budget",
                    pl.line.heading,
                    f"{variance_words(variance)} forecast in {latest}, over the £{threshold // 100:,} threshold",
                    reverse("finance:line", args=[pl.line.code]),
                )
            )
    return found


def home_links(user) -> list[Link]:
    if not permissions.can_read(user):
        return []
    open_position = Position.objects.filter(state=Position.State.OPEN).order_by("-month").first()
    if open_position is None:
        return []
    if permissions.is_finance(user) or BudgetLine.objects.filter(budget_manager=user).exists():
        return [Link(f"Forecasts for {open_position} are open", reverse("finance:position", args=[open_position.pk]))]
    return []


def public_links() -> list[Link]:
    reported = Position.objects.filter(state=Position.State.REPORTED).order_by("-month", "-version").first()
    if reported is None:
        return []
    return [Link(f"Budget monitoring: {reported}", reverse("public:finance_public:index"))]


def pack_sections(quarter, user) -> list[PackSection]:
    """The quarterly pack's budget position: the Cabinet report's summary and Table 1 (each directorate's revenue
    position) for the quarter's last month, else the latest reported month before it; `user` None: the public
    version (exempt schemes unnamed, as the public report has them)."""
    from councilplan.analysis import finance as f

    from .documents import summary_blocks, table1_block
    from .report import gather

    if user is not None and not permissions.can_read(user):
        return []
    position = (
        Position.objects.filter(state=Position.State.REPORTED, month__lte=quarter.end)
        .select_related("year")
        .order_by("-month", "-version")
        .first()
    )
    if position is None:
        return []
    data = gather(position, user, public=user is None)
    last = data.last.data if data.last else None
    t1 = f.table1(data.current.data, last)
    blocks = [*summary_blocks(data, t1), *table1_block(t1, "Table 1: Directorate revenue position")[:1]]
    month = f"{position.month:%B %Y}"
    basis = f"The budget monitoring position for {month} as reported"
    reported = data.current.record
    if reported.reported_on:
        basis += f" to {reported.reported_to} on {reported.reported_on:%-d %B %Y}"
    if (position.month.year, position.month.month) != (quarter.end.year, quarter.end.month):
        basis += f": the latest reported month up to the end of {quarter.label}"
    return [PackSection(f"Budget position, {month}", basis + ".", tuple(blocks), order=40)]
