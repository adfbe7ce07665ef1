from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class PoliciesConfig(systems.SystemConfig):
    """Policy register (spec/policies.md): the strategy and policy register with its front sheets, reviews,
    close-downs and stock-take."""

    name = "councilplan.policies"
    label = "policies"
    verbose_name = "Policy register"
    navigation = (NavigationEntry("Policies", "policies:index", "permissions:can_read", order=110),)
    teams = (
        TeamSpec(
            "sprca",
            "Strategy, Policy, Relationships and Corporate Assurance",
            "Keeps the Strategy and Policy Register: adds entries, records close-downs agreed, closes entries, "
            "publishes the register and its front sheets.",
        ),
    )
    sample = "sample:load_sample"
    sample_order = 70
    demo_users = "links:DEMO_USERS"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    reminders = "reminders:send_reminders"
    public_links = "links:public_links"
    home_links = "links:home_links"
