from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class GovernanceConfig(systems.SystemConfig):
    """Committee governance (spec/governance.md): bodies and members, meetings and agendas with exempt items, the
    work programme, records of decision and minutes."""

    name = "councilplan.governance"
    label = "governance"
    verbose_name = "Committee governance"
    navigation = (NavigationEntry("Committees", "governance:index", "permissions:can_read", order=100),)
    teams = (
        TeamSpec(
            "democratic_services",
            "Democratic Services",
            "Clerks of the committees: keep bodies and membership, publish agendas, record minutes, decisions and "
            "the work programmes.",
        ),
    )
    sample = "sample:load_sample"
    sample_order = 50
    demo_users = "links:DEMO_USERS"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    reminders = "reminders:send_reminders"
    public_links = "links:public_links"
    home_links = "links:home_links"
    pack_sections = "links:pack_sections"
