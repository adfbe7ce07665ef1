"""Reading risk registers as plain records, in a fixed number of queries whatever the number of risks.

The web pages, the register document and the command all read through here; the figures (bands, counts,
heat maps, directions, actions due) are then worked out by `councilplan.analysis.risk`.

Exempt information (Schedule 12A): every selector that reads risks, or the activities and returns linked to
them, takes `include_exempt` (whether the reader is cleared, `core.exempt.cleared`) and leaves out what is
exempt through `core.exempt` (`shown`, `hidden`) unless it is true. It defaults to false: forgetting it hides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Prefetch, Q

from councilplan.analysis import vocabulary as v
from councilplan.analysis.risk import (
    DEFAULT_SCALE,
    ActionPoint,
    Band,
    Position,
    RegisterFigures,
    ReviewPoint,
    Scale,
    approximate_date,
    register_figures,
)
from councilplan.core.evidence import EvidenceRecord, evidence_records
from councilplan.core.exempt import hidden, shown
from councilplan.core.models import VocabularyTerm
from councilplan.monitoring.models import Return
from councilplan.plan.models import Activity

from .models import Action, Control, Movement, Register, ReturnRisk, Review, ReviewEvidence, Risk, RiskScale

# --- records ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ControlRecord:
    title: str
    owner: str
    id: int | None = None


@dataclass(frozen=True)
class ActionRecord:
    title: str
    owner: str
    planned: str  # as written: "January 2018 (review)"
    status: str  # code
    planned_date: dt.date | None = None  # an exact day, when known
    id: int | None = None

    @property
    def status_label(self) -> str:
        return Action.Status(self.status).label

    @property
    def due(self) -> dt.date | None:
        """The day it counts as due: the exact day, else the end of the month `planned` names."""
        return self.planned_date or approximate_date(self.planned)

    @property
    def planned_text(self) -> str:
        if self.planned:
            return self.planned
        return self.planned_date.strftime("%d/%m/%Y") if self.planned_date else ""

    def point(self) -> ActionPoint:
        return ActionPoint(self.due, self.status)


@dataclass(frozen=True)
class ReviewRecord:
    reviewed_on: dt.date
    likelihood: int
    impact: int
    target_likelihood: int
    target_impact: int
    context_changed: bool = False
    note: str = ""
    recorded_by: str = ""
    id: int = 0
    evidence_count: int = 0  # files attached to the review

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def target_score(self) -> int:
        return self.target_likelihood * self.target_impact

    def point(self) -> ReviewPoint:
        return ReviewPoint(self.reviewed_on, self.likelihood, self.impact, self.context_changed)


@dataclass(frozen=True)
class MovementRecord:
    kind: str
    kind_label: str
    moved_on: dt.date
    reason: str
    from_register: str = ""
    to_register: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class LinkedActivity:
    id: int
    ref: str
    title: str
    plan: str


@dataclass(frozen=True)
class RiskRecord:
    id: int
    code: str
    title: str
    register: str
    register_id: int
    level: str  # code
    level_label: str
    status: str
    current_likelihood: int
    current_impact: int
    target_likelihood: int
    target_impact: int
    causes: tuple[str, ...] = ()
    event: str = ""
    consequences: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    cabinet_members: tuple[str, ...] = ()
    next_review_on: dt.date | None = None
    controls: tuple[ControlRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    reviews: tuple[ReviewRecord, ...] = ()  # oldest first
    movements: tuple[MovementRecord, ...] = ()  # oldest first
    activities: tuple[LinkedActivity, ...] = ()
    owner_user_ids: frozenset[int] = frozenset()

    @property
    def current(self) -> Position:
        return Position(self.code, self.current_likelihood, self.current_impact)

    @property
    def target(self) -> Position:
        return Position(self.code, self.target_likelihood, self.target_impact)

    @property
    def current_score(self) -> int:
        return self.current.score

    @property
    def target_score(self) -> int:
        return self.target.score

    @property
    def last_reviewed_on(self) -> dt.date | None:
        return self.reviews[-1].reviewed_on if self.reviews else None

    @property
    def withdrawn(self) -> bool:
        return self.status == Risk.Status.WITHDRAWN

    def review_points(self) -> tuple[ReviewPoint, ...]:
        return tuple(review.point() for review in self.reviews)


@dataclass(frozen=True)
class RegisterRecord:
    id: int
    name: str
    level: str
    level_label: str
    owner: str
    review_cycle: str  # label
    review_arrangements: str = ""
    directorate: str = ""
    last_reviewed_on: dt.date | None = None


@dataclass(frozen=True)
class RegisterData:
    """One register (or several, e.g. every directorate register) and the risks on it, in code order."""

    title: str
    registers: tuple[RegisterRecord, ...]
    risks: tuple[RiskRecord, ...]

    def figures(self, scale: Scale) -> RegisterFigures:
        return register_figures(
            [risk.current for risk in self.risks],
            [risk.target for risk in self.risks],
            {risk.code: risk.review_points() for risk in self.risks},
            scale,
        )


# --- the scale and the levels ----------------------------------------------------------------------------


def get_scale() -> Scale:
    """The organisation's risk scale (two queries); KCC's when none is configured. A configuration whose
    bands miss or double up a possible score is refused with the reason."""
    scale = RiskScale.objects.order_by("id").first()
    if scale is None:
        return DEFAULT_SCALE
    bands = tuple(Band(b.code, b.label, b.lowest, b.highest) for b in scale.bands.order_by("lowest"))
    labels = {"likelihood": {}, "impact": {}}
    for label in scale.labels.all():
        labels[label.axis][label.value] = label.label
    try:
        return Scale(bands, labels["likelihood"], labels["impact"])
    except ValueError as error:
        raise ImproperlyConfigured(f"The risk scale's bands are not usable: {error}") from None


def level_terms() -> list[tuple[str, str]]:
    """(code, label) of the risk register levels, lowest first (the vocabulary's order; one query)."""
    return list(
        VocabularyTerm.objects.filter(vocabulary=v.RISK_REGISTER_LEVEL)
        .order_by("order", "code")
        .values_list("code", "label")
    )


def level_order() -> dict[str, int]:
    """Level code -> its rank, lowest first."""
    return {code: rank for rank, (code, _) in enumerate(level_terms())}


# --- registers and risks ---------------------------------------------------------------------------------


def _register_record(register: Register, levels: dict[str, str]) -> RegisterRecord:
    return RegisterRecord(
        id=register.pk,
        name=register.name,
        level=register.level,
        level_label=levels.get(register.level, register.level),
        owner=register.owner,
        review_cycle=register.get_review_cycle_display(),
        review_arrangements=register.review_arrangements,
        directorate=str(register.directorate) if register.directorate_id else "",
        last_reviewed_on=register.last_reviewed_on,
    )


def _person(user) -> str:
    return str(user) if user is not None else ""


def _risk_queryset(include_exempt: bool):
    activities = Activity.objects.shown(include_exempt).select_related("plan").order_by("plan__name", "sort_key")
    return Risk.objects.select_related("register").prefetch_related(
        "controls",
        "actions",
        Prefetch(
            "reviews",
            queryset=Review.objects.select_related("recorded_by")
            .annotate(evidence_count=Count("evidence"))
            .order_by("reviewed_on", "id"),
        ),
        Prefetch(
            "movements",
            queryset=Movement.objects.select_related("from_register", "to_register", "recorded_by").order_by(
                "moved_on", "id"
            ),
        ),
        Prefetch("activities", queryset=activities),
        "owner_users",
    )


def _risk_record(risk: Risk, levels: dict[str, str]) -> RiskRecord:
    return RiskRecord(
        id=risk.pk,
        code=risk.code,
        title=risk.title,
        register=risk.register.name,
        register_id=risk.register_id,
        level=risk.register.level,
        level_label=levels.get(risk.register.level, risk.register.level),
        status=risk.status,
        current_likelihood=risk.current_likelihood,
        current_impact=risk.current_impact,
        target_likelihood=risk.target_likelihood,
        target_impact=risk.target_impact,
        causes=tuple(risk.causes),
        event=risk.event,
        consequences=tuple(risk.consequences),
        owners=tuple(risk.owners),
        cabinet_members=tuple(risk.cabinet_members),
        next_review_on=risk.next_review_on,
        controls=tuple(ControlRecord(c.title, c.owner, c.pk) for c in risk.controls.all()),
        actions=tuple(
            ActionRecord(a.title, a.owner, a.planned, a.status, a.planned_date, a.pk) for a in risk.actions.all()
        ),
        reviews=tuple(
            ReviewRecord(
                r.reviewed_on,
                r.likelihood,
                r.impact,
                r.target_likelihood,
                r.target_impact,
                r.context_changed,
                r.note,
                _person(r.recorded_by),
                r.pk,
                r.evidence_count,
            )
            for r in risk.reviews.all()
        ),
        movements=tuple(
            MovementRecord(
                m.kind,
                m.get_kind_display(),
                m.moved_on,
                m.reason,
                m.from_register.name if m.from_register else "",
                m.to_register.name if m.to_register else "",
                _person(m.recorded_by),
            )
            for m in risk.movements.all()
        ),
        activities=tuple(LinkedActivity(a.pk, a.ref, a.title, a.plan.name) for a in risk.activities.all()),
        owner_user_ids=frozenset(u.pk for u in risk.owner_users.all()),
    )


def register_list(include_exempt: bool = False) -> list[tuple[RegisterRecord, list[RiskRecord]]]:
    """Every register, lowest level first then by name, with its open risks (scores only; three queries);
    without `include_exempt`, not the risks marked exempt (Schedule 12A)."""
    levels = dict(level_terms())
    order = {code: rank for rank, code in enumerate(levels)}
    registers = sorted(
        Register.objects.select_related("directorate"), key=lambda r: (-order.get(r.level, -1), r.name.lower())
    )
    risks: dict[int, list[RiskRecord]] = {}
    on_registers = Risk.objects.filter(status=Risk.Status.OPEN).shown(include_exempt)
    for risk in on_registers.select_related("register").order_by("code"):
        risks.setdefault(risk.register_id, []).append(
            RiskRecord(
                risk.pk,
                risk.code,
                risk.title,
                risk.register.name,
                risk.register_id,
                risk.register.level,
                levels.get(risk.register.level, risk.register.level),
                risk.status,
                risk.current_likelihood,
                risk.current_impact,
                risk.target_likelihood,
                risk.target_impact,
            )
        )
    return [(_register_record(r, levels), risks.get(r.pk, [])) for r in registers]


def get_register(register_id: int) -> Register | None:
    return Register.objects.select_related("directorate").filter(pk=register_id).first()


def find_registers(name_or_level: str | None) -> list[Register]:
    """The registers a command line names: a register's name, else a level's code or label (every register
    at that level). Nothing given: the corporate level's registers (the highest level)."""
    terms = level_terms()
    if not name_or_level:
        return list(Register.objects.filter(level=terms[-1][0]).order_by("name")) if terms else []
    wanted = name_or_level.strip()
    by_name = list(Register.objects.filter(name__iexact=wanted))
    if by_name:
        return by_name
    codes = [code for code, label in terms if wanted.lower() in (code.lower(), label.lower())]
    return list(Register.objects.filter(level__in=codes).order_by("name"))


def register_data(registers: Iterable[Register], title: str = "", include_exempt: bool = False) -> RegisterData:
    """The open risks of `registers`, with everything a register document prints (eight queries); without
    `include_exempt`, not the risks marked exempt (Schedule 12A)."""
    registers = list(registers)
    levels = dict(level_terms())
    risks = (
        _risk_queryset(include_exempt)
        .filter(register__in=registers, status=Risk.Status.OPEN)
        .shown(include_exempt)
        .order_by("code")
    )
    if not title:
        title = registers[0].name if len(registers) == 1 else ", ".join(r.name for r in registers)
    return RegisterData(
        title=title,
        registers=tuple(_register_record(r, levels) for r in registers),
        risks=tuple(_risk_record(risk, levels) for risk in risks),
    )


def get_risk(risk_id: int) -> Risk | None:
    return Risk.objects.select_related("register").filter(pk=risk_id).first()


def risk_record(risk: Risk, include_exempt: bool = False) -> RiskRecord:
    """One risk with everything its page shows (its exempt linked activities only with `include_exempt`)."""
    return _risk_record(_risk_queryset(include_exempt).get(pk=risk.pk), dict(level_terms()))


def risks_for_activities(activity_ids: Iterable[int], include_exempt: bool = False) -> dict[int, list[RiskRecord]]:
    """Activity id -> the open risks linked to it, by code (for scorecards and reports; two queries)."""
    levels = dict(level_terms())
    found: dict[int, list[RiskRecord]] = {}
    links = hidden(
        Risk.activities.through.objects.filter(activity_id__in=list(activity_ids), risk__status=Risk.Status.OPEN)
        .select_related("risk", "risk__register")
        .order_by("risk__code"),
        Risk,
        "risk",
        include_exempt,
    )
    for link in links:
        risk = link.risk
        found.setdefault(link.activity_id, []).append(
            RiskRecord(
                risk.pk,
                risk.code,
                risk.title,
                risk.register.name,
                risk.register_id,
                risk.register.level,
                levels.get(risk.register.level, risk.register.level),
                risk.status,
                risk.current_likelihood,
                risk.current_impact,
                risk.target_likelihood,
                risk.target_impact,
            )
        )
    return found


def risks_named_by_returns(return_ids: Iterable[int], include_exempt: bool = False) -> dict[int, list[tuple[str, str]]]:
    """Return id -> (code, title) of the risks it names (one query)."""
    found: dict[int, list[tuple[str, str]]] = {}
    links = hidden(ReturnRisk.objects.filter(ret_id__in=list(return_ids)), Risk, "risk", include_exempt)
    for ret_id, code, title in links.order_by("ret_id", "risk__code").values_list(
        "ret_id", "risk__code", "risk__title"
    ):
        found.setdefault(ret_id, []).append((code, title))
    return found


def returns_naming(risk: Risk, include_exempt: bool = False) -> list[ReturnRisk]:
    """The returns naming `risk` (those of exempt activities only with `include_exempt`)."""
    links = hidden(ReturnRisk.objects.filter(risk=risk), Return, "ret", include_exempt)
    return list(
        links.select_related("ret__round__plan", "ret__activity").order_by(
            "-ret__round__label", "ret__activity__sort_key"
        )
    )


def risk_choices_for_return(ret, include_exempt: bool = False) -> list[Risk]:
    """The open risks a return may name: those on registers at the levels it answered, plus any it already
    names; all open risks when it named no level. Exempt risks only with `include_exempt`."""
    risks = Risk.objects.filter(status=Risk.Status.OPEN).select_related("register")
    levels = list(ret.risk_registers or [])
    if levels:
        risks = Risk.objects.filter(
            Q(status=Risk.Status.OPEN, register__level__in=levels) | Q(return_links__ret=ret)
        ).select_related("register")
    return list(risks.shown(include_exempt).distinct().order_by("code"))


def activity_choices(include_exempt: bool = False) -> list[Activity]:
    activities = Activity.objects.shown(include_exempt).select_related("plan")
    return list(activities.order_by("plan__name", "sort_key", "ref"))


def register_choices() -> list[Register]:
    return list(Register.objects.order_by("name"))


# --- history ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    who: str
    what: str  # "Risk changed", "Action added" …
    changes: tuple[str, ...] = ()  # "Title: "old" → "new""


_ACTIONS = {"+": "added", "~": "changed", "-": "removed"}
_SKIP = {"id", "history_id", "history_date", "history_change_reason", "history_type", "history_user", "updated_at"}


def _value_text(value) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _entries(historical, noun: str, fields: list[str], describe, extra=None) -> list[HistoryEntry]:
    """One entry per historical row of one model, each compared with the previous row of the same object.
    `extra(previous, row)`: more changes to report (the risk's links, kept apart from its fields)."""
    entries = []
    rows = sorted(historical, key=lambda h: (h.id, h.history_date, h.history_id))
    for _, versions in groupby(rows, key=lambda h: h.id):
        previous = None
        for row in versions:
            changes: list[str] = []
            if row.history_type == "~" and previous is not None:
                for name in fields:
                    old, new = getattr(previous, name), getattr(row, name)
                    if old != new:
                        field = row.instance._meta.get_field(name.removesuffix("_id"))
                        if field.choices:
                            names = dict(field.choices)
                            old, new = names.get(old, old), names.get(new, new)
                        label = str(field.verbose_name)
                        changes.append(f"{label[:1].upper()}{label[1:]}: {_value_text(old)} → {_value_text(new)}")
                if extra is not None:
                    changes += extra(previous, row)
                if not changes:
                    previous = row
                    continue
            elif row.history_type == "+":
                changes.append(describe(row))
            what = f"{noun} {_ACTIONS.get(row.history_type, 'changed')}"
            entries.append(HistoryEntry(row.history_date, _person(row.history_user), what, tuple(changes)))
            previous = row
    return entries


def _fields(model, extra_skip=()) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if f.name not in _SKIP and f.attname not in _SKIP and f.name not in extra_skip
    ]


