from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "councilplan.core"
    label = "core"
