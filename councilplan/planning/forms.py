"""The planning forms: plain Django forms with GOV.UK wording, one question per field. They check what was
typed; `cycle_services` makes the change and checks the rules (the window, the scales)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms

from councilplan.analysis import planning_choices as choices
from councilplan.core.forms import GovukDateField, GovukDateTimeField
from councilplan.core.models import Directorate, Outcome
from councilplan.plan.models import Plan

from .models import Criterion

YES_NO = [("yes", "Yes"), ("no", "No")]


def _what(label: str) -> str:
    """ "End date (optional)" → "The end date": how the error messages name a date."""
    name = label.removesuffix(" (optional)")
    return f"The {name[0].lower()}{name[1:]}"


def date_field(label: str, required: bool = True, hint: str = "For example, 31 3 2020") -> GovukDateField:
    """A GOV.UK date input (day, month and year)."""
    what = _what(label)
    return GovukDateField(
        label=label,
        name_in_errors=what,
        required=required,
        help_text=hint,
        error_messages={"required": f"Enter {what[0].lower()}{what[1:]}"},
    )


def datetime_field(label: str, hint: str) -> GovukDateTimeField:
    """A GOV.UK date input with a time (day, month, year and time)."""
    return GovukDateTimeField(what=f"The date the {label[0].lower()}{label[1:]}", label=label, help_text=hint)


def radios(label: str, options, error: str, hint: str = "", required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=options,
        widget=forms.RadioSelect,
        help_text=hint,
        required=required,
        error_messages={"required": error},
    )


class MoneyField(forms.CharField):
    """Pounds, as people type them: "1,500,000", "£250000" or "2.5m". Blank means not known."""

    def __init__(self, label: str, **kwargs):
        super().__init__(
            label=label,
            required=False,
            help_text="In pounds, for example 1,500,000 or 1.5m. Leave blank if not known yet.",
            widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
            **kwargs,
        )

    def clean(self, value):
        text = (super().clean(value) or "").strip().lower().replace(",", "").replace("£", "").replace(" ", "")
        if not text:
            return None
        scale = 1
        if text.endswith("m"):
            text, scale = text[:-1], 1_000_000
        elif text.endswith("k"):
            text, scale = text[:-1], 1_000
        try:
            amount = Decimal(text) * scale
        except InvalidOperation:
            raise forms.ValidationError(
                f"{self.label} must be an amount in pounds, like 1,500,000, or left blank"
            ) from None
        if amount < 0 or amount >= Decimal("1e12"):
            raise forms.ValidationError(f"{self.label} must be between £0 and £999,999,999,999")
        return amount.quantize(Decimal("0.01"))


class CycleForm(forms.Form):
    name = forms.CharField(
        label="Name of the cycle",
        max_length=200,
        help_text="For example, SDP 2020-21",
        error_messages={"required": "Enter a name for the cycle"},
    )
    plan_name = forms.CharField(
        label="Name of the plan",
        max_length=200,
        help_text="The plan the short list becomes, for example Strategic Delivery Plan 2020-21",
        error_messages={"required": "Enter the name of the plan"},
    )
    opens_at = datetime_field("Call for activity opens", "For example, 14 10 2019 and 9am")
    closes_at = datetime_field("Call for activity closes", "Six weeks is usual. For example, 25 11 2019 and 5pm")
    guidance = forms.CharField(
        label="Guidance for services (optional)",
        required=False,
        help_text="Shown at the top of the form: what counts as significant activity, and whom to ask.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    introduction = forms.CharField(
        label="Introduction to the plan (optional)",
        required=False,
        help_text="The opening text of the full plan and the summary: the ambition the plan serves.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    cross_cutting_outcome = forms.ModelChoiceField(
        label="Outcome for cross-cutting activity (optional)",
        queryset=Outcome.objects.all(),
        required=False,
        empty_label="None",
        help_text="The outcome that stands for cross-cutting or corporate enabling activity.",
    )
    use_deca = forms.BooleanField(
        label="Also rate the twelve NAO DECA factors (high, medium or low) when scoring",
        required=False,
    )

    def __init__(self, *args, carry_forward: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if carry_forward:
            self.fields["carry_forward_from"] = forms.ModelChoiceField(
                label="Start from an earlier plan (optional)",
                queryset=Plan.objects.order_by("-created_at", "name"),
                required=False,
                empty_label="No: start with an empty long list",
                help_text="The plan's continuing activities become the first submissions, for their lead "
                "officers to update (a rolling three-year plan).",
            )

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.fields["closes_at"].fail_all()
            self.add_error("closes_at", "The call for activity must close after it opens")
        return data


class SubmissionForm(forms.Form):
    """What a submission holds (spec/planning.md), in the order a service answers it."""

    title = forms.CharField(
        label="Title of the activity",
        max_length=500,
        error_messages={"required": "Enter the title of the activity"},
    )
    headline = forms.CharField(
        label="Headline: what does the activity intend to achieve?",
        help_text="One or two sentences. This is what the plan's summary will say about it.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the activity intends to achieve"},
    )
    outcome = forms.ModelChoiceField(
        label="Which outcome does it align to?",
        queryset=Outcome.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the outcome the activity aligns to"},
    )
    activity_type = radios("Type of activity", [], "Select the type of activity", hint="Choose the one that fits best.")
    directorate = forms.ModelChoiceField(
        label="Directorate",
        queryset=Directorate.objects.all(),
        empty_label="Choose a directorate",
        error_messages={"required": "Select the directorate"},
    )
    division = forms.CharField(label="Division or service (optional)", max_length=200, required=False)
    lead_officer = forms.CharField(
        label="Lead officer",
        max_length=200,
        help_text="Their name or work e-mail address",
        error_messages={"required": "Enter the lead officer's name or e-mail address"},
    )
    corporate_director = forms.CharField(label="Corporate director (optional)", max_length=200, required=False)
    cabinet_member = forms.CharField(label="Cabinet member (optional)", max_length=200, required=False)
    start_date = date_field("Start date (optional)", required=False, hint="For example, 1 4 2019")
    end_date = date_field("End date")
    in_delivery = radios("Is the activity already in delivery?", YES_NO, "Select yes if it is already in delivery")
    part_of_programme = radios(
        "Is it part of a project or programme?", YES_NO, "Select yes if it is part of a project or programme"
    )
    programme = forms.CharField(label="Name of the project or programme (optional)", max_length=300, required=False)
    key_decision = radios(
        "Is it likely to need a key decision?",
        choices.KEY_DECISION,
        "Select whether it is likely to need a key decision",
        hint="A key decision spends or saves more than £1,000,000, or affects two or more electoral divisions.",
    )
    decision_authority = forms.CharField(
        label="Decision authority (optional)",
        max_length=300,
        required=False,
        help_text="Who will take the decision, for example Cabinet Member or Corporate Director",
    )
    governance_route = forms.CharField(
        label="Proposed informal governance route (optional)",
        required=False,
        help_text="The boards it will go to before the decision, for example Service Commissioning Board, "
        "then the Cabinet Committee",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    capital_cost = MoneyField("Capital cost")
    revenue_cost = MoneyField("Revenue investment cost")
    savings = MoneyField("Savings")
    income = MoneyField("Income")
    funding_source = forms.CharField(label="Source of funding (optional)", max_length=300, required=False)
    capacity = radios(
        "Is the capacity needed to deliver it in place?", choices.CAPACITY, "Select whether the capacity is in place"
    )
    support_needed = forms.MultipleChoiceField(
        label="Which other services will you need support from?",
        choices=choices.SUPPORT_SERVICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. Leave them all unticked if you need none.",
    )
    support_other = forms.CharField(
        label="Other support needed (optional)", max_length=300, required=False, help_text="If you ticked Other"
    )
    eqia_status = radios(
        "Equality impact assessment (EQIA) initial screening", choices.ASSESSMENT, "Select the EQIA's status"
    )
    dpia_status = radios("Data protection impact assessment (DPIA)", choices.ASSESSMENT, "Select the DPIA's status")

    SECTIONS = [
        ("The activity", ["title", "headline", "outcome", "activity_type"]),
        (
            "Who is responsible",
            ["directorate", "division", "lead_officer", "corporate_director", "cabinet_member"],
        ),
        (
            "Timing and governance",
            [
                "start_date",
                "end_date",
                "in_delivery",
                "part_of_programme",
                "programme",
                "key_decision",
                "decision_authority",
                "governance_route",
            ],
        ),
        ("Money", ["capital_cost", "revenue_cost", "savings", "income", "funding_source"]),
        ("Capacity and support", ["capacity", "support_needed", "support_other"]),
        ("Compliance", ["eqia_status", "dpia_status"]),
    ]
    INLINE = {"in_delivery", "part_of_programme", "key_decision"}

    def __init__(self, *args, activity_types: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = activity_types

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and start > end:
            self.add_error("end_date", "The end date must be on or after the start date")
        return data

    def submission_data(self) -> dict:
        """The cleaned answers as the services take them (the lead officer as typed: the services find the person)."""
        data = dict(self.cleaned_data)
        data["in_delivery"] = data["in_delivery"] == "yes"
        data["part_of_programme"] = data["part_of_programme"] == "yes"
        if "other" not in data["support_needed"]:
            data["support_other"] = ""
        return data

    @staticmethod
    def initial_from(submission) -> dict:
        lead = submission.lead_officer
        return {
            **{
                name: getattr(submission, name)
                for name in [
                    "title",
                    "headline",
                    "activity_type",
                    "division",
                    "corporate_director",
                    "cabinet_member",
                    "start_date",
                    "end_date",
                    "programme",
                    "key_decision",
                    "decision_authority",
                    "governance_route",
                    "funding_source",
                    "capacity",
                    "support_needed",
                    "support_other",
                    "eqia_status",
                    "dpia_status",
                ]
            },
            "outcome": submission.outcome_id,
            "directorate": submission.directorate_id,
            "lead_officer": (lead.email or lead.name or lead.username) if lead else "",
            "in_delivery": "yes" if submission.in_delivery else "no",
            "part_of_programme": "yes" if submission.part_of_programme else "no",
            **{
                name: _money_text(getattr(submission, name))
                for name in ["capital_cost", "revenue_cost", "savings", "income"]
            },
        }


def _money_text(value) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


class ReviewForm(forms.Form):
    review = radios(
        "Does the activity stay on the long list?",
        [c for c in choices.REVIEW if c[0] != "pending"],
        "Select whether the activity stays on the long list",
        hint="Operational delivery and core business (for example statutory duties) go to the divisional "
        "Operating Plans instead.",
    )
    review_note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Why"
    )


class DecisionForm(forms.Form):
    decision = radios(
        "Decision",
        [c for c in choices.DECISION if c[0]],
        "Select the decision",
        hint="Short-listed activity becomes the plan's activities when the short list is confirmed. Activity not "
        "short-listed informs the Operating Plans.",
    )
    decision_note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, who agreed it and where",
    )


class PlanDetailsForm(forms.Form):
    headline = forms.CharField(
        label="Headline for the plan",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the activity intends to achieve, as the summary will print it",
        error_messages={"required": "Enter the headline"},
    )
    governance_route = forms.CharField(
        label="Proposed informal governance route",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScoreForm(forms.Form):
    """One radio group per criterion (its scale) and, when the cycle uses them, per DECA factor."""

    def __init__(self, *args, criteria: list[Criterion], deca: list[Criterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria, self.deca = criteria, deca
        for c in criteria:
            self.fields[f"c{c.pk}"] = forms.TypedChoiceField(
                label=f"{c.label} (weight {c.weight.normalize():f})",
                choices=[(n, str(n)) for n in range(c.scale_low, c.scale_high + 1)],
                coerce=int,
                widget=forms.RadioSelect,
                help_text=f"{c.hint} {c.scale_low} is lowest, {c.scale_high} highest.".strip(),
                error_messages={"required": f"Select a score for {c.label.lower()}"},
            )
        for c in deca:
            self.fields[f"c{c.pk}"] = forms.ChoiceField(
                label=c.label,
                choices=choices.DECA_RATINGS,
                widget=forms.RadioSelect,
                required=False,
            )

    def values(self) -> dict[int, int | str | None]:
        return {c.pk: self.cleaned_data.get(f"c{c.pk}") for c in [*self.criteria, *self.deca]}

    def score_fields(self):
        return [self[f"c{c.pk}"] for c in self.criteria]

    def deca_fields(self):
        return [self[f"c{c.pk}"] for c in self.deca]


class CriteriaForm(forms.Form):
    """Each criterion's weight and scale."""

    def __init__(self, *args, criteria: list[Criterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"w{c.pk}"] = forms.DecimalField(
                label=f"{c.label}: weight",
                min_value=0,
                max_digits=5,
                decimal_places=2,
                initial=c.weight.normalize(),
                widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
                error_messages={"required": f"Enter a weight for {c.label.lower()}"},
            )
            for key, word, value in (("l", "bottom", c.scale_low), ("h", "top", c.scale_high)):
                self.fields[f"{key}{c.pk}"] = forms.IntegerField(
                    label=f"{c.label}: {word} of the scale",
                    min_value=0,
                    max_value=100,
                    initial=value,
                    widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
                    error_messages={"required": f"Enter the {word} of {c.label.lower()}'s scale"},
                )

    def clean(self):
        data = super().clean()
        for c in self.criteria:
            low, high = data.get(f"l{c.pk}"), data.get(f"h{c.pk}")
            if low is not None and high is not None and high <= low:
                self.add_error(f"h{c.pk}", f"The top of {c.label.lower()}'s scale must be above its bottom")
        return data

    def settings(self) -> dict[int, dict]:
        d = self.cleaned_data
        return {
            c.pk: {"weight": d[f"w{c.pk}"], "scale_low": d[f"l{c.pk}"], "scale_high": d[f"h{c.pk}"]}
            for c in self.criteria
        }


class ThemesForm(forms.Form):
    themes = forms.CharField(
        label="Shared themes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One theme on each line: its title, then a colon and a sentence about it if you want one. "
        "For example: Place-shaping: shaping Kent's places for growth.",
    )

    def theme_list(self) -> list[tuple[str, str]]:
        found = []
        for line in self.cleaned_data["themes"].splitlines():
            if line.strip():
                title, _, description = line.partition(":")
                found.append((title.strip()[:200], description.strip()))
        return found


SCORE_BANDS = [
    ("", "Any score"),
    ("80", "80% or more"),
    ("60", "60% or more"),
    ("40", "40% or more"),
    ("below40", "Below 40%"),
    ("none", "Not fully scored"),
]
STAGES = [
    ("", "Everything submitted"),
    ("long_list", "On the long list"),
    ("removed", "Removed at the review"),
    ("undecided", "On the long list, no decision yet"),
    *[(code, label) for code, label in choices.DECISION if code],
]


class FilterForm(forms.Form):
    """The long list's filters (a GET form: every field optional)."""

    outcome = forms.ModelChoiceField(
        label="Outcome", queryset=Outcome.objects.all(), required=False, empty_label="All outcomes"
    )
    directorate = forms.ModelChoiceField(
        label="Directorate", queryset=Directorate.objects.all(), required=False, empty_label="All directorates"
    )
    activity_type = forms.ChoiceField(label="Type", required=False)
    score = forms.ChoiceField(label="Score", choices=SCORE_BANDS, required=False)
    stage = forms.ChoiceField(label="Stage or decision", choices=STAGES, required=False)

    def __init__(self, *args, activity_types: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = [("", "All types"), *activity_types]
