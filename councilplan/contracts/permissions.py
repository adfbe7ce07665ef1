"""Who may see or change what in contract management. Every view asks these functions; none decides on its own.

- Everyone signed in reads the register, the review programme, reviews, findings and the progress reports
  (exempt ones only when cleared for exempt information: the selectors' `visible_to`).
- The contract management team (Strategic Commissioning; team `contracts`) keeps the register (adds, changes,
  imports contracts, links them), runs the programme (plans, moves, defers reviews) and sends reports back.
- Members of the review group (team `contract_review_group`) record that a review was held, its findings,
  savings and the feedback letter, and follow findings up.
- A contract's manager (the contract owner) changes its details and links, adds its KPIs, records its yearly
  performance assessment, and completes and submits the maturity report of its reviews, with the attestation.
  A review's lead officers may complete its report too.
- A finding's owner records progress on it.
- Administrators have every team's rights (`in_team`). Nobody signed out sees anything but the public pages.
"""

from __future__ import annotations

from councilplan.core.permissions import in_team, signed_in

TEAM = "contracts"
GROUP = "contract_review_group"


def can_read(user) -> bool:
    return signed_in(user)


def can_manage(user) -> bool:
    """The register and the programme: the contract management team."""
    return in_team(user, TEAM)


def is_group_member(user) -> bool:
    return in_team(user, GROUP)


def can_record_reviews(user) -> bool:
    """That a review was held, its findings, savings and feedback: the review group and the team."""
    return can_manage(user) or is_group_member(user)


def manages(user, manager_id: int | None) -> bool:
    return signed_in(user) and manager_id is not None and user.pk == manager_id


def can_edit_contract(user, manager_id: int | None) -> bool:
    """A contract's details, links, KPIs and yearly assessment: the team or its contract manager."""
    return can_manage(user) or manages(user, manager_id)


def can_complete_report(user, review) -> bool:
    """A review's maturity report and attestation (`review`: a selectors.ReviewRecord): its contracts' managers,
    its lead officers and the team, until the review is held."""
    if not signed_in(user) or review.status == "held":
        return False
    return can_manage(user) or user.pk in review.manager_ids or user.pk in review.lead_officer_ids


def can_attest(user, review) -> bool:
    """Only a contract owner signs the attestation: one of the review's contracts' managers (or the team on
    their behalf, recording a signed paper form)."""
    if not signed_in(user) or review.status == "held":
        return False
    return can_manage(user) or user.pk in review.manager_ids


def can_follow_up(user, owner_id: int | None) -> bool:
    return can_record_reviews(user) or manages(user, owner_id)
