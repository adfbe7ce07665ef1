"""The policy register's forms: what was typed → values, in GOV.UK patterns. No rules: the services and analysis
hold them. Dates are GOV.UK date inputs (day, month, year)."""

from __future__ import annotations

from django import forms

from councilplan.analysis import policies as rules
from councilplan.core.exempt import Paragraph
from councilplan.core.forms import GovukDateField

HINT = "For example, 15 9 2017"


def date_field(label: str, required: bool = False, hint: str = HINT) -> GovukDateField:
    return GovukDateField(
        label=label,
        name_in_errors=label,
        required=required,
        help_text=hint,
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def _text(label: str, required: bool = False, rows: int = 3, hint: str = "", max_length: int = 20_000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def _line(label: str, required: bool = False, hint: str = "", max_length: int = 300, width: str = ""):
    attrs = {"class": width} if width else {}
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def _radios(label: str, choices, required: bool = True, message: str = "", hint: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        help_text=hint,
        widget=forms.RadioSelect,
        error_messages={"required": message or f"Select the {label.lower()}"},
    )


def _decision(label: str = "Decision number") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=8,
        help_text="The council's decision number, like 17/00123. Leave it empty if there is none.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


KEY_DECISION = [("yes", "Yes, a key decision"), ("no", "No"), ("", "Not recorded")]


class PolicyForm(VersionForm):
    """An entry's details and its front sheet's nine fields."""

    title = _line("Name of strategy or policy", required=True)
    section = forms.ChoiceField(label="Section of the register", error_messages={"required": "Select the section"})
    doc_type = _radios(
        "Type of document",
        list(rules.DOC_TYPES.items()),
        hint="Only these types go on the register. Operational policy, action plans, business plans, annual "
        "reports, commissioning documents and the like stay off it.",
    )
    owner_kind = _radios("Owned by", list(rules.OWNER_KINDS.items()))
    policy_framework = forms.BooleanField(
        label="In the constitution's Policy Framework (needs full County Council approval)", required=False
    )
    purpose = _text("Purpose", rows=4)
    statutory_kind = _radios("Statutory responsibility", list(rules.STATUTORY_KINDS.items()), required=False)
    statutory_basis = _text("Statutory basis", hint="The Act or duty, and whether the responsibility is direct.")
    start_date = date_field("Start date (approval date)")
    decision_maker = _line("Named decision maker", hint="For example, the Cabinet Member for Adult Social Care.")
    decision_body = _line("Approved by (body)", hint="For example, County Council, Cabinet or a partnership board.")
    key_decision = _radios("Key decision", KEY_DECISION, required=False)
    decision_reference = _decision("Approval decision number")
    publication = _radios("Publication", list(rules.PUBLICATION.items()), required=False)
    end_date = date_field("End date (sunset clause)")
    review_date = date_field("Planned review date")
    accountable_officer = forms.ChoiceField(label="Named accountable officer", required=False)
    cabinet_member = _line("Responsible Cabinet Member", max_length=200)
    front_sheet_approved_on = date_field("Front sheet approved by the accountable officer on")
    executive_summary = forms.BooleanField(label="The document has an executive summary", required=False)
    document_url = forms.URLField(
        label="Link to the document",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Enter the link to the document as a web address, like https://www.kent.gov.uk/…"},
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Exempt information (Schedule 12A paragraph)",
        choices=[("", "Not exempt"), *Paragraph.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    exempt_reason = _text("Why it is exempt", rows=2)
    public_interest_test = _text("Public interest test", rows=2)

    def __init__(self, *args, sections=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "Select a section"), *sections]
        self.fields["accountable_officer"].choices = [("", "Nobody named yet"), *people]

    def clean_key_decision(self):
        return {"yes": True, "no": False}.get(self.cleaned_data["key_decision"])


class NewPolicyForm(PolicyForm):
    status = _radios(
        "Add it as",
        [(rules.ACTIVE, "On the register (approved and published)"), (rules.FORTHCOMING, "Forthcoming")],
    )
    forthcoming_kind = _radios("If forthcoming", list(rules.FORTHCOMING_KINDS.items()), required=False)

    field_order = ["status", "forthcoming_kind"]


class LinksForm(VersionForm):
    activities = forms.CharField(
        label="Plan activities",
        required=False,
        max_length=2000,
        help_text="Activity numbers in the plan below, separated by commas, for example 62, 68.",
    )
    plan = forms.ChoiceField(label="Plan", required=False)
    dependencies = forms.CharField(
        label="Depends on (register numbers)",
        required=False,
        max_length=2000,
        help_text="The strategies and policies this one depends on, by register number, for example 1, 45.",
    )

    def __init__(self, *args, plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = list(plans)

    @staticmethod
    def _tokens(text: str) -> list[str]:
        return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]

    def clean_dependencies(self):
        tokens = self._tokens(self.cleaned_data["dependencies"])
        bad = [t for t in tokens if not t.isdigit()]
        if bad:
            raise forms.ValidationError(f"Register numbers are whole numbers: {', '.join(bad)} is not")
        return [int(t) for t in tokens]

    def clean_activities(self):
        return self._tokens(self.cleaned_data["activities"])


class DatedForm(VersionForm):
    on = date_field("Date", required=True)
    note = _text("Note", rows=2, hint="Optional.")


class PublishForm(VersionForm):
    on = date_field("Date published", required=True)
    agreed_by = _line("Approved by", hint="For example, the Cabinet Member or County Council.")
    decision_reference = _decision()


class ReviewForm(VersionForm):
    reviewed_on = date_field("Date of the review", required=True)
    outcome = _radios("Outcome", list(rules.REVIEW_OUTCOMES.items()), message="Select the outcome of the review")
    next_review_date = date_field("Next review date", hint="Needed when the outcome is no change. " + HINT)
    note = _text("What the review found", rows=4)
    decision_reference = _decision()


class CloseDownForm(VersionForm):
    timing = _radios("When it closes", list(rules.TIMINGS.items()), message="Select when the entry closes")
    reason = _radios("Reason", list(rules.REASONS.items()), message="Select the reason for the close-down")
    replaced_by = forms.IntegerField(
        label="Replaced by (register number)",
        required=False,
        min_value=1,
        help_text="The entry that replaces it, if it is on the register or forthcoming.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
        error_messages={"invalid": "The replacement's register number is a whole number"},
    )
    replacement_note = _line("Or the replacement's name", hint="When the replacement has no entry on the register.")
    expected_close = _line(
        "Replacement expected", max_length=100, hint="As the paper gives it, for example Sept 2017 or 2017/18."
    )
    expected_close_by = date_field("Replacement expected by", hint="The last day of that period. " + HINT)
    agreed_by = _line("Agreed by", required=True, hint="The Cabinet Member who agreed the close-down.")
    on = date_field("Date agreed", required=True)
    decision_reference = _decision()
    note = _text("Reason for close-down, as the paper gives it", rows=3)


class CloseForm(VersionForm):
    on = date_field("Date closed", required=True)
    agreed_by = _line("Endorsed by", hint="For example, Policy and Resources Cabinet Committee.")
    note = _text("Note", rows=2, hint="Optional: for example where the archived copy is kept.")


class EndorseForm(forms.Form):
    on = date_field("Date of the committee meeting", required=True)
    decision_reference = _decision()


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The register (CSV or Excel)",
        help_text="The columns are described in the data format guide.",
        error_messages={"required": "Select the register's file"},
    )


class ReportForm(forms.Form):
    date = date_field("The register as it stood on", hint="Leave it empty for today. " + HINT)
    since = date_field("Close-downs agreed since (the last update)", hint="Optional. " + HINT)