def risk_history(risk: Risk, include_exempt: bool = False) -> list[HistoryEntry]:
    """Every change to the risk, its controls, actions, reviews, moves and links, newest first (seven
    queries, however long the history). Links to exempt activities only with `include_exempt`."""
    risk_fields = _fields(Risk, extra_skip=("updated_by",))
    links = _link_snapshots(risk, include_exempt)

    def link_changes(previous, row) -> list[str]:
        changes = []
        for label, field in (("Linked plan activities", "activities"), ("People who may update it", "owner_users")):
            before, after = links[field].get(previous.history_id, set()), links[field].get(row.history_id, set())
            if before != after:
                changes.append(f"{label}: {_set_text(before)} → {_set_text(after)}")
        return changes

    entries = _entries(
        Risk.history.filter(id=risk.pk).select_related("history_user"),
        "Risk",
        risk_fields,
        lambda h: f"{h.code} {h.title}",
        link_changes,
    )
    for model, noun, describe in (
        (Control, "Control", lambda h: h.title),
        (Action, "Action", lambda h: f"{h.title} ({h.planned or 'no date'}, {Action.Status(h.status).label})"),
        (Review, "Review", lambda h: _review_text(h)),
        (Movement, "Move", lambda h: f"{Movement.Kind(h.kind).label}: {h.reason}"),
        (ReturnRisk, "Monitoring return link", lambda h: f"Return {h.ret_id}"),
    ):
        fields = _fields(model, extra_skip=("risk", "order", "recorded_by"))
        entries += _entries(
            model.history.filter(risk_id=risk.pk).select_related("history_user"), noun, fields, describe
        )
    return sorted(entries, key=lambda e: e.when, reverse=True)


