from django.contrib import admin

from councilplan.core.admin_rules import ViewOnlyAdmin, app_link

from .models import Reminder, Return, Round


@admin.register(Round)
class RoundAdmin(ViewOnlyAdmin):
    """A round's window and state change on its page in the app (open, close, publish: each with its checks)."""

    list_display = ["label", "plan", "state", "opens_at", "closes_at"]
    list_filter = ["plan", "state"]

    def app_url(self, obj):
        return app_link("rounds:detail", obj.pk)


@admin.register(Return)
class ReturnAdmin(ViewOnlyAdmin):
    """Answers are given on the lead officer's form (and read on the return's page, with their labels)."""

    list_display = ["activity", "round", "state", "delivery_status", "submitted_at", "version"]
    list_filter = ["round", "state", "delivery_status"]
    search_fields = ["activity__title", "activity__ref"]
    list_select_related = ["activity", "round"]
    fields = ["round", "activity", "state", "delivery_status", "submitted_at", "submitted_by", "late", "version"]

    def app_url(self, obj):
        return app_link("monitoring:return_detail", obj.pk)


@admin.register(Reminder)
class ReminderAdmin(ViewOnlyAdmin):
    """A record of e-mails sent, written only by sending them."""

    list_display = ["round", "user", "email", "activities", "sent_at", "sent_by"]
    list_filter = ["round"]
    list_select_related = ["round", "user", "sent_by"]
