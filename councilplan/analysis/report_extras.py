"""The few numbers and lists the analysis report prints that the engine (`monitoring.analyse_round`) does not
give directly: tick totals of the summary tables, the due-this-year breakdown of seed 000 §2.4, the lists
behind §5.3 and §8.3, the form-rating comparison, and every activity's status in every round (scorecards).

The report document only lays out what this module and the engine return, so every figure the report
shows is computed here, in `analysis/`, from plain records: no Django, no I/O. Everything is one pass over
the returns, whatever the number of activities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from councilplan.analysis import vocabulary as v
from councilplan.analysis.figures import financial_year_bounds

# The engine's own status rule (the late-on-track setting) and "leaves monitoring" rule: the scorecards must
# show exactly the statuses the report counts.
from councilplan.analysis.monitoring import (
    ON_TRACK_REVISED_LATER,
    NotOnTrackRow,
    RoundAnalysis,
    display_status,
    has_revised_end_date,
    leaves_monitoring,
)
from councilplan.analysis.records import PlanData, Return

__all__ = ["DueThisYear", "ReportExtras", "TickTotals", "compare_rating", "report_extras", "status_histories"]


@dataclass(frozen=True)
class TickTotals:
    """How many rows of a summary table there are and how many carry each tick."""

    activities: int
    milestones: int
    groups: dict[str, int]


@dataclass(frozen=True)
class DueThisYear:
    """Seed 000 §2.4: the returns of activities due to end in R's financial year, by displayed status, and
    how many of them revised their end date (and of those, how many still say on track)."""

    total: int
    by_status: dict[str, int]
    revised_end_date: int
    revised_end_date_on_track: int


@dataclass(frozen=True)
class ReportExtras:
    tick_totals: dict[str, TickTotals]  # outcome title -> totals, in the plan's outcome order
    all_ticks: TickTotals
    due_this_year: DueThisYear
    previous_due_this_year: DueThisYear | None
    without_mitigations: list[NotOnTrackRow]  # §5.3
    without_risk_register: list[NotOnTrackRow]  # §8.3
    status_changes_by_direction: dict[str, int]  # improved / worsened / changed
    flags_by_kind: dict[str, int]
    issue_counts: list[str]  # the numbers of issue themes to chart: "1", "2", ... (both rounds)
    rating_change: str  # "lower than the 4.22 stars in Q1"
    returns: dict[str, Return] = field(repr=False, default_factory=dict)  # R's returns in scope, by ref


def compare_rating(current: float | None, previous: float | None, quarter: str) -> str:
    """Word the average form rating against the previous round's.

    >>> compare_rating(3.7, 4.22, "Q1"), compare_rating(4.0, 3.5, "Q1"), compare_rating(4.0, 4.0, "Q1")
    ('lower than the 4.22 stars in Q1', 'higher than the 3.50 stars in Q1', 'the same as in Q1')
    """
    if current is None or previous is None:
        return ""
    if current < previous:
        return f"lower than the {previous:.2f} stars in {quarter}"
    if current > previous:
        return f"higher than the {previous:.2f} stars in {quarter}"
    return f"the same as in {quarter}"


def _ticks(rows: Iterable, groups: list[str]) -> TickTotals:
    activities = milestones = 0
    counts = dict.fromkeys(groups, 0)
    for row in rows:
        activities += 1
        milestones += row.milestones
        for group in groups:
            counts[group] += bool(row.groups.get(group))
    return TickTotals(activities, milestones, counts)


def _scoped_returns(plan: PlanData, upto: int, refs: set[str]) -> Iterable[tuple[int, dict[str, Return]]]:
    """Each round's returns of `refs`, without those of activities that left monitoring in an earlier round:
    the engine's scope rule (spec §5 "Scope of R"), one pass over the returns."""
    left: set[str] = set()
    for index, rnd in enumerate(plan.rounds[: upto + 1]):
        returns = {r.ref: r for r in rnd.returns if r.ref in refs and r.ref not in left}
        yield index, returns
        left |= {ref for ref, r in returns.items() if leaves_monitoring(r)}


