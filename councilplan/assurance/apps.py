from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class AssuranceConfig(systems.SystemConfig):
    """Corporate assurance of change projects and programmes (spec/assurance.md): portfolios and projects, DECA
    tiering, reviews with recommendations followed up, monthly snapshots and the bi-annual analysis report."""

    name = "councilplan.assurance"
    label = "assurance"
    verbose_name = "Corporate assurance"
    navigation = (NavigationEntry("Assurance", "assurance:index", "permissions:can_read", order=80),)
    teams = (
        TeamSpec(
            "assurance",
            "Corporate Assurance team",
            "Keeps the change portfolios, decides tiers from DECA assessments, records reviews and writes the "
            "bi-annual analysis report.",
        ),
    )
    sample = "sample:load_sample"
    sample_order = 55
    demo_users = "links:DEMO_USERS"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    exceptions = "links:exceptions"
    pack_sections = "links:pack_sections"
    reminders = "reminders:send_reminders"
    public_links = "links:public_links"
    home_links = "links:home_links"
