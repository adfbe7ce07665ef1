"""The analysis engine: one monitoring round of a plan in, the analysis report's figures and tables out.

Every definition follows spec/monitoring.md §5. Plain records in (`councilplan.analysis.records`), plain
dataclasses out; no Django, no I/O. Everything is linear in the number of returns: returns are looked up
by activity ref in dicts, never by scanning.

Definitions used throughout (R is the round analysed, P the plan's round before it):

- **Scope of a round**: all of the plan's activities (of the chosen outcome, when there is one) minus those
  with a return in *any earlier* round whose ``project_status`` is not ``active`` and whose
  ``remain_in_monitoring`` is not True. No decision recorded (None) counts as leaving: the spec's default is
  that an ended activity leaves monitoring after the round in which it ended.
- **Returns of a round**: that round's returns of activities in its scope. Returns whose ref is not in the
  plan (or not in the scope) are ignored. Should a round hold two returns for one ref, the later one counts.
- **Not on track**: delivery status ``remedial_action`` or ``unlikely``. Issue themes, mitigations and risk
  register levels count only on not-on-track returns.
- **End-date change**: ``new_end_date`` or ``new_go_live_date`` given and different from the original end
  date. **Revised end date**: ``new_end_date`` given and different from the original end date.
- **Later date**: ``new_end_date`` or ``new_go_live_date`` given and *later* than the original end date.

The late-on-track rule
----------------------
Seed 001 §3.2: "SDP activities will not be considered 'On Track' if their revised end date or 'Go Live'
date extends beyond the original SDP end date." The figure ``on_track_revised_later`` (on-track returns with
a later date, out of all returns) is always computed. With ``late_on_track_rule=True`` those returns are
taken out of ``on_track``, so that ``on_track + on_track_revised_later + remedial_action + unlikely +
not_started`` = returns, and wherever the report shows a status (summary rows, status changes, end-date
changes, previous status) such a return reads ``on_track_revised_later``; it also counts as at risk in
``due_this_year_at_risk`` (its status is no longer on track). With the rule off (the default) every figure is
exactly as the spec defines it. ``not_on_track`` is never affected: it counts remedial action and unlikely.

Status changes
--------------
Every activity with a return in both P and R whose (displayed) status differs. Statuses are ranked
on_track (best), on_track_revised_later, remedial_action, unlikely (worst); ``not_started`` (and any
organisation-added status) is not comparable with them, so a change to or from it is just "changed". When
the status improved from a not-on-track status and the return's ``previous_issues_resolution`` is blank, the
reason reads "No information given on resolution of Q1 issues (Capacity; Financial)." (seed 000 §2.3), and
the data-quality flag ``no_resolution_given`` is raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from councilplan.analysis import vocabulary as v
from councilplan.analysis.figures import (
    Figure,
    average,
    compare,
    financial_year_bounds,
    long_date,
    parse_round_label,
)
from councilplan.analysis.records import Activity, PlanData, Return, Vocabularies

__all__ = [
    "ActivityRow",
    "DataQualityFlag",
    "EndDateChangeRow",
    "EndedRow",
    "FormRating",
    "NotOnTrackRow",
    "ON_TRACK_REVISED_LATER",
    "RoundAnalysis",
    "StatusChangeRow",
    "FIGURES",
    "FigureDefinition",
    "analyse_round",
    "definition_of",
    "delivery_trend",
    "listed_status",
    "ref_sort_key",
    "status_history",
    "status_label",
]

ON_TRACK = v.ON_TRACK
NOT_ON_TRACK = frozenset(v.NOT_ON_TRACK)
ACTIVE = v.ACTIVE
#: The status shown for an on-track return with a later date when the late-on-track rule is applied.
ON_TRACK_REVISED_LATER = "on_track_revised_later"
ON_TRACK_REVISED_LATER_LABEL = "On track, but with a revised date later than the original end date"
INFORMAL_GOVERNANCE = "informal_governance"
PEOPLE_COMMISSIONING = "people_commissioning"

# Lower is better. Statuses not listed (not_started, organisation-added ones) are not comparable.
_STATUS_RANK = {ON_TRACK: 0, ON_TRACK_REVISED_LATER: 1, "remedial_action": 2, "unlikely": 3}

# Data-quality flag kinds, in the order they are listed for one activity.
NO_RESOLUTION_GIVEN = "no_resolution_given"
ON_TRACK_WITH_LATER_DATE = "on_track_with_later_date"
ENDED_WITHOUT_DECISION = "ended_without_decision"
NOT_ON_TRACK_UNMITIGATED = "not_on_track_unmitigated"
FLAG_KINDS = (NO_RESOLUTION_GIVEN, ON_TRACK_WITH_LATER_DATE, ENDED_WITHOUT_DECISION, NOT_ON_TRACK_UNMITIGATED)

_CHUNK = re.compile(r"(\d+)")


# --- the figures, named (spec/monitoring.md §5) ---------------------------------------------------------


@dataclass(frozen=True)
class FigureDefinition:
    """One figure of the report: its key (a pattern where `<…>` stands for a vocabulary code), what it counts
    and what it is out of, in words. Every figure is computed in one pass over the round's returns by
    `round_figures`; this registry is how the report, the tests and docs/reports.md name them."""

    key: str
    counts: str
    out_of: str

    def matches(self, key: str) -> bool:
        if "<" not in self.key:
            return key == self.key
        prefix = self.key.split("<", 1)[0]
        return key.startswith(prefix) and len(key) > len(prefix)


FIGURES: tuple[FigureDefinition, ...] = (
    FigureDefinition("responses", "returns submitted by activities in the round's scope", "activities in scope"),
    FigureDefinition("<delivery status>", "returns with that delivery status (on_track, remedial_action, unlikely, "
                     "not_started and any status the organisation adds)", "returns"),
    FigureDefinition(ON_TRACK_REVISED_LATER, "on-track returns with a revised end or 'Go Live' date later than the "
                     "activity's original end date", "returns"),
    FigureDefinition("not_on_track", "returns not on track (remedial action or unlikely)", "returns"),
    FigureDefinition("due_this_year", "returns whose activity's original end date falls in the round's financial "
                     "year", "returns"),
    FigureDefinition("due_this_year_at_risk", "of those, returns with a status other than on track or a revised "
                     "end date", "due_this_year"),
    FigureDefinition("people_commissioning_not_on_track", "not-on-track returns of people commissioning "
                     "activities", "not_on_track"),
    FigureDefinition("milestones_identified", "returns giving at least one milestone", "returns"),
    FigureDefinition("milestone_<type>", "returns giving that milestone", "returns"),
    FigureDefinition("issue_<theme>", "not-on-track returns naming that issue theme", "not_on_track"),
    FigureDefinition("multiple_issues", "not-on-track returns naming two or more themes", "not_on_track"),
    FigureDefinition("mitigations", "not-on-track returns with mitigating actions or escalations in place",
                     "not_on_track"),
    FigureDefinition("risk_recorded", "not-on-track returns naming at least one risk register level",
                     "not_on_track"),
    FigureDefinition("risk_<level>", "not-on-track returns naming that risk register level", "not_on_track"),
    FigureDefinition("reported_<group>", "returns that reported to a board of that board group since the last "
                     "round", "returns"),
    FigureDefinition("expected_<group>", "returns expecting to report to a board of that group this financial "
                     "year", "returns"),
    FigureDefinition("expected_none", "returns expecting to report to no board", "returns"),
    FigureDefinition("forward_plan_scheduled", "returns expecting to report to informal governance that have an "
                     "item on the forward plan", "expected_informal_governance"),
    FigureDefinition("end_date_changes", "returns with a new end or 'Go Live' date that differs from the "
                     "original end date", "returns"),
    FigureDefinition("project_status_<status>", "returns with that project status (completed, stopped, business "
                     "as usual)", "returns"),
)  # fmt: skip


def definition_of(key: str, statuses: Iterable[str] = ()) -> FigureDefinition | None:
    """The registered definition of a figure key, or None. `statuses`: the delivery status codes, each a key."""
    if key in set(statuses):
        return next(d for d in FIGURES if d.key == "<delivery status>")
    exact = [d for d in FIGURES if d.key == key]
    if exact:
        return exact[0]
    patterns = [d for d in FIGURES if "<" in d.key and d.key != "<delivery status>" and d.matches(key)]
    return patterns[0] if patterns else None


def ref_sort_key(ref: str) -> tuple:
    """Order refs by activity number: numerically where they are numbers ("2" before "10"), else as text.

    Mixed refs sort naturally ("1", "1a", "2", "10", "A1").
    """
    key: list[tuple[int, int, str]] = []
    for i, chunk in enumerate(_CHUNK.split(ref.strip())):
        if not chunk:
            continue
        key.append((0, int(chunk), "") if i % 2 else (1, 0, chunk.casefold()))
    return (tuple(key), ref)


# --- result records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormRating:
    """Average "how easy was this form" rating (1–5 stars), rounded half up to 2 dp, and how many rated."""

    average: float | None
    responses: int

    def as_dict(self) -> dict[str, Any]:
        return {"average": self.average, "responses": self.responses}


@dataclass(frozen=True)
class ActivityRow:
    """A summary-table row. `status` is None when the activity sent no return for the round.

    `groups` maps each board group code to a tick: the return reported to a board of that group **or**
    expects to (spec §5 summary)."""

    ref: str
    title: str
    outcome: str
    status: str | None
    milestones: bool
    groups: dict[str, bool]

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "outcome": self.outcome,
            "status": self.status,
            "milestones": self.milestones,
            **self.groups,
        }


@dataclass(frozen=True)
class NotOnTrackRow:
    """Table 2.2: a return not on track. `issues` are theme codes in the order the return gives them."""

    ref: str
    title: str
    status: str
    previous_status: str | None
    issues: tuple[str, ...]
    mitigations: bool
    risk_registers: tuple[str, ...] = ()
    issue_detail: str = ""
    mitigation_detail: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "status": self.status,
            "previous_status": self.previous_status,
            "issues": list(self.issues),
            "mitigations": self.mitigations,
        }


@dataclass(frozen=True)
class StatusChangeRow:
    """Table 2.3: an activity whose status in R differs from its status in P.

    `direction` is "improved", "worsened" or "changed" (not comparable: not_started is involved)."""

    ref: str
    title: str
    previous_status: str
    previous_issues: tuple[str, ...]
    status: str
    resolution: str
    direction: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "previous_status": self.previous_status,
            "status": self.status,
        }


@dataclass(frozen=True)
class EndDateChangeRow:
    """Table 3.5: a return with an end-date change."""

    ref: str
    title: str
    status: str
    original_end_date: date
    new_end_date: date | None
    new_go_live_date: date | None
    reason: str = ""
    factor: str = ""  # "internal", "external" or ""

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "status": self.status,
            "original_end_date": self.original_end_date.isoformat(),
            "new_end_date": self.new_end_date.isoformat() if self.new_end_date else None,
            "new_go_live_date": self.new_go_live_date.isoformat() if self.new_go_live_date else None,
        }


@dataclass(frozen=True)
class EndedRow:
    """Table 2.7: a return reporting the activity completed, stopped or business as usual.

    `remain_in_monitoring` is as recorded: None means no decision (the activity leaves monitoring)."""

    ref: str
    title: str
    project_status: str
    reason: str
    remain_in_monitoring: bool | None

    @property
    def leaves_monitoring(self) -> bool:
        return self.remain_in_monitoring is not True

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "title": self.title,
            "project_status": self.project_status,
            "reason": self.reason,
            "remain_in_monitoring": self.remain_in_monitoring,
        }


@dataclass(frozen=True)
class DataQualityFlag:
    """Something in a return a council officer should look at. `kind` is one of FLAG_KINDS."""

    ref: str
    title: str
    kind: str
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"ref": self.ref, "title": self.title, "kind": self.kind, "message": self.message}


@dataclass
class RoundAnalysis:
    """Everything the analysis report shows for one round (optionally one outcome) of one plan.

    - `scope`, `previous_scope`: refs of the activities in monitoring at R and at P, in ref order.
    - `figures`, `previous_figures`: key → Figure, in the order of spec §5's table (see `analyse_round`);
      P's figures use P's own scope and the same outcome restriction; None for a plan's first round.
    - `form_rating`, `previous_form_rating`: average rating (2 dp, half up) and how many rated.
    - `issue_count_distribution`: number of distinct themes → how many not-on-track returns named that
      many, for the counts present only, in numeric order ("0" appears if a return named none).
    - Tables, each in ref order: `activities` (one summary row per activity in scope, including those
      that sent no return), `not_on_track`, `status_changes`, `end_date_changes`, `ended`, and
      `data_quality` (flags, by ref, then in FLAG_KINDS order).
    - `outcomes`: outcome titles in the plan's order (just the chosen one with `outcome`); `board_groups`:
      the board group codes the figures and ticks use, in vocabulary order.
    """

    plan: str
    round: str
    previous_round: str | None
    outcome: str | None
    scope: list[str]
    figures: dict[str, Figure]
    previous_figures: dict[str, Figure] | None
    form_rating: FormRating
    previous_form_rating: FormRating | None
    issue_count_distribution: dict[str, int]
    previous_issue_count_distribution: dict[str, int] | None
    activities: list[ActivityRow]
    not_on_track: list[NotOnTrackRow]
    status_changes: list[StatusChangeRow]
    end_date_changes: list[EndDateChangeRow]
    ended: list[EndedRow]
    data_quality: list[DataQualityFlag]
    outcomes: list[str]
    board_groups: list[str]
    late_on_track_rule: bool = False
    previous_scope: list[str] | None = None
    vocab: Vocabularies = field(default_factory=Vocabularies.defaults, repr=False)
    _outcome_by_ref: dict[str, str] = field(default_factory=dict, repr=False)

    # --- helpers for renderers ---

    @property
    def previous_quarter(self) -> str | None:
        """How the report names P: "Q1" within R's financial year, the full label otherwise."""
        if self.previous_round is None:
            return None
        return _quarter_word(self.previous_round, self.round)

    def change(self, key: str) -> str:
        """Words comparing figure `key` with P: "up from 7 in Q1", "" when there is no P."""
        if self.previous_figures is None or key not in self.previous_figures:
            return ""
        return compare(self.figures[key], self.previous_figures[key], self.previous_quarter or "")

    def status_label(self, code: str | None) -> str:
        """What people read for a status code shown in the tables ("No return" for None)."""
        return status_label(self.vocab, code)

    def by_outcome(self, rows: Iterable[Any] | None = None) -> list[tuple[str, list[Any]]]:
        """Group rows (default: the summary rows) by their activity's outcome, in the plan's outcome order.

        Any row with a `ref` works; outcomes with no rows are left out."""
        groups: dict[str, list[Any]] = {o: [] for o in self.outcomes}
        for row in self.activities if rows is None else rows:
            outcome = self._outcome_by_ref.get(row.ref, getattr(row, "outcome", ""))
            groups.setdefault(outcome, []).append(row)
        return [(o, rs) for o, rs in groups.items() if rs]

    def as_json(self) -> dict[str, Any]:
        """The machine-readable report of spec §5, then this engine's extra keys."""

        def figs(fs: dict[str, Figure] | None) -> dict[str, Any] | None:
            return None if fs is None else {k: f.as_dict() for k, f in fs.items()}

        return {
            "plan": self.plan,
            "round": self.round,
            "previous_round": self.previous_round,
            "outcome": self.outcome,
            "figures": figs(self.figures),
            "previous_figures": figs(self.previous_figures),
            "form_rating": self.form_rating.as_dict(),
            "issue_count_distribution": dict(self.issue_count_distribution),
            "activities": [r.as_json() for r in self.activities],
            "not_on_track": [r.as_json() for r in self.not_on_track],
            "status_changes": [r.as_json() for r in self.status_changes],
            "end_date_changes": [r.as_json() for r in self.end_date_changes],
            "ended": [r.as_json() for r in self.ended],
            # extras, after the spec's keys
            "scope": list(self.scope),
            "previous_form_rating": self.previous_form_rating.as_dict() if self.previous_form_rating else None,
            "previous_issue_count_distribution": (
                None if self.previous_issue_count_distribution is None else dict(self.previous_issue_count_distribution)
            ),
            "late_on_track_rule": self.late_on_track_rule,
            "outcomes": list(self.outcomes),
            "data_quality": [f.as_json() for f in self.data_quality],
        }


