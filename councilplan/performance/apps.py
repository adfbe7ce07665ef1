from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "councilplan.performance"
    label = "performance"
    verbose_name = "Performance (KPIs)"
