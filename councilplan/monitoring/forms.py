"""The lead officer's monitoring form (spec/monitoring.md §3), one activity at a time.

The form turns what was typed into a return's answers and back; the rules about what must be answered are in
`rules.validate_answers`, which `clean()` asks. Question wording is here; the options' wording comes from the
organisation's vocabularies, so it follows whatever the administrators set.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.html import format_html, format_html_join

from councilplan.analysis import vocabulary as v
from councilplan.analysis.records import Vocabularies
from councilplan.core.forms import GovukDateField

from .questions import (
    AFTER_NOT_ON_TRACK,
    BY_NAME,
    CHOICE,
    CHOICES,
    DATE,
    FACTOR,
    FACTORS,
    FORM_ORDER,
    MILESTONES,
    NOT_ASKED,
    NOT_ON_TRACK,
    QUESTIONS,
    RATING,
    TEXT,
    YES_NO,
)
from .rules import INFORMAL_GOVERNANCE, OTHER_MILESTONE, applicable_answers, is_not_on_track, validate_answers

YES_NO_OPTIONS = [("yes", "Yes"), ("no", "No")]
RATINGS = [(str(stars), f"{stars} star{'s' if stars > 1 else ''}") for stars in range(1, 6)]
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


def _yes_no(label: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO_OPTIONS,
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
        self.original_end_date = original_end_date
        self.milestone_codes: list[str] = []
        for name in FORM_ORDER:
            question = BY_NAME[name]
            if question.asked == AFTER_NOT_ON_TRACK and not self.ask_resolution:
                continue
            if question.kind == MILESTONES:
                self.milestone_codes = [
                    code for code, _ in self._choices(v.MILESTONE_TYPE, *held.get("milestones", {}))
                ]
                fields.update(self._milestone_fields())
            else:
                fields[name] = self._field(question, held)
        self.fields = fields

    # -- the fields, from the questions' declaration (questions.py) ----------------------------------------

    def _field(self, question, held: dict) -> forms.Field:
        label, hint, kind = question.label, self._hint(question), question.kind
        invalid = {"invalid_choice": question.invalid_message}
        if kind == CHOICE:
            chosen = held.get(question.name) or question.default
            return forms.ChoiceField(
                label=label,
                help_text=hint,
                choices=self._choices(question.vocabulary, chosen),
                initial=question.default or None,
                required=False,
                widget=forms.RadioSelect,
                error_messages=invalid,
            )
        if kind == CHOICES:
            return forms.MultipleChoiceField(
                label=label,
                help_text=hint,
                choices=self._choices(question.vocabulary, *held.get(question.name, ())),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages=invalid,
            )
        if kind == TEXT:
            return _text(label, hint)
        if kind == YES_NO:
            return _yes_no(label, hint)
        if kind == DATE:
            return GovukDateField(label=label, name_in_errors=f"The {label[0].lower()}{label[1:]}", help_text=hint)
        if kind == FACTOR:
            return forms.ChoiceField(
                label=label, choices=FACTORS, required=False, widget=forms.RadioSelect, error_messages=invalid
            )
        if kind == RATING:
            return forms.TypedChoiceField(
                label=label,
                help_text=hint,
                choices=RATINGS,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages=invalid,
            )
        raise ValueError(f"no form field for a {kind} question")

    def _hint(self, question) -> str:
        """The declared hint, or one that depends on this return (last round's answers, the plan's dates)."""
        if question.name == "progress":
            return PROGRESS_HINT
        if question.name == "previous_issues_resolution":
            return self._resolution_hint()
        if question.name == "new_end_date" and self.original_end_date:
            day = self.original_end_date
            return f"The original end date in the plan is {day.day} {day:%B %Y}. {question.hint}"
        if question.name == "forward_plan_scheduled":
            informal = [t.label for t in self.vocab.terms.get(v.BOARD, ()) if t.group == INFORMAL_GOVERNANCE]
            # Hints are shown unescaped (they may hold markup), so the configurable labels are escaped here.
            if informal:
                return format_html(
                    "Answer if you expect to report to an informal governance board ({}).", ", ".join(informal)
                )
            return "Answer if you expect to report to an informal governance board."
        return question.hint

    def _milestone_fields(self) -> dict[str, forms.Field]:
        fields: dict[str, forms.Field] = {}
        for code in self.milestone_codes:
            label = self.vocab.label(v.MILESTONE_TYPE, code)
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
        return fields

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
        answers = {}
        for question in QUESTIONS:
            if question.kind == MILESTONES:
                answers[question.name] = milestones
                continue
            if question.name not in self.fields:
                continue  # not on this form: not asked this time, or held elsewhere
            value = cleaned.get(question.name)
            if question.kind == CHOICES:
                value = list(value or [])
            elif question.kind in (CHOICE, TEXT, FACTOR):
                value = value or question.blank
            answers[question.name] = value
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
    initial = {}
    for question in QUESTIONS:
        value = answers.get(question.name)
        if question.asked == NOT_ASKED or question.kind == MILESTONES:
            continue
        if question.kind == YES_NO:
            # "No" shows only where the question had been answered: the issue questions on a not-on-track
            # return, the others on any saved or pre-filled return.
            answered = is_not_on_track(answers) if question.asked == NOT_ON_TRACK else True
            initial[question.name] = _yes_no_initial(value, answered)
        elif question.kind == RATING:
            initial[question.name] = str(value) if value else None
        else:
            initial[question.name] = value
    for code, milestone in (answers.get("milestones") or {}).items():
        date = milestone.get("date")
        initial[f"milestone_{code}_date"] = dt.date.fromisoformat(date) if date else None
        initial[f"milestone_{code}_estimated"] = bool(date and milestone.get("estimated"))
        initial[f"milestone_{code}_text"] = milestone.get("text", "")
    return initial
