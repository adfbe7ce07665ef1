"""Random plans: every figure of the engine against a deliberately naive reading of spec/monitoring.md §5.

The brute force below is written straight from the spec's words, with loops and explicit conditions, and
uses nothing of the engine but the plain records. Percentages are worked out with exact fractions.
"""

import math
from datetime import date
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilplan.analysis.monitoring import analyse_round, delivery_trend
from councilplan.analysis.records import (
    Activity,
    Milestone,
    PlanData,
    Return,
    Round,
    Term,
    Vocabularies,
)

# KCC's vocabularies plus an organisation's own issue theme, board group and board.
_BASE = Vocabularies.defaults().terms
VOCAB = Vocabularies(
    {
        **_BASE,
        "issue_theme": (*_BASE["issue_theme"], Term("brexit", "Brexit")),
        "board_group": (*_BASE["board_group"], Term("health", "Health partnerships")),
        "board": (*_BASE["board"], Term("hwb", "Health and Wellbeing Board", "health")),
    }
)
STATUSES = ["on_track", "remedial_action", "unlikely", "not_started"]
TYPES = ["people_commissioning", "infrastructure_commissioning", "service_change", "strategy_policy"]
MILESTONE_TYPES = ["approval_to_proceed", "eqia_screening", "consultation_start", "key_decision", "go_live", "other"]
THEMES = [
    "capacity",
    "complexity",
    "dependencies",
    "delivery_environment",
    "stakeholders",
    "financial",
    "financial_benefits",
    "legal",
    "governance",
    "other",
    "brexit",
]
RISK_LEVELS = ["project_programme", "service_divisional", "directorate", "corporate"]
GROUPS = ["cmm", "corporate_board", "informal_governance", "cabinet_committee", "health"]
BOARD_TO_GROUP = {
    "cmm": "cmm",
    "corporate_board": "corporate_board",
    "cabinet_committee": "cabinet_committee",
    "scb": "informal_governance",
    "icb": "informal_governance",
    "bdg": "informal_governance",
    "hwb": "health",
}
BOARDS = list(BOARD_TO_GROUP)
OUTCOMES = ["Children", "Economy", "Older people"]

DAY_MIN, DAY_MAX = date(2018, 1, 1), date(2024, 12, 31)
# first and last days of financial years, where an off-by-one would show
YEAR_EDGES = [date(year, month, day) for year in range(2018, 2024) for month, day in ((3, 31), (4, 1))]


# --- random plans ---------------------------------------------------------------------------------------


def labels_from(start_year, start_quarter, n):
    labels = []
    year, quarter = start_year, start_quarter
    for _ in range(n):
        labels.append(f"{year}-{(year + 1) % 100:02d} Q{quarter}")
        quarter += 1
        if quarter == 5:
            year, quarter = year + 1, 1
    return labels


@st.composite
def milestones(draw):
    result = {}
    for code in draw(st.lists(st.sampled_from(MILESTONE_TYPES), unique=True, max_size=4)):
        result[code] = draw(
            st.sampled_from(
                [
                    Milestone(date(2020, 5, 1)),
                    Milestone(None, estimated=True, text="Spring 2020"),
                    Milestone(),  # empty: not identified
                    Milestone(None, text="   "),  # blank: not identified
                ]
            )
        )
    return result


@st.composite
def returns_for(draw, activity):
    end = activity.end_date
    some_date = st.one_of(st.none(), st.just(end), st.dates(DAY_MIN, DAY_MAX))
    project_status = draw(st.sampled_from(["active", "active", "active", "completed", "stopped", "bau"]))
    return Return(
        ref=activity.ref,
        delivery_status=draw(st.sampled_from(STATUSES)),
        milestones=draw(milestones()),
        new_end_date=draw(some_date),
        new_go_live_date=draw(some_date),
        issues=tuple(draw(st.lists(st.sampled_from(THEMES), unique=True, max_size=5))),
        previous_issues_resolution=draw(st.sampled_from(["", "", "Resolved by a new contract."])),
        mitigations=draw(st.booleans()),
        risk_registers=tuple(draw(st.lists(st.sampled_from(RISK_LEVELS), unique=True, max_size=3))),
        reported_to=tuple(draw(st.lists(st.sampled_from(BOARDS), unique=True, max_size=3))),
        expected_to_report_to=tuple(draw(st.lists(st.sampled_from(BOARDS), unique=True, max_size=3))),
        forward_plan_scheduled=draw(st.booleans()),
        project_status=project_status,
        remain_in_monitoring=draw(st.sampled_from([None, True, False])),
        form_rating=draw(st.one_of(st.none(), st.integers(1, 5))),
    )


