"""What was typed → values, in GOV.UK patterns. Amounts are typed in pounds and held in pence; no rules here
(services and analysis hold them)."""

from __future__ import annotations

from django import forms

from councilplan.analysis.finance import pence_from_text

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
    reported_on = forms.DateField(
        label="Date of the meeting",
        help_text="For example 11/12/2017 or 2017-12-11.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
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
