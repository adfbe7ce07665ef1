from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "councilplan.reports"
    label = "reports"
