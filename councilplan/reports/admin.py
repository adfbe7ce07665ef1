from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Commentary


@admin.register(Commentary)
class CommentaryAdmin(SimpleHistoryAdmin):
    list_display = ["round", "section", "outcome", "updated_by", "updated_at"]
    list_filter = ["round__plan", "round", "section", "outcome"]
    list_select_related = ["round", "round__plan", "outcome", "updated_by"]
    readonly_fields = ["updated_by", "updated_at"]
    search_fields = ["text"]
