"""Who may see or change what in the policy register. Every view asks these functions; none decides on its own.

- Everyone signed in reads the register, each entry's front sheet, history, reviews and the reports (exempt
  entries only when cleared for exempt information: the selectors' `visible_to`).
- The SPRCA division (team `sprca`), which owns and keeps the register, adds and changes entries, imports the
  register, records close-downs agreed and their endorsement, closes entries, publishes forthcoming ones and
  sends the review reminders.
- An entry's named accountable officer changes its front sheet and links, starts and records its reviews.
- Administrators have every team's rights (`in_team`). Nobody signed out sees anything but the public pages,
  which show active entries that are not exempt.
"""

from __future__ import annotations

from councilplan.core.permissions import in_team, signed_in

TEAM = "sprca"


def can_read(user) -> bool:
    return signed_in(user)


def can_manage(user) -> bool:
    """The register itself: the SPRCA division."""
    return in_team(user, TEAM)


def is_accountable(user, officer_id: int | None) -> bool:
    return signed_in(user) and officer_id is not None and user.pk == officer_id


def can_edit(user, officer_id: int | None) -> bool:
    """An entry's details, front sheet and links: SPRCA or its accountable officer."""
    return can_manage(user) or is_accountable(user, officer_id)


def can_review(user, officer_id: int | None) -> bool:
    """Start a review and record its outcome: SPRCA or the accountable officer."""
    return can_edit(user, officer_id)


def can_close(user) -> bool:
    """Record a close-down agreed (by the Cabinet Member), its endorsement, and close: SPRCA."""
    return can_manage(user)
