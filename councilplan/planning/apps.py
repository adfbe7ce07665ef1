from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class PlanningConfig(systems.SystemConfig):
    """The planning cycle: the call for activity, the long list, prioritisation, the short list, the plan
    documents."""

    name = "councilplan.planning"
    label = "planning"
    verbose_name = "Planning"
    navigation = (NavigationEntry("Plan", "planning:index", "permissions:can_read_plan_documents", order=60),)
    sample = "sample:load_sample"
    sample_order = 40
    home_links = "links:home_links"
