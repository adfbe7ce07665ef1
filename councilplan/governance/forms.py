"""Committee governance's forms: what was typed → values, in GOV.UK patterns. No rules: the services and analysis
hold them. Dates are GOV.UK date inputs (day, month, year)."""

from __future__ import annotations

import datetime as dt
import re

from django import forms

from councilplan.analysis import governance as rules
from councilplan.core.exempt import Paragraph
from councilplan.core.forms import GovukDateField

from .models import Body, Decision, WorkProgrammeEntry

PARAGRAPHS = [("", "Not exempt"), *[(str(v), label) for v, label in Paragraph.choices]]


def date_field(label: str, required: bool = False, hint: str = "For example, 8 11 2019") -> GovukDateField:
    return GovukDateField(
        label=label,
        name_in_errors=label,
        required=required,
        help_text=hint,
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def area(label: str, required: bool = False, rows: int = 3, hint: str = "", max_length: int = 20_000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def line(label: str, required: bool = False, hint: str = "", max_length: int = 200):
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        error_messages={"required": f"Enter the {label.lower()}"},
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ExemptFields(forms.Form):
    exempt_paragraph = forms.ChoiceField(
        label="Exempt under Schedule 12A",
        choices=PARAGRAPHS,
        required=False,
        help_text="Exempt information is shown only to people cleared for it and is left out of everything published.",
    )
    exempt_reason = area("Why it is exempt", rows=2)
    public_interest_test = area(
        "Public interest test",
        rows=3,
        hint="Why the public interest in withholding the information outweighs the public interest in disclosing it.",
    )

    def clean(self):
        cleaned = super().clean()
        paragraph = cleaned.get("exempt_paragraph")
        if paragraph and not (cleaned.get("exempt_reason") or "").strip():
            self.add_error("exempt_reason", "Say why the information is exempt")
        if paragraph and not (cleaned.get("public_interest_test") or "").strip():
            self.add_error(
                "public_interest_test", "Say why the public interest in withholding it outweighs disclosing it"
            )
        return cleaned

    def clean_exempt_paragraph(self):
        value = self.cleaned_data["exempt_paragraph"]
        return int(value) if value else None


class MeetingForm(VersionForm):
    date = date_field("Date of the meeting", required=True)
    start_time = forms.TimeField(
        label="Start time",
        required=False,
        help_text="For example, 09:30",
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input--width-5"}),
        error_messages={"invalid": "Enter the start time as hours and minutes, like 09:30"},
    )
    venue = line("Venue", max_length=200)
    clerk = line("Ask for (clerk)", max_length=200)
    clerk_phone = line("Clerk's telephone", max_length=50)
    webcast = forms.BooleanField(label="The meeting may be webcast", required=False, initial=True)


class PublishForm(forms.Form):
    published_on = date_field("Date of publication", required=True)
    signatory = line("Signed by", hint="For example: Benjamin Watts, General Counsel")


class ApproveForm(forms.Form):
    at = forms.ChoiceField(
        label="Agreed as a correct record at the meeting of",
        error_messages={"required": "Select the meeting that agreed the minutes"},
    )

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].choices = [("", "Select a meeting"), *meetings]


class ItemForm(VersionForm, ExemptFields):
    number = line("Item number", required=True, max_length=10, hint="1, 2 … or A3, B1")
    title = line("Title", required=True, max_length=500)
    purpose = area("Purpose", hint="For example: To consider and note the report")
    first_page = forms.IntegerField(label="First page", required=False, min_value=1)
    last_page = forms.IntegerField(label="Last page", required=False, min_value=1)
    decision = line("Decision number", max_length=8, hint="For example, 19/00077. Leave empty if none.")
    lead_member = line("Lead cabinet member")
    lead_officer = line("Lead officer")
    recommendation = area("Recommendation")

    field_order = [
        "version",
        "number",
        "title",
        "purpose",
        "first_page",
        "last_page",
        "decision",
        "lead_member",
        "lead_officer",
        "recommendation",
        "exempt_paragraph",
        "exempt_reason",
        "public_interest_test",
    ]

    def clean_decision(self):
        value = self.cleaned_data["decision"].strip()
        if not value:
            return None
        found = Decision.objects.filter(reference=value).first()
        if found is None:
            raise forms.ValidationError(f"There is no record of decision {value}: add it first")
        return found


class DocumentForm(ExemptFields):
    title = line("Title", required=True, max_length=300)
    kind = forms.ChoiceField(
        label="Kind of document",
        choices=[
            ("report", "Report"),
            ("appendix", "Appendix"),
            ("decision", "Record of decision"),
            ("other", "Other"),
        ],
    )
    pages = forms.IntegerField(label="Pages", required=False, min_value=1)
    text = area("Text", rows=8)

    field_order = ["title", "kind", "pages", "text", "exempt_paragraph", "exempt_reason", "public_interest_test"]


class MinuteForm(ExemptFields):
    title = line("Title", required=True, max_length=500)
    item = forms.ChoiceField(label="Agenda item", required=False)
    excluded_paragraph = forms.ChoiceField(
        label="Taken with the press and public excluded, under Schedule 12A",
        choices=[("", "No: taken in public"), *PARAGRAPHS[1:]],
        required=False,
        help_text="The paragraph the motion to exclude the press and public named for this business.",
    )

    excluded_reason = area("Why the business was taken in private", rows=2)

    def clean_excluded_paragraph(self):
        value = self.cleaned_data["excluded_paragraph"]
        return int(value) if value else None

    officers = area("Officers in attendance for it", rows=2)
    text = area("Discussion", rows=6)
    resolution = area("Resolution", rows=3, hint="RESOLVED that …")
    vote = line("Vote, where taken", max_length=50, hint="For example, 6:1")

    field_order = [
        "title",
        "item",
        "excluded_paragraph",
        "excluded_reason",
        "officers",
        "text",
        "resolution",
        "vote",
        "exempt_paragraph",
        "exempt_reason",
        "public_interest_test",
    ]

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "None"), *items]
        self.fields["exempt_paragraph"].label = "Withhold the minute under Schedule 12A"
        self.fields["exempt_paragraph"].help_text = "Exempt business still gets a public minute unless it is withheld."


