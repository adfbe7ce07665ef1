"""The lead officer's monitoring form (spec/monitoring.md §3), one activity at a time.

The form turns what was typed into a return's answers and back; the rules about what must be answered are in
`rules.validate_answers`, which `clean()` asks. Question wording is here; the options' wording comes from the
organisation's vocabularies, so it follows whatever the administrators set.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.html import format_html, format_html_join

from councilplan.analysis import vocabulary as v
from councilplan.analysis.records import Vocabularies

from .rules import OTHER_MILESTONE, applicable_answers, is_not_on_track, validate_answers

YES_NO = [("yes", "Yes"), ("no", "No")]
RATINGS = [(str(stars), f"{stars} star{'s' if stars > 1 else ''}") for stars in range(1, 6)]
FACTORS = [("internal", "Internal factors"), ("external", "External factors")]
LONG_TEXT = 20_000

# Seed 000 §2.5: what the detailed progress descriptions covered; §2.6: the thin ones pointed elsewhere.
PROGRESS_HINT = format_html(
    '{}<ul class="govuk-list govuk-list--bullet govuk-hint">{}</ul>{}',
    "Where they apply, say:",
    format_html_join(
        "",
        "<li>{}</li>",
        (
            (item,)
            for item in [
                "how the key elements of the activity are progressing",
                "which milestones have been met or what work has been completed",
                "specific updates, such as business case development, consultations, infrastructure delivery, "
                "and commissioning work such as reviews, modelling and evaluations",
                "engagement with officers and Members, and with local and national partners",
                "progress with recruiting or training staff",
                "dependencies you have found, or changes in context",
                "the next steps",
                "any challenges, concerns or issues",
            ]
        ),
    ),
    "Write about the aims in the Strategic Delivery Plan, so that the update makes sense without other "
    "monitoring reports.",
)


class DateInput(forms.Widget):
    """A GOV.UK date input: three boxes named `<name>-day`, `<name>-month` and `<name>-year`.

    Rendered by the template `monitoring/return_date_input.html` from the bound field's `parts`.
    """

    PARTS = ("day", "month", "year")

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}-{part}", "") for part in self.PARTS]

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.PARTS)

    def id_for_label(self, id_):
        # The error summary links to the first box, as the Design System asks.
        return f"{id_}-day" if id_ else ""


class DateBoundField(BoundField):
    @property
    def parts(self) -> list[dict]:
        """The three boxes with what the person typed (or the saved date), for the template."""
        value = self.value()
        if isinstance(value, list | tuple):
            values = [str(part) for part in value]
        elif isinstance(value, dt.date):
            values = [str(value.day), str(value.month), str(value.year)]
        else:
            values = ["", "", ""]
        widths = {"day": 2, "month": 2, "year": 4}
        return [
            {
                "name": f"{self.html_name}-{part}",
                "id": f"{self.auto_id}-{part}",
                "label": part.capitalize(),
                "value": typed,
                "width": widths[part],
            }
            for part, typed in zip(DateInput.PARTS, values, strict=True)
        ]


class GovukDateField(forms.Field):
    """A date typed as day, month and year, with the Design System's error messages."""

    widget = DateInput

    def __init__(self, *, name_in_errors: str, **kwargs):
        self.name_in_errors = name_in_errors
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def get_bound_field(self, form, field_name):
        return DateBoundField(form, self, field_name)

    def to_python(self, value):
        if value in (None, "") or isinstance(value, dt.date):
            return value or None
        day, month, year = (str(part).strip() for part in value)
        if not (day or month or year):
            return None
        missing = [name for name, part in zip(DateInput.PARTS, (day, month, year), strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.name_in_errors} must include a {' and a '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{self.name_in_errors} must be a real date")
        if len(year) != 4:
            raise ValidationError(f"{self.name_in_errors}: the year must include 4 numbers")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self.name_in_errors} must be a real date") from None


def _yes_no(label: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def _text(label: str, help_text: str = "", max_length: int = LONG_TEXT, textarea: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 5}) if textarea else forms.TextInput,
        error_messages={"max_length": f"{label} must be {max_length:,} characters or fewer"},
    )


def _yes_no_initial(value: bool | None, answered: bool) -> str | None:
    if value:
        return "yes"
    return "no" if answered and value is not None else None


