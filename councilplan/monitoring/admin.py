from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Reminder, Return, Round


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["label", "plan", "state", "opens_at", "closes_at"]
    list_filter = ["plan", "state"]


@admin.register(Return)
class ReturnAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "round", "state", "delivery_status", "submitted_at", "version"]
    list_filter = ["round", "state", "delivery_status"]
    search_fields = ["activity__title", "activity__ref"]
    list_select_related = ["activity", "round"]
    raw_id_fields = ["activity"]
    readonly_fields = ["version", "submitted_at", "submitted_by", "updated_by", "updated_at"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["round", "user", "email", "activities", "sent_at", "sent_by"]
    list_filter = ["round"]
    list_select_related = ["round", "user", "sent_by"]

    def has_add_permission(self, request):
        return False  # a record of e-mails sent, written only by sending them

    def has_change_permission(self, request, obj=None):
        return False
