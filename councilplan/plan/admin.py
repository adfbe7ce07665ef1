from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, Plan


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["name", "created_at"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "title", "plan", "outcome", "activity_type", "end_date", "lead_officer"]
    list_filter = ["plan", "outcome", "activity_type", "directorate"]
    search_fields = ["ref", "title"]
    autocomplete_fields = ["lead_officer", "colleagues"]
    list_select_related = ["plan", "outcome", "lead_officer"]
