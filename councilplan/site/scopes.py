"""The joined page of an outcome, a directorate or a lead officer: their activities, and what every system holds
about them, each system answering for all the activities at once through its `SystemConfig.scope_links` hook
(a fixed number of queries whatever the number of activities).

A directorate may have thousands of activities: the page shows them 50 at a time (core.lists), with what every
system holds about the activities shown, and the whole list of activities as a download."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from councilplan.core.exempt import cleared
from councilplan.core.models import Directorate, Outcome, User
from councilplan.core.systems import LinkGroup, Scope, systems
from councilplan.plan.models import Activity

OUTCOME, DIRECTORATE, PERSON = "outcome", "directorate", "person"
KIND_WORDS = {OUTCOME: "Outcome", DIRECTORATE: "Directorate", PERSON: "Lead officer"}


@dataclass(frozen=True)
class ScopePage:
    scope: Scope
    kind_label: str
    activities: list[Activity]
    groups: list[LinkGroup]


def _activities(user, **filters) -> QuerySet:
    """The activities the reader may see: exempt ones only for people cleared, and for their own officers."""
    found = Activity.objects.filter(**filters).select_related("plan", "outcome", "directorate", "lead_officer")
    if not cleared(user):
        found = found.exclude(exempt=True) | found.filter(lead_officer=user) | found.filter(colleagues=user)
    return found.distinct().order_by("plan__name", "sort_key", "ref")


def scope_activities(user, kind: str, pk: int) -> tuple[str, QuerySet]:
    """The scope's title and the activities of it the reader may see, as a query (for `list_page`)."""
    if kind == OUTCOME:
        record = get_object_or_404(Outcome, pk=pk)
        title, filters = record.title, {"outcome": record}
    elif kind == DIRECTORATE:
        record = get_object_or_404(Directorate, pk=pk)
        title, filters = record.name, {"directorate": record}
    else:
        record = get_object_or_404(User, pk=pk)
        title, filters = str(record), {"lead_officer": record}
    return title, _activities(user, **filters)


def scope_page(user, kind: str, title: str, activities: list[Activity]) -> ScopePage:
    """The page for `activities` (the scope's activities shown: one page of them) and every system's links."""
    scope = Scope(kind, title, tuple(a.pk for a in activities))
    groups: list[LinkGroup] = []
    for system in systems():
        links = system.hook("scope_links")
        if links is not None:
            groups.extend(links(scope, user))
    return ScopePage(scope, KIND_WORDS[kind], activities, groups)
