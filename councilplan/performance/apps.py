from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class PerformanceConfig(systems.SystemConfig):
    """KPIs: targets, floor standards, results, RAG and direction, the dashboards and the quarterly report."""

    name = "councilplan.performance"
    label = "performance"
    verbose_name = "Performance (KPIs)"
    navigation = (NavigationEntry("Performance", "performance:index", "permissions:can_read_performance", order=40),)
    sample = "sample:load_sample"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    exceptions = "links:exceptions"
    sample_order = 30
