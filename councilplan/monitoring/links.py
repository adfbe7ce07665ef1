"""What monitoring shows on an activity's page across the systems: its returns, round by round."""

from __future__ import annotations

from django.urls import reverse

from councilplan.core.systems import Link, LinkGroup

from . import permissions
from .models import Return


def activity_links(activity, user) -> list[LinkGroup]:
    returns = (
        Return.objects.filter(activity=activity)
        .select_related("round", "activity")
        .prefetch_related("activity__colleagues")
        .order_by("-round__label")
    )
    links = tuple(
        Link(
            f"{ret.round.label} return",
            reverse("monitoring:return_detail", args=[ret.pk]),
            f"{ret.get_state_display()}, delivery status {ret.delivery_status or 'not given'}",
        )
        for ret in returns
        if permissions.can_view_return(user, ret)
    )
    return [LinkGroup("Monitoring returns", links, "No returns yet.")]
