"""What was typed → values, in GOV.UK patterns. Amounts are typed in pounds and held in pence; no rules here
(services and analysis hold them)."""

from __future__ import annotations

from django import forms

from councilplan.analysis.finance import pence_from_text
from councilplan.core.forms import GovukDateField

from .models import ReportingUnit


class PoundsField(forms.CharField):
    """An amount in pounds ("-1,361,000" or "2127000.50"), cleaned to whole pence."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("help_text", "In pounds, for example -1361000 or 2127000.50. A minus for income.")
        super().__init__(*args, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if text in ("", None):
            return None
        try:
            return pence_from_text(text)
        except ValueError as error:
            raise forms.ValidationError(f"{self.label} {error}") from None


class ForecastForm(forms.Form):
    forecast_gross = PoundsField(label="Forecast gross spend for the year")
    forecast_income = PoundsField(label="Forecast income for the year", help_text="In pounds, negative: -2000000.")
    note = forms.CharField(
        label="What changed (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AdjustmentForm(forms.Form):
    unit = forms.ModelChoiceField(ReportingUnit.objects.none(), label="Unit")
    amount = PoundsField(label="Adjustment", help_text="In pounds; negative reduces the forecast pressure.")
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else ReportingUnit.objects.none()


class NarrativeForm(forms.Form):
    reasons = forms.CharField(
        label="Reasons for the movement", required=False, widget=forms.Textarea(attrs={"rows": 6}), max_length=10000
    )
    headlines = forms.CharField(
        label="Headlines", required=False, widget=forms.Textarea(attrs={"rows": 6}), max_length=10000
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReportForm(forms.Form):
    reported_to = forms.CharField(label="Reported to", max_length=200, initial="Cabinet")
    reported_on = GovukDateField(
        label="Date of the meeting",
        name_in_errors="The date of the meeting",
        required=True,
        help_text="For example, 11 12 2017",
        error_messages={"required": "Enter the date of the meeting"},
    )


class RestateForm(forms.Form):
    reason = forms.CharField(
        label="Why the reported position must change", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Forecasts spreadsheet (CSV or Excel)",
        help_text="Columns: line, forecast_gross, forecast_income and optionally heading, note.",
    )


def _optional_pounds(label: str, help_text: str = "In pounds, for example 2127000.") -> PoundsField:
    return PoundsField(label=label, required=False, help_text=help_text)


FUNDING_ROWS = 4


class CapitalForecastForm(forms.Form):
    """A scheme's month: the year's working budget and forecast, and the variance split real / rephasing."""

    budget = PoundsField(label="Working budget for the year")
    forecast = PoundsField(label="Forecast spend for the year")
    real = PoundsField(
        label="Real variance",
        help_text="In pounds: the change in the scheme's total cost (+ an overspend, − a saving or a scheme dropped).",
    )
    rephasing = PoundsField(
        label="Rephasing variance",
        help_text="In pounds: spend moving between years at the same total (− slips into later years, + brought "
        "forward). Real and rephasing add up to forecast − working budget.",
    )
    later_real = _optional_pounds("Real variance in later years (optional)")
    explanation = forms.CharField(
        label="Reasons for the variance",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text="Needed for a real variance.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, FUNDING_ROWS + 1):
            self.fields[f"funding_source_{n}"] = forms.CharField(
                label=f"Funding source {n} (optional)",
                required=False,
                max_length=200,
                help_text="How a real variance is funded, for example grant, developer contributions, capital receipts"
                if n == 1
                else "",
            )
            self.fields[f"funding_amount_{n}"] = _optional_pounds(f"Funding amount {n} (optional)", "In pounds.")

    def funding(self) -> list[tuple[str, int]]:
        rows = []
        for n in range(1, FUNDING_ROWS + 1):
            source = self.cleaned_data.get(f"funding_source_{n}") or ""
            amount = self.cleaned_data.get(f"funding_amount_{n}") or 0
            if source.strip() or amount:
                rows.append((source, amount))
        return rows


class CapitalAdjustmentForm(forms.Form):
    line = forms.ModelChoiceField(None, label="Scheme")
    amount = PoundsField(label="Adjustment to the cash limit", help_text="In pounds; negative reduces it.")
    year = forms.CharField(label="Financial year", max_length=7, help_text="For example 2017-18.")
    funding = forms.CharField(
        label="Funding", max_length=200, required=False, help_text="For example grant, developer contributions."
    )
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    agreed_on = GovukDateField(
        label="Date Cabinet agreed it (optional)",
        name_in_errors="The date Cabinet agreed it",
        help_text="For example, 11 12 2017",
    )

    def __init__(self, *args, lines=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines


class RemoveForm(forms.Form):
    reason = forms.CharField(label="Why it is removed", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ReserveForm(forms.Form):
    code = forms.SlugField(
        label="Code", max_length=20, help_text="A short code without spaces, for example earmarked. Fixed once made."
    )
    name = forms.CharField(label="Name", max_length=200, help_text="For example Earmarked Reserves.")
    opening = PoundsField(label="Balance at 31 March")
    projected = PoundsField(label="Projected balance at the next 31 March")
    reason = forms.CharField(
        label="Why the balances change", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["code"]
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]
            del self.fields["version"]


class ReserveItemForm(forms.Form):
    description = forms.CharField(label="Movement", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    amount = PoundsField(label="Amount", help_text="In pounds; negative for a drawdown.")


def _count(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(label=label, required=False, max_digits=14, decimal_places=2, help_text=help_text)


class ActivityForm(forms.Form):
    """A month's activity data for a high-risk budget. The money's two parts are gross and income for a service,
    KCC staff and agency for a staffing table (the labels follow)."""

    budget_a = PoundsField(label="Budget: gross")
    budget_b = PoundsField(label="Budget: income")
    forecast_a = PoundsField(label="Forecast: gross")
    forecast_b = PoundsField(label="Forecast: income")
    ytd_budget_a = PoundsField(label="Year to date budget: gross")
    ytd_budget_b = PoundsField(label="Year to date budget: income")
    ytd_actual_a = PoundsField(label="Year to date actual: gross")
    ytd_actual_b = PoundsField(label="Year to date actual: income")
    activity_budget = _count("Activity budgeted for the year")
    activity_forecast = _count("Activity forecast for the year")
    activity_ytd_budget = _count("Activity budgeted to date")
    activity_ytd_actual = _count("Activity to date")
    staff_start_kcc = _count("KCC staff (FTE) at 31 March")
    staff_start_agency = _count("Agency staff at 31 March")
    staff_now_kcc = _count("KCC staff (FTE) now")
    staff_now_agency = _count("Agency staff now")
    demand = _optional_pounds("Gross variance from demand (optional)")
    unit_cost = _optional_pounds("Gross variance from unit cost (optional)")
    other = _optional_pounds(
        "Gross variance from other causes (optional)",
        "In pounds. Demand, unit cost and other, when given, add up to the gross variance.",
    )
    reasons = forms.CharField(
        label="Reasons (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, kind: str = "service", measure: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if kind == "staffing":
            for prefix in ("budget", "forecast", "ytd_budget", "ytd_actual"):
                self.fields[f"{prefix}_a"].label = self.fields[f"{prefix}_a"].label.replace("gross", "KCC staff")
                self.fields[f"{prefix}_b"].label = self.fields[f"{prefix}_b"].label.replace("income", "agency")
            for name in ("activity_budget", "activity_forecast", "activity_ytd_budget", "activity_ytd_actual"):
                del self.fields[name]
        else:
            for name in ("staff_start_kcc", "staff_start_agency", "staff_now_kcc", "staff_now_agency"):
                del self.fields[name]
            if measure:
                for name in ("activity_budget", "activity_forecast", "activity_ytd_budget", "activity_ytd_actual"):
                    self.fields[name].label = self.fields[name].label.replace("Activity", f"{measure.capitalize()}:")