# --- small predicates -----------------------------------------------------------------------------------


def _milestone_identified(milestone: Any) -> bool:
    return milestone is not None and (milestone.date is not None or bool((milestone.text or "").strip()))


def _milestone_types(ret: Return) -> set[str]:
    return {code for code, m in ret.milestones.items() if _milestone_identified(m)}


def _has_later_date(ret: Return, activity: Activity) -> bool:
    return any(d is not None and d > activity.end_date for d in (ret.new_end_date, ret.new_go_live_date))


def _has_end_date_change(ret: Return, activity: Activity) -> bool:
    return any(d is not None and d != activity.end_date for d in (ret.new_end_date, ret.new_go_live_date))


def has_revised_end_date(ret: Return, activity: Activity) -> bool:
    return ret.new_end_date is not None and ret.new_end_date != activity.end_date


def _has_go_live_change(ret: Return, activity: Activity) -> bool:
    return ret.new_go_live_date is not None and ret.new_go_live_date != activity.end_date


def display_status(ret: Return, activity: Activity, rule: bool) -> str:
    if rule and ret.delivery_status == ON_TRACK and _has_later_date(ret, activity):
        return ON_TRACK_REVISED_LATER
    return ret.delivery_status


def listed_status(ret: Return | None, activity: Activity, rule: bool) -> str | None:
    """An activity's status in the round's list of activities (the summary rows' `status`): its return's
    `display_status`, None without a submitted return. What the scorecards list shows without the whole
    analysis."""
    return None if ret is None else display_status(ret, activity, rule)


