"""What contract management shows on other pages: an activity's contracts, the public index, the home page's
things to do, and the demo sign-ins."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from councilplan.analysis import contracts as rules
from councilplan.core.models import User
from councilplan.core.systems import DemoUser, Link, LinkGroup

from . import permissions, selectors
from .models import Contract

DEMO_USERS = (
    DemoUser(
        "contracts.team",
        "Demo Contract Management Officer",
        User.Role.LEAD_OFFICER,
        teams=("contracts",),
        what="keeps the contracts register, runs the review programme",
    ),
    DemoUser(
        "cmrg.member",
        "Demo Review Group Member",
        User.Role.VIEWER,
        teams=("contract_review_group",),
        what="records contract reviews held, findings and feedback",
    ),
    DemoUser(
        "contract.manager",
        "Demo Contract Manager",
        User.Role.LEAD_OFFICER,
        what="completes maturity reports and signs the attestation",
    ),
)


def activity_links(activity, user) -> list[LinkGroup]:
    contracts = (
        selectors.visible_contracts(user).filter(activities=activity).select_related("supplier").order_by("reference")
    )
    today = timezone.localdate()
    links = tuple(
        Link(
            f"{c.reference} {c.title}",
            reverse("contracts:contract", args=[c.reference]),
            ", ".join(
                x
                for x in (
                    c.supplier.name if c.supplier_id else "",
                    rules.TIERS.get(c.tier, ""),
                    rules.STATUS_LABELS[rules.contract_status(c.start_date, c.end_date, today)],
                )
                if x
            ),
        )
        for c in contracts
    )
    return [LinkGroup("Contracts", links, "No contracts are linked to this activity.")]


def scope_links(scope, user) -> list[LinkGroup]:
    """The contracts serving any of the scope's activities that the reader may see (one query)."""
    contracts = (
        selectors.visible_contracts(user)
        .filter(activities__in=list(scope.activity_ids))
        .distinct()
        .select_related("supplier")
        .order_by("reference")
    )
    today = timezone.localdate()
    links = tuple(
        Link(
            f"{c.reference} {c.title}",
            reverse("contracts:contract", args=[c.reference]),
            ", ".join(
                x
                for x in (
                    c.supplier.name if c.supplier_id else "",
                    rules.TIERS.get(c.tier, ""),
                    rules.STATUS_LABELS[rules.contract_status(c.start_date, c.end_date, today)],
                )
                if x
            ),
        )
        for c in contracts
    )
    return [LinkGroup("Contracts", links, "No contracts are linked to these activities.")]


def public_links() -> list[Link]:
    return [
        Link(
            "Contracts register",
            reverse("public:contracts_public:register"),
            "Contracts over £5,000 (Local Government Transparency Code 2015), as CSV and Open Contracting data",
        )
    ]


def home_links(user) -> list[Link]:
    if not permissions.can_read(user):
        return []
    found = []
    for review in selectors.reviews_for_people(user):
        found.append(
            Link(
                f"Maturity report: {review.title}",
                reverse("contracts:review", args=[review.pk]),
                "for the review group",
            )
        )
    for finding in selectors.findings_owned_by(user):
        found.append(
            Link(
                f"Finding: {finding.text[:60]}",
                reverse("contracts:finding", args=[finding.id]),
                f"due {finding.due_on:%d/%m/%Y}" if finding.due_on else "",
            )
        )
    return found


def managed_contracts(user) -> list[Contract]:
    return list(Contract.objects.filter(contract_manager=user).order_by("reference"))
