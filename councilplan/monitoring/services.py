"""Changing monitoring data: rounds, returns, imports of returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from councilplan.analysis import vocabulary as v
from councilplan.analysis.figures import parse_round_label, percent
from councilplan.core import evidence
from councilplan.core.exchange import (
    ImportFailed,
    ImportResult,
    Mapping,
    Progress,
    RowReader,
    check_header,
    file_error,
    mapped_rows,
)
from councilplan.core.models import OrganisationSettings
from councilplan.core.selectors import code_lookup, get_vocabularies
from councilplan.core.tabular import TableError, read_table
from councilplan.plan.models import Plan
from councilplan.plan.selectors import find_plan

from .exchange import MilestoneError, parse_milestone
from .models import Return, ReturnEvidence, Round
from .permissions import can_attach_evidence, signs_off
from .questions import (
    ANSWER_FIELDS,
    CHOICE,
    CHOICES,
    DATE,
    FACTOR,
    FACTORS,
    MILESTONE_TYPES,
    MILESTONES,
    NOT_PREFILLED,
    QUESTIONS,
    RATING,
    REQUIRED_ALWAYS,
    REQUIRED_RETURN_COLUMNS,
    RETURN_COLUMNS,
    TEXT,
    YES_NO,
)
from .rules import applicable_answers
from .selectors import previous_return, round_scope


class ReturnConflict(Exception):
    """Someone else saved this return since it was opened: nothing was overwritten."""

    def __init__(self, current: Return):
        self.current = current
        super().__init__(f"{current} was changed by someone else (now version {current.version})")


def check_round_label(label: str) -> str | None:
    """None when the label is a valid `YYYY-YY Qn`, else what is wrong with it."""
    try:
        parse_round_label(label)
    except ValueError as error:
        return str(error)
    return None


def get_or_create_round(plan: Plan, label: str) -> Round:
    problem = check_round_label(label)
    if problem:
        raise ImportFailed([file_error("--round", problem)])
    round_, _ = Round.objects.get_or_create(plan=plan, label=label)
    return round_


def import_returns(
    path: str | Path,
    round_label: str,
    plan_name: str | None = None,
    mapping: Mapping | None = None,
    progress: Progress | None = None,
    user=None,
) -> ImportResult:
    """Load one round's returns from CSV/XLSX: all rows or none.

    A return imported again replaces the earlier answers; the history keeps them.
    """
    mapping = mapping or Mapping()
    plan = find_plan(plan_name)
    problem = check_round_label(round_label)
    if problem:
        raise ImportFailed([file_error("--round", problem)])
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    columns, errors = check_header(table, mapping, RETURN_COLUMNS, REQUIRED_RETURN_COLUMNS)
    if errors:
        raise ImportFailed(errors)

    vocab = get_vocabularies()
    lookups = {q.vocabulary: code_lookup(vocab, q.vocabulary) for q in QUESTIONS if q.vocabulary}
    activities = {a.ref: a for a in plan.activities.only("id", "ref", "end_date")}
    rows: list[tuple[object, dict]] = []
    warnings: list[str] = []
    seen: dict[str, int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        answers = _read_return(read, lookups, warnings)
        ref = answers.pop("ref")
        if ref and ref not in activities:
            read.error("ref", ref, f"is not an activity of the plan {plan.name!r}")
        elif ref in seen:
            read.error("ref", ref, f"appears twice (also row {seen[ref]})")
        elif ref:
            seen[ref] = number
        if read.ok:
            rows.append((activities[ref], answers))
        if progress and number % 1000 == 0:
            progress(number)
    if not rows and not errors:
        raise ImportFailed([file_error(path, "has no returns under the header")])
    if errors:
        raise ImportFailed(errors)
    result = _write_returns(plan, round_label, rows, user)
    result.warnings = warnings
    return result


def _read_answer(read: RowReader, question, lookups: dict):
    """One question's answer from its column (or columns), as the model stores it; errors go to `read`."""
    name, kind = question.name, question.kind
    if kind == CHOICE:
        lookup = lookups[question.vocabulary]
        required = question.required == REQUIRED_ALWAYS
        return read.code(name, lookup, question.import_noun, required=required) or question.blank
    if kind == CHOICES:
        return read.codes(name, lookups[question.vocabulary], question.import_noun)
    if kind == TEXT:
        return read.text(name)
    if kind == DATE:
        return read.date(name)
    if kind == YES_NO:
        return read.boolean(name) or False
    if kind == RATING:
        return read.integer(name, 1, 5)
    if kind == FACTOR:
        factor = read.text(name).lower()
        if factor and factor not in dict(FACTORS):
            read.error(name, factor, "must be internal or external")
            return ""
        return factor
    if kind == MILESTONES:
        milestones = {}
        for milestone_type in MILESTONE_TYPES:
            column = f"milestone_{milestone_type}"
            try:
                milestone = parse_milestone(read.raw(column))
            except MilestoneError as error:
                read.error(column, read.raw(column), str(error))
                continue
            if milestone:
                milestones[milestone_type] = milestone
        return milestones
    return question.blank  # a decision (remain in monitoring): read below, by its rule


