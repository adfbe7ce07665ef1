from django.apps import AppConfig


class OverviewConfig(AppConfig):
    """The quarterly pack (issue 20): one document for a committee or the Corporate Management Team assembling
    every system's part for a chosen quarter, exceptions first. Not a system itself: it reads the systems'
    `pack_sections` and `exceptions` hooks (core/systems.py)."""

    name = "councilplan.overview"
    label = "overview"
    verbose_name = "Quarterly pack"
