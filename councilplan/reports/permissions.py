"""Who may read and write the round's analysis report.

- The corporate team reads every round's report and scorecards, and writes the commentary.
- Everyone else signed in reads them once the round is published.
"""

from __future__ import annotations

from councilplan.core.permissions import is_corporate, signed_in
from councilplan.monitoring.permissions import can_read_round


def can_read_report(user, round_) -> bool:
    return can_read_round(user, round_)


def can_write_commentary(user) -> bool:
    return is_corporate(user)


def can_read_reports(user) -> bool:
    """The list of reports: everyone signed in (which rounds they may open is `can_read_report`)."""
    return signed_in(user)
