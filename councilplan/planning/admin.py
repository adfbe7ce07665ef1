from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Criterion, PlanningCycle, Score, Submission, Theme

# --- building the plan ----------------------------------------------------------------------------------


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["kind", "code", "label", "hint", "weight", "scale_low", "scale_high", "order"]


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


@admin.register(PlanningCycle)
class PlanningCycleAdmin(SimpleHistoryAdmin):
    list_display = ["name", "opens_at", "closes_at", "plan", "confirmed_at"]
    inlines = [CriterionInline, ThemeInline]
    raw_id_fields = ["plan", "carried_from", "confirmed_by"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    raw_id_fields = ["scored_by"]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "cycle", "outcome", "activity_type", "review", "decision"]
    list_filter = ["cycle", "outcome", "activity_type", "directorate", "review", "decision"]
    search_fields = ["number", "title"]
    autocomplete_fields = ["lead_officer"]
    raw_id_fields = ["submitted_by", "reviewed_by", "decided_by", "activity", "carried_from"]
    list_select_related = ["cycle", "outcome"]
    inlines = [ScoreInline]
