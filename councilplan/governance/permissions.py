"""Who may see or change what in committee governance. Every view asks these functions; none decides on its own."""

from __future__ import annotations

from councilplan.core.permissions import signed_in


def can_read(user) -> bool:
    return signed_in(user)