def _read_return(read: RowReader, lookups: dict, warnings: list[str]) -> dict:
    answers = {"ref": read.text("ref", required=True)}
    for question in QUESTIONS:
        answers[question.name] = _read_answer(read, question, lookups)
    # CMT's decision to keep an ended activity in monitoring means something only once it has ended.
    if answers["project_status"] != v.ACTIVE and not read.is_blank("remain_in_monitoring"):
        answers["remain_in_monitoring"] = read.boolean("remain_in_monitoring")
    if "" in read.cells:
        read.error("", read.cells[""], "a value under no column heading")

    not_on_track = answers["delivery_status"] in v.NOT_ON_TRACK
    if not_on_track and read.is_blank("issues"):
        read.error("issues", "", "a return that is not on track must name at least one issue theme")
    if (
        not not_on_track
        and answers["delivery_status"]
        and (answers["issues"] or answers["mitigations"] or answers["risk_registers"])
    ):
        warnings.append(
            f"{read.file} row {read.number}: issues, mitigations and risk registers are kept "
            "but not counted, because the activity is not reported as off track"
        )
    return answers


@transaction.atomic
def _write_returns(plan: Plan, round_label: str, rows: list[tuple[object, dict]], user) -> ImportResult:
    round_ = get_or_create_round(plan, round_label)
    existing = {r.activity_id: r for r in round_.returns.all()}
    now = timezone.now()
    to_create, to_update = [], []
    for activity, answers in rows:
        current = existing.get(activity.id)
        if (
            current is not None
            and current.state == Return.State.SUBMITTED
            and all(getattr(current, name) == value for name, value in answers.items())
        ):
            continue  # the same answers again: nothing to replace, no new version
        stamp = {"state": Return.State.SUBMITTED, "submitted_at": now, "submitted_by": user, "updated_by": user}
        if current is None:
            to_create.append(Return(round=round_, activity=activity, **answers, **stamp))
        else:
            for name, value in {**answers, **stamp}.items():
                setattr(current, name, value)
            current.version += 1
            to_update.append(current)
    if to_create:
        bulk_create_with_history(to_create, Return, batch_size=500, default_user=user)
    if to_update:
        fields = [*ANSWER_FIELDS, "state", "submitted_at", "submitted_by", "updated_by", "version", "updated_at"]
        for item in to_update:
            item.updated_at = now
        bulk_update_with_history(to_update, Return, fields, batch_size=500, default_user=user)
    return ImportResult(created=len(to_create), updated=len(to_update), warnings=[])


