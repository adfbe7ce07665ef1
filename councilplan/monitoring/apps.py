from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "councilplan.monitoring"
    label = "monitoring"
