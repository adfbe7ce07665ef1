"""Template context for every page: the organisation's name and the service navigation.

The navigation is a list of plain dicts (`label`, `url`, `current`: this very page, `active`: a page in that
section), built per request: the dashboard first, then each system's entries (`SystemConfig.navigation`) in
their order, then the admin. An entry appears only when its URL name resolves and the signed-in user may see
it, so a section shows up in the menu as soon as its app adds the named URL, and not before.
"""

from collections.abc import Callable
from functools import cache
from importlib import import_module

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from councilplan.core.permissions import is_administrator, signed_in
from councilplan.core.systems import systems

SERVICE_NAME = "councilplan"


def _everyone(user) -> bool:
    return True


def _function(dotted: str, package: str) -> Callable:
    module, _, name = dotted.partition(":")
    return getattr(import_module(f"{package}.{module}"), name)


@cache
def navigation_entries() -> list[tuple[str, str, Callable]]:
    """(label, URL name, who sees it), in menu order."""
    declared = []
    for system in systems():
        for entry in system.navigation:
            declared.append((entry.order, entry.label, entry.url_name, _function(entry.allowed, system.name)))
    declared.sort(key=lambda item: item[0])
    return [
        ("Dashboard", "home", _everyone),
        *((label, url_name, allowed) for _, label, url_name, allowed in declared),
        ("Admin", "admin:index", is_administrator),
    ]


def _url_or_none(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _in_section(path: str, url: str) -> bool:
    if url == "/":
        return path == "/"
    return path.startswith(url)


def navigation_for(user, path: str) -> list[dict]:
    """The navigation entries `user` may see, marking the one `path` is in."""
    if not signed_in(user):
        return []
    entries = []
    for label, url_name, allowed in navigation_entries():
        if not allowed(user):
            continue
        url = _url_or_none(url_name)
        if url is None:
            continue
        entries.append({"label": label, "url": url, "current": path == url, "active": _in_section(path, url)})
    return entries


def navigation(request) -> dict:
    return {
        "service_name": SERVICE_NAME,
        "organisation_name": settings.COUNCILPLAN_ORGANISATION,
        "navigation": navigation_for(getattr(request, "user", None), request.path),
    }
