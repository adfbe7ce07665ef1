"""The home page."""

from operator import attrgetter

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from councilplan.core.lists import Column, list_page
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.systems import systems
from councilplan.monitoring.permissions import can_run_rounds, fills_in_returns
from councilplan.monitoring.selectors import open_rounds
from councilplan.overview.permissions import can_make_pack

from . import exceptions, scopes
from .activity import activity_page
from .dashboard import build_dashboard


@signed_in_required
@require_safe
def home(request):
    """The dashboard: the latest published round for everyone; the open rounds' progress for the corporate
    team; the way to "My returns" for those who fill returns in."""
    user = request.user
    fills_in = fills_in_returns(user)
    context = {
        "for_you": [link for system in systems() if system.home_links for link in system.hook("home_links")(user)],
        "dashboard": build_dashboard(user),
        "fills_in_returns": fills_in,
        "rounds_for_returns": open_rounds() if fills_in and not can_run_rounds(user) else [],
    }
    return render(request, "site/home.html", context)


@signed_in_required
@require_safe
def activity(request, pk: int):
    """One plan activity with what every system holds about it."""
    page = activity_page(request.user, pk)
    if page is None:
        raise Http404("There is no such activity.")  # exempt, to someone not cleared: as if it did not exist
    return render(request, "site/activity.html", {"page": page})


SCOPE_COLUMNS = [
    Column("Activity", attrgetter("ref")),
    Column("Title", attrgetter("title")),
    Column("Plan", lambda a: a.plan.name),
    Column("Outcome", lambda a: a.outcome.title),
    Column("Directorate", lambda a: a.directorate.name if a.directorate else ""),
    Column("Lead officer", lambda a: str(a.lead_officer) if a.lead_officer else ""),
]


def _scope(request, kind: str, pk: int):
    title, activities = scopes.scope_activities(request.user, kind, pk)
    # 50 activities a page, with what every system holds about them; the whole list a download away.
    listing = list_page(
        request, activities, columns=SCOPE_COLUMNS, search_fields=["ref", "title"], name=f"{kind}-activities"
    )
    if isinstance(listing, HttpResponse):
        return listing
    page = scopes.scope_page(request.user, kind, title, listing.rows)
    return render(request, "site/scope.html", {"page": page, "list": listing})


@signed_in_required
@require_safe
def outcome(request, pk: int):
    """An outcome's activities with what every system holds about them."""
    return _scope(request, scopes.OUTCOME, pk)


@signed_in_required
@require_safe
def directorate(request, pk: int):
    """A directorate's activities with what every system holds about them."""
    return _scope(request, scopes.DIRECTORATE, pk)


@signed_in_required
@require_safe
def person(request, pk: int):
    """The activities a person leads with what every system holds about them."""
    return _scope(request, scopes.PERSON, pk)


@signed_in_required
@require_safe
def overview(request):
    """Exceptions first: what needs attention across every system, grouped by system."""
    require(exceptions.can_read_overview(request.user))
    return render(
        request,
        "site/overview.html",
        {"groups": exceptions.exceptions_by_system(request.user), "can_make_pack": can_make_pack(request.user)},
    )


@require_safe
def accessibility(request):
    """The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require: no sign-in."""
    context = {
        "contact": settings.COUNCILPLAN_ACCESSIBILITY_CONTACT,
        "site": request.build_absolute_uri("/"),
    }
    return render(request, "site/accessibility.html", context)
