from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class FinanceConfig(systems.SystemConfig):
    """Budget monitoring (spec/finance.md)."""

    name = "councilplan.finance"
    label = "finance"
    verbose_name = "Budget monitoring"
    navigation = (NavigationEntry("Budget", "finance:index", "permissions:can_read", order=70),)