@st.composite
def plans(draw):
    n = draw(st.integers(1, 10))
    refs = draw(st.permutations([str(i) for i in range(1, n + 1)]))  # plan order is not ref order
    activities = tuple(
        Activity(
            ref=ref,
            title=f"Activity {ref}",
            outcome=draw(st.sampled_from(OUTCOMES)),
            activity_type=draw(st.sampled_from(TYPES)),
            end_date=draw(st.one_of(st.dates(date(2018, 1, 1), date(2023, 12, 31)), st.sampled_from(YEAR_EDGES))),
        )
        for ref in refs
    )
    labels = labels_from(draw(st.integers(2018, 2021)), draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    rounds = []
    for label in labels:
        returns = []
        for activity in activities:
            if draw(st.integers(0, 5)) > 0:  # about one in six sends no return
                returns.append(draw(returns_for(activity)))
        if draw(st.booleans()):
            stranger = Activity("999", "Not in the plan", "Children", "service_change", date(2020, 1, 1))
            returns.append(draw(returns_for(stranger)))
        returns = draw(st.permutations(returns))
        rounds.append(Round(label, tuple(returns)))
    outcomes = tuple(dict.fromkeys(a.outcome for a in activities))
    return PlanData("Random plan", activities, tuple(rounds), outcomes)


# --- the naive reading of the spec ----------------------------------------------------------------------


def naive_percent(count, of):
    if of == 0:
        return None
    return math.floor(Fraction(100 * count, of) + Fraction(1, 2))


def naive_scope(plan, round_index, outcome):
    """All activities (of the outcome) minus those whose return in an earlier round had a project status
    other than active and did not say remain in monitoring = yes."""
    scope = []
    for activity in plan.activities:
        if outcome is not None and activity.outcome != outcome:
            continue
        left = False
        for earlier in range(round_index):
            for ret in plan.rounds[earlier].returns:
                if ret.ref == activity.ref and ret.project_status != "active" and ret.remain_in_monitoring is not True:
                    left = True
        if not left:
            scope.append(activity)
    return scope


def naive_returns(plan, round_index, scope):
    pairs = []
    for activity in scope:
        for ret in plan.rounds[round_index].returns:
            if ret.ref == activity.ref:
                pairs.append((activity, ret))
    return pairs


def later_than_original(ret, activity):
    later = False
    if ret.new_end_date is not None and ret.new_end_date > activity.end_date:
        later = True
    if ret.new_go_live_date is not None and ret.new_go_live_date > activity.end_date:
        later = True
    return later


def naive_figures(plan, round_index, outcome, rule):
    label = plan.rounds[round_index].label
    first_year = int(label[:4])
    fy_start, fy_end = date(first_year, 4, 1), date(first_year + 1, 3, 31)
    scope = naive_scope(plan, round_index, outcome)
    pairs = naive_returns(plan, round_index, scope)
    n = len(pairs)

    def count(condition, among=None):
        c = 0
        for activity, ret in pairs if among is None else among:
            if condition(activity, ret):
                c += 1
        return c

    def not_on_track(activity, ret):
        return ret.delivery_status in ("remedial_action", "unlikely")

    nots = [(a, r) for a, r in pairs if not_on_track(a, r)]
    n_not = len(nots)

    def identified(m):
        return m.date is not None or m.text.strip() != ""

    def expects_group(ret, group):
        return any(BOARD_TO_GROUP[board] == group for board in ret.expected_to_report_to)

    def reported_group(ret, group):
        return any(BOARD_TO_GROUP[board] == group for board in ret.reported_to)

    def shown_on_track(activity, ret):
        if ret.delivery_status != "on_track":
            return False
        return not (rule and later_than_original(ret, activity))

    due = [(a, r) for a, r in pairs if fy_start <= a.end_date <= fy_end]
    expected_informal = count(lambda a, r: expects_group(r, "informal_governance"))

    raw = {}
    raw["responses"] = (n, len(scope))
    raw["on_track"] = (count(shown_on_track), n)
    for status in ("remedial_action", "unlikely", "not_started"):
        raw[status] = (count(lambda a, r, s=status: r.delivery_status == s), n)
    raw["on_track_revised_later"] = (
        count(lambda a, r: r.delivery_status == "on_track" and later_than_original(r, a)),
        n,
    )
    raw["not_on_track"] = (n_not, n)
    raw["due_this_year"] = (len(due), n)
    raw["due_this_year_at_risk"] = (
        count(
            lambda a, r: not shown_on_track(a, r) or (r.new_end_date is not None and r.new_end_date != a.end_date),
            among=due,
        ),
        len(due),
    )
    raw["people_commissioning_not_on_track"] = (
        count(lambda a, r: a.activity_type == "people_commissioning", among=nots),
        n_not,
    )
    raw["milestones_identified"] = (count(lambda a, r: any(identified(m) for m in r.milestones.values())), n)
    for code in MILESTONE_TYPES:
        raw[f"milestone_{code}"] = (
            count(lambda a, r, c=code: c in r.milestones and identified(r.milestones[c])),
            n,
        )
    for theme in THEMES:
        raw[f"issue_{theme}"] = (count(lambda a, r, t=theme: t in r.issues, among=nots), n_not)
    raw["multiple_issues"] = (count(lambda a, r: len(r.issues) >= 2, among=nots), n_not)
    raw["mitigations"] = (count(lambda a, r: r.mitigations, among=nots), n_not)
    raw["risk_recorded"] = (count(lambda a, r: len(r.risk_registers) >= 1, among=nots), n_not)
    for level in RISK_LEVELS:
        raw[f"risk_{level}"] = (count(lambda a, r, lv=level: lv in r.risk_registers, among=nots), n_not)
    for group in GROUPS:
        raw[f"reported_{group}"] = (count(lambda a, r, g=group: reported_group(r, g)), n)
    for group in GROUPS:
        raw[f"expected_{group}"] = (count(lambda a, r, g=group: expects_group(r, g)), n)
    raw["expected_none"] = (count(lambda a, r: len(r.expected_to_report_to) == 0), n)
    raw["forward_plan_scheduled"] = (
        count(lambda a, r: expects_group(r, "informal_governance") and r.forward_plan_scheduled),
        expected_informal,
    )
    raw["end_date_changes"] = (
        count(
            lambda a, r: (
                (r.new_end_date is not None and r.new_end_date != a.end_date)
                or (r.new_go_live_date is not None and r.new_go_live_date != a.end_date)
            )
        ),
        n,
    )
    for status in ("completed", "stopped", "bau"):
        raw[f"project_status_{status}"] = (count(lambda a, r, s=status: r.project_status == s), n)

    figures = {key: {"count": c, "of": of, "percent": naive_percent(c, of)} for key, (c, of) in raw.items()}

    ratings = [r.form_rating for a, r in pairs if r.form_rating is not None]
    if ratings:
        avg = float(Fraction(math.floor(Fraction(sum(ratings) * 100, len(ratings)) + Fraction(1, 2)), 100))
    else:
        avg = None
    distribution = {}
    for size in range(0, len(THEMES) + 1):
        k = sum(1 for a, r in nots if len(r.issues) == size)
        if k:
            distribution[str(size)] = k
    return {
        "scope": sorted((a.ref for a in scope), key=int),
        "figures": figures,
        "form_rating": {"average": avg, "responses": len(ratings)},
        "distribution": distribution,
        "pairs": pairs,
    }


def status_for_display(activity, ret, rule):
    if rule and ret.delivery_status == "on_track" and later_than_original(ret, activity):
        return "on_track_revised_later"
    return ret.delivery_status


# --- the properties -------------------------------------------------------------------------------------


def check_round(plan, round_index, outcome, rule):
    label = plan.rounds[round_index].label
    analysis = analyse_round(plan, label, VOCAB, outcome=outcome, late_on_track_rule=rule)
    data = analysis.as_json()
    expected = naive_figures(plan, round_index, outcome, rule)

    assert analysis.scope == expected["scope"]
    assert data["figures"] == expected["figures"]
    assert list(data["figures"]) == list(expected["figures"])
    assert data["form_rating"] == expected["form_rating"]
    assert data["issue_count_distribution"] == expected["distribution"]
    assert data["round"] == label
    assert data["outcome"] == outcome

    if round_index == 0:
        assert data["previous_round"] is None
        assert data["previous_figures"] is None
        assert data["status_changes"] == []
    else:
        previous = naive_figures(plan, round_index - 1, outcome, rule)
        assert data["previous_round"] == plan.rounds[round_index - 1].label
        assert data["previous_figures"] == previous["figures"]
        assert data["previous_form_rating"] == previous["form_rating"]
        assert data["previous_issue_count_distribution"] == previous["distribution"]
        assert analysis.previous_scope == previous["scope"]
        # status changes: activities with a return in both rounds whose shown status differs
        before = {a.ref: status_for_display(a, r, rule) for a, r in previous["pairs"]}
        changed = []
        for a, r in expected["pairs"]:
            if a.ref in before and before[a.ref] != status_for_display(a, r, rule):
                changed.append((a.ref, before[a.ref], status_for_display(a, r, rule)))
        changed.sort(key=lambda t: int(t[0]))
        assert [(c["ref"], c["previous_status"], c["status"]) for c in data["status_changes"]] == changed

    # tables agree with the figures
    pairs = sorted(expected["pairs"], key=lambda p: int(p[0].ref))
    assert [row["ref"] for row in data["activities"]] == expected["scope"]
    tick_total = sum(1 for row in data["activities"] if row["milestones"])
    assert tick_total == expected["figures"]["milestones_identified"]["count"]
    for group in GROUPS:
        ticks = sum(1 for row in data["activities"] if row[group])
        either = sum(
            1 for a, r in pairs if any(BOARD_TO_GROUP[b] == group for b in r.reported_to + r.expected_to_report_to)
        )
        assert ticks == either
    assert [row["ref"] for row in data["not_on_track"]] == [
        a.ref for a, r in pairs if r.delivery_status in ("remedial_action", "unlikely")
    ]
    assert len(data["end_date_changes"]) == expected["figures"]["end_date_changes"]["count"]
    assert [row["ref"] for row in data["ended"]] == [a.ref for a, r in pairs if r.project_status != "active"]
    ended_undecided = [a.ref for a, r in pairs if r.project_status != "active" and r.remain_in_monitoring is None]
    assert [f["ref"] for f in data["data_quality"] if f["kind"] == "ended_without_decision"] == ended_undecided
    later = [a.ref for a, r in pairs if r.delivery_status == "on_track" and later_than_original(r, a)]
    assert [f["ref"] for f in data["data_quality"] if f["kind"] == "on_track_with_later_date"] == later
    unmitigated = [
        a.ref
        for a, r in pairs
        if r.delivery_status in ("remedial_action", "unlikely") and not r.mitigations and not r.risk_registers
    ]
    assert [f["ref"] for f in data["data_quality"] if f["kind"] == "not_on_track_unmitigated"] == unmitigated
    if rule:
        statuses = ("on_track", "on_track_revised_later", "remedial_action", "unlikely", "not_started")
        assert sum(data["figures"][k]["count"] for k in statuses) == data["figures"]["responses"]["count"]
    return analysis


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), data=st.data())
def test_every_figure_matches_the_naive_reading(plan, data):
    rule = data.draw(st.booleans(), label="late_on_track_rule")
    last = len(plan.rounds) - 1
    check_round(plan, last, None, rule)
    if last > 0:
        check_round(plan, last - 1, None, rule)
    outcome = data.draw(st.sampled_from(plan.outcomes), label="outcome")
    check_round(plan, last, outcome, rule)
    # the trend chart counts the same returns as each round's figures
    trend = delivery_trend(plan, VOCAB, outcome, late_on_track_rule=rule)
    assert [label for label, _ in trend] == [r.label for r in plan.rounds]
    for index, (_label, counts) in enumerate(trend):
        figures = naive_figures(plan, index, outcome, rule)["figures"]
        for status in STATUSES:
            assert counts[status] == figures[status]["count"]
