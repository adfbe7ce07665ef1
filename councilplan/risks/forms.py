"""The risk forms: plain Django forms, one question per field with GOV.UK wording. They check what was typed;
the services make the change."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator

from councilplan.analysis.risk import LEVELS, Scale
from councilplan.core.forms import GovukDateField

from .models import Action, Register

LINES_HINT = "Put each one on its own line."
WITHDRAW = "withdraw"


def date_field(label: str, required: bool = True, hint: str = "") -> GovukDateField:
    """A GOV.UK date input (day, month and year)."""
    name = label.removesuffix(" (optional)")
    what = f"The {name[0].lower()}{name[1:]}"
    return GovukDateField(
        label=label,
        name_in_errors=what,
        required=required,
        help_text=hint or "For example, 11 12 2017",
        error_messages={"required": f"Enter the {label.lower()}"},
    )


def lines_field(label: str, hint: str = LINES_HINT) -> forms.CharField:
    return forms.CharField(label=label, required=False, help_text=hint, widget=forms.Textarea(attrs={"rows": 5}))


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def level_field(label: str, labels: dict[int, str], name: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[(value, f"{value} – {labels[value]}" if labels.get(value) else str(value)) for value in LEVELS],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": f"Select the {name}"},
    )


class ScoresMixin:
    """Four radios: current and target residual likelihood and impact, with the scale's words."""

    def add_scores(self, scale: Scale) -> None:
        self.fields["current_likelihood"] = level_field(
            "Current likelihood", scale.likelihood_labels, "current likelihood"
        )
        self.fields["current_impact"] = level_field("Current impact", scale.impact_labels, "current impact")
        self.fields["target_likelihood"] = level_field(
            "Target residual likelihood", scale.likelihood_labels, "target residual likelihood"
        )
        self.fields["target_impact"] = level_field(
            "Target residual impact", scale.impact_labels, "target residual impact"
        )

    def scores(self) -> dict:
        data = self.cleaned_data
        return {
            "current": (data["current_likelihood"], data["current_impact"]),
            "target": (data["target_likelihood"], data["target_impact"]),
        }


class RegisterForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the register's name"})
    level = forms.ChoiceField(
        label="Level", widget=forms.RadioSelect, error_messages={"required": "Select the register's level"}
    )
    owner = forms.CharField(
        label="Owner",
        max_length=300,
        help_text="A person or a body, for example Corporate Management Team",
        error_messages={"required": "Enter who owns the register"},
    )
    review_cycle = forms.ChoiceField(
        label="How often is it reviewed?",
        choices=Register.Cycle.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how often the register is reviewed"},
    )
    review_arrangements = forms.CharField(
        label="Review and reporting arrangements (optional)",
        required=False,
        help_text="For example: to Cabinet quarterly and to the Governance and Audit Committee twice a year",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    last_reviewed_on = date_field("Date last reviewed (optional)", required=False)

    def __init__(self, *args, levels: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = levels


class RiskDetailsForm(forms.Form):
    title = forms.CharField(label="Risk title", max_length=300, error_messages={"required": "Enter the risk title"})
    causes = lines_field("Source or cause of the risk")
    event = lines_field("Risk event", hint="What could happen. Put each event on its own line.")
    consequences = lines_field("Consequences")
    owners = lines_field("Risk owners", hint="People or bodies, as the register prints them. " + LINES_HINT)
    cabinet_members = lines_field("Responsible Cabinet Members")
    next_review_on = date_field("Next review date (optional)", required=False)

    def details(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "causes": split_lines(data["causes"]),
            "event": "\n".join(split_lines(data["event"])),
            "consequences": split_lines(data["consequences"]),
            "owners": split_lines(data["owners"]),
            "cabinet_members": split_lines(data["cabinet_members"]),
            "next_review_on": data["next_review_on"],
        }


class RiskCreateForm(ScoresMixin, RiskDetailsForm):
    code = forms.CharField(
        label="Risk code",
        max_length=20,
        help_text="For example CRR0042. It stays with the risk for good and is never given to another risk.",
        validators=[RegexValidator(r"^[A-Za-z0-9][A-Za-z0-9-]*$", "Use letters, digits and hyphens only")],
        error_messages={"required": "Enter the risk code"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    reviewed_on = date_field("Date assessed")

    field_order = ["code", "title"]

    def __init__(self, *args, scale: Scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_scores(scale)
        self.order_fields(["code", "title", "causes", "event", "consequences", "owners", "cabinet_members"])


class ReviewForm(ScoresMixin, forms.Form):
    reviewed_on = date_field("Date of this review")
    context_changed = forms.BooleanField(
        label="The risk's context has changed, so its score should not be compared with the last review's",
        required=False,
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        help_text="What changed and why, for the history",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, scale: Scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_scores(scale)
        self.order_fields(["reviewed_on", "current_likelihood", "current_impact", "target_likelihood", "target_impact"])


class ControlForm(forms.Form):
    title = forms.CharField(
        label="Control", widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Describe the control"}
    )
    owner = forms.CharField(label="Control owner", max_length=500, required=False)


class ActionForm(forms.Form):
    title = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the action"},
    )
    owner = forms.CharField(label="Action owner", max_length=500, required=False)
    planned = forms.CharField(
        label="Planned completion date",
        max_length=100,
        required=False,
        help_text="As you would write it, for example March 2018, January 2018 (review) or Up to March 2018",
    )
    planned_date = date_field(
        "Exact planned completion date (optional)",
        required=False,
        hint="Only if you know the day, for example 31 3 2018. Otherwise the end of the month named above is used.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        initial=Action.Status.OUTSTANDING,
        error_messages={"required": "Select the action's status"},
    )

    def clean(self):
        data = super().clean()
        if not data.get("planned") and not data.get("planned_date") and "planned" not in self.errors:
            self.add_error("planned", "Enter the planned completion date, for example March 2018")
        return data


class MoveForm(forms.Form):
    destination = forms.ChoiceField(
        label="Where should the risk go?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select a register, or withdraw the risk"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the risk is moving"},
    )
    moved_on = date_field("Date of the decision")

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].choices = choices


class ChoicesForm(forms.Form):
    """Tick any number of things (activities, people, risks)."""

    chosen = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, label: str, hint: str = "", choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].label = label
        self.fields["chosen"].help_text = hint
        self.fields["chosen"].choices = choices

    def ids(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["chosen"]]
