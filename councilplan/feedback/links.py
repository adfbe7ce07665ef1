"""What customer feedback shows on other pages: the home page's cases to answer, the public index, an
activity's feedback (counts only), and the demo sign-ins."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import feedback as rules
from councilplan.core.models import User
from councilplan.core.systems import DemoUser, ExceptionItem, Link, LinkGroup

from . import permissions, selectors
from .models import Case

DEMO_USERS = (
    DemoUser(
        "feedback.team",
        "Demo Customer Feedback Officer",
        User.Role.LEAD_OFFICER,
        teams=("customer_feedback",),
        what="keeps the feedback log, runs the quarterly return and the annual report",
    ),
    DemoUser(
        "feedback.coordinator",
        "Demo Highways Feedback Coordinator",
        User.Role.LEAD_OFFICER,
        what="handles the Highways service's complaints",
    ),
    DemoUser(
        "feedback.manager",
        "Demo Highways Service Manager",
        User.Role.LEAD_OFFICER,
        what="is told when a Highways reply is late",
    ),
)


def home_links(user) -> list[Link]:
    if not permissions.can_read(user):
        return []
    rows = selectors.open_cases(Case.objects.filter(handler_id=user.pk), timezone.localdate())
    return [
        Link(f"Reply to {r.reference} ({r.service})", reverse("feedback:case", args=[r.reference]), r.state_label)
        for r in rows
        if r.state in ("late", "due_soon")
    ]


def public_links() -> list[Link]:
    return [
        Link(
            "Customer feedback figures",
            reverse("public:feedback_public:figures"),
            "Complaints by service each quarter and how many were answered in time",
        )
    ]


def activity_links(activity, user) -> list[LinkGroup]:
    cases = selectors.visible_cases(user).filter(activities=activity).order_by("-received_on")[:20]
    links = tuple(Link(c.reference, reverse("feedback:case", args=[c.reference]), c.get_kind_display()) for c in cases)
    return [LinkGroup("Customer feedback", links, "No feedback records are linked to this activity.")]


def scope_links(scope, user) -> list[LinkGroup]:
    """The feedback records about any of the scope's activities that the reader may see (one query)."""
    cases = (
        selectors.visible_cases(user)
        .filter(activities__in=list(scope.activity_ids))
        .distinct()
        .order_by("-received_on", "reference")[:50]
    )
    links = tuple(Link(c.reference, reverse("feedback:case", args=[c.reference]), c.get_kind_display()) for c in cases)
    return [LinkGroup("Customer feedback", links, "No feedback records are linked to these activities.")]


def exceptions(user) -> list[ExceptionItem]:
    """Open complaints whose reply is late, among the cases the reader may see (two queries)."""
    if not permissions.can_read(user):
        return []
    rows = selectors.open_cases(selectors.visible_cases(user).filter(kind=rules.COMPLAINT), timezone.localdate())
    return [
        ExceptionItem(
            "Customer feedback",
            f"{r.reference} ({r.service})",
            f"complaint {r.stage.lower() or 'reply'} was due {r.deadline:%-d %B %Y}: late" if r.deadline else "late",
            reverse("feedback:case", args=[r.reference]),
        )
        for r in rows
        if r.state == "late"
    ]