def status_label(vocab: Vocabularies, code: str | None) -> str:
    """What people read for a status code shown in the tables ("No return" for None)."""
    return "No return" if code is None else _status_label(vocab, code)


def _distinct(codes: Iterable[str]) -> tuple[str, ...]:
    """Distinct codes in the order the return gives them (the seed's tables keep that order)."""
    return tuple(dict.fromkeys(codes))


def _quarter_word(label: str, relative_to: str) -> str:
    try:
        this, other = parse_round_label(label), parse_round_label(relative_to)
    except ValueError:
        return label
    return f"Q{this.quarter}" if this.start_year == other.start_year else this.label


# --- the engine -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    vocab: Vocabularies
    activities: dict[str, Activity]  # ref -> activity, restricted to the outcome
    statuses: list[str]
    milestone_types: list[str]
    themes: list[str]
    risk_levels: list[str]
    groups: list[str]
    board_group: dict[str, str]
    ended_statuses: list[str]
    rule: bool


def _context(plan: PlanData, vocab: Vocabularies, outcome: str | None, rule: bool) -> _Context:
    board_group = {board: group for board, group in vocab.board_groups().items() if group}
    groups = list(vocab.codes(v.BOARD_GROUP))
    groups += [g for g in dict.fromkeys(board_group.values()) if g not in groups]
    activities = {a.ref: a for a in plan.activities if outcome is None or a.outcome == outcome}
    return _Context(
        vocab=vocab,
        activities=activities,
        statuses=vocab.codes(v.DELIVERY_STATUS),
        milestone_types=vocab.codes(v.MILESTONE_TYPE),
        themes=vocab.codes(v.ISSUE_THEME),
        risk_levels=vocab.codes(v.RISK_REGISTER_LEVEL),
        groups=groups,
        board_group=board_group,
        ended_statuses=[c for c in vocab.codes(v.PROJECT_STATUS) if c != ACTIVE],
        rule=rule,
    )


