"""What a return's answers must satisfy (spec/monitoring.md §3 and §4), in one place.

The online form asks these functions; nothing else decides whether a return may be saved or submitted.
`answers` is a dict of the return's answer fields as the model stores them (codes, lists of codes, dates,
the milestones dict), except that a yes/no question nobody answered is None rather than False, so that
"not answered" can be told apart from "no".

Two levels: a draft may be saved whenever its answers are the right kind of thing (known codes, real
dates, a rating from 1 to 5), so that nobody loses work half-way through; a submission must also answer
every question the spec requires.
"""

from __future__ import annotations

import datetime as dt

from councilplan.analysis import vocabulary as v
from councilplan.analysis.records import Vocabularies

from .questions import (
    ANSWER_NAMES,
    BY_NAME,
    CHOICE,
    CHOICES,
    FACTOR,
    FACTORS,
    ISSUE_FIELDS,
    QUESTIONS,
    REQUIRED_ALWAYS,
    REQUIRED_NOT_ON_TRACK,
    REQUIRED_WITH_INFORMAL_BOARD,
    REQUIRED_WITH_MITIGATIONS,
    REQUIRED_WITH_NEW_DATES,
    REQUIRED_WITH_STATUS_CHANGE,
    YES_NO,
)

OTHER_MILESTONE = "other"
INFORMAL_GOVERNANCE = "informal_governance"
__all__ = ["ANSWER_NAMES", "ISSUE_FIELDS"]


def is_not_on_track(answers: dict) -> bool:
    return answers.get("delivery_status") in v.NOT_ON_TRACK


def applicable_answers(answers: dict) -> dict:
    """The answers with the issue questions emptied when the chosen status is not 'not on track'.

    Those questions are hidden unless the activity is off track, and the Design System's rule for
    conditionally revealed questions is to ignore what was typed in them once the reveal is closed: an
    on-track return must not carry last round's issues forward from round to round.
    """
    status = answers.get("delivery_status")
    if not status or status in v.NOT_ON_TRACK:
        return dict(answers)
    return {**answers, **{name: BY_NAME[name].blank for name in ISSUE_FIELDS}}


def revised_dates_changed(answers: dict, previous: dict | None) -> bool:
    """A revised end or 'Go Live' date is given and differs from the previous round's: it needs a reason.

    A revised date carried forward unchanged from the previous round was explained then.
    """
    dates = (answers.get("new_end_date"), answers.get("new_go_live_date"))
    if not any(dates):
        return False
    if previous is None:
        return True
    return dates != (previous.get("new_end_date"), previous.get("new_go_live_date"))


def validate_answers(
    answers: dict, vocab: Vocabularies, *, submit: bool = True, previous: dict | None = None
) -> dict[str, str]:
    """Problems with the answers, as {answer field: message}; empty when they may be saved.

    `submit` adds the required answers; `previous` (the previous round's answers, or None) tells whether
    revised dates are new. Milestone problems are keyed `milestones.<type code>`. Messages follow the
    Design System's style: say what to do.
    """
    errors: dict[str, str] = {}
    _check_codes(answers, vocab, errors)
    _check_types(answers, errors)
    if not submit:
        return errors

    conditions = _requirement_conditions(answers, vocab, previous)
    for question in QUESTIONS:
        if question.required and conditions[question.required] and _unanswered(question, answers.get(question.name)):
            status = vocab.label(v.PROJECT_STATUS, answers.get("project_status") or v.ACTIVE).lower()
            errors.setdefault(question.name, question.required_message.format(status=status))
    return errors


def _requirement_conditions(answers: dict, vocab: Vocabularies, previous: dict | None) -> dict[str, bool]:
    """Each of the declaration's `required` conditions, for these answers."""
    not_on_track = is_not_on_track(answers)
    informal = {t.code for t in vocab.terms.get(v.BOARD, ()) if t.group == INFORMAL_GOVERNANCE}
    return {
        REQUIRED_ALWAYS: True,
        REQUIRED_NOT_ON_TRACK: not_on_track,
        REQUIRED_WITH_MITIGATIONS: not_on_track and bool(answers.get("mitigations")),
        REQUIRED_WITH_NEW_DATES: revised_dates_changed(answers, previous),
        REQUIRED_WITH_INFORMAL_BOARD: bool(informal & set(answers.get("expected_to_report_to") or ())),
        REQUIRED_WITH_STATUS_CHANGE: (answers.get("project_status") or v.ACTIVE) != v.ACTIVE,
    }


def _unanswered(question, value) -> bool:
    if question.kind == YES_NO:
        return value is None  # "no" is an answer
    if isinstance(value, str):
        return not value.strip()
    return not value


def _check_codes(answers: dict, vocab: Vocabularies, errors: dict[str, str]) -> None:
    for question in QUESTIONS:
        if not _known(question, answers.get(question.name), vocab):
            errors[question.name] = question.invalid_message
    milestone_types = set(vocab.codes(v.MILESTONE_TYPE))
    for code in answers.get("milestones") or {}:
        if code not in milestone_types:
            errors[f"milestones.{code}"] = "This milestone type is not one of the options"


