"""Changing risk registers. Every change goes through here and is saved with who made it, so the history
(django-simple-history) says who changed what and when.

- Scores change only by recording a review (`record_review`): the risk's current and target scores are its
  latest review's, and the direction of travel is worked out from the reviews.
- A risk's code is fixed when it is created and never reused: risks are never deleted, only withdrawn.
- Moving a risk to another register records an escalation, a de-escalation or a move across, by the
  registers' levels (the order of the risk register level vocabulary, lowest first); withdrawing and
  reinstating are recorded the same way, always with a reason and a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from councilplan.core import evidence

from .models import Action, Control, Movement, Register, ReturnRisk, Review, ReviewEvidence, Risk
from .permissions import can_attach_review_evidence
from .selectors import level_order

DETAIL_FIELDS = ("title", "causes", "event", "consequences", "owners", "cabinet_members", "next_review_on")
REGISTER_FIELDS = ("name", "level", "owner", "directorate", "review_cycle", "review_arrangements", "last_reviewed_on")


def clean_lines(lines: Iterable[str]) -> list[str]:
    """A list field's items: trimmed, blank ones dropped, in the order given."""
    return [line.strip() for line in lines if line and line.strip()]


def _check_level(level: str) -> None:
    if level not in level_order():
        raise ValidationError({"level": f"{level!r} is not a risk register level."})


@transaction.atomic
def create_register(*, user, **fields) -> Register:
    _check_level(fields.get("level", ""))
    register = Register(**{name: value for name, value in fields.items() if name in REGISTER_FIELDS})
    register.full_clean()
    register._history_user = user
    register.save()
    return register


@transaction.atomic
def update_register(register: Register, *, user, **fields) -> Register:
    if "level" in fields:
        _check_level(fields["level"])
    for name, value in fields.items():
        if name not in REGISTER_FIELDS:
            raise TypeError(f"update_register() got an unexpected field {name!r}")
        setattr(register, name, value)
    register.full_clean()
    register._history_user = user
    register.save()
    return register


@transaction.atomic
def create_risk(
    *,
    register: Register,
    code: str,
    title: str,
    current: tuple[int, int],
    target: tuple[int, int],
    reviewed_on: dt.date,
    user,
    causes: Sequence[str] = (),
    event: str = "",
    consequences: Sequence[str] = (),
    owners: Sequence[str] = (),
    cabinet_members: Sequence[str] = (),
    next_review_on: dt.date | None = None,
    context_changed: bool = False,
    note: str = "",
) -> Risk:
    """A new risk on `register`, with its first review (so it shows as NEW until it is reviewed again)."""
    code = code.strip().upper()
    if Risk.objects.filter(code=code).exists():
        raise ValidationError({"code": f"{code} is already used. A risk's code is never given to another risk."})
    risk = Risk(
        register=register,
        code=code,
        title=title.strip(),
        causes=clean_lines(causes),
        event=event.strip(),
        consequences=clean_lines(consequences),
        owners=clean_lines(owners),
        cabinet_members=clean_lines(cabinet_members),
        next_review_on=next_review_on,
        current_likelihood=current[0],
        current_impact=current[1],
        target_likelihood=target[0],
        target_impact=target[1],
        updated_by=user,
    )
    risk.full_clean()
    risk._history_user = user
    risk.save()
    record_review(
        risk,
        reviewed_on=reviewed_on,
        current=current,
        target=target,
        context_changed=context_changed,
        note=note or "Risk added to the register.",
        user=user,
    )
    return risk