def leaves_monitoring(ret: Return) -> bool:
    return ret.project_status != ACTIVE and ret.remain_in_monitoring is not True


def _scoped_rounds(plan: PlanData, ctx: _Context, upto: int) -> Iterable[tuple[int, set[str], dict]]:
    """For each round index 0..upto: (index, refs out of scope, {ref: return} of the returns in scope).

    One pass over the returns; the set of activities that left grows as the rounds go by."""
    left: set[str] = set()
    for index, rnd in enumerate(plan.rounds[: upto + 1]):
        returns: dict[str, Return] = {}
        for ret in rnd.returns:
            if ret.ref in ctx.activities and ret.ref not in left:
                returns[ret.ref] = ret
        yield index, left, returns
        left |= {ref for ref, ret in returns.items() if leaves_monitoring(ret)}


def _round_index(plan: PlanData, label: str) -> int:
    for index, rnd in enumerate(plan.rounds):
        if rnd.label == label:
            return index
    known = ", ".join(r.label for r in plan.rounds) or "none"
    raise ValueError(f"Round {label!r} is not one of the rounds of plan {plan.name!r} (rounds: {known}).")


def _plan_outcomes(plan: PlanData) -> list[str]:
    outcomes = list(dict.fromkeys(plan.outcomes))
    return outcomes + [o for o in dict.fromkeys(a.outcome for a in plan.activities) if o not in outcomes]


