"""Who may see or change what: the shared pattern every app's own permissions module builds on.

Each app decides its own rules in its `permissions.py` (monitoring, planning, reports, performance, risks and
each system); every view asks those functions, none decides on its own. Here are the people the rules speak
of (signed in, the corporate team, administrators, viewers, members of a system's team, people cleared for
exempt information) and the ways views apply a rule (`require`, `signed_in_required`).
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

if TYPE_CHECKING:
    from councilplan.core.models import User


def signed_in(user) -> bool:
    """Signed in with an account that is still active: the start of every rule but the public pages'."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_corporate(user: User) -> bool:
    return signed_in(user) and user.is_corporate


def is_administrator(user: User) -> bool:
    return signed_in(user) and user.is_administrator


def is_viewer(user: User) -> bool:
    return signed_in(user) and user.role == user.Role.VIEWER


def in_team(user: User, code: str) -> bool:
    """A member of the team with this code (a system's `TeamSpec`), or an administrator, who has every
    team's rights. The user's team codes are read once per request."""
    if not signed_in(user):
        return False
    if user.is_administrator:
        return True
    return code in user.team_codes


def can_see_exempt(user) -> bool:
    """Exempt information (Schedule 12A: activities, risks, report sections marked exempt): the corporate team
    and administrators, and people an administrator cleared for it. Never anyone signed out (the public page)."""
    if not signed_in(user):
        return False
    return is_corporate(user) or bool(getattr(user, "cleared_for_exempt", False))


def require(allowed: bool) -> None:
    """In a view: refuse (403) unless the rule allows it."""
    if not allowed:
        raise PermissionDenied


def signed_in_required(view):
    """Sign-in for a view, and a 403 for an account that is no longer active (sign-in alone lets a
    deactivated account's open session through)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require(signed_in(request.user))
        return view(request, *args, **kwargs)

    return wrapper


def now():
    from django.utils import timezone

    return timezone.now()
