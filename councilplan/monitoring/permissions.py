"""Who may see or change monitoring rounds and returns.

- Lead officers (and colleagues nominated on an activity) complete that activity's returns.
- A lead officer sees other returns of their own directorate, never another directorate's drafts.
- The corporate team runs rounds and sees every return.
- Every signed-in role reads the submitted returns of a published round (the scorecards).
- A directorate's signers read and sign off (or send back) its returns awaiting sign-off, when the organisation
  asks for a directorate sign-off; they read the directorate's submitted returns as its other readers do.
"""

from __future__ import annotations

from councilplan.core.permissions import can_see_exempt, is_corporate, now, signed_in
from councilplan.plan.permissions import completes_returns_for

from .models import Return, Round


def can_edit_return(user, ret: Return) -> bool:
    """May change the answers now: their activity, while the round is open (or the team reopened it)."""
    if not completes_returns_for(user, ret.activity):
        return False
    if ret.reopened:
        return True
    return ret.round.state == Round.State.OPEN and (
        not ret.round.closes_at or now() <= ret.round.closes_at or ret.round.allow_late
    )


def signs_off(user, ret: Return) -> bool:
    """`user` is a signer of the return's directorate (core.Directorate.signers), who signs its returns off when
    the organisation asks for a directorate sign-off."""
    return bool(
        signed_in(user)
        and ret.activity.directorate_id is not None
        and ret.activity.directorate_id in user.signing_directorate_ids
    )


def can_sign_off(user, ret: Return) -> bool:
    """May sign the return off or send it back with a query now: a signer of its directorate who may read it,
    while it awaits sign-off."""
    return ret.state == Return.State.AWAITING_SIGN_OFF and signs_off(user, ret) and can_view_return(user, ret)


def can_view_return(user, ret: Return) -> bool:
    if not signed_in(user):
        return False
    if is_corporate(user) or completes_returns_for(user, ret.activity):
        return True
    if ret.activity.exempt and not can_see_exempt(user):
        return False  # the activity's own officers (above) still see it
    if ret.state != Return.State.DRAFT and signs_off(user, ret):
        return True  # the directorate's signer: what its officers submitted
    if ret.round.state == Round.State.PUBLISHED and ret.state == Return.State.SUBMITTED:
        return True  # every signed-in role reads published returns (scorecards)
    same_directorate = user.directorate_id is not None and user.directorate_id == ret.activity.directorate_id
    return same_directorate and ret.state == Return.State.SUBMITTED


def can_view_return_history(user, ret: Return) -> bool:
    """Every saved version of a return, with who saved it: the corporate team and the activity's own officers.

    Other readers of a return (the same directorate, readers of a published round) see its answers only:
    the drafts and the names in the history are not theirs to read.
    """
    if not signed_in(user):
        return False
    return is_corporate(user) or completes_returns_for(user, ret.activity)


def can_read_round(user, round_: Round) -> bool:
    """Reports, scorecards and dashboards of a round: the corporate team always, others once published."""
    if not signed_in(user):
        return False
    return is_corporate(user) or round_.state == Round.State.PUBLISHED


def can_run_rounds(user) -> bool:
    return is_corporate(user)


def fills_in_returns(user) -> bool:
    """Lead officers fill in returns; so may corporate staff and administrators named as lead officers."""
    return signed_in(user) and (user.role != user.Role.VIEWER or user.is_superuser)


# --- evidence attached to a return ------------------------------------------------------------------------


def can_attach_evidence(user, ret: Return) -> bool:
    """Attach files to a return, or remove them: its officers while they may change it, or the corporate team."""
    return is_corporate(user) or can_edit_return(user, ret)


def can_read_evidence(user, ret: Return, evidence) -> bool:
    """Download a file attached to a return: whoever may read the return (so an exempt activity's files only the
    people cleared for exempt information and its own officers); the public only a file chosen for publishing,
    of a submitted return of a round published to the public, whose activity is not exempt."""
    if signed_in(user):
        return can_view_return(user, ret)
    return bool(
        evidence.publish
        and ret.state == Return.State.SUBMITTED
        and ret.round.state == Round.State.PUBLISHED
        and ret.round.public
        and not ret.activity.exempt
    )