def _set_text(items: set[str]) -> str:
    return "; ".join(sorted(items)) if items else "(none)"


def _link_snapshots(risk: Risk, include_exempt: bool) -> dict[str, dict[int, set[str]]]:
    """For each of the risk's links (activities, owner users): historical row id -> what it linked to then
    (four queries). An exempt activity is left out without `include_exempt` (not even its number)."""
    from django.contrib.auth import get_user_model

    history_model = Risk.history.model
    snapshots: dict[str, dict[int, set[str]]] = {}
    for field, targets, name in (
        ("activities", Activity, lambda a: f"{a.ref}. {a.title}"),
        ("owner_users", get_user_model(), str),
    ):
        m2m_model = getattr(history_model, field).model
        column = Risk._meta.get_field(field).m2m_reverse_field_name()
        rows = list(m2m_model.objects.filter(history__id=risk.pk).values_list("history_id", f"{column}_id"))
        objects = list(targets.objects.filter(pk__in={pk for _, pk in rows}))
        names = {obj.pk: name(obj) for obj in shown(objects, include_exempt)}
        left_out = {obj.pk for obj in objects} - names.keys()
        found: dict[int, set[str]] = {}
        for history_id, pk in rows:
            found.setdefault(history_id, set())
            if pk not in left_out:
                found[history_id].add(names.get(pk, f"#{pk}"))
        snapshots[field] = found
    return snapshots


