"""The admin: the vocabularies an organisation sets (themes, DECA factors, the effort per tier, portfolios'
names and PDMs) are edited here; projects, tier decisions and reviews carry rules and are only looked up here
(they change on the system's pages, through its services)."""

from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from councilplan.core.admin_rules import ViewOnlyAdmin

from .models import DecaFactor, Portfolio, Project, Recommendation, Theme, TierDecision, TierSetting


@admin.register(Theme, DecaFactor, TierSetting)
class VocabularyAdmin(SimpleHistoryAdmin):
    pass


@admin.register(Portfolio)
class PortfolioAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "manager", "active"]
    # Retiring and merging move projects: the service does it.
    readonly_fields = ["active", "retired_on", "merged_into"]


@admin.register(Project)
class ProjectAdmin(ViewOnlyAdmin):
    list_display = ["reference", "name", "portfolio", "state", "tier", "stage"]
    list_filter = ["portfolio", "state", "tier", "stage"]
    search_fields = ["reference", "name"]

    def app_url(self, obj):
        return reverse("assurance:project", args=[obj.pk])


@admin.register(TierDecision, Recommendation)
class RecordAdmin(ViewOnlyAdmin):
    pass
