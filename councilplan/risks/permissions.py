"""Who may see or change risk registers. Every risk view asks these; none decides on its own.

- Every signed-in person reads every register, risk and register document (the corporate register is a
  public Cabinet paper; lead officers need the registers to say where their issues are recorded).
- The corporate team (corporate and administrator roles) manages registers and risks: creates them, moves
  risks between registers, withdraws and reinstates them, says who owns them, and updates any risk.
- A risk's owners (the people linked to it as able to update it) update that risk: its details, reviews,
  controls, actions and linked activities. Not its register or who owns it.
- A risk's owners and the corporate team attach evidence (files) to its reviews and remove it; whoever reads the
  risk downloads it (an exempt risk: only people cleared for exempt information); the public never.
- A return's lead officer (or nominated colleague) names the risks that return's issues are recorded as,
  while they may edit the return; the corporate team always may.
"""

from __future__ import annotations

from councilplan.core.permissions import can_see_exempt, is_corporate, signed_in
from councilplan.monitoring.permissions import can_edit_return


def can_read_risks(user) -> bool:
    return signed_in(user)


def can_manage_risks(user) -> bool:
    """Registers, new risks, moves, withdrawals and ownership: the corporate team."""
    return is_corporate(user)


def can_update_risk(user, owner_user_ids) -> bool:
    """Details, reviews, controls, actions and links of one risk: the corporate team or its owners.
    `owner_user_ids`: the risk's owner users' ids (a RiskRecord's `owner_user_ids`)."""
    if not signed_in(user):
        return False
    return is_corporate(user) or user.pk in owner_user_ids


def can_name_return_risks(user, ret) -> bool:
    return is_corporate(user) or can_edit_return(user, ret)


def can_attach_review_evidence(user, owner_user_ids) -> bool:
    """Attach files to the risk's reviews, or remove them: the people who update the risk."""
    return can_update_risk(user, owner_user_ids)


def can_read_review_evidence(user, risk) -> bool:
    """Download a file attached to a review of `risk`: whoever reads the risk (exempt: only people cleared)."""
    return can_read_risks(user) and (not risk.exempt or can_see_exempt(user))