class DecisionForm(VersionForm):
    reference = line(
        "Decision number", required=True, max_length=8, hint="Two digits of the year, a slash and five digits: 19/00077"
    )
    subject = line("Subject", required=True, max_length=500)
    maker = forms.ChoiceField(label="Decision maker", error_messages={"required": "Select the decision maker"})
    amount = forms.DecimalField(
        label="Savings or expenditure (£)",
        required=False,
        min_value=0,
        decimal_places=2,
        max_digits=14,
        help_text=f"Over £{rules.KEY_DECISION_THRESHOLD // 100:,} makes it a key decision (criterion (a)).",
    )
    key_criteria = forms.MultipleChoiceField(
        label="Key decision criteria met",
        required=False,
        choices=list(rules.CRITERIA.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    decision_text = area("The decision", rows=4)
    reasons = area("Reasons", rows=3)
    financial_implications = area("Financial implications", rows=2)
    legal_implications = area("Legal implications", rows=2)
    equalities_implications = area("Equalities implications", rows=2)
    governance = area("Governance", rows=2, hint="Implementation delegated to a named lead officer")
    consultation = area("Cabinet committee recommendations and other consultation", rows=2)
    alternatives = area("Alternatives considered and rejected", rows=2)
    interests = area("Interests declared", rows=2)
    dispensations = area("Dispensations granted by the Proper Officer", rows=2)
    forward_plan_on = date_field("On the Forthcoming Executive Decision list from")
    planned_on = date_field("To be taken on or after")

    def __init__(self, *args, makers=(), fixed_reference=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maker"].choices = [("", "Select"), *makers]
        if fixed_reference:
            self.fields["reference"].disabled = True

    def clean_reference(self):
        value = self.cleaned_data["reference"].strip()
        problem = rules.check_decision_number(value)
        if problem:
            raise forms.ValidationError(problem)
        return value

    def amount_pence(self):
        amount = self.cleaned_data.get("amount")
        return None if amount is None else int(amount * 100)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What the committee resolved",
        choices=list(rules.OUTCOMES.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the committee resolved"},
    )
    outcome_text = area("Conditions or recommendations", rows=3)


class TakeForm(forms.Form):
    taken_on = date_field("Date of the decision", required=True)
    signed_by = line("Signed by", required=True)


class DatedForm(forms.Form):
    on = date_field("Date", required=True)


class ReasonForm(forms.Form):
    reason = area("Reason", required=True, rows=3)


class DeferForm(VersionForm):
    to = forms.ChoiceField(label="Defer to", required=False)
    reason = area("Why it is deferred", required=True, rows=3)

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [("", "Future items (no date)"), *meetings]


class EntryForm(ExemptFields):
    title = line("Title", required=True, max_length=500)
    where = forms.ChoiceField(label="Meeting", error_messages={"required": "Select the meeting or a heading"})
    lead_officer = line("Lead officer")
    origin = forms.ChoiceField(label="Origin", choices=WorkProgrammeEntry.Origin.choices)
    origin_text = line("Origin in words", max_length=300, hint="For example: minute 8(e) 16 June 2017")
    recurrence = forms.ChoiceField(label="Recurrence", choices=list(rules.RECURRENCES.items()), required=False)

    field_order = [
        "title",
        "where",
        "lead_officer",
        "origin",
        "origin_text",
        "recurrence",
        "exempt_paragraph",
        "exempt_reason",
        "public_interest_test",
    ]

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["where"].choices = [("", "Select"), *meetings, ("other", "Other items"), ("future", "Future items")]


class BodyForm(VersionForm):
    kind = forms.ChoiceField(label="Kind", choices=Body.Kind.choices)
    formal = forms.BooleanField(label="Formal: meets in public, publishes agendas and minutes", required=False)
    seats = forms.IntegerField(label="Seats", required=False, min_value=1)
    terms_of_reference = area("Terms of reference", rows=4)
    terms_source = line("Where the terms of reference come from", max_length=300)
    sdp_group = forms.ChoiceField(label="SDP governance group", choices=Body.Group.choices, required=False)
    notice_days = forms.IntegerField(label="Notice (clear working days)", min_value=0, max_value=30)


class RenameForm(forms.Form):
    name = line("New name", required=True)
    on = date_field("Renamed from", required=True)


class MembershipForm(forms.Form):
    name = line("Member's name", required=True, hint="As the papers give it: Mr B J Sweetland")
    group = line("Political group", max_length=100)
    role = forms.ChoiceField(
        label="Role",
        choices=[
            ("member", "Member"),
            ("chairman", "Chairman"),
            ("vice_chairman", "Vice-Chairman"),
            ("substitute", "Substitute"),
        ],
    )
    starts_on = date_field("From", required=True)
    ends_on = date_field("Until")


def meeting_choices(meetings) -> list[tuple[str, str]]:
    return [(str(m.pk), f"{m.date:%-d %B %Y}") for m in meetings]


ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value and ISO.match(value) else None


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The work programme spreadsheet",
        help_text="CSV or Excel (.xlsx), with the columns docs/data-format.md describes.",
        error_messages={"required": "Choose the file to import"},
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented way): the cleaned value is a list, perhaps empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if not files:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(MultipleFileField, self).clean(d, initial) for d in files]


def _xml(uploads, what: str):
    """Uploads the modern.gov import may read: XML by name, not empty, not too large."""
    from django.conf import settings
    from django.template.defaultfilters import filesizeformat

    for upload in uploads:
        name = upload.name or ""
        if not name.lower().endswith(".xml"):
            raise forms.ValidationError(f"{what} must be XML files saved from modern.gov (.xml): {name} is not")
        if upload.size == 0:
            raise forms.ValidationError(f"{name} is empty")
        if upload.size > settings.MAX_IMPORT_BYTES:
            raise forms.ValidationError(f"{name} must be smaller than {filesizeformat(settings.MAX_IMPORT_BYTES)}")
    return uploads


class ModernGovForm(forms.Form):
    committees = MultipleFileField(
        label="Committees (GetCommittees)",
        help_text="The XML modern.gov's web service gives for GetCommittees. Required: meetings are matched to it.",
        error_messages={"required": "Choose the GetCommittees file"},
    )
    meetings = MultipleFileField(
        label="Meetings (GetMeetings)",
        required=False,
        help_text="Optional: one or more GetMeetings files (a committee's meetings between two dates).",
    )
    agendas = MultipleFileField(
        label="Agendas (GetMeeting)",
        required=False,
        help_text="Optional: one or more GetMeeting files (a meeting with its agenda items).",
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Paragraph of Schedule 12A for restricted items that name none",
        choices=[("", "None: a restricted item must name its paragraph"), *Paragraph.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="A restricted (exempt) item is recorded under the paragraph its title or text names "
        '("paragraph 3"), else this one.',
    )

    def clean_committees(self):
        return _xml(self.cleaned_data["committees"], "The committees file")

    def clean_meetings(self):
        return _xml(self.cleaned_data["meetings"], "The meetings files")

    def clean_agendas(self):
        return _xml(self.cleaned_data["agendas"], "The agenda files")