def _review_text(h) -> str:
    context = ", context changed" if h.context_changed else ""
    return (
        f"{h.reviewed_on:%d/%m/%Y}: current {h.likelihood}×{h.impact}={h.likelihood * h.impact}, "
        f"target {h.target_likelihood}×{h.target_impact}={h.target_likelihood * h.target_impact}{context}"
    )


@dataclass(frozen=True)
class RisingRisk:
    code: str
    title: str
    register: str
    current_score: int
    target_score: int
    previous_score: int


def risks_above_target_and_rising(include_exempt: bool = False) -> list[RisingRisk]:
    """Open risks whose current score is above their target score and rose at their latest review (two queries):
    for the exceptions page. The direction of travel is analysis.risk.direction's."""
    from councilplan.analysis.risk import ReviewPoint, direction, score

    found = []
    risks = (
        Risk.objects.filter(status=Risk.Status.OPEN)
        .shown(include_exempt)
        .select_related("register")
        .prefetch_related(Prefetch("reviews", queryset=Review.objects.order_by("reviewed_on", "id")))
        .order_by("code")
    )
    for risk in risks:
        current = score(risk.current_likelihood, risk.current_impact)
        target = score(risk.target_likelihood, risk.target_impact)
        if current <= target:
            continue
        moved = direction(
            ReviewPoint(r.reviewed_on, r.likelihood, r.impact, r.context_changed) for r in risk.reviews.all()
        )
        if moved.code == "up":
            found.append(RisingRisk(risk.code, risk.title, risk.register.name, current, target, moved.previous))
    return found


def get_review(risk: Risk, review_id: int) -> Review | None:
    review = Review.objects.filter(risk=risk, pk=review_id).first()
    if review is not None:
        review.risk = risk
    return review


def review_evidence(review: Review) -> list[EvidenceRecord]:
    """The files attached to a review, oldest first (one query). Who may read them: permissions."""
    return evidence_records(ReviewEvidence.objects.filter(review=review))


def get_review_evidence(review: Review, evidence_id: int) -> ReviewEvidence | None:
    item = ReviewEvidence.objects.filter(review=review, pk=evidence_id).first()
    if item is not None:
        item.review = review
    return item
