from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only API (/api/v1/), personal API tokens and the open data files: the top floor, beside the
    site, reading every system through its selectors."""

    name = "councilplan.api"
    label = "api"
    verbose_name = "API and open data"
    default_auto_field = "django.db.models.BigAutoField"