def round_figures(
    ctx: _Context, label: str, returns: dict[str, Return], in_scope: int
) -> tuple[dict[str, Figure], FormRating, dict[str, int]]:
    """Every figure of spec §5 for one round's returns (already restricted to the scope)."""
    fy_start, fy_end = financial_year_bounds(label)
    n = len(returns)
    status_count = dict.fromkeys(ctx.statuses, 0)
    revised_later = not_on_track = due = due_at_risk = people = 0
    milestones_any = 0
    milestone_count = dict.fromkeys(ctx.milestone_types, 0)
    theme_count = dict.fromkeys(ctx.themes, 0)
    multiple = mitigated = risk_recorded = 0
    risk_count = dict.fromkeys(ctx.risk_levels, 0)
    reported = dict.fromkeys(ctx.groups, 0)
    expected = dict.fromkeys(ctx.groups, 0)
    expected_none = forward_plan = end_date_changes = 0
    ended = dict.fromkeys(ctx.ended_statuses, 0)
    ratings: list[int] = []
    distribution: dict[int, int] = {}

    for ref, ret in returns.items():
        activity = ctx.activities[ref]
        status = ret.delivery_status
        later_on_track = status == ON_TRACK and _has_later_date(ret, activity)
        if later_on_track:
            revised_later += 1
        if status in status_count and not (ctx.rule and later_on_track):
            status_count[status] += 1
        off_track = status in NOT_ON_TRACK
        if fy_start <= activity.end_date <= fy_end:
            due += 1
            shown = display_status(ret, activity, ctx.rule)
            if shown != ON_TRACK or has_revised_end_date(ret, activity):
                due_at_risk += 1
        types = _milestone_types(ret)
        if types:
            milestones_any += 1
        for code in types:
            if code in milestone_count:
                milestone_count[code] += 1
        if off_track:
            not_on_track += 1
            if activity.activity_type == PEOPLE_COMMISSIONING:
                people += 1
            themes = set(ret.issues)
            for code in themes:
                if code in theme_count:
                    theme_count[code] += 1
            if len(themes) >= 2:
                multiple += 1
            distribution[len(themes)] = distribution.get(len(themes), 0) + 1
            if ret.mitigations:
                mitigated += 1
            levels = set(ret.risk_registers)
            if levels:
                risk_recorded += 1
            for code in levels:
                if code in risk_count:
                    risk_count[code] += 1
        reported_groups = {ctx.board_group[b] for b in ret.reported_to if b in ctx.board_group}
        expected_groups = {ctx.board_group[b] for b in ret.expected_to_report_to if b in ctx.board_group}
        for group in reported_groups:
            reported[group] += 1
        for group in expected_groups:
            expected[group] += 1
        if not ret.expected_to_report_to:
            expected_none += 1
        if INFORMAL_GOVERNANCE in expected_groups and ret.forward_plan_scheduled:
            forward_plan += 1
        if _has_end_date_change(ret, activity):
            end_date_changes += 1
        if ret.project_status in ended:
            ended[ret.project_status] += 1
        if ret.form_rating is not None:
            ratings.append(ret.form_rating)

    def fig(count: int, of: int) -> Figure:
        return Figure.from_counts(count, of)

    figures: dict[str, Figure] = {"responses": fig(n, in_scope)}
    for code, count in status_count.items():
        figures[code] = fig(count, n)
    figures[ON_TRACK_REVISED_LATER] = fig(revised_later, n)
    figures["not_on_track"] = fig(not_on_track, n)
    figures["due_this_year"] = fig(due, n)
    figures["due_this_year_at_risk"] = fig(due_at_risk, due)
    figures["people_commissioning_not_on_track"] = fig(people, not_on_track)
    figures["milestones_identified"] = fig(milestones_any, n)
    for code, count in milestone_count.items():
        figures[f"milestone_{code}"] = fig(count, n)
    for code, count in theme_count.items():
        figures[f"issue_{code}"] = fig(count, not_on_track)
    figures["multiple_issues"] = fig(multiple, not_on_track)
    figures["mitigations"] = fig(mitigated, not_on_track)
    figures["risk_recorded"] = fig(risk_recorded, not_on_track)
    for code, count in risk_count.items():
        figures[f"risk_{code}"] = fig(count, not_on_track)
    for group, count in reported.items():
        figures[f"reported_{group}"] = fig(count, n)
    for group, count in expected.items():
        figures[f"expected_{group}"] = fig(count, n)
    figures["expected_none"] = fig(expected_none, n)
    figures["forward_plan_scheduled"] = fig(forward_plan, expected.get(INFORMAL_GOVERNANCE, 0))
    figures["end_date_changes"] = fig(end_date_changes, n)
    for code, count in ended.items():
        figures[f"project_status_{code}"] = fig(count, n)

    rating = FormRating(average(sum(ratings), len(ratings)), len(ratings))
    dist = {str(k): distribution[k] for k in sorted(distribution)}
    return figures, rating, dist


