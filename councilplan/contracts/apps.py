from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class ContractsConfig(systems.SystemConfig):
    """Contract management (spec/contracts.md)."""

    name = "councilplan.contracts"
    label = "contracts"
    verbose_name = "Contract management"
    navigation = (NavigationEntry("Contracts", "contracts:index", "permissions:can_read", order=90),)
