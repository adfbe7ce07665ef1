"""Who may make the quarterly pack: the corporate team (and administrators), who assemble it, and the Corporate
Management Team's members, who read it. Each section still shows only what its system lets the reader see."""

from __future__ import annotations

from councilplan.core.permissions import in_team, is_administrator, is_corporate

CMT = "cmt"  # the Corporate Management Team (a team the QPR declares)


def can_make_pack(user) -> bool:
    return is_corporate(user) or is_administrator(user) or in_team(user, CMT)
