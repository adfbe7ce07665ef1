"""Exceptions first: what needs the reader's attention across every system (activities not on track, KPIs below
floor, risks above target and rising, overspends over the threshold, overdue recommendations, late complaints),
each system answering through its `SystemConfig.exceptions` hook in a fixed number of queries."""

from __future__ import annotations

from councilplan.core.permissions import is_corporate, is_viewer
from councilplan.core.systems import ExceptionItem, systems


def can_read_overview(user) -> bool:
    """The corporate team (and administrators) and the Corporate Management Team's readers (viewers)."""
    return is_corporate(user) or is_viewer(user)


def exceptions_by_system(user) -> list[tuple[str, list[ExceptionItem]]]:
    found: list[tuple[str, list[ExceptionItem]]] = []
    for system in systems():
        hook = system.hook("exceptions")
        if hook is not None:
            found.append((system.verbose_name, list(hook(user))))
    return found
