"""Who may do what with the plan register.

- An activity's lead officer and its nominated colleagues complete its returns (monitoring asks this).
- Everyone signed in reads the plan and its activities; an exempt activity (Schedule 12A) only people cleared
  for exempt information and its own officers (`can_read_activity`): to anyone else it is not there.
"""

from __future__ import annotations

from councilplan.core.exempt import cleared
from councilplan.core.permissions import signed_in


def completes_returns_for(user, activity) -> bool:
    """The activity's lead officer or one of its nominated colleagues (pass activities with colleagues prefetched)."""
    if not signed_in(user):
        return False
    if activity.lead_officer_id == user.id:
        return True
    return any(colleague.id == user.id for colleague in activity.colleagues.all())


def can_read_activity(user, activity) -> bool:
    """An exempt activity only for people cleared for it and its own officers; any other for everyone signed in."""
    if not signed_in(user):
        return False
    return not activity.exempt or cleared(user) or completes_returns_for(user, activity)
