"""The admin keeps the rules: records whose changes have rules (a return, a round's state, commentary, a risk's
moves and reviews, a submission's review and decision, a KPI result) are changed only through the app's pages
and services, which check them. Their admin pages are for looking things up: read-only, with a link to the
record's page in the app, and actions that call the same services the app does."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin


class ViewOnlyAdmin(SimpleHistoryAdmin):
    """Shown, searched and filtered, with its history; never added, changed, reverted or deleted here.
    `app_url(obj)`: where the app shows (and changes) the record."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def app_url(self, obj) -> str | None:
        return None

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "in_the_app"]

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if "in_the_app" in fields else ["in_the_app", *fields]

    def in_the_app(self, obj):
        try:
            url = self.app_url(obj)
        except NoReverseMatch:
            url = None
        if not url:
            return "Changed through the app's own pages."
        return format_html('<a href="{}">Open it in the app</a> (changes are made there, with their checks)', url)

    in_the_app.short_description = "Changing it"


def app_link(name: str, *args) -> str:
    return reverse(name, args=args)
