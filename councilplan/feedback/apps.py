from councilplan.core import systems
from councilplan.core.systems import NavigationEntry, TeamSpec


class FeedbackConfig(systems.SystemConfig):
    """Customer feedback (spec/feedback.md): complaints, comments and compliments, their stages and timescales in
    working days, the caseloads, the quarterly return and the annual report, and the KPI they feed (CS07)."""

    name = "councilplan.feedback"
    label = "feedback"
    verbose_name = "Customer feedback"
    navigation = (NavigationEntry("Feedback", "feedback:index", "permissions:can_read", order=120),)
    teams = (
        TeamSpec(
            "customer_feedback",
            "Customer feedback team",
            "Keeps the council's feedback log: sees and handles every record, runs the quarterly return, the "
            "annual report, retention and subject access requests.",
        ),
    )
    sample = "sample:load_sample"
    sample_order = 70
    demo_users = "links:DEMO_USERS"
    reminders = "reminders:send_reminders"
    public_links = "links:public_links"
    home_links = "links:home_links"
    activity_links = "links:activity_links"
    scope_links = "links:scope_links"
    exceptions = "links:exceptions"
