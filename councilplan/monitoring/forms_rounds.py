"""Forms for running rounds: a new round, and its window (GOV.UK date inputs with a time).

Validation only; the rules of rounds (one open round per plan, the window closing after it opens, label
format and uniqueness) are the services' and are checked there too, so nothing relies on the form alone.
Error messages follow the GOV.UK Design System's date input wording.
"""

from __future__ import annotations

from django import forms

from councilplan.core.forms import GovukDateTimeField

from .services import check_round_label


class WindowForm(forms.Form):
    """The submission window: when lead officers can start and must have submitted, and late returns."""

    opens_at = GovukDateTimeField(
        what="The date the window opens",
        label="When does the window open?",
        help_text="For example, 30 8 2019 and 9am. Lead officers can submit returns once the round is open.",
    )
    closes_at = GovukDateTimeField(
        what="The date the window closes",
        label="When does the window close?",
        help_text="For example, 13 9 2019 and 5pm. Two weeks after opening is usual.",
    )
    allow_late = forms.BooleanField(
        required=False,
        label="Accept late returns",
        help_text="Returns submitted after the window closes, until you close the round, are accepted and marked late.",
    )

    def __init__(self, *args, round_=None, **kwargs):
        if round_ is not None:
            kwargs.setdefault(
                "initial", {"opens_at": round_.opens_at, "closes_at": round_.closes_at, "allow_late": round_.allow_late}
            )
        super().__init__(*args, **kwargs)

    @property
    def error_parts(self) -> dict[str, tuple[str, ...]]:
        """Field name → the date parts to highlight, for the template."""
        return {name: self.fields[name].error_parts for name in ("opens_at", "closes_at") if name in self.errors}

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.fields["closes_at"].fail_all()
            self.add_error("closes_at", "The date the window closes must be after the date it opens")
        return cleaned


class RoundForm(WindowForm):
    """A new round: its label and its window."""

    label = forms.CharField(
        label="Round",
        max_length=20,  # room for stray spaces, which clean_label removes
        help_text="The financial year and quarter, for example 2019-20 Q3.",
    )
    field_order = ["label", "opens_at", "closes_at", "allow_late"]

    def __init__(self, *args, plan=None, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)

    def clean_label(self):
        label = " ".join(self.cleaned_data["label"].split())
        problem = check_round_label(label)
        if problem:
            raise forms.ValidationError(f"Enter the round as a financial year and quarter, like 2019-20 Q3 ({problem})")
        if self.plan is not None and self.plan.rounds.filter(label=label).exists():
            raise forms.ValidationError(f"{self.plan} already has a round {label}")
        return label


class PublishForm(forms.Form):
    """Publishing, to members or to the public: below the organisation's response threshold, it must be said
    twice that the report goes out with returns missing."""

    confirm_missing = forms.BooleanField(required=False)

    def __init__(self, *args, responses=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = responses
        if responses is None or not responses.needs_second_confirmation:
            del self.fields["confirm_missing"]
            return
        field = self.fields["confirm_missing"]
        field.required = True
        field.label = f"I understand that {responses.missing} of {responses.in_scope} returns are missing"
        field.error_messages["required"] = (
            f"Confirm that the report is to be published with {responses.missing} returns missing"
        )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is it being withdrawn?",
        help_text="Kept in the round's history. For example: published before the Q3 returns were in.",
        max_length=75,
        error_messages={
            "required": "Say why it is being withdrawn",
            "max_length": "Say why in 75 characters or fewer",
        },
    )

    def __init__(self, *args, responses=None, **kwargs):
        super().__init__(*args, **kwargs)


class SendBackForm(forms.Form):
    query = forms.CharField(
        label="What should the lead officer check or change?",
        help_text="They see this at the top of their return, and it is e-mailed to them and kept in its history.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={
            "required": "Say what the lead officer should check or change",
            "max_length": "Write the query in 2,000 characters or fewer",
        },
    )


class ReportVersionForm(forms.Form):
    report_version = forms.CharField(
        label="Report version",
        required=False,
        max_length=200,
        help_text="For example: Policy & Resources Cabinet Committee – 8 November 2019. Leave blank for none.",
        error_messages={"max_length": "The report version must be 200 characters or fewer"},
    )