def _issue_labels(ctx: _Context, codes: Iterable[str]) -> str:
    return "; ".join(ctx.vocab.label(v.ISSUE_THEME, c) for c in _distinct(codes))


def _direction(before: str, after: str) -> str:
    if before in _STATUS_RANK and after in _STATUS_RANK:
        return "improved" if _STATUS_RANK[after] < _STATUS_RANK[before] else "worsened"
    return "changed"


def _no_resolution_text(ctx: _Context, quarter: str, issues: Sequence[str]) -> str:
    if not issues:
        return f"No information given on resolution of {quarter} issues."
    noun = "issue" if len(set(issues)) == 1 else "issues"
    return f"No information given on resolution of {quarter} {noun} ({_issue_labels(ctx, issues)})."


def _status_change(
    ctx: _Context, activity: Activity, prev: Return, ret: Return, quarter: str
) -> tuple[StatusChangeRow, bool]:
    """The row, and whether the return gives no information on how P's issues were resolved."""
    before = display_status(prev, activity, ctx.rule)
    after = display_status(ret, activity, ctx.rule)
    direction = _direction(before, after)
    resolution = ret.previous_issues_resolution.strip()
    unresolved = direction == "improved" and prev.delivery_status in NOT_ON_TRACK and not resolution
    parts: list[str] = []
    if direction == "improved" and prev.delivery_status in NOT_ON_TRACK:
        if resolution:
            parts.append(f"Resolution of {quarter} issues: {resolution}{'' if resolution[-1] in '.!?' else '.'}")
        else:
            parts.append(_no_resolution_text(ctx, quarter, prev.issues))
    if ret.delivery_status in NOT_ON_TRACK and direction != "improved" and ret.issues:
        parts.append(f"Issues identified: {_issue_labels(ctx, ret.issues)}.")
    if has_revised_end_date(ret, activity):
        parts.append("Change of end date.")
    if _has_go_live_change(ret, activity):
        parts.append("Change of 'Go Live' date.")
    if not parts:
        parts.append(f"Status {direction}.")
    row = StatusChangeRow(
        ref=activity.ref,
        title=activity.title,
        previous_status=before,
        previous_issues=(_distinct(prev.issues) if prev.delivery_status in NOT_ON_TRACK else ()),
        status=after,
        resolution=resolution,
        direction=direction,
        reason=" ".join(parts),
    )
    return row, unresolved


def _status_label(vocab: Vocabularies, code: str) -> str:
    if code == ON_TRACK_REVISED_LATER:
        return ON_TRACK_REVISED_LATER_LABEL
    return vocab.label(v.DELIVERY_STATUS, code)


def _later_dates_text(ret: Return, activity: Activity) -> str:
    parts = []
    if ret.new_end_date is not None and ret.new_end_date > activity.end_date:
        parts.append(f"revised end date ({long_date(ret.new_end_date)})")
    if ret.new_go_live_date is not None and ret.new_go_live_date > activity.end_date:
        parts.append(f"revised 'Go Live' date ({long_date(ret.new_go_live_date)})")
    verb = "are" if len(parts) > 1 else "is"
    return f"its {' and '.join(parts)} {verb} later than the original end date ({long_date(activity.end_date)})"


