from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The top floor: the home dashboard, the public pages, the menu, and whatever joins several systems
    (the sample data, the demo sign-ins, an activity's page across every system). It imports the systems;
    nothing imports it."""

    name = "councilplan.site"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        from . import warm

        warm.connect()