def _known(question, value, vocab: Vocabularies) -> bool:
    """The answer is one of the question's options (or empty)."""
    if not value:
        return True
    if question.kind == CHOICE:
        return value in vocab.codes(question.vocabulary)
    if question.kind == CHOICES:
        return set(value) <= set(vocab.codes(question.vocabulary))
    if question.kind == FACTOR:
        return value in dict(FACTORS)
    return True


def _check_types(answers: dict, errors: dict[str, str]) -> None:
    for name in ("new_end_date", "new_go_live_date"):
        value = answers.get(name)
        if value is not None and not isinstance(value, dt.date):
            errors[name] = f"{ANSWER_NAMES[name]} must be a real date"
    rating = answers.get("form_rating")
    if rating is not None and (not isinstance(rating, int) or not 1 <= rating <= 5):
        errors["form_rating"] = "Rate the form from 1 to 5 stars"
    for code, milestone in (answers.get("milestones") or {}).items():
        key = f"milestones.{code}"
        date = milestone.get("date")
        if date:
            try:
                dt.date.fromisoformat(date)
            except (TypeError, ValueError):
                errors.setdefault(key, "The milestone date must be a real date")
                continue
        text = (milestone.get("text") or "").strip()
        if code == OTHER_MILESTONE and date and not text:
            errors.setdefault(key, "Describe the other milestone")
        elif not date and not text:
            errors.setdefault(key, "Give the milestone's date, or say when in words")


# -- How answers read: the return's page, its history and the differences shown on a conflicting save ------

NOT_ANSWERED = "Not answered"


def describe_date(value: dt.date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def describe_milestone(milestone: dict | None) -> str:
    """'1 December 2019 (estimated) – Contract award', 'Spring 2020', or '' when there is none."""
    if not milestone:
        return ""
    parts = []
    if milestone.get("date"):
        parts.append(describe_date(milestone["date"]) + (" (estimated)" if milestone.get("estimated") else ""))
    if milestone.get("text"):
        parts.append(milestone["text"])
    return " – ".join(parts)


def describe_answer(name: str, value, vocab: Vocabularies) -> str:
    """One answer in words, with the organisation's labels; '' when it is empty."""
    labels = {q.name: q.vocabulary for q in QUESTIONS if q.vocabulary}
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if name in labels and isinstance(value, list | tuple):
        return "; ".join(vocab.label(labels[name], code) for code in value)
    if name in labels:
        return vocab.label(labels[name], value)
    if name == "milestones":
        return "; ".join(
            f"{vocab.label(v.MILESTONE_TYPE, code)}: {describe_milestone(value[code])}"
            for code in _milestone_order(value, vocab)
        )
    if name in BY_NAME and BY_NAME[name].kind == FACTOR:
        return dict(FACTORS).get(value, value)
    if name == "form_rating":
        return f"{value} out of 5"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return describe_date(value)
    return str(value)


def _milestone_order(milestones: dict, vocab: Vocabularies) -> list[str]:
    order = vocab.codes(v.MILESTONE_TYPE)
    return sorted(milestones, key=lambda code: (order.index(code) if code in order else len(order), code))


def same_answer(name: str, a, b) -> bool:
    """Equal as answers: lists of codes in any order; empty text, empty lists and None alike."""
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return sorted(a or ()) == sorted(b or ())
    if name in ("mitigations", "forward_plan_scheduled"):
        return bool(a) == bool(b)
    return (a or None) == (b or None)


def answer_differences(theirs: dict, yours: dict, vocab: Vocabularies) -> list[tuple[str, str, str]]:
    """(answer name, their answer, your answer) for every answer of `yours` that differs from `theirs`.

    Milestones are compared type by type, so the list says which milestone differs.
    """
    rows = []
    for name, mine in yours.items():
        if name == "milestones":
            their_milestones = theirs.get("milestones") or {}
            for code in _milestone_order({**their_milestones, **(mine or {})}, vocab):
                a, b = their_milestones.get(code), (mine or {}).get(code)
                if describe_milestone(a) != describe_milestone(b):
                    label = f"{ANSWER_NAMES['milestones']}: {vocab.label(v.MILESTONE_TYPE, code)}"
                    rows.append((label, describe_milestone(a), describe_milestone(b)))
        elif not same_answer(name, theirs.get(name), mine):
            rows.append(
                (
                    ANSWER_NAMES.get(name, name),
                    describe_answer(name, theirs.get(name), vocab),
                    describe_answer(name, mine, vocab),
                )
            )
    return rows


def describe_time(value: dt.datetime) -> str:
    """A moment as GOV.UK writes it, in the site's time zone: '5pm on Friday 13 September 2019', '9:30am …'."""
    from django.utils import timezone

    local = timezone.localtime(value)
    if (local.hour, local.minute) == (12, 0):
        clock = "midday"
    else:
        hour = local.hour % 12 or 12
        clock = f"{hour}{f':{local.minute:02d}' if local.minute else ''}{'am' if local.hour < 12 else 'pm'}"
    return f"{clock} on {local:%A} {local.day} {local:%B %Y}"
