from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "councilplan.core"
    label = "core"

    def ready(self):
        from .evidence import delete_files_with_rows

        delete_files_with_rows()
