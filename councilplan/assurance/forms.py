"""Corporate assurance's forms: what was typed → values, in GOV.UK patterns. No rules: the services and analysis
hold them. Dates are GOV.UK date inputs (day, month, year); sums of money are typed in pounds."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms

from councilplan.analysis import assurance as rules
from councilplan.core.forms import GovukDateField

POUNDS = re.compile(r"^-?£?-?[\d,]+(\.\d{1,2})?$")


def parse_pounds(text: str) -> int | None:
    """'£1,234.56', '-565000' → pence; None if it is not a sum of money."""
    text = (text or "").strip().replace(" ", "").replace("−", "-")
    if not POUNDS.match(text):
        return None
    negative = text.count("-") == 1
    try:
        pounds = Decimal(text.replace("-", "").replace("£", "").replace(",", ""))
    except InvalidOperation:
        return None
    pence = int(pounds * 100)
    return -pence if negative else pence


def date_field(label: str, required: bool = False, hint: str = "For example, 27 3 2017") -> GovukDateField:
    return GovukDateField(label=label, name_in_errors=label, required=required, help_text=hint)


class MoneyField(forms.CharField):
    def __init__(self, *, label: str, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "In pounds, for example 125000 or £125,000.00")
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}))
        super().__init__(label=label, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            pounds, pence = divmod(abs(value), 100)
            sign = "-" if value < 0 else ""
            return f"{sign}{pounds}.{pence:02d}" if pence else f"{sign}{pounds}"
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        pence = parse_pounds(value)
        if pence is None:
            raise forms.ValidationError(f"{self.label} must be a sum of money in pounds, like 125000 or £125,000.00")
        return pence


def _text(label: str, required: bool = False, rows: int = 3, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def _line(label: str, required: bool = False, hint: str = "", max_length: int = 200) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def _radios(label: str, choices, required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": f"Select the {label.lower()}"},
    )


def _select(label: str, required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=required, error_messages={"required": f"Select the {label.lower()}"})


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ProjectForm(VersionForm):
    reference = _line(
        "Reference", required=True, hint="How other systems name the project. Fixed once added.", max_length=100
    )
    name = _line("Name", required=True, max_length=300)
    portfolio = _select("Portfolio", required=True)
    parent = _select("Part of the programme")
    stage = _select("Stage")
    theme = _select("Predominant theme")
    senior_responsible_owner = _line("Senior responsible owner")
    sponsor = _line("Sponsor")
    project_manager = _line("Project manager")
    start_date = date_field("Start date")
    forecast_end = date_field("Forecast end date", hint="Leave empty if it is to be confirmed (TBC).")
    identified_on = date_field("Known as a potential project from")
    under_oversight = forms.BooleanField(label="Under corporate assurance oversight whatever its tier", required=False)
    cost_text = _line(
        "Forecast cost in words", hint="For example 'Various mini projects' (the amount changes by a variation)."
    )
    cost_external = MoneyField(label="Of which external funding")
    benefit_kind = _select("Kind of benefit", required=True)
    benefit_text = _line("Benefit in words")
    milestones = _text("Next key milestones")
    status_note = _text("Status note", hint="A temporary pause that keeps the project current, for example.")
    lessons = _text("Lessons learnt (closure report)")

    def __init__(self, *args, portfolios, projects, themes, new: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio"].choices = [("", "Choose a portfolio"), *portfolios]
        self.fields["parent"].choices = [("", "None"), *projects]
        self.fields["stage"].choices = [("", "Not yet set"), *rules.STAGES.items()]
        self.fields["theme"].choices = [("", "Not yet set"), *themes]
        self.fields["benefit_kind"].choices = list(rules.BENEFIT_KINDS.items())
        if new:
            self.fields["cost"] = MoneyField(label="Forecast cost")
            self.fields["benefit"] = MoneyField(label="Financial benefit")
        else:
            self.fields["reference"].disabled = True


class StartForm(VersionForm):
    approved_on = date_field("Current from", required=True, hint="The date it was approved to start.")


class CloseForm(VersionForm):
    state = _radios("Why it closed", [(s, rules.STATES[s]) for s in rules.CLOSED_STATES])
    closed_on = date_field("Closed on", required=True)
    note = _text("What happened", hint="Stopped early, paused indefinitely, transferred to business as usual…")


class TierForm(forms.Form):
    decided_on = date_field("Decided on", required=True)
    tier = _radios("Tier decided", [(k, v) for k, v in rules.TIERS.items() if k != "tbc"])
    method = _radios("Method", list(rules.TIER_METHODS.items()))
    assessor = _line("Assessed by")
    note = _text("Why this tier")

    def __init__(self, *args, factors, **kwargs):
        super().__init__(*args, **kwargs)
        self.factors = factors
        for code, label in factors:
            self.fields[f"deca_{code}"] = forms.ChoiceField(
                label=label, required=False, choices=rules.DECA_RATINGS, widget=forms.RadioSelect
            )

    def ratings(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"deca_{code}") or "" for code, _ in self.factors}


class MoneyChangeForm(forms.Form):
    measure = _radios("What changed", [("cost", "Forecast cost"), ("benefit", "Financial benefit")])
    change = MoneyField(
        label="Change", required=True, help_text="In pounds: an increase, or a reduction with a minus sign (-565000)"
    )
    changed_on = date_field("Changed on", required=True)
    reason = _text("Why it changed", required=True)


class ApprovalForm(forms.Form):
    stage = _radios("Stage approved", list(rules.STAGES.items()))
    decision_reference = _line("Decision reference", required=True, hint="For example 17/00123", max_length=20)
    approved_on = date_field("Approved on")
    note = _text("Note")


class LinksForm(forms.Form):
    activities = forms.MultipleChoiceField(
        label="Plan activities it delivers", required=False, widget=forms.CheckboxSelectMultiple
    )
    risks = forms.MultipleChoiceField(label="Its risks", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, activities, risks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = activities
        self.fields["risks"].choices = risks


class ActivityForm(VersionForm):
    kind = _radios("Kind of assurance", list(rules.ACTIVITY_KINDS.items()))
    held_on = date_field("Date", hint="Planned or held. For example, 27 3 2017")
    product = _select("Product assessed")
    led_by = _line("Led by")
    feedback_to = _line("Feedback given to", hint="Project manager, PDM, a director or a board", max_length=300)
    summary = _text("Summary", rows=5)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [("", "None"), *rules.PRODUCTS.items()]


class HoldForm(VersionForm):
    held_on = date_field("Held on", required=True)
    summary = _text("Summary", rows=5)


class FindingForm(forms.Form):
    case = _radios("Case of the business case", list(rules.CASES.items()))
    text = _text("Finding", required=True)


class RecommendationForm(forms.Form):
    case = _radios("Case of the business case", list(rules.CASES.items()), required=False)
    text = _text("Recommendation", required=True)
    owner = _select("Owner (their account)")
    owner_name = _line("Owner (as named)", hint="If they have no account, or as the review names them")
    due_on = date_field("Due")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Nobody chosen"), *people]


class FollowUpForm(VersionForm):
    status = _radios("Status", list(rules.RECOMMENDATION_STATUSES.items()))
    progress = _text("Progress")
    checked_at = _select("Checked at the review")

    def __init__(self, *args, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_at"].choices = [("", "Not checked at a review"), *reviews]


class NarrativeForm(VersionForm):
    achievements = _text("Achievements this period", rows=8, hint="One point a line.")
    development = _text("Areas for development", rows=6, hint="One point a line.")
    consideration = _text("Areas for consideration", rows=6, hint="One point a line.")
    activity_done = _text("Corporate assurance activity this period", rows=8, hint="One point a line.")
    activity_planned = _text("Corporate assurance activity next period", rows=8, hint="One point a line.")


class ReportForm(forms.Form):
    title = _line("Title", required=True, max_length=300)
    period_start = date_field("Period from (its first day)", required=True)
    period_end = date_field("Period to (the as-at date)", required=True)
    previous = _select("Previous report")

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].choices = [("", "None"), *reports]


class SnapshotForm(forms.Form):
    month = date_field("Month", required=True, hint="Any day of the month, for example 1 8 2017")


class ImportForm(forms.Form):
    file = forms.FileField(label="Spreadsheet (CSV or Excel)", help_text="The columns docs/data-format.md lists.")


class SplitForm(forms.Form):
    """A split into two successors (the seed's case); each gets its own tier, decided on the day of the split."""

    on = date_field("Split on", required=True)
    first_reference = _line("First successor: reference", required=True, max_length=100)
    first_name = _line("First successor: name", required=True, max_length=300)
    first_tier = _radios("First successor: tier", [(k, v) for k, v in rules.TIERS.items() if k != "tbc"])
    second_reference = _line("Second successor: reference", required=True, max_length=100)
    second_name = _line("Second successor: name", required=True, max_length=300)
    second_tier = _radios("Second successor: tier", [(k, v) for k, v in rules.TIERS.items() if k != "tbc"])
    note = _text("Why it was split")

    def successors(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"reference": data[f"{n}_reference"], "name": data[f"{n}_name"], "tier": data[f"{n}_tier"]}
            for n in ("first", "second")
        ]
