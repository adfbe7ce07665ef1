from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "councilplan.planning"
    label = "planning"