@transaction.atomic
def save_return(ret: Return, answers: dict, user, expected_version: int, submit: bool = False) -> Return:
    """Save a return's answers unless someone saved it since `expected_version` was read.

    The version check is one conditional UPDATE, so two saves racing cannot both pass it.
    """
    claimed = Return.objects.filter(pk=ret.pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise ReturnConflict(Return.objects.get(pk=ret.pk))
    for name, value in answers.items():
        setattr(ret, name, value)
    ret.version = expected_version + 1
    ret.updated_by = user
    if submit:
        signing = sign_off_required(ret)
        ret.state = Return.State.AWAITING_SIGN_OFF if signing else Return.State.SUBMITTED
        ret.submitted_at = timezone.now()
        ret.submitted_by = user
        ret.signed_off_at = ret.signed_off_by = None  # what changed is signed off again
        if signing:
            ret._change_reason = f"Submitted for {ret.activity.directorate}'s sign-off"[:100]
        if ret.query:
            ret._change_reason = f"Submitted again after the query: {ret.query}"[:100]
            ret.query = ""
        round_ = ret.round
        ret.late = bool(round_.closes_at and ret.submitted_at > round_.closes_at)
    ret._history_user = user
    ret.save()
    return ret


# --- the directorate's sign-off ---------------------------------------------------------------------------
#
# When the organisation asks for it (OrganisationSettings.directorate_sign_off), a submitted return waits for a
# signer of its activity's directorate (Directorate.signers): they sign it off (it reaches the corporate team as
# submitted) or send it back with a query (a draft again, as when the corporate team sends one back).

# A return its officer has submitted, signed off or not: changing it is submitting it again.
SUBMITTED_STATES = (Return.State.SUBMITTED, Return.State.AWAITING_SIGN_OFF)


def sign_off_required(ret: Return) -> bool:
    """Whether submitting `ret` now waits for its directorate's sign-off (one query: the settings)."""
    return ret.activity.directorate_id is not None and OrganisationSettings.current().directorate_sign_off


def _check_awaiting(ret: Return, user) -> None:
    _lock(ret.round)
    ret.refresh_from_db()
    if not signs_off(user, ret):
        whose = ret.activity.directorate or "its directorate"
        raise RoundStateError(f"Only a signer of {whose} signs this return off.")
    if ret.state != Return.State.AWAITING_SIGN_OFF:
        raise RoundStateError(
            f"This return is {ret.get_state_display().lower()}: only a return awaiting sign-off can be signed off "
            "or sent back by its directorate."
        )
    if ret.round.state not in (Round.State.OPEN, Round.State.CLOSED):
        raise RoundStateError(f"{ret.round.label} is {ret.round.get_state_display().lower()}: its returns are final.")


@transaction.atomic
def sign_off_return(ret: Return, user) -> Return:
    """The directorate's signer signs the return off: the corporate team receives it, as submitted."""
    _check_awaiting(ret, user)
    ret.state = Return.State.SUBMITTED
    ret.signed_off_at = timezone.now()
    ret.signed_off_by = user
    ret.version += 1
    ret.updated_by = user
    ret._history_user = user
    ret._change_reason = f"Signed off for {ret.activity.directorate}"[:100]
    ret.save()
    return ret


@transaction.atomic
def send_back_for_sign_off(ret: Return, user, query: str) -> Return:
    """The directorate's signer sends the return back to its lead officer with a query: a draft again, the
    officer sees the query on the form and submits again (to the signer again)."""
    query = _check_query(query)
    _check_awaiting(ret, user)
    ret.state = Return.State.DRAFT
    ret.query = query
    ret.queried_at = timezone.now()
    ret.queried_by = user
    ret.version += 1
    ret.updated_by = user
    ret._history_user = user
    ret._change_reason = f"Sent back by the directorate with a query: {query}"[:100]
    ret.save()
    return ret


def _check_query(query: str) -> str:
    query = (query or "").strip()
    if not query:
        raise ValidationError({"query": "Say what the lead officer should check or change"})
    if len(query) > QUERY_MAX_LENGTH:
        raise ValidationError({"query": f"Write the query in {QUERY_MAX_LENGTH:,} characters or fewer"})
    return query


# --- running rounds: the corporate team's actions ------------------------------------------------------
#
# A round goes draft → open → closed → published, one step at a time, and a plan has at most one open round
# (lead officers' "my returns" shows the open round; two would split their returns). Each change is saved
# with `_history_user`, so the round's history says who opened, closed or published it and when.


class RoundStateError(Exception):
    """A change the round's rules do not allow; the message says why, in words for the page."""


def _lock(round_: Round) -> None:
    """Reload the round, locking its row until the transaction ends: two people pressing "Close" at once
    are served one after the other, and the second is told the round is already closed."""
    round_.refresh_from_db(from_queryset=Round.objects.select_for_update())


def _save_round(round_: Round, user, fields: list[str]) -> Round:
    round_._history_user = user
    round_.save(update_fields=fields)
    return round_


def _check_window(opens_at, closes_at) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise RoundStateError("The window must close after it opens.")


@transaction.atomic
def create_round(plan: Plan, label: str, opens_at, closes_at, allow_late: bool, user) -> Round:
    """A new draft round with its window. Lead officers see nothing of it until it is opened."""
    label = label.strip()
    problem = check_round_label(label)
    if problem:
        raise RoundStateError(problem)
    if Round.objects.filter(plan=plan, label=label).exists():
        raise RoundStateError(f"{plan} already has a round {label}.")
    _check_window(opens_at, closes_at)
    round_ = Round(plan=plan, label=label, opens_at=opens_at, closes_at=closes_at, allow_late=allow_late)
    round_._history_user = user
    round_.save()
    return round_


@transaction.atomic
def change_window(round_: Round, opens_at, closes_at, allow_late: bool, user) -> Round:
    """Move a draft or open round's window, e.g. to give lead officers a few more days.

    A closed round's window stays as it was: it is what the returns' `late` marks were judged against;
    the team reopens single returns instead."""
    if round_.state not in (Round.State.DRAFT, Round.State.OPEN):
        raise RoundStateError(f"{round_.label} is {round_.get_state_display().lower()}: its window cannot change.")
    _check_window(opens_at, closes_at)
    round_.opens_at, round_.closes_at, round_.allow_late = opens_at, closes_at, allow_late
    return _save_round(round_, user, ["opens_at", "closes_at", "allow_late"])


def open_round_problem(round_: Round, now=None) -> str | None:
    """Why the round cannot be opened now, or None. The confirm page shows it before anyone presses a button."""
    now = now or timezone.now()
    if round_.state != Round.State.DRAFT:
        return f"{round_.label} is {round_.get_state_display().lower()}: only a draft round can be opened."
    if round_.closes_at is None:
        return f"Set the date and time {round_.label} closes before opening it."
    if round_.closes_at <= now:
        return f"{round_.label}'s window has already closed: change the closing date before opening it."
    other = Round.objects.filter(plan=round_.plan_id, state=Round.State.OPEN).exclude(pk=round_.pk).first()
    if other is not None:
        return f"{other.label} is still open: close it before opening {round_.label}."
    return None


@transaction.atomic
def open_round(round_: Round, user, now=None) -> Round:
    """Open the round for returns. Opening before the planned time starts the window now, so that the
    recorded window is when lead officers could really submit."""
    # Lock the plan's row: two people opening two rounds of one plan at once cannot both pass the check.
    Plan.objects.select_for_update().filter(pk=round_.plan_id).first()
    _lock(round_)
    now = now or timezone.now()
    problem = open_round_problem(round_, now)
    if problem:
        raise RoundStateError(problem)
    round_.state = Round.State.OPEN
    if round_.opens_at is None or round_.opens_at > now:
        round_.opens_at = now
    return _save_round(round_, user, ["state", "opens_at"])


@transaction.atomic
def close_round(round_: Round, user, now=None) -> Round:
    """Close the round: every return becomes read-only (unless the team reopens one). Closing before the
    planned time ends the window now, for the same reason as opening early."""
    _lock(round_)
    if round_.state != Round.State.OPEN:
        raise RoundStateError(
            f"{round_.label} is {round_.get_state_display().lower()}: only an open round can be closed."
        )
    now = now or timezone.now()
    round_.state = Round.State.CLOSED
    if round_.closes_at is None or round_.closes_at > now:
        round_.closes_at = now
    return _save_round(round_, user, ["state", "closes_at"])


@dataclass(frozen=True)
class Responses:
    """How complete a round's returns are, said before anyone publishes it."""

    in_scope: int
    submitted: int
    threshold: int  # percent: below it, publishing asks to be confirmed a second time

    @property
    def missing(self) -> int:
        return self.in_scope - self.submitted

    @property
    def rate(self) -> int | None:
        return percent(self.submitted, self.in_scope)

    @property
    def needs_second_confirmation(self) -> bool:
        return self.rate is not None and self.rate < self.threshold


def responses(round_: Round) -> Responses:
    scope = set(round_scope(round_))
    submitted = round_.returns.filter(state=Return.State.SUBMITTED, activity__ref__in=scope).count()
    return Responses(len(scope), submitted, settings.COUNCILPLAN_PUBLISH_CONFIRM_BELOW)


def _check_responses(round_: Round, confirmed_missing: bool) -> None:
    found = responses(round_)
    if found.needs_second_confirmation and not confirmed_missing:
        raise RoundStateError(
            f"Only {found.rate}% of {round_.label}'s returns are in ({found.missing} missing): confirm that the "
            "report should be published with returns missing."
        )


def _say_why(round_: Round, reason: str) -> None:
    """The reason goes into the round's history with the change."""
    round_._change_reason = reason


@transaction.atomic
def publish_round(round_: Round, user, *, confirmed_missing: bool = False) -> Round:
    """Publish a closed round to the council's own readers: CMT, members and everyone signed in can read its
    report, scorecards and dashboard figures. Not the public: that is `publish_to_public`, a separate step.

    Returns reopened after closing are locked again, so that nothing changes under a published report. Below
    the organisation's response threshold, it must be confirmed that returns are missing."""
    _lock(round_)
    if round_.state != Round.State.CLOSED:
        raise RoundStateError(
            f"{round_.label} is {round_.get_state_display().lower()}: only a closed round can be published."
        )
    _check_responses(round_, confirmed_missing)
    for ret in round_.returns.filter(reopened=True):
        ret.reopened = False
        ret._history_user = user
        ret.save(update_fields=["reopened"])
    round_.state = Round.State.PUBLISHED
    _say_why(round_, "Published to members")
    return _save_round(round_, user, ["state"])


@transaction.atomic
def publish_to_public(round_: Round, user, *, confirmed_missing: bool = False) -> Round:
    """Put a round's report (without exempt information) on the public pages, which need no sign-in."""
    _lock(round_)
    if round_.state != Round.State.PUBLISHED:
        raise RoundStateError(
            f"{round_.label} is {round_.get_state_display().lower()}: publish it to members before the public."
        )
    if round_.public:
        raise RoundStateError(f"{round_.label} is on the public pages already.")
    _check_responses(round_, confirmed_missing)
    round_.public = True
    _say_why(round_, "Published to the public")
    return _save_round(round_, user, ["public"])


REASON_LIMIT = 75  # the history keeps 100 characters, with "Withdrawn from members: " before the reason


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise RoundStateError("Say why it is being withdrawn: the reason is kept in the round's history.")
    if len(reason) > REASON_LIMIT:
        raise RoundStateError(f"Say why in {REASON_LIMIT} characters or fewer: the round's history keeps it.")
    return reason


@transaction.atomic
def withdraw_from_public(round_: Round, user, reason: str) -> Round:
    """Take a round's report off the public pages; members still read it."""
    reason = _reason(reason)
    _lock(round_)
    if not round_.public:
        raise RoundStateError(f"{round_.label} is not on the public pages.")
    round_.public = False
    _say_why(round_, f"Withdrawn from the public: {reason}")
    return _save_round(round_, user, ["public"])


@transaction.atomic
def withdraw_round(round_: Round, user, reason: str) -> Round:
    """Unpublish a round: it is closed again, read by the corporate team only, and off the public pages."""
    reason = _reason(reason)
    _lock(round_)
    if round_.state != Round.State.PUBLISHED:
        raise RoundStateError(f"{round_.label} is {round_.get_state_display().lower()}: it is not published.")
    round_.state, round_.public = Round.State.CLOSED, False
    _say_why(round_, f"Withdrawn from members: {reason}")
    return _save_round(round_, user, ["state", "public"])


@transaction.atomic
def set_report_version(round_: Round, user, version: str) -> Round:
    """The line under the report's title saying which meeting it is for."""
    round_.report_version = version.strip()
    return _save_round(round_, user, ["report_version"])


@transaction.atomic
def reopen_return(round_: Round, activity, user) -> Return:
    """Let the activity's lead officer (and colleagues) change its return again after the round closed.

    An activity with no return yet gets an empty draft, so that a missed return can still be made.
    What they submit now is marked late (it is after the window)."""
    _lock(round_)
    if round_.state != Round.State.CLOSED:
        raise RoundStateError(
            f"{round_.label} is {round_.get_state_display().lower()}: only a closed round's returns can be reopened."
        )
    if activity.plan_id != round_.plan_id:
        raise RoundStateError(f"{activity} is not an activity of {round_.plan}.")
    ret = Return.objects.filter(round=round_, activity=activity).first() or Return(round=round_, activity=activity)
    if ret.reopened:
        return ret
    ret.reopened = True
    ret._history_user = user
    ret.save()
    return ret


QUERY_MAX_LENGTH = 2000


@transaction.atomic
def send_back_return(ret: Return, user, query: str) -> Return:
    """Send a submitted return back to its lead officer with the corporate team's query: it becomes a draft
    again, the officer sees the query on the form and submits again. In a closed round it is reopened too,
    so that the officer can change it; a published round's returns are final."""
    _lock(ret.round)
    ret.refresh_from_db()
    query = (query or "").strip()
    if not query:
        raise ValidationError({"query": "Say what the lead officer should check or change"})
    if len(query) > QUERY_MAX_LENGTH:
        raise ValidationError({"query": f"Write the query in {QUERY_MAX_LENGTH:,} characters or fewer"})
    if ret.round.state not in (Round.State.OPEN, Round.State.CLOSED):
        raise RoundStateError(
            f"{ret.round.label} is {ret.round.get_state_display().lower()}: "
            "only returns of an open or closed round can be sent back."
        )
    if ret.state != Return.State.SUBMITTED:
        raise RoundStateError("Only a submitted return can be sent back: this one is still a draft.")
    ret.state = Return.State.DRAFT
    ret.query = query
    ret.queried_at = timezone.now()
    ret.queried_by = user
    if ret.round.state == Round.State.CLOSED:
        ret.reopened = True
    ret.version += 1  # an officer's form opened before this is out of date
    ret.updated_by = user
    ret._history_user = user
    ret._change_reason = f"Sent back with a query: {query}"[:100]
    ret.save()
    return ret


# --- the lead officer's form: starting a return pre-filled, the first save ---------------------------------

# Not carried into the next round's return: the rating is about this round's form, the resolution answers
# this round's question about last round, and staying in monitoring is CMT's decision, not the officer's.


def prefill_answers(previous: Return | None) -> dict:
    """The answers a new return starts with: the previous round's, so that nothing is typed twice.

    The issue questions are carried only from a return that was not on track (spec §4: on any other
    return they count for nothing, and they would otherwise travel on from round to round).
    """

    if previous is None:
        return {}
    answers = {name: getattr(previous, name) for name in ANSWER_FIELDS if name not in NOT_PREFILLED}
    answers["milestones"] = {code: dict(m) for code, m in (previous.milestones or {}).items()}
    for name in ("issues", "risk_registers", "reported_to", "expected_to_report_to"):
        answers[name] = list(answers[name] or [])
    return applicable_answers(answers)


def start_return(round_: Round, activity) -> Return:
    """A new, unsaved return for the activity in the round, pre-filled from its previous return.

    Nothing is written until the officer saves, so opening the form and leaving changes nothing.
    """

    ret = Return(round=round_, activity=activity, version=0)
    for name, value in prefill_answers(previous_return(round_, activity)).items():
        setattr(ret, name, value)
    return ret


def is_untouched(ret: Return) -> bool:
    """A draft nobody has answered yet (e.g. one the corporate team reopened before anyone started it)."""
    blank = Return()
    return ret.state == Return.State.DRAFT and all(getattr(ret, n) == getattr(blank, n) for n in ANSWER_FIELDS)


@transaction.atomic
def get_or_create_draft(round_: Round, activity, user) -> tuple[Return, bool]:
    """The activity's return for the round, created as a pre-filled draft if there is none yet."""
    existing = Return.objects.filter(round=round_, activity=activity).first()
    if existing is not None:
        return existing, False
    ret = start_return(round_, activity)
    return save_new_return(round_, activity, answers_of_unsaved(ret), user), True


def answers_of_unsaved(ret: Return) -> dict:
    return {name: getattr(ret, name) for name in ANSWER_FIELDS}


@transaction.atomic
def save_new_return(round_: Round, activity, answers: dict, user, submit: bool = False) -> Return:
    """The first save of an activity's return for a round.

    Someone else may have saved the first version since this person opened the form: the unique
    (round, activity) constraint then refuses the row and they get `ReturnConflict`, exactly as on a
    later save, so nothing is overwritten unseen. The placeholder row (version 0) is not recorded in the
    history; the history starts with this person's answers as version 1.
    """
    from django.db import IntegrityError

    try:
        with transaction.atomic():
            ret = Return(round=round_, activity=activity, version=0)
            ret.skip_history_when_saving = True
            ret.save()
    except IntegrityError:
        raise ReturnConflict(Return.objects.get(round=round_, activity=activity)) from None
    del ret.skip_history_when_saving
    return save_return(ret, answers, user, expected_version=0, submit=submit)


def save_from_form(
    round_: Round, activity, ret: Return | None, answers: dict, user, expected_version: int, submit: bool
) -> Return:
    """Save what the form holds: the first version (the form was opened at version 0) or a later one.

    Raises `ReturnConflict` when someone else saved since the form was opened. A submitted return stays
    submitted: changing it is submitting it again (so it is validated in full, and stamped late when the
    window has closed).
    """
    if expected_version == 0 or ret is None:
        return save_new_return(round_, activity, answers, user, submit=submit)
    return save_return(ret, answers, user, expected_version, submit=submit or ret.state in SUBMITTED_STATES)


# --- evidence attached to a return ------------------------------------------------------------------------


def attach_return_evidence(ret: Return, upload, user, *, publish: bool = False) -> ReturnEvidence:
    """Attach a file to `ret` (core.evidence checks its size and type): its officers while they may change the
    return, or the corporate team."""
    if not can_attach_evidence(user, ret):
        raise ValidationError(
            "Only the return's lead officer (while it can be changed) or the corporate policy team attach evidence"
        )
    return evidence.attach(
        ReturnEvidence(ret=ret), upload, user, folder=f"returns/{ret.pk}", publish=publish, reason=""
    )


def remove_return_evidence(item: ReturnEvidence, user) -> None:
    if not can_attach_evidence(user, item.ret):
        raise ValidationError(
            "Only the return's lead officer (while it can be changed) or the corporate policy team remove evidence"
        )
    evidence.remove(item, user)
