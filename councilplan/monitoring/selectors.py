"""Reading monitoring data: exports and the plain records the analysis engine reads.

Each function issues a fixed number of queries, whatever the number of activities.
"""

from __future__ import annotations

import datetime as dt

from councilplan.analysis import records
from councilplan.core.exchange import format_bool, format_list
from councilplan.core.models import Outcome
from councilplan.core.services import person_reference
from councilplan.planning.models import Activity, Plan
from councilplan.planning.services import ACTIVITY_COLUMNS

from .exchange import MILESTONE_TYPES, RETURN_COLUMNS, format_milestone
from .models import Return, Round


def plan_rows(plan: Plan) -> tuple[list[str], list[list[object]]]:
    """The plan as the exchange format's activities table."""
    activities = plan.activities.select_related("outcome", "directorate", "lead_officer").order_by("sort_key", "ref")
    rows = [
        [
            a.ref,
            a.title,
            a.outcome.title,
            a.activity_type,
            a.start_date,
            a.end_date,
            a.directorate.name if a.directorate else "",
            person_reference(a.lead_officer),
            a.description,
        ]
        for a in activities
    ]
    return ACTIVITY_COLUMNS, rows


def return_rows(round_: Round) -> tuple[list[str], list[list[object]]]:
    """A round's submitted returns as the exchange format's returns table."""
    returns = (
        round_.returns.filter(state=Return.State.SUBMITTED)
        .select_related("activity")
        .order_by("activity__sort_key", "activity__ref")
    )
    rows = []
    for r in returns:
        milestones = [format_milestone(r.milestones.get(t)) for t in MILESTONE_TYPES]
        rows.append(
            [
                r.activity.ref,
                r.delivery_status,
                r.progress,
                *milestones,
                r.new_end_date,
                r.new_go_live_date,
                r.date_change_reason,
                r.date_change_factor,
                format_list(r.issues),
                r.issue_detail,
                r.previous_issues_resolution,
                format_bool(r.mitigations),
                r.mitigation_detail,
                format_list(r.risk_registers),
                format_list(r.reported_to),
                format_list(r.expected_to_report_to),
                format_bool(r.forward_plan_scheduled),
                r.project_status,
                r.status_reason,
                format_bool(r.remain_in_monitoring),
                "" if r.form_rating is None else r.form_rating,
            ]
        )
    return RETURN_COLUMNS, rows


def find_round(plan: Plan, label: str) -> Round | None:
    return plan.rounds.filter(label=label).first()


def previous_round(round_: Round) -> Round | None:
    return round_.plan.rounds.filter(label__lt=round_.label).order_by("-label").first()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def to_record(r: Return | dict, ref: str) -> records.Return:
    get = r.get if isinstance(r, dict) else (lambda name: getattr(r, name))
    milestones = {
        code: records.Milestone(_date(m.get("date")), bool(m.get("estimated")), m.get("text", ""))
        for code, m in (get("milestones") or {}).items()
    }
    return records.Return(
        ref=ref,
        delivery_status=get("delivery_status"),
        progress=get("progress"),
        milestones=milestones,
        new_end_date=get("new_end_date"),
        new_go_live_date=get("new_go_live_date"),
        date_change_reason=get("date_change_reason"),
        date_change_factor=get("date_change_factor"),
        issues=tuple(get("issues") or ()),
        issue_detail=get("issue_detail"),
        previous_issues_resolution=get("previous_issues_resolution"),
        mitigations=get("mitigations"),
        mitigation_detail=get("mitigation_detail"),
        risk_registers=tuple(get("risk_registers") or ()),
        reported_to=tuple(get("reported_to") or ()),
        expected_to_report_to=tuple(get("expected_to_report_to") or ()),
        forward_plan_scheduled=get("forward_plan_scheduled"),
        project_status=get("project_status"),
        status_reason=get("status_reason"),
        remain_in_monitoring=get("remain_in_monitoring"),
        form_rating=get("form_rating"),
        late=get("late"),
    )


def activity_records(plan: Plan) -> tuple[records.Activity, ...]:
    activities = (
        Activity.objects.filter(plan=plan)
        .select_related("outcome", "directorate", "lead_officer")
        .order_by("sort_key", "ref")
    )
    return tuple(
        records.Activity(
            ref=a.ref,
            title=a.title,
            outcome=a.outcome.title,
            activity_type=a.activity_type,
            end_date=a.end_date,
            start_date=a.start_date,
            directorate=a.directorate.name if a.directorate else "",
            lead_officer=str(a.lead_officer) if a.lead_officer else "",
            description=a.description,
        )
        for a in activities
    )


RECORD_FIELDS = [
    "round_id",
    "activity__ref",
    "delivery_status",
    "progress",
    "milestones",
    "new_end_date",
    "new_go_live_date",
    "date_change_reason",
    "date_change_factor",
    "issues",
    "issue_detail",
    "previous_issues_resolution",
    "mitigations",
    "mitigation_detail",
    "risk_registers",
    "reported_to",
    "expected_to_report_to",
    "forward_plan_scheduled",
    "project_status",
    "status_reason",
    "remain_in_monitoring",
    "form_rating",
    "late",
]


def plan_data(plan: Plan, up_to: Round | None = None) -> records.PlanData:
    """The plan's activities and its rounds (up to and including `up_to`) with their submitted returns.

    Four queries: rounds, returns, activities, outcomes.
    """
    rounds = list(plan.rounds.order_by("label"))
    if up_to is not None:
        rounds = [r for r in rounds if r.label <= up_to.label]
    returns_by_round: dict[int, list[records.Return]] = {r.id: [] for r in rounds}
    rows = (
        Return.objects.filter(round__in=[r.id for r in rounds], state=Return.State.SUBMITTED)
        .order_by("activity__sort_key", "activity__ref")
        .values(*RECORD_FIELDS)
    )
    for row in rows.iterator(chunk_size=2000):
        returns_by_round[row["round_id"]].append(to_record(row, row["activity__ref"]))
    activities = activity_records(plan)
    outcomes = tuple(
        Outcome.objects.filter(activities__plan=plan)
        .order_by("order", "title")
        .distinct()
        .values_list("title", flat=True)
    )
    return records.PlanData(
        name=plan.name,
        activities=activities,
        rounds=tuple(records.Round(r.label, tuple(returns_by_round[r.id])) for r in rounds),
        outcomes=outcomes,
    )
