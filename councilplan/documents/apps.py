from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "councilplan.documents"
    label = "documents"
    verbose_name = "Documents"