class ReturnForm(forms.Form):
    """One activity's return for one round.

    `answers`: what to show (the saved return, or answers pre-filled from the previous round), None for a
    blank form. `previous`: the previous round's answers (None for the first round), which decide whether
    last round's issues are asked about and whether revised dates are new. `inactive`: per vocabulary, the
    codes no longer offered (they stay when an answer already holds them). `submit`: validate as a
    submission (every required answer) rather than as a draft.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self,
        data=None,
        *,
        vocab: Vocabularies,
        answers: dict | None = None,
        previous: dict | None = None,
        inactive: dict[str, set[str]] | None = None,
        version: int = 0,
        submit: bool = False,
        original_end_date: dt.date | None = None,
    ):
        self.vocab = vocab
        self.previous = previous
        self.submit = submit
        self.inactive = inactive or {}
        self.ask_resolution = previous is not None and is_not_on_track(previous)
        held = answers or {}
        super().__init__(data, initial={"version": version, **initial_from_answers(answers)})
        fields: dict[str, forms.Field] = {"version": self.fields["version"]}

        fields["delivery_status"] = forms.ChoiceField(
            label="Is the activity on track to be delivered successfully (to time, budget and with the "
            "necessary approvals)?",
            help_text="Use your professional judgement, or the tolerances in the activity's documentation: "
            "it is not on track when they are breached.",
            choices=self._choices(v.DELIVERY_STATUS, held.get("delivery_status")),
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": "Select whether the activity is on track from the options"},
        )
        # Asked only when not on track; the template shows them under the status options that reveal them.
        fields["issues"] = forms.MultipleChoiceField(
            label="What issues are affecting the activity?",
            help_text="Select all that apply.",
            choices=self._choices(v.ISSUE_THEME, *held.get("issues", ())),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Select issues from the options"},
        )
        fields["issue_detail"] = _text(
            "When and why did the issues occur, and what is their impact?",
            "If you chose 'Other', say what the issue is.",
        )
        fields["mitigations"] = _yes_no("Are mitigating actions or escalations in place?")
        fields["mitigation_detail"] = _text(
            "What are the mitigating actions or escalations?", "Answer if you said yes above."
        )
        fields["risk_registers"] = forms.MultipleChoiceField(
            label="Which risk registers are the issues recorded on?",
            help_text="Select all that apply. Leave them all unticked if the issues are not on a risk register.",
            choices=self._choices(v.RISK_REGISTER_LEVEL, *held.get("risk_registers", ())),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Select risk registers from the options"},
        )
        if self.ask_resolution:
            fields["previous_issues_resolution"] = _text(
                "How were last round's issues resolved?",
                self._resolution_hint(),
            )
        fields["progress"] = _text("Describe the progress of the activity", PROGRESS_HINT)

        self.milestone_codes = [code for code, _ in self._choices(v.MILESTONE_TYPE, *held.get("milestones", {}))]
        for code in self.milestone_codes:
            label = vocab.label(v.MILESTONE_TYPE, code)
            if code == OTHER_MILESTONE:
                fields[f"milestone_{code}_text"] = _text(
                    "What is the milestone?",
                    "For example, contract award, or a report to a board.",
                    max_length=500,
                    textarea=False,
                )
            fields[f"milestone_{code}_date"] = GovukDateField(
                label=label, name_in_errors=f"The date for {label}", help_text="For example, 27 3 2020"
            )
            fields[f"milestone_{code}_estimated"] = forms.BooleanField(label="This date is an estimate", required=False)
            if code != OTHER_MILESTONE:
                fields[f"milestone_{code}_text"] = _text(
                    "Or, if you do not know the date, say when in words",
                    "For example, Spring 2020. Leave this blank when you give a date.",
                    max_length=200,
                    textarea=False,
                )

        original = (
            f"The original end date in the plan is {original_end_date.day} {original_end_date:%B %Y}. "
            if original_end_date
            else ""
        )
        fields["new_end_date"] = GovukDateField(
            label="Revised end date",
            name_in_errors="The revised end date",
            help_text=f"{original}Leave blank unless the end date has changed. For example, 31 3 2021",
        )
        fields["new_go_live_date"] = GovukDateField(
            label="Revised 'Go Live' date",
            name_in_errors="The revised 'Go Live' date",
            help_text="Leave blank unless the 'Go Live' date has changed. For example, 1 9 2020",
        )
        fields["date_change_reason"] = _text("Why has the date changed?", "Answer if you gave a revised date.")
        fields["date_change_factor"] = forms.ChoiceField(
            label="Is the change due to internal or external factors?",
            choices=FACTORS,
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": "Select internal or external factors"},
        )

        boards_reported = self._choices(v.BOARD, *held.get("reported_to", ()))
        boards_expected = self._choices(v.BOARD, *held.get("expected_to_report_to", ()))
        fields["reported_to"] = forms.MultipleChoiceField(
            label="Which boards has the activity reported to since the last round?",
            help_text="Select all that apply. Leave them all unticked if none.",
            choices=boards_reported,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Select boards from the options"},
        )
        fields["expected_to_report_to"] = forms.MultipleChoiceField(
            label="Which boards do you expect it to report to in the rest of the financial year?",
            help_text="Select all that apply. Leave them all unticked if none.",
            choices=boards_expected,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Select boards from the options"},
        )
        informal = [t.label for t in vocab.terms.get(v.BOARD, ()) if t.group == "informal_governance"]
        # Hints are shown unescaped (they may hold markup), so the configurable labels are escaped here.
        fields["forward_plan_scheduled"] = _yes_no(
            "Is there a scheduled item on the forward plan?",
            format_html("Answer if you expect to report to an informal governance board ({}).", ", ".join(informal))
            if informal
            else "Answer if you expect to report to an informal governance board.",
        )

        fields["project_status"] = forms.ChoiceField(
            label="What is the project status?",
            help_text="Choose completed, stopped or business as usual only if that has happened.",
            choices=self._choices(v.PROJECT_STATUS, held.get("project_status") or v.ACTIVE),
            initial=v.ACTIVE,
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": "Select a project status from the options"},
        )
        fields["status_reason"] = _text(
            "Why has the project status changed?", "Answer if the activity is no longer active."
        )
        fields["form_rating"] = forms.TypedChoiceField(
            label="How easy was this form to complete?",
            help_text="1 star is very difficult, 5 stars is very easy. This question is optional: it helps the "
            "corporate policy team improve the form.",
            choices=RATINGS,
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": "Rate the form from 1 to 5"},
        )
        self.fields = fields

    # -- choices and hints ---------------------------------------------------------------------------------

    def _choices(self, vocabulary: str, *held: str | None) -> list[tuple[str, str]]:
        """The vocabulary's active terms, plus any inactive term an answer already holds (so it is kept)."""
        hidden = self.inactive.get(vocabulary, set())
        keep = {code for code in held if code}
        return [
            (term.code, term.label)
            for term in self.vocab.terms.get(vocabulary, ())
            if term.code not in hidden or term.code in keep
        ]

    def _resolution_hint(self) -> str:
        status = self.vocab.label(v.DELIVERY_STATUS, self.previous["delivery_status"])
        themes = [self.vocab.label(v.ISSUE_THEME, code) for code in self.previous.get("issues") or ()]
        if themes:
            return format_html(
                "Last round you said: {}, because of: {}. Say what has changed, even if the status has not.",
                status,
                "; ".join(themes),
            )
        return format_html("Last round you said: {}. Say what has changed, even if the status has not.", status)

    # -- what the template needs -----------------------------------------------------------------------------

    @property
    def reveals_issues(self) -> list[str]:
        """The status codes whose choice reveals the issue questions."""
        return [code for code, _ in self.fields["delivery_status"].choices if code in v.NOT_ON_TRACK]

    @property
    def reveal_after(self) -> str | None:
        """The status option after which the revealed questions go (the last one that reveals them)."""
        codes = self.reveals_issues
        return codes[-1] if codes else None

    def milestone_rows(self) -> list[dict]:
        return [
            {
                "code": code,
                "label": self.vocab.label(v.MILESTONE_TYPE, code),
                "other": code == OTHER_MILESTONE,
                "date": self[f"milestone_{code}_date"],
                "estimated": self[f"milestone_{code}_estimated"],
                "text": self[f"milestone_{code}_text"],
            }
            for code in self.milestone_codes
        ]

    # -- from what was typed to answers --------------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        for code in self.milestone_codes:
            # The words are the alternative to a date: with both, which one is meant is unclear, and
            # quietly dropping either would lose what someone typed.
            if (
                code != OTHER_MILESTONE
                and cleaned.get(f"milestone_{code}_date")
                and cleaned.get(f"milestone_{code}_text")
            ):
                label = self.vocab.label(v.MILESTONE_TYPE, code)
                self.add_error(f"milestone_{code}_text", f"For {label}, give a date or say when in words, not both")
        answers = self._typed_answers(cleaned)
        problems = validate_answers(answers, self.vocab, submit=self.submit, previous=self.previous)
        for key, message in problems.items():
            field = self._field_for(key)
            if field not in self.errors:
                self.add_error(field, message)
        self.answers = _as_stored(applicable_answers(answers))
        return cleaned

    def _typed_answers(self, cleaned: dict) -> dict:
        milestones = {}
        for code in self.milestone_codes:
            date = cleaned.get(f"milestone_{code}_date")
            text = (cleaned.get(f"milestone_{code}_text") or "").strip()
            if date or text:
                milestones[code] = {
                    "date": date.isoformat() if date else None,
                    # A milestone known only in words ("Spring 2020") is an estimate, as in the import.
                    "estimated": bool(cleaned.get(f"milestone_{code}_estimated")) if date else True,
                    "text": text,
                }
        answers = {
            "delivery_status": cleaned.get("delivery_status") or "",
            "progress": cleaned.get("progress") or "",
            "milestones": milestones,
            "new_end_date": cleaned.get("new_end_date"),
            "new_go_live_date": cleaned.get("new_go_live_date"),
            "date_change_reason": cleaned.get("date_change_reason") or "",
            "date_change_factor": cleaned.get("date_change_factor") or "",
            "issues": list(cleaned.get("issues") or []),
            "issue_detail": cleaned.get("issue_detail") or "",
            "mitigations": cleaned.get("mitigations"),
            "mitigation_detail": cleaned.get("mitigation_detail") or "",
            "risk_registers": list(cleaned.get("risk_registers") or []),
            "reported_to": list(cleaned.get("reported_to") or []),
            "expected_to_report_to": list(cleaned.get("expected_to_report_to") or []),
            "forward_plan_scheduled": cleaned.get("forward_plan_scheduled"),
            "project_status": cleaned.get("project_status") or v.ACTIVE,
            "status_reason": cleaned.get("status_reason") or "",
            "form_rating": cleaned.get("form_rating"),
        }
        if self.ask_resolution:
            answers["previous_issues_resolution"] = cleaned.get("previous_issues_resolution") or ""
        return answers

    def _field_for(self, key: str) -> str | None:
        """The form field that shows a rules problem (milestones: the box the problem is about)."""
        if key.startswith("milestones."):
            code = key.split(".", 1)[1]
            if code == OTHER_MILESTONE or f"milestone_{code}_date" not in self.fields:
                name = f"milestone_{code}_text"
            else:
                name = f"milestone_{code}_date"
            return name if name in self.fields else None
        return key if key in self.fields else None