@transaction.atomic
def update_risk_details(risk: Risk, *, user, **fields) -> Risk:
    """Change what the risk is (title, causes, event, consequences, owners, cabinet members, next review).
    Not its code, register or scores: those have their own services."""
    for name, value in fields.items():
        if name not in DETAIL_FIELDS:
            raise TypeError(f"update_risk_details() got an unexpected field {name!r}")
        if name in ("causes", "consequences", "owners", "cabinet_members"):
            value = clean_lines(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(risk, name, value)
    risk.updated_by = user
    risk.full_clean()
    risk._history_user = user
    risk.save()
    return risk


@transaction.atomic
def record_review(
    risk: Risk,
    *,
    reviewed_on: dt.date,
    current: tuple[int, int],
    target: tuple[int, int],
    user,
    context_changed: bool = False,
    note: str = "",
) -> Review:
    """Record the scores at a review. The risk then takes the scores of its latest review (by date; a review
    entered for an earlier date goes into the history without changing the current scores)."""
    review = Review(
        risk=risk,
        reviewed_on=reviewed_on,
        likelihood=current[0],
        impact=current[1],
        target_likelihood=target[0],
        target_impact=target[1],
        context_changed=context_changed,
        note=note.strip(),
        recorded_by=user,
    )
    review.full_clean()
    review._history_user = user
    review.save()
    latest = risk.reviews.order_by("-reviewed_on", "-id").first()
    scores = {
        "current_likelihood": latest.likelihood,
        "current_impact": latest.impact,
        "target_likelihood": latest.target_likelihood,
        "target_impact": latest.target_impact,
    }
    if any(getattr(risk, name) != value for name, value in scores.items()):
        for name, value in scores.items():
            setattr(risk, name, value)
        risk.updated_by = user
        risk._history_user = user
        risk.save()
    return review


def _save(instance, user):
    instance.full_clean()
    instance._history_user = user
    instance.save()
    return instance


def _next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return 0 if last is None else last + 1


@transaction.atomic
def add_control(risk: Risk, *, title: str, owner: str = "", user) -> Control:
    control = Control(risk=risk, title=title.strip(), owner=owner.strip(), order=_next_order(risk.controls))
    return _save(control, user)


@transaction.atomic
def update_control(control: Control, *, title: str, owner: str = "", user) -> Control:
    control.title, control.owner = title.strip(), owner.strip()
    return _save(control, user)


@transaction.atomic
def remove_control(control: Control, *, user) -> None:
    control._history_user = user
    control.delete()  # the history keeps it


@transaction.atomic
def add_action(
    risk: Risk,
    *,
    title: str,
    owner: str = "",
    planned: str = "",
    planned_date: dt.date | None = None,
    status: str = Action.Status.OUTSTANDING,
    user,
) -> Action:
    action = Action(
        risk=risk,
        title=title.strip(),
        owner=owner.strip(),
        planned=planned.strip(),
        planned_date=planned_date,
        status=status,
        order=_next_order(risk.actions),
    )
    return _save(action, user)


@transaction.atomic
def update_action(
    action: Action, *, title: str, owner: str = "", planned: str = "", planned_date=None, status: str, user
) -> Action:
    action.title, action.owner, action.planned = title.strip(), owner.strip(), planned.strip()
    action.planned_date, action.status = planned_date, status
    return _save(action, user)


@transaction.atomic
def remove_action(action: Action, *, user) -> None:
    action._history_user = user
    action.delete()


def movement_kind(risk: Risk, to_register: Register | None) -> str:
    """What moving `risk` to `to_register` (None: off every register) is called."""
    if to_register is None:
        return Movement.Kind.WITHDRAWN
    if risk.status == Risk.Status.WITHDRAWN:
        return Movement.Kind.REINSTATED
    order = level_order()
    here, there = order.get(risk.register.level, -1), order.get(to_register.level, -1)
    if there > here:
        return Movement.Kind.ESCALATED
    if there < here:
        return Movement.Kind.DE_ESCALATED
    return Movement.Kind.TRANSFERRED


@transaction.atomic
def move_risk(risk: Risk, *, to_register: Register | None, reason: str, moved_on: dt.date, user) -> Movement:
    """Escalate, de-escalate or move `risk` to `to_register`, or withdraw it (`to_register` None), or
    reinstate a withdrawn risk. The code, reviews, controls and actions stay with the risk."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the risk is moving."})
    if to_register is None and risk.status == Risk.Status.WITHDRAWN:
        raise ValidationError({"to_register": f"{risk.code} is already withdrawn."})
    if to_register is not None and to_register.pk == risk.register_id and risk.status == Risk.Status.OPEN:
        raise ValidationError({"to_register": f"{risk.code} is already on {to_register}."})
    movement = Movement(
        risk=risk,
        kind=movement_kind(risk, to_register),
        from_register=risk.register,
        to_register=to_register,
        moved_on=moved_on,
        reason=reason,
        recorded_by=user,
    )
    _save(movement, user)
    if to_register is None:
        risk.status = Risk.Status.WITHDRAWN
    else:
        risk.status = Risk.Status.OPEN
        risk.register = to_register
    risk.updated_by = user
    risk._history_user = user
    risk.save()
    return movement


@transaction.atomic
def set_activities(risk: Risk, activities: Iterable, *, user) -> None:
    """Link the risk to exactly these plan activities."""
    risk._history_user = user
    risk.activities.set(list(activities))


@transaction.atomic
def set_owner_users(risk: Risk, users: Iterable, *, user) -> None:
    """The people who may update the risk in the app, besides the corporate team."""
    risk._history_user = user
    risk.owner_users.set(list(users))


@transaction.atomic
def name_return_risks(ret, risks: Iterable[Risk], *, user) -> None:
    """The risks a monitoring return names as where its issues are recorded: exactly these."""
    wanted = {risk.pk: risk for risk in risks}
    current = {link.risk_id: link for link in ReturnRisk.objects.filter(ret=ret)}
    for risk_id, link in current.items():
        if risk_id not in wanted:
            link._history_user = user
            link.delete()
    for risk_id, risk in wanted.items():
        if risk_id not in current:
            _save(ReturnRisk(ret=ret, risk=risk), user)


# --- evidence attached to a risk review -------------------------------------------------------------------


def _owner_ids(review: Review) -> set[int]:
    return set(review.risk.owner_users.values_list("id", flat=True))


def attach_review_evidence(review: Review, upload, user) -> ReviewEvidence:
    """Attach a file to a review (core.evidence checks its size and type): the risk's owners or the corporate
    team. Risk evidence is never published."""
    if not can_attach_review_evidence(user, _owner_ids(review)):
        raise ValidationError("Only the risk's owners or the corporate policy team attach evidence to its reviews")
    return evidence.attach(ReviewEvidence(review=review), upload, user, folder=f"risks/{review.risk_id}/{review.pk}")


def remove_review_evidence(item: ReviewEvidence, user) -> None:
    if not can_attach_review_evidence(user, _owner_ids(item.review)):
        raise ValidationError("Only the risk's owners or the corporate policy team remove evidence from its reviews")
    evidence.remove(item, user)
