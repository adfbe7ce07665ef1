"""Who may read the Quarterly Performance Report. Views ask these functions; none decides on its own.

The report is a Cabinet paper (unrestricted), read before Cabinet by the corporate team (who compile it), the
Corporate Management Team (the `cmt` team) and members (the viewer role), and by administrators. Lead officers
read their own KPIs in the performance system. The figures, targets and results are changed in the performance
system, not here.
"""

from __future__ import annotations

from councilplan.core.permissions import in_team, is_administrator, is_corporate, is_viewer
from councilplan.core.systems import DemoUser

CMT = "cmt"


def can_read_qpr(user) -> bool:
    return is_corporate(user) or is_administrator(user) or is_viewer(user) or in_team(user, CMT)


DEMO_USERS = (
    DemoUser(
        "qpr.cmt",
        "Corporate Management Team member (demo)",
        "lead_officer",
        teams=(CMT,),
        what="reads the Quarterly Performance Report before Cabinet",
    ),
)
