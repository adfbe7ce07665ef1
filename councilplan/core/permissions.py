"""Who may see or change what. Every view asks these functions; none decides on its own.

- Lead officers (and colleagues nominated on an activity) complete that activity's returns.
- A lead officer sees other returns of their own directorate, never another directorate's drafts.
- The corporate team runs rounds, sees everything, writes commentary and publishes.
- Viewers (CMT, members) read published rounds: reports, scorecards and the dashboard.
- Administrators configure the organisation; they also have the corporate team's rights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from councilplan.core.models import User
    from councilplan.monitoring.models import Return, Round
    from councilplan.plan.models import Activity


def is_corporate(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.is_corporate


def is_administrator(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.is_administrator


def completes_returns_for(user: User, activity: Activity) -> bool:
    """The activity's lead officer or one of its nominated colleagues (pass activities with colleagues prefetched)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if activity.lead_officer_id == user.id:
        return True
    return any(colleague.id == user.id for colleague in activity.colleagues.all())


def can_edit_return(user: User, ret: Return) -> bool:
    """May change the answers now: their activity, while the round is open (or the team reopened it)."""
    from councilplan.monitoring.models import Round

    if not completes_returns_for(user, ret.activity):
        return False
    if ret.reopened:
        return True
    return ret.round.state == Round.State.OPEN and (
        not ret.round.closes_at or _now() <= ret.round.closes_at or ret.round.allow_late
    )


def can_see_exempt(user) -> bool:
    """Exempt information (Schedule 12A: activities, risks, report sections marked exempt): the corporate team
    and administrators, and people an administrator cleared for it. Never anyone signed out (the public page)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return is_corporate(user) or bool(getattr(user, "cleared_for_exempt", False))


def can_view_return(user: User, ret: Return) -> bool:
    from councilplan.monitoring.models import Return, Round

    if not (user.is_authenticated and user.is_active):
        return False
    if is_corporate(user) or completes_returns_for(user, ret.activity):
        return True
    if ret.activity.exempt and not can_see_exempt(user):
        return False  # the activity's own officers (above) still see it
    if ret.round.state == Round.State.PUBLISHED and ret.state == Return.State.SUBMITTED:
        return True  # every signed-in role reads published returns (scorecards)
    same_directorate = user.directorate_id is not None and user.directorate_id == ret.activity.directorate_id
    return same_directorate and ret.state == Return.State.SUBMITTED


def can_read_round(user: User, round_: Round) -> bool:
    """Reports, scorecards and dashboards of a round: the corporate team always, others once published."""
    from councilplan.monitoring.models import Round

    if not (user.is_authenticated and user.is_active):
        return False
    return is_corporate(user) or round_.state == Round.State.PUBLISHED


def can_run_rounds(user: User) -> bool:
    return is_corporate(user)


def _now():
    from django.utils import timezone

    return timezone.now()


def can_view_return_history(user: User, ret: Return) -> bool:
    """Every saved version of a return, with who saved it: the corporate team and the activity's own officers.

    Other readers of a return (the same directorate, readers of a published round) see its answers only:
    the drafts and the names in the history are not theirs to read.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    return is_corporate(user) or completes_returns_for(user, ret.activity)


# --- building the plan (spec/planning.md) -------------------------------------------------------------------
# - Lead officers and the corporate team submit activities while a cycle's call for activity is open, and
#   change them (their own, or any for the corporate team) until it closes.
# - The corporate team reviews the long list, scores, decides, confirms the short list and runs cycles.
# - Viewers (CMT, members) read the long list, its analysis, the ranking and the scorecards: they take part in
#   the prioritisation discussion. Lead officers see their own and their directorate's submissions.
# - Everyone signed in reads the plan documents.


def _active(user: User) -> bool:
    return user.is_authenticated and user.is_active


def is_viewer(user: User) -> bool:
    return _active(user) and user.role == user.Role.VIEWER


def call_for_activity_open(cycle) -> bool:
    return cycle.opens_at <= _now() <= cycle.closes_at


def _submits(user: User) -> bool:
    """Lead officers and the corporate team (administrators included); not viewers."""
    return _active(user) and (is_corporate(user) or user.role == user.Role.LEAD_OFFICER)


def can_submit_activity(user: User, cycle) -> bool:
    return _submits(user) and call_for_activity_open(cycle)


def can_edit_submission(user: User, submission) -> bool:
    """Its submitter, its lead officer or the corporate team, until the call for activity closes."""
    if not _submits(user) or not call_for_activity_open(submission.cycle):
        return False
    return is_corporate(user) or user.id in (submission.submitted_by_id, submission.lead_officer_id)


def can_read_long_list(user: User) -> bool:
    """The whole long list, its analysis, the ranking and the scorecards."""
    return is_corporate(user) or is_viewer(user)


def can_view_submission(user: User, submission) -> bool:
    if not _active(user):
        return False
    if can_read_long_list(user) or user.id in (submission.submitted_by_id, submission.lead_officer_id):
        return True
    return user.directorate_id is not None and user.directorate_id == submission.directorate_id


def can_view_submission_history(user: User, submission) -> bool:
    """Who changed what and when: the corporate team and the submission's own officers."""
    if not _active(user):
        return False
    return is_corporate(user) or user.id in (submission.submitted_by_id, submission.lead_officer_id)


def can_prioritise(user: User) -> bool:
    """Run cycles, review the long list, score, decide and confirm the short list."""
    return is_corporate(user)


def can_read_plan_documents(user: User) -> bool:
    return _active(user)
