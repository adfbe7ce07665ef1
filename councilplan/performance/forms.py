"""Forms: a result (entered by the indicator's owner or the corporate team), a result's period, a results file;
and for delayed transfers of care, a week to enter, the week's delayed days and a file of weekly figures."""

from __future__ import annotations

import datetime as dt

from django import forms

from councilplan.analysis import performance as rules
from councilplan.analysis.vocabulary import RESPONSIBILITIES
from councilplan.core.forms import GovukDateField
from councilplan.core.uploads import check_import_upload

from .services import MAX_COMMENTARY, parse_number
from .weekly import HALF_DAYS, RESPONSIBILITY_NAMES, days_problem, week_problem

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


# --- delayed transfers of care: a week's figures ------------------------------------------------------------


class DaysField(NumberField):
    """Delayed days as typed: empty is "not returned", 0 a returned zero; whole or half days."""

    def clean(self, value):
        text = forms.CharField.clean(self, value)
        if text in ("", None):
            return None
        number = None if any(sign in text for sign in "%£") else parse_number(text)
        if number is None or days_problem(number):
            raise forms.ValidationError(
                f"Enter {self.what} as {HALF_DAYS}, or leave it empty if the site has not returned it",
                code="invalid",
            )
        return number


class WeekForm(forms.Form):
    """Which week to enter: its week-ending date."""

    week = GovukDateField(
        label="Week ending",
        name_in_errors="The week-ending date",
        help_text="The last day of the week the figures are for, for example 30 11 2017.",
    )

    def __init__(self, *args, weeks: list[dt.date], **kwargs):
        super().__init__(*args, **kwargs)
        self.weeks = weeks
        if weeks:
            self.fields["week"].help_text = (
                f"The weeks end on a {weeks[-1]:%A}. The latest entered is the week ending "
                f"{weeks[-1].day} {weeks[-1]:%B %Y}."
            )

    def clean_week(self):
        week = self.cleaned_data["week"]
        if week is None:
            raise forms.ValidationError("Enter the week-ending date")
        problem = week_problem(week, self.weeks)
        if problem:
            raise forms.ValidationError(f"The week-ending date {problem}")
        return week


class DelayedDaysForm(forms.Form):
    """One week's delayed days: a box per site and responsibility (NHS, social care, both), named
    `<site code>-<responsibility>`; and the version the form was opened at."""

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = sites
        for site in sites:
            for responsibility in RESPONSIBILITIES:
                words = RESPONSIBILITY_NAMES[responsibility]
                label = "NHS" if responsibility == "nhs" else words.capitalize()
                field = DaysField(what=f"{site.name}'s {words} days", label=label, max_length=12)
                self.fields[self.name_for(site.code, responsibility)] = field

    @staticmethod
    def name_for(code: str, responsibility: str) -> str:
        return f"{code}-{responsibility}"

    def site_rows(self):
        """(site, [bound field per responsibility]) for the template."""
        return [(s, [self[self.name_for(s.code, r)] for r in RESPONSIBILITIES]) for s in self.sites]

    def parts(self) -> dict:
        return {(s.code, r): self.cleaned_data[self.name_for(s.code, r)] for s in self.sites for r in RESPONSIBILITIES}


class WeeksImportForm(forms.Form):
    file = forms.FileField(
        label="Weekly figures file",
        help_text="A CSV or Excel (.xlsx) file with the columns week_ending, site, nhs, social_care and both "
        "(site_name and trust may be there too). Nothing is saved unless every row is right.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The weekly figures file must be a CSV or an Excel (.xlsx) file")
        check_import_upload(upload, "The weekly figures file")
        return upload
