"""Contract management's forms: what was typed → values, in GOV.UK patterns. No rules: the services and
analysis hold them. Dates are GOV.UK date inputs (day, month, year); sums of money are typed in pounds."""

from __future__ import annotations

from django import forms

from councilplan.analysis import contracts as rules
from councilplan.core.exempt import Paragraph
from councilplan.core.forms import GovukDateField

from .models import Contract, Finding, PerformanceAssessment, Supplier
from .services import parse_pounds


def date_field(label: str, required: bool = False, hint: str = "For example, 27 3 2019") -> GovukDateField:
    return GovukDateField(label=label, name_in_errors=label, required=required, help_text=hint)


class MoneyField(forms.CharField):
    """A sum typed in pounds (£1,234.56 or 1234.56), given back in pence."""

    def __init__(self, *, label: str, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "In pounds, for example 125000 or £125,000.00")
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}))
        super().__init__(label=label, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            pounds, pence = divmod(value, 100)
            return f"{pounds}.{pence:02d}" if pence else str(pounds)
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


def _radios(label: str, choices, required: bool = True, message: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": message or f"Select the {label.lower()}"},
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ContractForm(VersionForm):
    reference = forms.CharField(
        label="Reference number",
        max_length=60,
        help_text="The contract's reference on the register. It is fixed once the contract is added.",
        error_messages={"required": "Enter the reference number"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )
    title = forms.CharField(label="Title of agreement", max_length=300, error_messages={"required": "Enter the title"})
    department = forms.ChoiceField(label="Department responsible", required=False)
    description = _text("Description of the goods or services (scope)", rows=4)
    geographic_coverage = forms.CharField(label="Geographic coverage", max_length=300, required=False)
    supplier_name = forms.CharField(label="Supplier's legal name", max_length=300, required=False)
    supplier_trading_name = forms.CharField(label="Supplier's trading name", max_length=300, required=False)
    supplier_legal_form = forms.ChoiceField(
        label="How the supplier is constituted",
        choices=[("", "Not known"), *Supplier.LegalForm.choices],
        required=False,
    )
    company_number = forms.CharField(label="Registered company number", max_length=20, required=False)
    charity_number = forms.CharField(label="Registered charity number", max_length=20, required=False)
    sme = forms.TypedChoiceField(
        label="Is the supplier a small or medium-sized enterprise?",
        choices=[("", "Not known"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
    )
    vcse = forms.TypedChoiceField(
        label="Is the supplier a voluntary or community sector organisation?",
        choices=[("", "Not known"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
    )
    total_value = MoneyField(label="Sum to be paid over the length of the contract")
    annual_value = MoneyField(label="Estimated annual spending")
    current_year_value = MoneyField(label="Anticipated value in the current financial year")
    whole_life_cost = MoneyField(label="Anticipated whole life cost (nominal)")
    whole_life_cost_npv = MoneyField(label="Anticipated whole life cost (net present)")
    irrecoverable_vat = MoneyField(label="VAT that cannot be recovered")
    awarded_on = date_field("Date of award")
    start_date = date_field("Start date")
    end_date = date_field("End (expiry) date")
    review_date = date_field("Review date")
    route = forms.ChoiceField(
        label="Was it the result of an invitation to quote or a published invitation to tender?",
        choices=[("", "Not recorded"), *Contract.Route.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    extension_options = _text("Extension options and breakpoints")
    contract_manager = forms.ChoiceField(label="Contract manager (contract owner)", required=False)
    commissioning_lead = forms.ChoiceField(label="Commissioning lead (lead officer)", required=False)
    tier = forms.ChoiceField(
        label="Tier",
        choices=[("", "Work it out from value, risk and complexity"), *Contract.Tier.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    risk_grade = forms.ChoiceField(
        label="Risk (for tiering)", choices=[("", "Not graded"), *Contract.Grade.choices], required=False
    )
    complexity = forms.ChoiceField(
        label="Complexity (for tiering)", choices=[("", "Not graded"), *Contract.Grade.choices], required=False
    )
    published = forms.BooleanField(label="Publish it on the public contract register", required=False)
    exempt_paragraph = forms.TypedChoiceField(
        label="Exempt information (Schedule 12A)",
        choices=[("", "Not exempt"), *Paragraph.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Exempt contracts are shown only to people cleared for exempt information and are never published.",
    )
    exempt_reason = forms.CharField(label="Why it is exempt", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    public_interest_test = forms.CharField(
        label="Public interest test", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, departments, people, fixed_reference: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", "Not recorded"), *departments]
        choices = [("", "Nobody named"), *people]
        self.fields["contract_manager"].choices = choices
        self.fields["commissioning_lead"].choices = choices
        if fixed_reference:
            del self.fields["reference"]

    def supplier(self) -> dict:
        data = self.cleaned_data
        return {
            "trading_name": data["supplier_trading_name"],
            "legal_form": data["supplier_legal_form"],
            "company_number": data["company_number"].strip(),
            "charity_number": data["charity_number"].strip(),
            "sme": data["sme"],
            "vcse": data["vcse"],
        }


class LinksForm(forms.Form):
    activities = forms.MultipleChoiceField(
        label="Plan activities this contract delivers", required=False, widget=forms.CheckboxSelectMultiple
    )
    risks = forms.MultipleChoiceField(label="Risks it bears on", required=False, widget=forms.CheckboxSelectMultiple)
    indicators = forms.MultipleChoiceField(
        label="Its KPIs in the performance system", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, activities, risks, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = activities
        self.fields["risks"].choices = risks
        self.fields["indicators"].choices = indicators


class KpiForm(forms.Form):
    ref = forms.CharField(
        label="KPI reference",
        max_length=20,
        help_text="For example CM18-01. Unique across the council's indicators.",
        error_messages={"required": "Enter the KPI's reference"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    description = forms.CharField(
        label="What it measures", max_length=500, error_messages={"required": "Say what the KPI measures"}
    )
    unit = forms.ChoiceField(
        label="Unit",
        choices=[("percentage", "Percentage"), ("number", "Number"), ("days", "Days"), ("money", "Money (£)")],
    )
    polarity = _radios("Is higher or lower better?", [("higher", "Higher is better"), ("lower", "Lower is better")])
    frequency = _radios(
        "How often is it reported?", [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Annually")]
    )
    target = forms.DecimalField(label="Target this year (optional)", required=False, max_digits=16, decimal_places=4)
    floor = forms.DecimalField(
        label="Floor standard this year (optional)", required=False, max_digits=16, decimal_places=4
    )


class AssessmentForm(forms.Form):
    period_end = date_field("The year assessed ends on", required=True)
    assessed_on = date_field("Date of the assessment", required=True)
    rating = _radios("Performance against the KPIs", list(PerformanceAssessment.Rating.choices))
    summary = _text("Summary of performance", rows=4)


class ReviewForm(VersionForm):
    title = forms.CharField(
        label="What is reviewed",
        max_length=300,
        help_text="As the programme prints it, for example Microsoft and Oracle contracts",
        error_messages={"required": "Say what is reviewed"},
    )
    meeting_date = date_field("Date of the review", hint="Leave it empty if it is to be confirmed (TBC).")
    contracts = forms.MultipleChoiceField(label="Contracts", required=False, widget=forms.CheckboxSelectMultiple)
    presenters = forms.CharField(
        label="Lead officers presenting",
        required=False,
        help_text="Put each name on its own line.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reasons = forms.MultipleChoiceField(
        label="Reasons for selection",
        choices=list(rules.REASONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    revisits = forms.ChoiceField(label="Does it revisit an earlier review to check progress?", required=False)

    def __init__(self, *args, contracts, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contracts"].choices = contracts
        self.fields["revisits"].choices = [("", "No"), *reviews]

    def presenter_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["presenters"].splitlines() if line.strip()]


class HoldForm(forms.Form):
    outcome = _text("Summary of the review (optional)", rows=4)


class DeferForm(forms.Form):
    reason = _text("Why is it deferred?", required=True)
    new_date = date_field("New date (optional)", hint="Leave it empty if it is to be confirmed (TBC).")


def level_choices(blank: str = "Not rated"):
    return [("", blank), *((str(level), f"{level} – {name}") for level, name in rules.LEVELS.items())]


class RatingsForm(VersionForm):
    """Section 2: each activity's current and target level, comments and evidence; and the overall judgement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for activity in rules.ACTIVITIES:
            self.fields[f"{activity.code}-current"] = forms.ChoiceField(
                label=f"{activity.label}: current level", choices=level_choices(), required=False
            )
            self.fields[f"{activity.code}-target"] = forms.ChoiceField(
                label=f"{activity.label}: target level", choices=level_choices(), required=False
            )
            self.fields[f"{activity.code}-comments"] = forms.CharField(
                label=f"{activity.label}: comments and rationale",
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"{activity.code}-evidence"] = forms.CharField(
                label=f"{activity.label}: evidence",
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["overall_current"] = forms.ChoiceField(
            label="Overall: current level", choices=level_choices(), required=False
        )
        self.fields["overall_target"] = forms.ChoiceField(
            label="Overall: target level", choices=level_choices(), required=False
        )
        self.fields["overall_comments"] = forms.CharField(
            label="Overall: comments and rationale",
            required=False,
            max_length=10_000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def clean(self):
        data = super().clean()
        for activity in rules.ACTIVITIES:
            current, target = data.get(f"{activity.code}-current"), data.get(f"{activity.code}-target")
            if current and target and int(target) < int(current):
                self.add_error(
                    f"{activity.code}-target", f"{activity.label}: the target cannot be below the current level"
                )
        return data

    def ratings(self) -> dict[str, dict]:
        data = self.cleaned_data
        return {
            a.code: {
                "current": data.get(f"{a.code}-current") or None,
                "target": data.get(f"{a.code}-target") or None,
                "comments": data.get(f"{a.code}-comments", ""),
                "evidence": data.get(f"{a.code}-evidence", ""),
            }
            for a in rules.ACTIVITIES
        }

    @staticmethod
    def initial_from(report) -> dict:
        initial = {"version": report.version}
        for rating in report.ratings:
            initial[f"{rating.activity}-current"] = str(rating.current or "")
            initial[f"{rating.activity}-target"] = str(rating.target or "")
            initial[f"{rating.activity}-comments"] = rating.comments
            initial[f"{rating.activity}-evidence"] = rating.evidence
        initial["overall_current"] = str(report.overall_current or "")
        initial["overall_target"] = str(report.overall_target or "")
        initial["overall_comments"] = report.overall_comments
        return initial


class SectionsForm(VersionForm):
    """Sections 4–12 of the template, one box per question, and the annexes."""

    management_cost = MoneyField(label="Total annual cost of contract management")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in rules.QUESTIONS:
            self.fields[question.key] = forms.CharField(
                label=question.label,
                help_text=question.hint,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["management_plan"] = _text("Annex: contract management plan", hint=rules.ANNEXES[0][1])
        self.fields["handbook"] = _text("Annex: contract handbook", hint=rules.ANNEXES[1][1])
        self.order_fields(["version", *rules.QUESTION_KEYS[:1], "management_cost"])

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key in rules.QUESTION_KEYS}


class AttestationForm(forms.Form):
    owner_name = forms.CharField(label="Your name", max_length=200, error_messages={"required": "Enter your name"})
    position = forms.CharField(
        label="Your position", max_length=200, error_messages={"required": "Enter your position"}
    )
    owner_since = date_field("I have been the contract owner since", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, statement in enumerate(rules.STATEMENTS, start=1):
            self.fields[statement.code] = forms.TypedChoiceField(
                label=f"Statement {number} of {len(rules.STATEMENTS)}: choose the one that is true",
                choices=[("yes", statement.affirmative), ("no", statement.negative)],
                coerce=lambda v: v == "yes",
                widget=forms.RadioSelect,
                error_messages={"required": "Choose one of the two statements"},
            )

    def choices(self) -> dict[str, bool]:
        return {code: self.cleaned_data[code] for code in rules.STATEMENT_CODES}


class FindingForm(forms.Form):
    kind = _radios("What kind of point is it?", list(Finding.Kind.choices))
    activity = forms.ChoiceField(
        label="Activity of the framework it concerns",
        choices=[("", "None in particular"), *((a.code, a.label) for a in rules.ACTIVITIES)],
        required=False,
    )
    text = _text("Finding", required=True)
    recommendation = _text("Recommendation (optional)")
    owner = forms.ChoiceField(label="Who owns the recommendation?", required=False)
    owner_name = forms.CharField(
        label="Or name them (optional)", max_length=200, required=False, help_text="When they have no account here."
    )
    due_on = date_field("Due date (optional)")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Nobody with an account"), *people]


class FollowUpForm(VersionForm):
    status = _radios("Status", list(Finding.Status.choices))
    progress = _text("What has been done", rows=4)
    checked_at = forms.ChoiceField(label="Checked at a later review (optional)", required=False)

    def __init__(self, *args, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_at"].choices = [("", "Not checked at a review"), *reviews]


class FeedbackForm(forms.Form):
    sent_on = date_field("Date the feedback letter was sent", required=True)
    to = forms.CharField(
        label="Who it went to",
        help_text="The Corporate Director(s) and Cabinet Member(s). Put each on its own line.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Name who the feedback went to"},
    )
    referred_to_audit = forms.BooleanField(label="The group referred a matter to Internal Audit", required=False)

    def names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["to"].splitlines() if line.strip()]


class SavingForm(forms.Form):
    annual_amount = MoneyField(
        label="Saving a year", required=True, error_messages={"required": "Enter the saving a year"}
    )
    percent = forms.DecimalField(
        label="As a percentage of the contract's annual value (optional)",
        required=False,
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
    )
    approximate = forms.BooleanField(label="The amount is approximate (circa)", required=False)
    contract = forms.ChoiceField(label="Contract", required=False)
    note = _text("Note (optional)")

    def __init__(self, *args, contracts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].choices = [("", "Not one of the review's contracts in particular"), *contracts]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The register spreadsheet",
        help_text="CSV or Excel (.xlsx), with the columns docs/data-format.md describes.",
        error_messages={"required": "Choose the file to import"},
    )
