from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class RisksConfig(systems.SystemConfig):
    """Risk registers: risks, controls, actions, reviews, escalation."""

    name = "councilplan.risks"
    label = "risks"
    verbose_name = "Risk registers"
    navigation = (NavigationEntry("Risks", "risks:index", "permissions:can_read_risks", order=50),)
    sample = "sample:load_sample"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    exceptions = "links:exceptions"
    pack_sections = "links:pack_sections"
    sample_order = 20
