from django.apps import AppConfig


class PlanConfig(AppConfig):
    """The plan register: plans and their activities, the records every system links to."""

    name = "councilplan.plan"
    label = "plan"
    verbose_name = "The plan"
