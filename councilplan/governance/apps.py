from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class GovernanceConfig(systems.SystemConfig):
    """Committee governance (spec/governance.md)."""

    name = "councilplan.governance"
    label = "governance"
    verbose_name = "Committee governance"
    navigation = (NavigationEntry("Committees", "governance:index", "permissions:can_read", order=100),)