def _as_stored(answers: dict) -> dict:
    """Unanswered yes/no questions are stored as no (the model's fields are not nullable)."""
    return {
        **answers,
        "mitigations": bool(answers.get("mitigations")),
        "forward_plan_scheduled": bool(answers.get("forward_plan_scheduled")),
    }


def initial_from_answers(answers: dict | None) -> dict:
    """The form's initial values for a return's answers (None: a blank form)."""
    if answers is None:
        return {}
    initial = {
        name: answers.get(name)
        for name in (
            "delivery_status",
            "progress",
            "new_end_date",
            "new_go_live_date",
            "date_change_reason",
            "date_change_factor",
            "issues",
            "issue_detail",
            "previous_issues_resolution",
            "mitigation_detail",
            "risk_registers",
            "reported_to",
            "expected_to_report_to",
            "project_status",
            "status_reason",
        )
    }
    # A yes/no answer shows as "no" only where the question had been answered: the issue questions only on
    # a not-on-track return, the forward plan on any saved or pre-filled return.
    initial["mitigations"] = _yes_no_initial(answers.get("mitigations"), is_not_on_track(answers))
    initial["forward_plan_scheduled"] = _yes_no_initial(answers.get("forward_plan_scheduled"), True)
    rating = answers.get("form_rating")
    initial["form_rating"] = str(rating) if rating else None
    for code, milestone in (answers.get("milestones") or {}).items():
        date = milestone.get("date")
        initial[f"milestone_{code}_date"] = dt.date.fromisoformat(date) if date else None
        initial[f"milestone_{code}_estimated"] = bool(date and milestone.get("estimated"))
        initial[f"milestone_{code}_text"] = milestone.get("text", "")
    return initial
