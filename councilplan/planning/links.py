"""What the planning cycle shows on the home page: a call for activity that is open."""

from __future__ import annotations

from django.urls import reverse

from councilplan.core.permissions import now
from councilplan.core.systems import Link

from . import permissions
from .models import PlanningCycle
from .services import when


def home_links(user) -> list[Link]:
    """An open call for activity, to those who may submit to it."""
    moment = now()
    cycles = PlanningCycle.objects.filter(opens_at__lte=moment, closes_at__gte=moment).order_by("closes_at")
    return [
        Link(
            f"The call for activity for {cycle.plan_name} is open",
            reverse("planning:cycle", args=[cycle.pk]),
            f"until {when(cycle.closes_at)}",
        )
        for cycle in cycles
        if permissions.can_submit_activity(user, cycle)
    ]
