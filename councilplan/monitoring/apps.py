from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class MonitoringConfig(systems.SystemConfig):
    """The quarterly monitoring rounds and their returns."""

    name = "councilplan.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"
    navigation = (
        NavigationEntry("My returns", "monitoring:my_returns", "permissions:fills_in_returns", order=10),
        NavigationEntry("Rounds", "rounds:index", "permissions:can_run_rounds", order=20),
    )
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    exceptions = "links:exceptions"
    home_links = "links:home_links"
    # The daily run: directorate signers reminded of the returns awaiting their sign-off.
    reminders = "reminders:send_due_reminders"