def _tables(
    ctx: _Context,
    returns: dict[str, Return],
    previous: dict[str, Return] | None,
    scope: list[str],
    quarter: str | None,
) -> dict[str, list]:
    activities: list[ActivityRow] = []
    not_on_track: list[NotOnTrackRow] = []
    status_changes: list[StatusChangeRow] = []
    end_date_changes: list[EndDateChangeRow] = []
    ended: list[EndedRow] = []
    flags: list[DataQualityFlag] = []

    for ref in scope:  # already in ref order
        activity = ctx.activities[ref]
        ret = returns.get(ref)
        if ret is None:
            activities.append(
                ActivityRow(ref, activity.title, activity.outcome, None, False, dict.fromkeys(ctx.groups, False))
            )
            continue
        status = display_status(ret, activity, ctx.rule)
        boards = set(ret.reported_to) | set(ret.expected_to_report_to)
        ticked = {ctx.board_group[b] for b in boards if b in ctx.board_group}
        activities.append(
            ActivityRow(
                ref,
                activity.title,
                activity.outcome,
                status,
                bool(_milestone_types(ret)),
                {g: g in ticked for g in ctx.groups},
            )
        )
        prev = previous.get(ref) if previous is not None else None
        off_track = ret.delivery_status in NOT_ON_TRACK
        if off_track:
            not_on_track.append(
                NotOnTrackRow(
                    ref=ref,
                    title=activity.title,
                    status=status,
                    previous_status=display_status(prev, activity, ctx.rule) if prev else None,
                    issues=_distinct(ret.issues),
                    mitigations=ret.mitigations,
                    risk_registers=_distinct(ret.risk_registers),
                    issue_detail=ret.issue_detail,
                    mitigation_detail=ret.mitigation_detail,
                )
            )
        row_flags: dict[str, str] = {}
        if prev is not None and display_status(prev, activity, ctx.rule) != status:
            row, unresolved = _status_change(ctx, activity, prev, ret, quarter or "")
            status_changes.append(row)
            if unresolved:
                issues = _issue_labels(ctx, prev.issues)
                noun = "issue was" if len(set(prev.issues)) == 1 else "issues were"
                row_flags[NO_RESOLUTION_GIVEN] = (
                    f"The status improved from '{_status_label(ctx.vocab, row.previous_status)}' in {quarter} to "
                    f"'{_status_label(ctx.vocab, row.status)}', but the return gives no information on how the "
                    f"{quarter} {noun} resolved{f' ({issues})' if issues else ''}."
                )
        if _has_end_date_change(ret, activity):
            end_date_changes.append(
                EndDateChangeRow(
                    ref=ref,
                    title=activity.title,
                    status=status,
                    original_end_date=activity.end_date,
                    new_end_date=ret.new_end_date,
                    new_go_live_date=ret.new_go_live_date,
                    reason=ret.date_change_reason,
                    factor=ret.date_change_factor,
                )
            )
        if ret.delivery_status == ON_TRACK and _has_later_date(ret, activity):
            row_flags[ON_TRACK_WITH_LATER_DATE] = (
                f"Reported as on track, but {_later_dates_text(ret, activity)}. An activity whose revised "
                "date goes beyond its original end date is not considered on track."
            )
        if ret.project_status != ACTIVE:
            ended.append(EndedRow(ref, activity.title, ret.project_status, ret.status_reason, ret.remain_in_monitoring))
            if ret.remain_in_monitoring is None:
                label = ctx.vocab.label(v.PROJECT_STATUS, ret.project_status)
                row_flags[ENDED_WITHOUT_DECISION] = (
                    f"Reported as '{label}', but no decision is recorded on whether it stays in monitoring. "
                    "Unless CMT agrees it should stay, it leaves monitoring after this round."
                )
        if off_track and not ret.mitigations and not ret.risk_registers:
            row_flags[NOT_ON_TRACK_UNMITIGATED] = (
                f"Not on track ('{_status_label(ctx.vocab, status)}'), with no mitigating actions or escalations "
                "in place and the issues not recorded on any risk register."
            )
        flags += [
            DataQualityFlag(ref, activity.title, kind, row_flags[kind]) for kind in FLAG_KINDS if kind in row_flags
        ]

    return {
        "activities": activities,
        "not_on_track": not_on_track,
        "status_changes": status_changes,
        "end_date_changes": end_date_changes,
        "ended": ended,
        "data_quality": flags,
    }


