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
    """Scores are given on the submission's score page (scales and weights checked there)."""

    model = Score
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "cycle", "outcome", "activity_type", "review", "decision"]
    list_filter = ["cycle", "outcome", "activity_type", "directorate", "review", "decision"]
    search_fields = ["number", "title"]
    autocomplete_fields = ["lead_officer"]
    raw_id_fields = ["submitted_by", "carried_from"]
    list_select_related = ["cycle", "outcome"]
    inlines = [ScoreInline]
    # The review, the decision and the plan's activity are set on the submission's pages (with their rules).
    readonly_fields = [
        "review", "review_note", "reviewed_by", "reviewed_at", "decision", "decision_note", "decided_by",
        "decided_at", "activity",
    ]  # fmt: skip
