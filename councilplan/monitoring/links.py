"""What monitoring shows on an activity's page across the systems: its returns, round by round."""

from __future__ import annotations

from django.urls import reverse

from councilplan.core.systems import Link, LinkGroup

from . import permissions
from .models import Return
from .selectors import my_returns
from .templatetags.round_tags import when


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


def home_links(user) -> list[Link]:
    """On the home page: how many of the person's returns are still to submit, per open round."""
    if not permissions.fills_in_returns(user):
        return []
    links = []
    for mine in my_returns(user):
        if mine.outstanding:
            noun = "return" if mine.outstanding == 1 else "returns"
            closes = f"by {when(mine.round.closes_at)}" if mine.round.closes_at and not mine.window_closed else ""
            links.append(
                Link(
                    f"{mine.outstanding} {noun} to submit for {mine.round.label}",
                    reverse("monitoring:my_returns"),
                    closes,
                )
            )
    return links
