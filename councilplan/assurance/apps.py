from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class AssuranceConfig(systems.SystemConfig):
    """Corporate assurance (spec/assurance.md)."""

    name = "councilplan.assurance"
    label = "assurance"
    verbose_name = "Corporate assurance"
    navigation = (NavigationEntry("Assurance", "assurance:index", "permissions:can_read", order=80),)
