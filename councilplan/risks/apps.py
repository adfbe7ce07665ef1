from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "councilplan.risks"
    label = "risks"
    verbose_name = "Risk registers"
