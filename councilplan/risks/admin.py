from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from councilplan.analysis.risk import Band, validate_bands
from councilplan.core.admin_rules import ViewOnlyAdmin

from .models import Action, Control, Movement, Register, ReturnRisk, Review, Risk, RiskBand, RiskScale, ScoreLabel


class BandFormSet(forms.BaseInlineFormSet):
    """The bands are checked together: every possible score (1–6, 8–10, 12, 15, 16, 20, 25) in exactly one."""

    def clean(self):
        super().clean()
        bands = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            bands.append(Band(data["code"], data["label"], data["lowest"], data["highest"]))
        try:
            validate_bands(bands)
        except ValueError as error:
            raise forms.ValidationError(f"These bands cannot be used: {error}.") from None


class RiskBandInline(admin.TabularInline):
    model = RiskBand
    formset = BandFormSet
    extra = 0


class ScoreLabelInline(admin.TabularInline):
    model = ScoreLabel
    extra = 0


@admin.register(RiskScale)
class RiskScaleAdmin(SimpleHistoryAdmin):
    inlines = [RiskBandInline, ScoreLabelInline]

    def has_add_permission(self, request):
        return not RiskScale.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Register)
class RegisterAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "owner", "review_cycle", "last_reviewed_on"]
    list_filter = ["level", "review_cycle"]
    search_fields = ["name", "owner"]


class ControlInline(admin.TabularInline):
    model = Control
    extra = 0


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0


class ReviewInline(admin.TabularInline):
    """Reviews are recorded on the risk's page (the direction of travel is worked out from them)."""

    model = Review
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    """Risks are never deleted, so their codes are never reused: withdraw them instead (in the app)."""

    list_display = ["code", "title", "register", "status", "current_likelihood", "current_impact"]
    list_filter = ["status", "register"]
    list_select_related = ["register"]
    search_fields = ["code", "title"]
    filter_horizontal = ["owner_users", "activities"]
    readonly_fields = ["updated_by", "updated_at"]
    inlines = [ControlInline, ActionInline, ReviewInline]

    def get_readonly_fields(self, request, obj=None):
        # Moves between registers, withdrawals and scores go through the risk's page (moves and reviews).
        fields = list(super().get_readonly_fields(request, obj))
        ruled = [
            "code", "register", "status", "current_likelihood", "current_impact", "target_likelihood", "target_impact",
        ]  # fmt: skip
        return [*fields, *ruled] if obj else fields

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Movement)
class MovementAdmin(ViewOnlyAdmin):
    list_display = ["risk", "kind", "from_register", "to_register", "moved_on"]
    list_filter = ["kind"]
    list_select_related = ["risk", "from_register", "to_register"]


@admin.register(ReturnRisk)
class ReturnRiskAdmin(ViewOnlyAdmin):
    list_display = ["ret", "risk"]
    list_select_related = ["ret__activity", "ret__round", "risk"]
