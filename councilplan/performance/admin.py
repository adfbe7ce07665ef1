"""The corporate team's admin for indicators: service areas, indicators with their yearly targets and floors (or
thresholds), results and area commentary. RAG and direction of travel are never entered: they are derived."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from councilplan.core.admin_rules import ViewOnlyAdmin, app_link

from .models import (
    AreaCommentary,
    BreakdownTarget,
    BreakdownValue,
    Indicator,
    Result,
    ResultPart,
    ServiceArea,
    Standard,
)


@admin.register(ServiceArea)
class ServiceAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "delivery_partner", "directorate", "director", "cabinet_member", "order"]
    list_filter = ["directorate"]
    list_editable = ["order"]
    search_fields = ["name", "delivery_partner", "director", "cabinet_member"]


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 1
    fields = ["year", "target", "floor", "lower", "upper"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "description", "kind", "service_area", "polarity", "frequency", "owner", "active"]
    list_filter = ["kind", "service_area__directorate", "frequency", "polarity", "active"]
    list_select_related = ["service_area", "owner"]
    search_fields = ["ref", "description"]
    autocomplete_fields = ["owner", "paired_with"]
    filter_horizontal = ["activities"]
    inlines = [StandardInline]
    fieldsets = [
        (None, {"fields": ["ref", "kind", "description", "service_area", "owner", "order", "active"]}),
        ("How it is measured", {"fields": ["unit", "polarity", "frequency", "year_to_date", "shown_as", "breakdown"]}),
        ("Links", {"fields": ["paired_with", "activities", "lg_inform_metric_id"]}),
    ]


@admin.register(Result)
class ResultAdmin(ViewOnlyAdmin):
    """Results are entered on the indicator's page or imported, which check them and stop racing saves."""

    list_display = ["indicator", "period", "value", "ytd", "updated_by", "updated_at"]
    list_filter = ["indicator__service_area__directorate", "period"]
    list_select_related = ["indicator", "updated_by"]
    search_fields = ["indicator__ref", "commentary"]
    date_hierarchy = "period"

    def app_url(self, obj):
        return app_link("performance:indicator", obj.indicator.ref)


@admin.register(AreaCommentary)
class AreaCommentaryAdmin(SimpleHistoryAdmin):
    list_display = ["service_area", "period", "updated_at"]
    list_filter = ["service_area__directorate", "period"]
    list_select_related = ["service_area"]
    search_fields = ["text"]


@admin.register(BreakdownValue)
class BreakdownValueAdmin(SimpleHistoryAdmin):
    """The sites and services a weekly indicator's results are split by: set by the corporate team."""

    list_display = ["name", "code", "breakdown", "trust", "setting", "counted_from", "order"]
    list_filter = ["breakdown", "setting", "trust"]
    search_fields = ["name", "code", "trust"]


@admin.register(ResultPart)
class ResultPartAdmin(ViewOnlyAdmin):
    """A result's parts are entered with the week's figures or imported, which check them and stop racing saves."""

    list_display = ["result", "breakdown_value", "responsibility", "value"]
    list_filter = ["responsibility", "breakdown_value__breakdown", "breakdown_value"]
    list_select_related = ["result__indicator", "breakdown_value"]
    search_fields = ["result__indicator__ref", "breakdown_value__name"]

    def app_url(self, obj):
        return app_link("performance:dtoc")


@admin.register(BreakdownTarget)
class BreakdownTargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "trust", "responsibility", "value", "origin"]
    list_filter = ["indicator", "origin", "period"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__ref", "trust"]
