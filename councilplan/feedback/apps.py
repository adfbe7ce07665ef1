from councilplan.core import systems
from councilplan.core.systems import NavigationEntry


class FeedbackConfig(systems.SystemConfig):
    """Customer feedback (spec/feedback.md)."""

    name = "councilplan.feedback"
    label = "feedback"
    verbose_name = "Customer feedback"
    navigation = (NavigationEntry("Feedback", "feedback:index", "permissions:can_read", order=120),)
