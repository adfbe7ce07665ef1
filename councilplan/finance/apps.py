from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class FinanceConfig(systems.SystemConfig):
    """Budget monitoring (spec/finance.md): revenue and capital positions each month, adjustments, movements,
    reserves and the Cabinet report."""

    name = "councilplan.finance"
    label = "finance"
    verbose_name = "Budget monitoring"
    navigation = (NavigationEntry("Budget", "finance:index", "permissions:can_read", order=70),)
    teams = (
        TeamSpec(
            "finance",
            "Finance",
            "The Chief Accountant, capital finance managers and directorate finance business partners: cash limits, "
            "positions, capital, reserves, narrative and the Cabinet report.",
        ),
    )
    sample = "sample.loader:load_sample"
    sample_order = 60
    demo_users = "links:DEMO_USERS"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    exceptions = "links:exceptions"
    pack_sections = "links:pack_sections"
    reminders = "reminders:send_due_reminders"
    public_links = "links:public_links"
    home_links = "links:home_links"
