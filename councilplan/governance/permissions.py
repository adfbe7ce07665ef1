"""Who may see or change what in committee governance. Every view asks these functions; none decides on its own.

- Everyone signed in reads bodies, membership, meetings, agendas, minutes, work programmes and decisions, except
  exempt information (Schedule 12A: items in the exempt part, exempt documents, exempt entries, withheld
  minutes), which only people cleared for it see (`core.permissions.can_see_exempt`; the selectors filter).
- Democratic Services (team `democratic_services`) keep everything: bodies and membership, meetings and their
  agendas, publication, attendance, minutes, the work programme and records of decision, and send reminders.
- Administrators have every team's rights (`in_team`). Nobody signed out sees anything but the public pages:
  formal bodies' published meetings without exempt items or documents, and published records of decision.
"""

from __future__ import annotations

from councilplan.core.permissions import can_see_exempt, in_team, signed_in

TEAM = "democratic_services"


def can_read(user) -> bool:
    return signed_in(user)


def can_manage(user) -> bool:
    return in_team(user, TEAM)


def can_see_exempt_items(user) -> bool:
    return can_see_exempt(user)
