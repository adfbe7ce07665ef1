"""Changing the strategy and policy register. Every change goes through here and is saved with who made it and
why (`history_change_reason`), so an entry's history says who changed what and when.

- An entry people edit carries a version: a save based on an older version is refused (one conditional UPDATE),
  never silently overwriting someone else's.
- Its status moves only as the control framework allows (analysis.policies.TRANSITIONS), each move a dated
  `StatusChange` naming who agreed it: forthcoming → active → under review → agreed for close-down (immediately,
  or when the replacement is published) → closed. Closing keeps the entry and its history.
- A close-down for replacement names the replacement (an entry, or the document's name when it has none); the
  replacement links never loop. A planned close-down waits for its replacement: the entry is closed only once the
  replacement is on the register (active).
- Decisions are held as the council's decision number (17/00123), checked for shape only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from councilplan.analysis import policies as rules
from councilplan.plan.models import Activity

from .models import Policy, RegisterSettings, Review, Section, StatusChange


class StaleEdit(ValidationError):
    """Someone saved the entry after the form was opened."""


def _claim(policy: Policy, expected_version: int | None) -> None:
    if expected_version is None:
        expected_version = policy.version
    claimed = Policy.objects.filter(pk=policy.pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise StaleEdit(
            "Someone else changed this entry after you opened it. Your changes have not been saved: open it again "
            "to see theirs, then make yours."
        )
    policy.version = expected_version + 1


def _save(instance, user, reason: str, exclude: Sequence[str] = ()):
    instance.full_clean(exclude=list(exclude) or None)
    instance._history_user = user
    instance._change_reason = reason
    instance.save()
    return instance


def get_settings() -> RegisterSettings:
    return RegisterSettings.objects.order_by("pk").first() or RegisterSettings.objects.create()


def section(name: str, order: int | None = None, user=None) -> Section:
    name = " ".join(name.split())
    found = Section.objects.filter(name__iexact=name).first()
    if found is not None:
        return found
    if order is None:
        order = (Section.objects.aggregate(m=Max("order"))["m"] or 0) + 1
    return _save(Section(name=name, order=order), user, "Section added")


def next_number() -> int:
    return (Policy.objects.aggregate(m=Max("number"))["m"] or 0) + 1


POLICY_FIELDS = (
    "title",
    "section",
    "doc_type",
    "owner_kind",
    "policy_framework",
    "forthcoming_kind",
    "purpose",
    "statutory_kind",
    "statutory_basis",
    "start_date",
    "decision_maker",
    "decision_body",
    "key_decision",
    "decision_reference",
    "publication",
    "end_date",
    "review_date",
    "accountable_officer",
    "cabinet_member",
    "front_sheet_approved_on",
    "executive_summary",
    "document_url",
    "document_file",
    "exempt_paragraph",
    "exempt_reason",
    "public_interest_test",
)


def _check(policy: Policy) -> None:
    errors = {}
    if policy.start_date and policy.end_date and policy.end_date < policy.start_date:
        errors["end_date"] = "The end date must be on or after the start date"
    if policy.start_date and policy.review_date and policy.review_date < policy.start_date:
        errors["review_date"] = "The review date must be on or after the start date"
    if policy.status == rules.FORTHCOMING and not policy.forthcoming_kind:
        errors["forthcoming_kind"] = "Say whether the forthcoming document replaces one or is new"
    if errors:
        raise ValidationError(errors)


def _set(policy: Policy, fields: dict, where: str) -> None:
    for key, value in fields.items():
        if key not in POLICY_FIELDS:
            raise TypeError(f"{where}() got an unexpected field {key!r}")
        setattr(policy, key, value.strip() if isinstance(value, str) else value)


def _record(policy: Policy, status: str, *, on: dt.date, user, agreed_by="", decision_reference="", note=""):
    change = StatusChange(
        policy=policy,
        status=status,
        timing=policy.close_timing if status == rules.CLOSE_AGREED else "",
        on=on,
        agreed_by=agreed_by.strip(),
        decision_reference=decision_reference.strip(),
        note=note.strip(),
        recorded_by=user if getattr(user, "pk", None) else None,
    )
    return _save(change, user, f"{rules.STATUSES[status]} from {on:%d/%m/%Y}")


@transaction.atomic
def create_policy(
    *,
    title: str,
    section: Section,
    doc_type: str,
    number: int | None = None,
    status: str = rules.ACTIVE,
    on: dt.date | None = None,
    user=None,
    agreed_by: str = "",
    **fields,
) -> Policy:
    """A new entry: on the register (active) or forthcoming. `on`: the day it is added (its first status)."""
    if status not in (rules.ACTIVE, rules.FORTHCOMING):
        raise ValidationError({"status": "A new entry is either active or forthcoming"})
    if number is not None and Policy.objects.filter(number=number).exists():
        raise ValidationError({"number": f"Number {number} is taken: numbers are never reused"})
    policy = Policy(number=number or next_number(), title=title.strip(), section=section, doc_type=doc_type)
    policy.status = status
    _set(policy, fields, "create_policy")
    _check(policy)
    _save(policy, user, "Added to the register" if status == rules.ACTIVE else "Added as forthcoming")
    _record(policy, status, on=on or timezone.localdate(), user=user, agreed_by=agreed_by)
    return policy


@transaction.atomic
def update_policy(policy: Policy, *, user=None, expected_version: int | None = None, reason: str = "", **fields):
    """The entry's details and front sheet (not its number, status or close-down: those have their own steps)."""
    _set(policy, fields, "update_policy")
    _check(policy)
    policy.full_clean(exclude=["version"])
    _claim(policy, expected_version)
    return _save(policy, user, reason or "Details or front sheet changed", exclude=["version"])


