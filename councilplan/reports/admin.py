from django.contrib import admin

from councilplan.core.admin_rules import ViewOnlyAdmin, app_link

from .models import Commentary


@admin.register(Commentary)
class CommentaryAdmin(ViewOnlyAdmin):
    """Commentary is written on the report's commentary page, which stops two people overwriting each other."""

    list_display = ["round", "section", "outcome", "updated_by", "updated_at"]
    list_filter = ["round__plan", "round", "section", "outcome"]
    list_select_related = ["round", "round__plan", "outcome", "updated_by"]
    search_fields = ["text"]

    def app_url(self, obj):
        return app_link("reports:commentary", obj.round_id)