def analyse_round(
    plan: PlanData,
    round_label: str,
    vocab: Vocabularies | None = None,
    *,
    outcome: str | None = None,
    late_on_track_rule: bool = False,
) -> RoundAnalysis:
    """Analyse round `round_label` of `plan` (spec/monitoring.md §5), optionally for one outcome only.

    `vocab` defaults to KCC's vocabularies. With `outcome` (an outcome title of the plan) only that
    outcome's activities are in scope, in R and in P alike. With `late_on_track_rule=True`, an on-track
    return whose revised end date or 'Go Live' date is later than the original end date is not counted
    as on track (see the module docstring); the figure ``on_track_revised_later`` is there either way.

    Figure keys, in this order: ``responses``; one per delivery status of the vocabulary (``on_track``,
    ``remedial_action``, ``unlikely``, ``not_started``); ``on_track_revised_later``; ``not_on_track``;
    ``due_this_year``; ``due_this_year_at_risk``; ``people_commissioning_not_on_track``;
    ``milestones_identified``; ``milestone_<type>`` per milestone type; ``issue_<theme>`` per issue theme
    (organisation-added ones included); ``multiple_issues``; ``mitigations``; ``risk_recorded``;
    ``risk_<level>`` per risk register level; ``reported_<group>`` then ``expected_<group>`` per board
    group; ``expected_none``; ``forward_plan_scheduled``; ``end_date_changes``; ``project_status_<code>``
    per project status other than active.

    Raises ValueError when the round is not the plan's, its label is not ``YYYY-YY Qn``, or the outcome
    is not one of the plan's.
    """
    vocab = vocab or Vocabularies.defaults()
    index = _round_index(plan, round_label)
    parse_round_label(round_label)  # fail early, with a clear message
    outcomes = _plan_outcomes(plan)
    if outcome is not None and outcome not in outcomes:
        raise ValueError(f"Outcome {outcome!r} is not one of the outcomes of plan {plan.name!r}.")
    ctx = _context(plan, vocab, outcome, late_on_track_rule)
    ordered_refs = sorted(ctx.activities, key=ref_sort_key)

    previous: tuple[list[str], dict[str, Return]] | None = None
    current: tuple[list[str], dict[str, Return]] | None = None
    for i, left, returns in _scoped_rounds(plan, ctx, index):
        if i >= index - 1:
            state = ([ref for ref in ordered_refs if ref not in left], returns)
            if i == index:
                current = state
            else:
                previous = state
    assert current is not None
    scope, returns = current
    label = plan.rounds[index].label
    figures, rating, dist = round_figures(ctx, label, returns, len(scope))

    previous_label = plan.rounds[index - 1].label if index > 0 else None
    prev_figures = prev_rating = prev_dist = prev_scope = prev_returns = None
    if previous is not None and previous_label is not None:
        prev_scope, prev_returns = previous
        prev_figures, prev_rating, prev_dist = round_figures(ctx, previous_label, prev_returns, len(prev_scope))

    quarter = _quarter_word(previous_label, label) if previous_label else None
    tables = _tables(ctx, returns, prev_returns, scope, quarter)
    return RoundAnalysis(
        plan=plan.name,
        round=label,
        previous_round=previous_label,
        outcome=outcome,
        scope=scope,
        figures=figures,
        previous_figures=prev_figures,
        form_rating=rating,
        previous_form_rating=prev_rating,
        issue_count_distribution=dist,
        previous_issue_count_distribution=prev_dist,
        outcomes=[outcome] if outcome is not None else outcomes,
        board_groups=list(ctx.groups),
        late_on_track_rule=late_on_track_rule,
        previous_scope=prev_scope,
        vocab=vocab,
        _outcome_by_ref={ref: a.outcome for ref, a in ctx.activities.items()},
        **tables,
    )


def status_history(plan: PlanData, ref: str, *, late_on_track_rule: bool = False) -> list[tuple[str, str | None]]:
    """The activity's delivery status in every round of the plan, oldest first (None: no return, or the
    activity had left monitoring). For scorecards."""
    activity = next((a for a in plan.activities if a.ref == ref), None)
    if activity is None:
        raise ValueError(f"Activity {ref!r} is not in plan {plan.name!r}.")
    ctx = _context(plan, Vocabularies.defaults(), None, late_on_track_rule)
    history: list[tuple[str, str | None]] = []
    for i, _left, returns in _scoped_rounds(plan, ctx, len(plan.rounds) - 1):
        ret = returns.get(ref)
        status = display_status(ret, activity, late_on_track_rule) if ret else None
        history.append((plan.rounds[i].label, status))
    return history


def delivery_trend(
    plan: PlanData,
    vocab: Vocabularies | None = None,
    outcome: str | None = None,
    *,
    late_on_track_rule: bool = False,
) -> list[tuple[str, dict[str, int]]]:
    """Returns by delivery status in every round, oldest first (same scope rules as `analyse_round`).

    Each dict has every status of the vocabulary in order (zeros included), then ``on_track_revised_later``
    when the late-on-track rule is applied, then any status a return gave that the vocabulary lacks."""
    vocab = vocab or Vocabularies.defaults()
    ctx = _context(plan, vocab, outcome, late_on_track_rule)
    trend: list[tuple[str, dict[str, int]]] = []
    for i, _left, returns in _scoped_rounds(plan, ctx, len(plan.rounds) - 1):
        counts = dict.fromkeys(ctx.statuses, 0)
        if late_on_track_rule:
            counts[ON_TRACK_REVISED_LATER] = 0
        for ref, ret in returns.items():
            status = display_status(ret, ctx.activities[ref], late_on_track_rule)
            counts[status] = counts.get(status, 0) + 1
        trend.append((plan.rounds[i].label, counts))
    return trend
