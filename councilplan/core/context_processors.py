"""Template context for every page: the organisation's name and the service navigation.

The navigation is a list of plain dicts (`label`, `url`, `current`: this very page, `active`: a page in that
section), built per request from `NAVIGATION`.
An entry appears only when its URL name resolves and the signed-in user's role may see it, so a section of
the service shows up in the menu as soon as its app adds the named URL, and not before.
"""

from collections.abc import Callable

from django.conf import settings
from django.urls import NoReverseMatch, reverse

SERVICE_NAME = "councilplan"


def _everyone(user) -> bool:
    return True


def _fills_in_returns(user) -> bool:
    # Lead officers fill in returns; so may corporate staff and administrators named as lead officers.
    return user.role != user.Role.VIEWER or user.is_superuser


def _corporate(user) -> bool:
    return user.is_corporate


def _administrator(user) -> bool:
    return user.is_administrator


# (label, URL name, who sees it). Order is the order on the page.
NAVIGATION: list[tuple[str, str, Callable]] = [
    ("Dashboard", "home", _everyone),
    ("My returns", "monitoring:my_returns", _fills_in_returns),
    ("Rounds", "rounds:index", _corporate),
    ("Reports", "reports:index", _everyone),
    ("Performance", "performance:index", _everyone),
    ("Risks", "risks:index", _everyone),
    ("Plan", "planning:index", _everyone),
    ("Admin", "admin:index", _administrator),
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
    if not getattr(user, "is_authenticated", False):
        return []
    entries = []
    for label, url_name, allowed in NAVIGATION:
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
