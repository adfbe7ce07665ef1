"""Who may see or change performance data. Views ask these functions; none decides on its own.

- Every signed-in person reads the dashboards, the quarterly report and the indicators' pages: results are the
  council's management information, reported to committee.
- An indicator's owner enters and corrects its results; so does the corporate team (and administrators).
- Only the corporate team imports results from a file.
- A weekly indicator split by a breakdown (delayed transfers of care): its owner (the adult social care
  performance officer) and the corporate team enter a week's figures on its form and import them from a file;
  everyone signed in reads its dashboard. None of it is for the public.
- Indicators, targets, floors and thresholds are set by the corporate team in the admin.
"""

from __future__ import annotations

from councilplan.core.permissions import is_corporate, signed_in


def can_read_performance(user) -> bool:
    return signed_in(user)


def can_enter_result(user, indicator) -> bool:
    if not signed_in(user):
        return False
    return is_corporate(user) or (indicator.owner_id is not None and indicator.owner_id == user.id)


def can_import_results(user) -> bool:
    return is_corporate(user)


def can_enter_weeks(user, indicator) -> bool:
    """A week's figures of a weekly indicator split by a breakdown: on the form, or from a file."""
    return can_enter_result(user, indicator)
