"""Forms: a result (entered by the indicator's owner or the corporate team), a result's period, a results file."""

from __future__ import annotations

import datetime as dt

from django import forms

from councilplan.analysis import performance as rules
from councilplan.core.uploads import check_import_upload

from .services import MAX_COMMENTARY, parse_number

NUMBER_HINT = "A number, for example 95, 99.5 or 1,778."


class NumberField(forms.CharField):
    """A number as people type it ("1,778", "95%", "99.5"), cleaned to a Decimal."""

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "spellcheck": "false", "autocomplete": "off"})
        return attrs

    def clean(self, value):
        text = super().clean(value)
        if text in ("", None):
            return None
        number = parse_number(text)
        if number is None:
            raise forms.ValidationError(
                f"Enter {self.what} as a number, like 95 or 99.5 (at most 4 decimal places)", code="invalid"
            )
        return number


class ResultForm(forms.Form):
    value = NumberField(what="the result")
    ytd = NumberField(what="the year-to-date figure")
    commentary = forms.CharField(
        required=False,
        max_length=MAX_COMMENTARY,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Commentary (optional)",
        help_text="Why the result is what it is, and what is being done about it. It is printed under the "
        "dashboard's tables, as typed.",
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        unit = {"percentage": " (per cent)", "money": " (£)", "days": " (days)"}.get(indicator.unit, "")
        shown_ytd = indicator.shown_as == rules.YEAR_TO_DATE and not indicator.is_kpi
        self.fields["value"].label = f"Result for the period{unit}"
        self.fields["value"].help_text = NUMBER_HINT
        self.fields["ytd"].label = f"Year to date{unit}"
        if indicator.is_kpi and indicator.year_to_date == rules.SNAPSHOT:
            del self.fields["ytd"]
        elif shown_ytd:
            self.fields["ytd"].help_text = "The dashboard shows this figure. " + NUMBER_HINT
        else:
            self.fields["ytd"].help_text = "The result for the financial year so far, if there is one. " + NUMBER_HINT

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("value") is None and cleaned.get("ytd") is None:
            raise forms.ValidationError("Enter the result for the period or the year-to-date figure")
        return cleaned


class PeriodForm(forms.Form):
    """Which month a result is for, GOV.UK "date input" style without the day."""

    month = forms.IntegerField(min_value=1, max_value=12, required=False)
    year = forms.IntegerField(min_value=1990, max_value=2100, required=False)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean(self):
        cleaned = super().clean()
        month, year = cleaned.get("month"), cleaned.get("year")
        if self.errors:
            raise forms.ValidationError("Enter a real month and year, like 7 and 2017")
        if month is None or year is None:
            raise forms.ValidationError("Enter the month and year the result is for")
        period = dt.date(year, month, 1)
        if not rules.valid_period(period, self.indicator.frequency):
            if self.indicator.frequency == rules.QUARTERLY:
                raise forms.ValidationError(
                    "A quarterly result is for the last month of the quarter: June, September, December or March"
                )
            raise forms.ValidationError("An annual result is for the year ending in March: enter 3 as the month")
        cleaned["period"] = period
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Results file",
        help_text="A CSV or Excel (.xlsx) file with the columns ref, period, value, year_to_date and commentary. "
        "Nothing is saved unless every row is right.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The results file must be a CSV or an Excel (.xlsx) file")
        check_import_upload(upload, "The results file")  # size, type by content, unpacked size
        return upload
