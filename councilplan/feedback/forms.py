"""Customer feedback's forms: what was typed → values, in GOV.UK patterns. No rules: the services and analysis hold
them. Dates are GOV.UK date inputs (day, month, year); compensation is typed in pounds."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms

from councilplan.analysis import feedback as rules
from councilplan.core.forms import GovukDateField


def _date(label: str, required: bool = True, hint: str = "For example, 27 3 2026") -> GovukDateField:
    return GovukDateField(
        label=label,
        name_in_errors=label,
        required=required,
        help_text=hint,
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def _text(label: str, required: bool = False, rows: int = 4, hint: str = "", max_length: int = 20_000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label.lower()}"},
    )


def _line(label: str, max_length: int = 200, hint: str = "", **attrs) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=max_length, help_text=hint, widget=forms.TextInput(attrs=attrs)
    )


def _radios(label: str, choices, required: bool = True, message: str = "", hint: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        help_text=hint,
        widget=forms.RadioSelect,
        error_messages={"required": message or f"Select {label.lower()}"},
    )


YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, hint: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=hint,
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class PoundsField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "In pounds, for example 150 or £150.00")
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value / 100:.2f}" if value else ""
        return value

    def to_python(self, value):
        text = (super().to_python(value) or "").replace("£", "").replace(",", "").strip()
        if not text:
            return 0
        if not re.fullmatch(r"\d{1,7}(\.\d{1,2})?", text):
            raise forms.ValidationError("Compensation must be a sum in pounds, like 150 or £150.00")
        return int(Decimal(text) * 100)


class CaseForm(forms.Form):
    """Log feedback fast: what it is, when and how it came, the service, what it is about, who (if anyone)."""

    kind = _radios(
        "What kind of feedback is it?",
        [(code, label) for code, label in rules.KINDS.items()],
        message="Select whether it is a complaint, a comment or a compliment",
        hint=" ".join(f"{rules.KINDS[k]}: {h}" for k, h in rules.KIND_HINTS.items()),
    )
    sentiment = _radios("For a comment: positive or negative?", list(rules.SENTIMENTS.items()), required=False)
    received_on = _date("Date received")
    channel = forms.ChoiceField(label="How it was received", choices=list(rules.CHANNEL_LABELS.items()))
    service = forms.ChoiceField(label="Service concerned", error_messages={"required": "Select the service"})
    delivered_by = _line("Delivered for the council by (contractor or partner, if any)")
    summary = _text("What it is about", required=True, hint="Only what handling it needs.")
    procedure = forms.ChoiceField(
        label="For a complaint: the procedure it follows",
        choices=[("", "Choose")] + list(rules.PROCEDURE_LABELS.items()),
        required=False,
        help_text="The corporate procedure unless a statutory or separate route applies.",
    )
    first_contact = forms.BooleanField(label="Resolved at the first point of contact", required=False)
    handler = forms.ChoiceField(label="Handler", required=False, help_text="Empty: the service's coordinators.")
    anonymous = forms.BooleanField(label="Anonymous (no name or contact details)", required=False)
    raised_by = forms.ChoiceField(label="Raised by", choices=list(rules.RAISED_BY.items()), initial="customer")
    consent_sought = _yes_no("If raised on the customer's behalf: was their consent sought?")
    customer_name = _line("Name", autocomplete="off")
    customer_email = forms.EmailField(
        label="Email address",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    customer_phone = _line("Phone number", max_length=40, type="tel", autocomplete="off")
    customer_address = _text("Postal address", rows=3, max_length=500)
    contact_preference = forms.ChoiceField(
        label="How they want to be contacted",
        choices=[("", "Choose")] + list(rules.CONTACT_PREFERENCES.items()),
        required=False,
    )

    def __init__(self, *args, services=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [("", "Choose")] + list(services)
        self.fields["handler"].choices = [("", "Not assigned")] + list(people)


class EditForm(CaseForm):
    equalities_issue = forms.BooleanField(label="Raised an equalities issue", required=False)
    equalities_characteristic = _line("The characteristic", max_length=100)
    equalities_action = _text("What was done as a result", rows=3)
    compensation_pence = PoundsField(label="Compensation paid")
    lessons = _text("Lessons learnt", rows=3)
    improvements = _text("Service improvements made", rows=3)
    persistent = forms.BooleanField(
        label="Unreasonably persistent or vexatious (the separate guidance applies)", required=False
    )
    persistent_decided_on = _date("Date of that decision", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["handler"]
        del self.fields["first_contact"]


class AssignForm(forms.Form):
    handler = forms.ChoiceField(label="Handler", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = [("", "Not assigned")] + list(people)


class AcknowledgeForm(forms.Form):
    acknowledged_on = _date("Date acknowledged")


class ExtendForm(forms.Form):
    extended_to = _date("New date for the reply")
    reason = _text("Why the reply will be later", required=True, rows=3)
    customer_told = forms.TypedChoiceField(
        label="Was the customer told of the new date?",
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the customer was told"},
    )


class RespondForm(forms.Form):
    responded_on = _date("Date of the reply")
    outcome = _radios("Outcome", list(rules.OUTCOMES.items()), message="Select the outcome")
    response = _text("The reply (or a summary of it)", required=True, rows=8)

    def __init__(self, *args, partly_upheld: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not partly_upheld:
            self.fields["outcome"].choices = [(k, v) for k, v in rules.OUTCOMES.items() if k != rules.PARTLY_UPHELD]


class EscalateForm(forms.Form):
    opened_on = _date(
        "Date the next stage starts", hint="The written request, the investigation's start or the referral."
    )


class OmbudsmanForm(forms.Form):
    decided_on = _date("Date of the Ombudsman's decision")
    upheld = forms.TypedChoiceField(
        label="Did the Ombudsman uphold the complaint?",
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the Ombudsman upheld it"},
    )
    decision = _text("The Ombudsman's decision", required=True, rows=4)


class SubjectAccessForm(forms.Form):
    person = forms.CharField(
        label="The person's email address or full name",
        max_length=200,
        error_messages={"required": "Enter an email address or a name"},
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="The file (CSV or Excel)", error_messages={"required": "Choose a file"})


class ActivitiesForm(forms.Form):
    activities = forms.MultipleChoiceField(
        label="Plan activities it is about", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, activities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activities"].choices = list(activities)
