"""What the policy register shows on other pages: an activity's strategies and policies, the public index, the
home page's things to do (reviews falling due for an accountable officer), and the demo sign-ins."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import policies as rules
from councilplan.core.models import User
from councilplan.core.systems import DemoUser, Link, LinkGroup

from . import permissions, selectors, services

DEMO_USERS = (
    DemoUser(
        "sprca.officer",
        "Demo SPRCA Policy Officer",
        User.Role.LEAD_OFFICER,
        teams=("sprca",),
        what="keeps the Strategy and Policy Register, records close-downs, publishes the register",
    ),
    DemoUser(
        "policy.owner",
        "Demo Accountable Officer",
        User.Role.LEAD_OFFICER,
        what="the named accountable officer of the VCS policy: front sheet and reviews",
    ),
)


def activity_links(activity, user) -> list[LinkGroup]:
    found = selectors.register_queryset(user).filter(activities=activity).order_by("number")
    links = tuple(
        Link(
            f"{p.number}. {p.title}",
            reverse("policies:policy", args=[p.number]),
            f"{rules.DOC_TYPES.get(p.doc_type, '')}, {rules.STATUSES[p.status].lower()}",
        )
        for p in found
    )
    return [LinkGroup("Strategies and policies", links, "No strategies or policies are linked to this activity.")]


def scope_links(scope, user) -> list[LinkGroup]:
    """The strategies and policies delivered by any of the scope's activities that the reader may see (one
    query)."""
    found = (
        selectors.register_queryset(user).filter(activities__in=list(scope.activity_ids)).distinct().order_by("number")
    )
    links = tuple(
        Link(
            f"{p.number}. {p.title}",
            reverse("policies:policy", args=[p.number]),
            f"{rules.DOC_TYPES.get(p.doc_type, '')}, {rules.STATUSES[p.status].lower()}",
        )
        for p in found
    )
    return [LinkGroup("Strategies and policies", links, "No strategies or policies are linked to these activities.")]


def public_links() -> list[Link]:
    return [
        Link(
            "Strategy and Policy Register",
            reverse("public:policies_public:register"),
            "The council's strategies and policies in force, with their front sheets",
        )
    ]


def home_links(user) -> list[Link]:
    if not permissions.can_read(user):
        return []
    today = timezone.localdate()
    lead = services.get_settings().review_lead_days
    found = []
    for policy in selectors.owned_by(user):
        flag = rules.review_flag(
            rules.Dates(policy.number, policy.status, policy.review_date, policy.end_date), today, lead
        )
        if flag is not None:
            found.append(
                Link(
                    f"Review due: {policy.number}. {policy.title}",
                    reverse("policies:policy", args=[policy.number]),
                    f"{flag.which} {flag.due:%d/%m/%Y}",
                )
            )
    return found
