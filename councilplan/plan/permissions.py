"""Who may do what with the plan register.

- An activity's lead officer and its nominated colleagues complete its returns (monitoring asks this).
- Everyone signed in reads the plan and its activities.
"""

from __future__ import annotations

from councilplan.core.permissions import signed_in


def completes_returns_for(user, activity) -> bool:
    """The activity's lead officer or one of its nominated colleagues (pass activities with colleagues prefetched)."""
    if not signed_in(user):
        return False
    if activity.lead_officer_id == user.id:
        return True
    return any(colleague.id == user.id for colleague in activity.colleagues.all())
