"""Reading customer feedback, as plain records, in a fixed number of queries.

`visible_cases(user)` is the one door to the records: the team sees every one, a service's coordinators and
manager that service's, a handler their own, nobody else any. The figures read `case_points()`, which holds no
person: counts, dates and codes only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from councilplan.analysis import feedback as rules

from . import permissions
from .models import Case, Service, Stage


def visible_cases(user) -> QuerySet[Case]:
    if not permissions.signed_in(user):
        return Case.objects.none()
    if permissions.is_team(user):
        return Case.objects.all()
    services = permissions.service_ids(user)
    return Case.objects.filter(Q(service_id__in=services) | Q(handler_id=user.pk))


def get_case(reference: str, user) -> Case | None:
    return (
        visible_cases(user)
        .select_related("service__directorate", "handler", "logged_by")
        .filter(reference=reference)
        .first()
    )


def case_points(cases: QuerySet[Case] | None = None) -> list[rules.CasePoint]:
    """Every record (or those of `cases`) as the figures need it: two queries whatever their number."""
    cases = Case.objects.all() if cases is None else cases
    rows = cases.values_list(
        "id",
        "kind",
        "received_on",
        "service__name",
        "service__directorate__name",
        "channel",
        "sentiment",
        "procedure",
        "outcome",
        "equalities_issue",
        "compensation_pence",
        "first_contact",
    )
    first: dict[int, tuple] = {}
    ombudsman: dict[int, tuple] = {}
    stage_rows = Stage.objects.filter(case__in=cases).values_list(
        "case_id", "code", "opened_on", "responded_on", "in_time_by", "extended_to", "ombudsman_upheld"
    )
    for case_id, code, opened_on, responded_on, in_time_by, extended_to, upheld in stage_rows.order_by(
        "opened_on", "id"
    ):
        if code == "ombudsman":
            ombudsman[case_id] = (opened_on, upheld)
        elif case_id not in first:
            first[case_id] = (responded_on, in_time_by, extended_to)
    points = []
    for pk, kind, received, service, directorate, channel, sentiment, procedure, outcome, eq, pence, fpc in rows:
        responded_on, in_time_by, extended_to = first.get(pk, (None, None, None))
        referred, upheld = ombudsman.get(pk, (None, None))
        points.append(
            rules.CasePoint(
                id=pk,
                kind=kind,
                received_on=received,
                service=service,
                directorate=directorate or "",
                channel=channel,
                sentiment=sentiment,
                procedure=procedure,
                responded_on=responded_on,
                in_time_by=in_time_by,
                extended_to=extended_to,
                outcome=outcome,
                ombudsman_on=referred,
                ombudsman_upheld=upheld,
                equalities=eq,
                compensation_pence=pence,
                first_contact=fpc,
            )
        )
    return points


def service_names() -> list[str]:
    return list(Service.objects.order_by("order", "name").values_list("name", flat=True))


def held_from() -> dt.date | None:
    first = Case.objects.order_by("received_on").values_list("received_on", flat=True).first()
    return first


# --- caseloads -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseloadRow:
    reference: str
    kind: str
    service: str
    received_on: dt.date
    stage: str
    deadline: dt.date | None
    state: str
    handler: str
    summary: str

    @property
    def state_label(self) -> str:
        return rules.STATE_LABELS[self.state]


def open_cases(cases: QuerySet[Case], today: dt.date) -> list[CaseloadRow]:
    """The open records of `cases` with their current stage's deadline and state (late, due soon, open), the
    most pressing first. Two queries."""
    found = list(
        cases.filter(closed_on__isnull=True).select_related("service", "handler").order_by("received_on", "id")[:1000]
    )
    stages: dict[int, Stage] = {}
    for stage in Stage.objects.filter(case__in=[c.pk for c in found]).order_by("opened_on", "id"):
        stages[stage.case_id] = stage
    rows = []
    for case in found:
        stage = stages.get(case.pk)
        deadline = stage.deadline if stage else None
        state = rules.stage_state(stage.responded_on if stage else None, deadline, today)
        rows.append(
            CaseloadRow(
                case.reference,
                case.kind,
                case.service.name,
                case.received_on,
                stage.label if stage else "",
                deadline,
                state,
                str(case.handler) if case.handler_id else "Not assigned",
                case.summary[:120],
            )
        )
    order = {"late": 0, "due_soon": 1, "open": 2, "answered": 3}
    return sorted(rows, key=lambda r: (order[r.state], r.deadline or dt.date.max, r.reference))


def caseload_counts(rows: list[CaseloadRow]) -> dict[str, int]:
    counts = {"late": 0, "due_soon": 0, "open": 0}
    for row in rows:
        if row.state in counts:
            counts[row.state] += 1
    return counts


# --- a record's page -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    who: str
    what: str
    changes: tuple[str, ...] = ()


_QUIET = {"version", "updated_at", "reference", "acknowledge_by", "due_on", "longest_by", "in_time_by"}


def _person(user) -> str:
    return str(user) if user is not None else ""


def _text(value) -> str:
    if value in (None, ""):
        return "(empty)"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)[:200]


def _entries(rows, prefix: str = "") -> list[TimelineEntry]:
    entries = []
    previous = {}
    for row in rows:
        key = getattr(row, "id", None)
        changes: list[str] = []
        before = previous.get(key)
        if before is not None and row.history_type == "~":
            for change in row.diff_against(before).changes:
                if change.field in _QUIET:
                    continue
                label = str(row.instance._meta.get_field(change.field).verbose_name)
                changes.append(f"{label[:1].upper()}{label[1:]}: {_text(change.old)} → {_text(change.new)}")
        what = row.history_change_reason or {"+": "Added", "-": "Removed"}.get(row.history_type, "Changed")
        entries.append(TimelineEntry(row.history_date, _person(row.history_user), prefix + what, tuple(changes)))
        previous[key] = row
    return entries


def timeline(case: Case) -> list[TimelineEntry]:
    """The record's history and its stages', newest first (two queries)."""
    case_rows = case.history.select_related("history_user").order_by("history_date", "history_id")
    stage_rows = (
        Stage.history.filter(case_id=case.pk).select_related("history_user").order_by("history_date", "history_id")
    )
    entries = _entries(case_rows) + _entries(stage_rows)
    return sorted(entries, key=lambda e: e.when, reverse=True)


def stages_of(case: Case) -> list[Stage]:
    return list(case.stages.order_by("opened_on", "id"))


def person_records(query: Q) -> list[Case]:
    """One person's records for a subject access request, with their stages (two queries)."""
    return list(Case.objects.filter(query).select_related("service").prefetch_related("stages").order_by("received_on"))
