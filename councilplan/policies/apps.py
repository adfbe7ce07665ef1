from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class PoliciesConfig(systems.SystemConfig):
    """Policy register (spec/policies.md)."""

    name = "councilplan.policies"
    label = "policies"
    verbose_name = "Policy register"
    navigation = (NavigationEntry("Policies", "policies:index", "permissions:can_read", order=110),)
