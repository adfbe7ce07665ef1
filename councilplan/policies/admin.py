"""The policy register in the admin: entries, their dated status and reviews are looked up here (their changes
have rules: they are made on the register's pages); the sections and the review lead time are set here."""

from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from councilplan.core.admin_rules import ViewOnlyAdmin

from .models import Policy, RegisterSettings, Section


@admin.register(Policy)
class PolicyAdmin(ViewOnlyAdmin):
    list_display = ["number", "title", "section", "status", "close_timing"]
    list_filter = ["section", "status", "doc_type"]
    search_fields = ["title"]

    def app_url(self, obj):
        return reverse("policies:policy", args=[obj.number])


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order"]

    def has_delete_permission(self, request, obj=None):
        return False  # entries sit in their sections


@admin.register(RegisterSettings)
class RegisterSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "review_lead_days"]

    def has_delete_permission(self, request, obj=None):
        return False
