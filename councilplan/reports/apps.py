from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class ReportsConfig(systems.SystemConfig):
    """The round's analysis report, its commentary and the activity scorecards."""

    name = "councilplan.reports"
    label = "reports"
    verbose_name = "Reports"
    navigation = (NavigationEntry("Reports", "reports:index", "permissions:can_read_reports", order=30),)
    pack_sections = "output:pack_sections"