@transaction.atomic
def set_links(
    policy: Policy,
    *,
    user=None,
    activities: Iterable[Activity] | None = None,
    dependencies: Iterable[Policy] | None = None,
    expected_version: int | None = None,
) -> Policy:
    _claim(policy, expected_version)
    if activities is not None:
        policy.activities.set(list(activities))
    if dependencies is not None:
        found = list(dependencies)
        if any(d.pk == policy.pk for d in found):
            raise ValidationError({"dependencies": "An entry cannot depend on itself"})
        policy.dependencies.set(found)
    return _save(policy, user, "Links changed", exclude=["version"])


def _move(policy: Policy, new: str, expected_version: int | None) -> None:
    if not rules.can_move(policy.status, new):
        raise ValidationError(
            f"An entry that is {rules.STATUSES[policy.status].lower()} cannot become {rules.STATUSES[new].lower()}"
        )
    _claim(policy, expected_version)
    policy.status = new


def _date(on: dt.date | None, today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({"on": "The date cannot be in the future"})
    return on


@transaction.atomic
def publish(
    policy: Policy,
    *,
    on: dt.date | None = None,
    user=None,
    agreed_by: str = "",
    decision_reference: str = "",
    expected_version: int | None = None,
) -> Policy:
    """A forthcoming document is approved and published: it goes on the register (active)."""
    on = _date(on)
    _move(policy, rules.ACTIVE, expected_version)
    if policy.start_date is None:
        policy.start_date = on
    if decision_reference and not policy.decision_reference:
        policy.decision_reference = decision_reference
    _save(policy, user, "Published: on the register", exclude=["version"])
    _record(policy, rules.ACTIVE, on=on, user=user, agreed_by=agreed_by, decision_reference=decision_reference)
    return policy


@transaction.atomic
def start_review(
    policy: Policy, *, on: dt.date | None = None, user=None, note: str = "", expected_version: int | None = None
) -> Policy:
    on = _date(on)
    _move(policy, rules.UNDER_REVIEW, expected_version)
    _save(policy, user, "Under review", exclude=["version"])
    _record(policy, rules.UNDER_REVIEW, on=on, user=user, note=note)
    return policy


@transaction.atomic
def record_review(
    policy: Policy,
    *,
    reviewed_on: dt.date,
    outcome: str,
    note: str = "",
    next_review_date: dt.date | None = None,
    decision_reference: str = "",
    user=None,
    expected_version: int | None = None,
) -> Review:
    """A review's outcome. No change: the entry is active again until `next_review_date` (required). Revise:
    it stays under review while the new version is written. Replace or close down: it stays under review until
    the close-down is agreed (the next step, by the Cabinet Member)."""
    if policy.status not in (rules.ACTIVE, rules.UNDER_REVIEW):
        raise ValidationError("Only an entry on the register, active or under review, can be reviewed")
    if outcome not in rules.REVIEW_OUTCOMES:
        raise ValidationError({"outcome": "Select the outcome of the review"})
    reviewed_on = _date(reviewed_on)
    errors = {}
    if outcome == "no_change":
        if next_review_date is None:
            errors["next_review_date"] = "Enter the date of the next review"
        elif next_review_date <= reviewed_on:
            errors["next_review_date"] = "The next review must be after this one"
    if decision_reference and not rules.valid_decision_reference(decision_reference):
        errors["decision_reference"] = "A decision number is two digits, a slash and five digits, like 17/00123"
    if errors:
        raise ValidationError(errors)
    review = _save(
        Review(
            policy=policy,
            reviewed_on=reviewed_on,
            outcome=outcome,
            note=note.strip(),
            next_review_date=next_review_date,
            decision_reference=decision_reference.strip(),
            recorded_by=user if getattr(user, "pk", None) else None,
        ),
        user,
        f"Review: {rules.REVIEW_OUTCOMES[outcome]}",
    )
    wanted = rules.ACTIVE if outcome == "no_change" else rules.UNDER_REVIEW
    if wanted != policy.status:
        _move(policy, wanted, expected_version)
        _record(policy, wanted, on=reviewed_on, user=user, note=f"Review: {rules.REVIEW_OUTCOMES[outcome]}")
    else:
        _claim(policy, expected_version)
    if outcome == "no_change":
        policy.review_date = next_review_date
    _save(policy, user, f"Reviewed: {rules.REVIEW_OUTCOMES[outcome]}", exclude=["version"])
    return review


def _replacement_map() -> dict[int, int | None]:
    return dict(Policy.objects.filter(replaced_by__isnull=False).values_list("number", "replaced_by__number"))


@transaction.atomic
def agree_close_down(
    policy: Policy,
    *,
    timing: str,
    reason: str,
    agreed_by: str,
    on: dt.date | None = None,
    replaced_by: Policy | None = None,
    replacement_note: str = "",
    note: str = "",
    expected_close: str = "",
    expected_close_by: dt.date | None = None,
    decision_reference: str = "",
    user=None,
    expected_version: int | None = None,
) -> Policy:
    """The close-down agreed (by the Cabinet Member, after the reasons and implications were discussed with the
    accountable owner): immediately, or when its replacement is published."""
    errors = {}
    if timing not in rules.TIMINGS:
        errors["timing"] = "Select when the entry closes"
    if reason not in rules.REASONS:
        errors["reason"] = "Select the reason for the close-down"
    if not agreed_by.strip():
        errors["agreed_by"] = "Enter who agreed the close-down (the Cabinet Member)"
    if reason == rules.REPLACED and replaced_by is None and not replacement_note.strip():
        errors["replaced_by"] = "Name the replacement: an entry on the register, or the document's name"
    if timing == rules.PLANNED and not (expected_close.strip() or expected_close_by):
        errors["expected_close"] = "Enter when the replacement is expected"
    if timing == rules.PLANNED and reason != rules.REPLACED:
        errors["reason"] = "A close-down that waits is waiting for a replacement: choose the reason 'replaced'"
    if replaced_by is not None and rules.would_loop(_replacement_map(), policy.number, replaced_by.number):
        errors["replaced_by"] = f"{replaced_by.number} already leads back to {policy.number}: the links would loop"
    if replaced_by is not None and replaced_by.status == rules.CLOSED:
        errors["replaced_by"] = f"{replaced_by.number} is closed: it cannot replace another entry"
    if decision_reference and not rules.valid_decision_reference(decision_reference):
        errors["decision_reference"] = "A decision number is two digits, a slash and five digits, like 17/00123"
    if errors:
        raise ValidationError(errors)
    on = _date(on)
    _move(policy, rules.CLOSE_AGREED, expected_version)
    policy.close_timing = timing
    policy.close_reason = reason
    policy.close_note = note.strip()
    policy.replaced_by = replaced_by
    policy.replacement_note = replacement_note.strip()
    policy.expected_close = expected_close.strip() if timing == rules.PLANNED else ""
    policy.expected_close_by = expected_close_by if timing == rules.PLANNED else None
    _save(policy, user, f"Close-down agreed by {agreed_by.strip()}", exclude=["version"])
    _record(
        policy,
        rules.CLOSE_AGREED,
        on=on,
        user=user,
        agreed_by=agreed_by,
        decision_reference=decision_reference,
        note=note,
    )
    return policy


@transaction.atomic
def endorse_close_downs(
    policies: Iterable[Policy], *, on: dt.date, decision_reference: str = "", user=None
) -> list[Policy]:
    """The committee's endorsement of close-downs agreed (the paper's recommendation 1)."""
    if decision_reference and not rules.valid_decision_reference(decision_reference):
        raise ValidationError(
            {"decision_reference": "A decision number is two digits, a slash and five digits, like 17/00123"}
        )
    done = []
    for policy in policies:
        if policy.status != rules.CLOSE_AGREED:
            raise ValidationError(f"{policy.number} is not agreed for close-down")
        policy.endorsed_on = on
        policy.endorsement_reference = decision_reference.strip()
        _claim(policy, None)
        done.append(_save(policy, user, "Close-down endorsed by the committee", exclude=["version"]))
    return done


def close_problems(policy: Policy) -> list[str]:
    """Why the entry cannot be closed yet (empty when it can)."""
    if policy.status != rules.CLOSE_AGREED:
        return ["Only an entry agreed for close-down can be closed."]
    if policy.close_timing == rules.PLANNED:
        successor = policy.replaced_by
        if successor is not None and successor.status != rules.ACTIVE:
            return [f"It waits for its replacement, {successor.number}. {successor.title}, to be published."]
    return []


@transaction.atomic
def close(
    policy: Policy,
    *,
    on: dt.date | None = None,
    user=None,
    agreed_by: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> Policy:
    """Closed: off the intranet, the public website and any other site; the entry, its history and SPRCA's
    archived copy are kept."""
    problems = close_problems(policy)
    if problems:
        raise ValidationError(problems)
    on = _date(on)
    _move(policy, rules.CLOSED, expected_version)
    _save(policy, user, "Closed", exclude=["version"])
    _record(policy, rules.CLOSED, on=on, user=user, agreed_by=agreed_by, note=note)
    return policy