def _round_index(plan: PlanData, label: str) -> int:
    for index, rnd in enumerate(plan.rounds):
        if rnd.label == label:
            return index
    raise ValueError(f"Round {label!r} is not one of the rounds of plan {plan.name!r}.")


def _due_this_year(plan: PlanData, label: str, returns: dict[str, Return], statuses: list[str], rule: bool):
    start, end = financial_year_bounds(label)
    activities = {a.ref: a for a in plan.activities}
    by_status = dict.fromkeys(statuses, 0)
    if rule:
        by_status[ON_TRACK_REVISED_LATER] = 0
    total = revised = revised_on_track = 0
    for ref, ret in returns.items():
        activity = activities[ref]
        if not start <= activity.end_date <= end:
            continue
        total += 1
        status = display_status(ret, activity, rule)
        by_status[status] = by_status.get(status, 0) + 1
        if has_revised_end_date(ret, activity):
            revised += 1
            revised_on_track += ret.delivery_status == v.ON_TRACK  # what the return says
    return DueThisYear(total, by_status, revised, revised_on_track)


def report_extras(plan: PlanData, analysis: RoundAnalysis) -> ReportExtras:
    """Everything `ReportExtras` holds, for the round (and outcome) `analysis` was made for."""
    index = _round_index(plan, analysis.round)
    refs = {a.ref for a in plan.activities if analysis.outcome is None or a.outcome == analysis.outcome}
    current: dict[str, Return] = {}
    previous: dict[str, Return] | None = None
    for i, returns in _scoped_returns(plan, index, refs):
        if i == index:
            current = returns
        elif i == index - 1:
            previous = returns

    statuses = analysis.vocab.codes(v.DELIVERY_STATUS)
    rule = analysis.late_on_track_rule
    groups = analysis.board_groups
    by_outcome = analysis.by_outcome()
    directions = {"improved": 0, "worsened": 0, "changed": 0}
    for row in analysis.status_changes:
        directions[row.direction] = directions.get(row.direction, 0) + 1
    flags: dict[str, int] = {}
    for flag in analysis.data_quality:
        flags[flag.kind] = flags.get(flag.kind, 0) + 1
    counts = set(analysis.issue_count_distribution) | set(analysis.previous_issue_count_distribution or {})
    rating_now = analysis.form_rating.average
    rating_before = analysis.previous_form_rating.average if analysis.previous_form_rating else None
    return ReportExtras(
        tick_totals={outcome: _ticks(rows, groups) for outcome, rows in by_outcome},
        all_ticks=_ticks(analysis.activities, groups),
        due_this_year=_due_this_year(plan, analysis.round, current, statuses, rule),
        previous_due_this_year=(
            _due_this_year(plan, analysis.previous_round, previous, statuses, rule)
            if previous is not None and analysis.previous_round
            else None
        ),
        without_mitigations=[row for row in analysis.not_on_track if not row.mitigations],
        without_risk_register=[row for row in analysis.not_on_track if not row.risk_registers],
        status_changes_by_direction=directions,
        flags_by_kind=flags,
        issue_counts=sorted(counts, key=int),
        rating_change=compare_rating(rating_now, rating_before, analysis.previous_quarter or ""),
        returns=current,
    )


def status_histories(
    plan: PlanData, refs: Iterable[str], upto_label: str, *, late_on_track_rule: bool = False
) -> dict[str, list[tuple[str, str | None]]]:
    """Every activity's status in every round up to `upto_label`, oldest first (None: no return, or it had
    left monitoring). The same answer as the engine's `status_history` for each ref, but for all of them in
    one pass: a scorecard per activity must not cost a pass over every return each."""
    wanted = set(refs)
    activities = {a.ref: a for a in plan.activities if a.ref in wanted}
    histories: dict[str, list[tuple[str, str | None]]] = {ref: [] for ref in activities}
    for i, returns in _scoped_returns(plan, _round_index(plan, upto_label), set(activities)):
        label = plan.rounds[i].label
        for ref, history in histories.items():
            ret = returns.get(ref)
            history.append((label, display_status(ret, activities[ref], late_on_track_rule) if ret else None))
    return histories
