"""Who may do what in the planning cycle (spec/planning.md).

- Lead officers and the corporate team submit activities while a cycle's call for activity is open, and
  change them (their own, or any for the corporate team) until it closes.
- The corporate team reviews the long list, scores, decides, confirms the short list and runs cycles.
- Viewers (CMT, members) read the long list, its analysis, the ranking and the scorecards: they take part in
  the prioritisation discussion. Lead officers see their own and their directorate's submissions.
- Everyone signed in reads the plan documents.
"""

from __future__ import annotations

from councilplan.core.permissions import is_corporate, is_viewer, now, signed_in


def call_for_activity_open(cycle) -> bool:
    return cycle.opens_at <= now() <= cycle.closes_at


def _submits(user) -> bool:
    """Lead officers and the corporate team (administrators included); not viewers."""
    return signed_in(user) and (is_corporate(user) or user.role == user.Role.LEAD_OFFICER)


def can_submit_activity(user, cycle) -> bool:
    return _submits(user) and call_for_activity_open(cycle)


def can_edit_submission(user, submission) -> bool:
    """Its submitter, its lead officer or the corporate team, until the call for activity closes."""
    if not _submits(user) or not call_for_activity_open(submission.cycle):
        return False
    return is_corporate(user) or user.id in (submission.submitted_by_id, submission.lead_officer_id)


def can_read_long_list(user) -> bool:
    """The whole long list, its analysis, the ranking and the scorecards."""
    return is_corporate(user) or is_viewer(user)


def can_view_submission(user, submission) -> bool:
    if not signed_in(user):
        return False
    if can_read_long_list(user) or user.id in (submission.submitted_by_id, submission.lead_officer_id):
        return True
    return user.directorate_id is not None and user.directorate_id == submission.directorate_id


def can_view_submission_history(user, submission) -> bool:
    """Who changed what and when: the corporate team and the submission's own officers."""
    if not signed_in(user):
        return False
    return is_corporate(user) or user.id in (submission.submitted_by_id, submission.lead_officer_id)


def can_prioritise(user) -> bool:
    """Run cycles, review the long list, score, decide and confirm the short list."""
    return is_corporate(user)


def can_read_plan_documents(user) -> bool:
    return signed_in(user)
