"""The analysis engine on small plans whose every figure is worked out by hand (spec/monitoring.md §5).

The main plan has nine activities (refs 1–8 and 10; 10 is listed first to check ordering), two outcomes and
two rounds, 2019-20 Q1 (P) and 2019-20 Q2 (R). The financial year is 1 April 2019 – 31 March 2020.

    ref outcome  type                          end date    due in 2019-20?
    10  Children strategy_policy               2019-04-01  yes (first day)
    1   Children people_commissioning          2020-03-31  yes (last day)
    2   Children people_commissioning          2020-06-30  no
    3   Children service_change                2019-09-30  yes
    4   Economy  strategy_policy               2021-03-31  no
    5   Economy  people_commissioning          2019-12-31  yes
    6   Economy  infrastructure_commissioning  2022-01-01  no
    7   Economy  service_change                2020-04-01  no (a day after)
    8   Economy  strategy_policy               2023-03-31  no
"""

import json
from datetime import date

import pytest

from councilplan.analysis.figures import Figure
from councilplan.analysis.monitoring import analyse_round, delivery_trend, status_history
from councilplan.analysis.records import (
    Activity,
    Milestone,
    PlanData,
    Return,
    Round,
    Term,
    Vocabularies,
)

Q1, Q2 = "2019-20 Q1", "2019-20 Q2"
CHILDREN, ECONOMY = "Children", "Economy"

ACTIVITIES = (
    Activity("10", "Ten", CHILDREN, "strategy_policy", date(2019, 4, 1)),
    Activity("1", "One", CHILDREN, "people_commissioning", date(2020, 3, 31)),
    Activity("2", "Two", CHILDREN, "people_commissioning", date(2020, 6, 30)),
    Activity("3", "Three", CHILDREN, "service_change", date(2019, 9, 30)),
    Activity("4", "Four", ECONOMY, "strategy_policy", date(2021, 3, 31)),
    Activity("5", "Five", ECONOMY, "people_commissioning", date(2019, 12, 31)),
    Activity("6", "Six", ECONOMY, "infrastructure_commissioning", date(2022, 1, 1)),
    Activity("7", "Seven", ECONOMY, "service_change", date(2020, 4, 1)),
    Activity("8", "Eight", ECONOMY, "strategy_policy", date(2023, 3, 31)),
)

Q1_RETURNS = (
    Return(
        "1",
        "remedial_action",
        issues=("capacity", "financial"),
        mitigations=True,
        risk_registers=("service_divisional",),
        milestones={"go_live": Milestone(date(2020, 3, 1))},
        expected_to_report_to=("cmm",),
        form_rating=2,
    ),
    Return("2", "remedial_action", issues=("dependencies",)),
    Return("3", "on_track", expected_to_report_to=("cabinet_committee",), form_rating=5),
    Return(
        "4",
        "on_track",
        milestones={"approval_to_proceed": Milestone(date(2019, 7, 1))},
        expected_to_report_to=("cmm", "icb"),
        form_rating=4,
    ),
    # no return from 5 in Q1
    Return("6", "unlikely", issues=("legal",), mitigations=True, risk_registers=("corporate",), form_rating=1),
    Return("7", "not_started", expected_to_report_to=("cmm",)),
    Return("10", "on_track"),
)

Q2_RETURNS = (
    Return(
        "1",
        "on_track",
        milestones={
            "approval_to_proceed": Milestone(date(2019, 10, 1)),
            "go_live": Milestone(None, estimated=True, text="Spring 2020"),
        },
        new_end_date=date(2020, 9, 30),  # later than 2020-03-31
        reported_to=("cmm",),
        expected_to_report_to=("scb", "cabinet_committee"),
        forward_plan_scheduled=True,
        form_rating=4,
    ),
    Return(
        "2",
        "remedial_action",
        issues=("capacity", "dependencies"),
        mitigations=True,
        risk_registers=("project_programme",),
        form_rating=5,
    ),
    Return(
        "3",
        "unlikely",
        issues=("capacity",),
        milestones={"key_decision": Milestone(date(2019, 11, 1))},
        new_go_live_date=date(2020, 1, 31),  # later than 2019-09-30; no revised end date
        reported_to=("scb",),
        expected_to_report_to=("icb", "corporate_board"),
    ),
    Return(
        "4",
        "on_track",
        issues=("legal",),  # on track: kept but counted in no figure
        mitigations=True,
        risk_registers=("corporate",),
        milestones={"other": Milestone(None, text="Board paper")},
        new_go_live_date=date(2021, 6, 30),  # later than 2021-03-31
        expected_to_report_to=("cmm",),
        project_status="bau",
        status_reason="Now core business",
        remain_in_monitoring=None,
    ),
    Return(
        "5",
        "on_track",
        new_go_live_date=date(2020, 2, 1),  # later than 2019-12-31; no revised end date
        forward_plan_scheduled=True,  # expects no informal board: not counted
        form_rating=3,
    ),
    Return(
        "6",
        "on_track",
        previous_issues_resolution="Legal advice received.",
        milestones={"consultation_start": Milestone()},  # empty: not identified
        new_end_date=date(2021, 12, 31),  # earlier than 2022-01-01: a change, not later
        reported_to=("corporate_board",),
        expected_to_report_to=("bdg",),
        forward_plan_scheduled=True,
        project_status="completed",
        status_reason="Delivered",
        remain_in_monitoring=True,
        form_rating=4,
    ),
    Return(
        "7",
        "remedial_action",
        issues=("complexity", "dependencies", "other"),
        mitigations=False,
        risk_registers=("corporate", "directorate"),
        expected_to_report_to=("scb", "bdg"),
        forward_plan_scheduled=True,
    ),
    Return("8", "not_started", form_rating=2),
    # no return from 10 in Q2
    Return("99", "unlikely", issues=("capacity",)),  # not in the plan: ignored
)

PLAN = PlanData(
    "Test plan",
    ACTIVITIES,
    (Round(Q1, Q1_RETURNS), Round(Q2, Q2_RETURNS)),
    outcomes=(CHILDREN, ECONOMY),
)


def F(count, of, pct):  # noqa: N802 - reads like the spec's {count, of, percent}
    return Figure(count, of, pct)


# Q2, worked out by hand: 9 activities in scope, 8 returns (all but 10), 3 not on track (2, 3, 7).
EXPECTED_Q2 = {
    "responses": F(8, 9, 89),  # 88.9
    "on_track": F(4, 8, 50),  # 1, 4, 5, 6
    "remedial_action": F(2, 8, 25),  # 2, 7
    "unlikely": F(1, 8, 13),  # 3; 12.5 rounds up
    "not_started": F(1, 8, 13),  # 8
    "on_track_revised_later": F(3, 8, 38),  # 1 (end date), 4 and 5 (go live); not 6 (earlier)
    "not_on_track": F(3, 8, 38),  # 2, 3, 7
    "due_this_year": F(3, 8, 38),  # 1, 3, 5 (10 is due but sent no return; 7 ends 1 April 2020)
    "due_this_year_at_risk": F(2, 3, 67),  # 1 (revised end date), 3 (unlikely); not 5 (go live only)
    "people_commissioning_not_on_track": F(1, 3, 33),  # 2
    "milestones_identified": F(3, 8, 38),  # 1, 3, 4 (6's milestone is empty)
    "milestone_approval_to_proceed": F(1, 8, 13),  # 1
    "milestone_eqia_screening": F(0, 8, 0),
    "milestone_consultation_start": F(0, 8, 0),  # 6's is empty
    "milestone_key_decision": F(1, 8, 13),  # 3
    "milestone_go_live": F(1, 8, 13),  # 1 (an estimate)
    "milestone_other": F(1, 8, 13),  # 4
    "issue_capacity": F(2, 3, 67),  # 2, 3
    "issue_complexity": F(1, 3, 33),  # 7
    "issue_dependencies": F(2, 3, 67),  # 2, 7
    "issue_delivery_environment": F(0, 3, 0),
    "issue_stakeholders": F(0, 3, 0),
    "issue_financial": F(0, 3, 0),
    "issue_financial_benefits": F(0, 3, 0),
    "issue_legal": F(0, 3, 0),  # 4 names legal but is on track
    "issue_governance": F(0, 3, 0),
    "issue_other": F(1, 3, 33),  # 7
    "multiple_issues": F(2, 3, 67),  # 2 (two), 7 (three)
    "mitigations": F(1, 3, 33),  # 2
    "risk_recorded": F(2, 3, 67),  # 2, 7
    "risk_project_programme": F(1, 3, 33),  # 2
    "risk_service_divisional": F(0, 3, 0),
    "risk_directorate": F(1, 3, 33),  # 7
    "risk_corporate": F(1, 3, 33),  # 7 (4 is on track)
    "reported_cmm": F(1, 8, 13),  # 1
    "reported_corporate_board": F(1, 8, 13),  # 6
    "reported_informal_governance": F(1, 8, 13),  # 3 (scb)
    "reported_cabinet_committee": F(0, 8, 0),
    "expected_cmm": F(1, 8, 13),  # 4
    "expected_corporate_board": F(1, 8, 13),  # 3
    "expected_informal_governance": F(4, 8, 50),  # 1 (scb), 3 (icb), 6 (bdg), 7 (scb + bdg, once)
    "expected_cabinet_committee": F(1, 8, 13),  # 1
    "expected_none": F(3, 8, 38),  # 2, 5, 8
    "forward_plan_scheduled": F(3, 4, 75),  # 1, 6, 7 of the 4 expecting informal governance; not 3
    "end_date_changes": F(5, 8, 63),  # 1, 3, 4, 5, 6; 62.5 rounds up
    "project_status_completed": F(1, 8, 13),  # 6
    "project_status_stopped": F(0, 8, 0),
    "project_status_bau": F(1, 8, 13),  # 4
}


@pytest.fixture(scope="module")
def q2():
    return analyse_round(PLAN, Q2)


def test_every_figure_of_the_round(q2):
    assert q2.figures == EXPECTED_Q2
    assert list(q2.figures) == list(EXPECTED_Q2)  # stable order: the spec's table


def test_header_and_scope(q2):
    assert (q2.plan, q2.round, q2.previous_round, q2.outcome) == ("Test plan", Q2, Q1, None)
    assert q2.scope == ["1", "2", "3", "4", "5", "6", "7", "8", "10"]
    assert q2.outcomes == [CHILDREN, ECONOMY]


def test_previous_round_figures(q2):
    # Q1: 9 in scope, 7 returns (no 5, 8); not on track: 1, 2, 6.
    p = q2.previous_figures
    assert p["responses"] == F(7, 9, 78)
    assert [p[k] for k in ("on_track", "remedial_action", "unlikely", "not_started")] == [
        F(3, 7, 43),  # 3, 4, 10
        F(2, 7, 29),  # 1, 2
        F(1, 7, 14),  # 6
        F(1, 7, 14),  # 7
    ]
    assert p["on_track_revised_later"] == F(0, 7, 0)
    assert p["due_this_year"] == F(3, 7, 43)  # 1, 3, 10
    assert p["due_this_year_at_risk"] == F(1, 3, 33)  # 1
    assert p["people_commissioning_not_on_track"] == F(2, 3, 67)  # 1, 2
    assert p["milestones_identified"] == F(2, 7, 29)  # 1, 4
    assert p["issue_capacity"] == p["issue_financial"] == p["issue_legal"] == F(1, 3, 33)
    assert p["multiple_issues"] == F(1, 3, 33)  # 1
    assert p["mitigations"] == F(2, 3, 67)  # 1, 6
    assert p["risk_recorded"] == F(2, 3, 67)  # 1, 6
    assert p["expected_cmm"] == F(3, 7, 43)  # 1, 4, 7
    assert p["expected_informal_governance"] == F(1, 7, 14)  # 4
    assert p["expected_none"] == F(3, 7, 43)  # 2, 6, 10
    assert p["forward_plan_scheduled"] == F(0, 1, 0)
    assert list(p) == list(EXPECTED_Q2)
    assert q2.previous_scope == q2.scope


def test_form_rating_and_issue_distribution(q2):
    # Q2 ratings 4, 5, 3, 4, 2 → 18 / 5; Q1 ratings 2, 5, 4, 1 → 12 / 4.
    assert (q2.form_rating.average, q2.form_rating.responses) == (3.6, 5)
    assert (q2.previous_form_rating.average, q2.previous_form_rating.responses) == (3.0, 4)
    # Not on track in Q2: 3 has one theme, 2 two, 7 three. In Q1: 2 and 6 one, 1 two.
    assert q2.issue_count_distribution == {"1": 1, "2": 1, "3": 1}
    assert q2.previous_issue_count_distribution == {"1": 2, "2": 1}


def test_change_words_against_the_previous_round(q2):
    assert q2.change("on_track") == "up from 3 in Q1"
    assert q2.change("remedial_action") == "the same as in Q1"
    assert q2.change("expected_cmm") == "down from 3 in Q1"


def test_summary_rows(q2):
    rows = [(r.ref, r.status, r.milestones, r.groups) for r in q2.activities]

    def g(cmm=False, cb=False, ig=False, cc=False):
        return {"cmm": cmm, "corporate_board": cb, "informal_governance": ig, "cabinet_committee": cc}

    assert rows == [
        ("1", "on_track", True, g(cmm=True, ig=True, cc=True)),  # reported cmm; expects scb, cc
        ("2", "remedial_action", False, g()),
        ("3", "unlikely", True, g(cb=True, ig=True)),  # reported scb; expects icb, corporate board
        ("4", "on_track", True, g(cmm=True)),
        ("5", "on_track", False, g()),
        ("6", "on_track", False, g(cb=True, ig=True)),  # reported corporate board; expects bdg
        ("7", "remedial_action", False, g(ig=True)),
        ("8", "not_started", False, g()),
        ("10", None, False, g()),  # no return
    ]
    grouped = [(outcome, [r.ref for r in rows]) for outcome, rows in q2.by_outcome()]
    assert grouped == [(CHILDREN, ["1", "2", "3", "10"]), (ECONOMY, ["4", "5", "6", "7", "8"])]
    by_outcome_changes = [(o, [r.ref for r in rs]) for o, rs in q2.by_outcome(q2.status_changes)]
    assert by_outcome_changes == [(CHILDREN, ["1", "3"]), (ECONOMY, ["6", "7"])]


def test_not_on_track_table(q2):
    rows = [(r.ref, r.status, r.previous_status, r.issues, r.mitigations) for r in q2.not_on_track]
    assert rows == [
        ("2", "remedial_action", "remedial_action", ("capacity", "dependencies"), True),
        ("3", "unlikely", "on_track", ("capacity",), False),
        ("7", "remedial_action", "not_started", ("complexity", "dependencies", "other"), False),
    ]


def test_status_changes_and_their_reasons(q2):
    rows = [(r.ref, r.previous_status, r.status, r.direction, r.reason) for r in q2.status_changes]
    assert rows == [
        (
            "1",
            "remedial_action",
            "on_track",
            "improved",
            "No information given on resolution of Q1 issues (Capacity; Financial). Change of end date.",
        ),
        ("3", "on_track", "unlikely", "worsened", "Issues identified: Capacity. Change of 'Go Live' date."),
        (
            "6",
            "unlikely",
            "on_track",
            "improved",
            "Resolution of Q1 issues: Legal advice received. Change of end date.",
        ),
        ("7", "not_started", "remedial_action", "changed", "Issues identified: Complexity; Dependencies; Other."),
    ]
    assert q2.status_changes[0].previous_issues == ("capacity", "financial")
    assert q2.status_changes[1].previous_issues == ()


def test_no_information_reason_without_date_change_and_with_one_issue():
    plan = PlanData(
        "p",
        (
            Activity("1", "A", "O", "service_change", date(2020, 1, 1)),
            Activity("2", "B", "O", "service_change", date(2020, 1, 1)),
            Activity("3", "C", "O", "service_change", date(2020, 1, 1)),
            Activity("4", "D", "O", "service_change", date(2020, 1, 1)),
            Activity("5", "E", "O", "service_change", date(2020, 1, 1)),
        ),
        (
            Round(
                Q1,
                (
                    Return("1", "unlikely", issues=("capacity", "financial")),
                    Return("2", "remedial_action", issues=("complexity",)),
                    # seed 000 §2.3, activity 78: the themes keep the order the return gives them
                    Return("3", "unlikely", issues=("stakeholders", "delivery_environment")),
                    Return("4", "unlikely", issues=("legal",)),
                    Return("5", "remedial_action", issues=("capacity",)),
                ),
            ),
            Round(
                Q2,
                (
                    Return("1", "on_track"),
                    Return("2", "on_track", previous_issues_resolution="   "),  # blank counts as none
                    Return("3", "on_track"),
                    # improved but still not on track: still says nothing on Q1's issues
                    Return("4", "remedial_action", issues=("legal",), mitigations=True),
                    Return("5", "on_track", previous_issues_resolution="New contract agreed"),
                ),
            ),
        ),
    )
    a = analyse_round(plan, Q2)
    assert [r.reason for r in a.status_changes] == [
        "No information given on resolution of Q1 issues (Capacity; Financial).",
        "No information given on resolution of Q1 issue (Complexity).",
        "No information given on resolution of Q1 issues (Stakeholders / relationships; Delivery environment).",
        "No information given on resolution of Q1 issue (Legal).",
        "Resolution of Q1 issues: New contract agreed.",
    ]
    assert [(f.ref, f.kind) for f in a.data_quality] == [
        ("1", "no_resolution_given"),
        ("2", "no_resolution_given"),
        ("3", "no_resolution_given"),
        ("4", "no_resolution_given"),
    ]


def test_a_theme_named_twice_counts_once():
    plan = PlanData(
        "p",
        (Activity("1", "A", "O", "service_change", date(2030, 1, 1)),),
        (Round(Q1, (Return("1", "unlikely", issues=("legal", "legal"), mitigations=True),)),),
    )
    a = analyse_round(plan, Q1)
    assert a.figures["issue_legal"] == F(1, 1, 100)
    assert a.figures["multiple_issues"] == F(0, 1, 0)
    assert a.issue_count_distribution == {"1": 1}
    assert a.not_on_track[0].issues == ("legal",)


def test_end_date_changes_table(q2):
    rows = [(r.ref, r.status, r.original_end_date, r.new_end_date, r.new_go_live_date) for r in q2.end_date_changes]
    assert rows == [
        ("1", "on_track", date(2020, 3, 31), date(2020, 9, 30), None),
        ("3", "unlikely", date(2019, 9, 30), None, date(2020, 1, 31)),
        ("4", "on_track", date(2021, 3, 31), None, date(2021, 6, 30)),
        ("5", "on_track", date(2019, 12, 31), None, date(2020, 2, 1)),
        ("6", "on_track", date(2022, 1, 1), date(2021, 12, 31), None),
    ]


def test_ended_table(q2):
    rows = [(r.ref, r.project_status, r.reason, r.remain_in_monitoring, r.leaves_monitoring) for r in q2.ended]
    assert rows == [
        ("4", "bau", "Now core business", None, True),
        ("6", "completed", "Delivered", True, False),
    ]


def test_data_quality_flags(q2):
    flags = [(f.ref, f.kind) for f in q2.data_quality]
    assert flags == [
        ("1", "no_resolution_given"),  # improved from remedial action, resolution blank
        ("1", "on_track_with_later_date"),  # end date 2020-09-30 after 2020-03-31
        ("3", "not_on_track_unmitigated"),  # no mitigations, no risk register
        ("4", "on_track_with_later_date"),  # go live 2021-06-30 after 2021-03-31
        ("4", "ended_without_decision"),  # BAU, remain_in_monitoring None
        ("5", "on_track_with_later_date"),  # go live 2020-02-01 after 2019-12-31
    ]
    # Not firing: 6 gave a resolution, revised to an earlier date, completed with remain True;
    # 2 has mitigations; 7 has no mitigations but is on risk registers.
    messages = {(f.ref, f.kind): f.message for f in q2.data_quality}
    assert messages[("1", "no_resolution_given")] == (
        "The status improved from 'It requires remedial action' in Q1 to 'Yes, it is on track', but the "
        "return gives no information on how the Q1 issues were resolved (Capacity; Financial)."
    )
    assert "30 September 2020" in messages[("1", "on_track_with_later_date")]
    assert "31 March 2020" in messages[("1", "on_track_with_later_date")]
    assert "'Go Live' date (30 June 2021)" in messages[("4", "on_track_with_later_date")]
    assert "Business as usual" in messages[("4", "ended_without_decision")]
    assert "risk register" in messages[("3", "not_on_track_unmitigated")]
    assert {f.title for f in q2.data_quality if f.ref == "4"} == {"Four"}


def test_ended_flag_does_not_fire_when_cmm_decided_either_way():
    plan = PlanData(
        "p",
        (Activity("1", "A", "O", "service_change", date(2020, 1, 1)),),
        (Round(Q1, (Return("1", "on_track", project_status="stopped", remain_in_monitoring=False),)),),
    )
    assert analyse_round(plan, Q1).data_quality == []


def test_late_on_track_rule():
    on = analyse_round(PLAN, Q2, late_on_track_rule=True)
    # 1, 4 and 5 are on track with a later date: out of on_track, into on_track_revised_later.
    assert on.figures["on_track"] == F(1, 8, 13)  # only 6; 12.5 rounds up
    assert on.figures["on_track_revised_later"] == F(3, 8, 38)
    statuses = ("on_track", "on_track_revised_later", "remedial_action", "unlikely", "not_started")
    assert sum(on.figures[k].count for k in statuses) == 8
    assert on.figures["not_on_track"] == F(3, 8, 38)  # unaffected
    assert on.figures["due_this_year_at_risk"] == F(3, 3, 100)  # now 5 too: its go live is later
    # every other figure is as without the rule
    changed = {"on_track", "due_this_year_at_risk"}
    assert {k: f for k, f in on.figures.items() if k not in changed} == {
        k: f for k, f in EXPECTED_Q2.items() if k not in changed
    }
    assert [r.status for r in on.activities] == [
        "on_track_revised_later",  # 1
        "remedial_action",
        "unlikely",
        "on_track_revised_later",  # 4
        "on_track_revised_later",  # 5
        "on_track",  # 6: revised to an earlier date
        "remedial_action",
        "not_started",
        None,
    ]
    # 4 was on track in Q1 and now is not considered so: a status change.
    changes = [(r.ref, r.previous_status, r.status, r.direction) for r in on.status_changes]
    assert changes == [
        ("1", "remedial_action", "on_track_revised_later", "improved"),
        ("3", "on_track", "unlikely", "worsened"),
        ("4", "on_track", "on_track_revised_later", "worsened"),
        ("6", "unlikely", "on_track", "improved"),
        ("7", "not_started", "remedial_action", "changed"),
    ]
    assert on.status_label("on_track_revised_later").startswith("On track, but")

    off = analyse_round(PLAN, Q2, late_on_track_rule=False)
    assert off.figures["on_track"] == F(4, 8, 50)
    assert off.figures["on_track_revised_later"] == F(3, 8, 38)


def test_outcome_restriction():
    a = analyse_round(PLAN, Q2, outcome=CHILDREN)
    # Children: 1, 2, 3, 10. Q2 returns 1, 2, 3; not on track 2 and 3.
    assert a.outcome == CHILDREN
    assert a.outcomes == [CHILDREN]
    assert a.scope == ["1", "2", "3", "10"]
    assert a.figures["responses"] == F(3, 4, 75)
    assert a.figures["on_track"] == a.figures["remedial_action"] == a.figures["unlikely"] == F(1, 3, 33)
    assert a.figures["not_on_track"] == F(2, 3, 67)
    assert a.figures["issue_capacity"] == F(2, 2, 100)
    assert a.figures["issue_dependencies"] == F(1, 2, 50)
    assert a.figures["people_commissioning_not_on_track"] == F(1, 2, 50)  # 2
    assert a.figures["due_this_year"] == F(2, 3, 67)  # 1, 3
    # Q1 for Children: 1, 2, 3, 10 all returned; on track 3 and 10, remedial 1 and 2.
    assert a.previous_figures["responses"] == F(4, 4, 100)
    assert a.previous_figures["on_track"] == F(2, 4, 50)
    assert a.previous_figures["remedial_action"] == F(2, 4, 50)
    assert [r.ref for r in a.status_changes] == ["1", "3"]
    assert [r.ref for r in a.activities] == ["1", "2", "3", "10"]
    with pytest.raises(ValueError, match="not one of the outcomes"):
        analyse_round(PLAN, Q2, outcome="Nowhere")


def _scope_plan():
    acts = tuple(Activity(str(i), f"A{i}", "O", "service_change", date(2020, 1, 1)) for i in range(1, 7))
    q1 = (
        Return("1", "on_track", project_status="bau", remain_in_monitoring=False),  # leaves after Q1
        Return("2", "on_track", project_status="bau", remain_in_monitoring=None),  # leaves after Q1 (default)
        Return("3", "on_track", project_status="bau", remain_in_monitoring=True),  # stays
        Return("4", "on_track"),
        Return("5", "on_track", project_status="completed", remain_in_monitoring=True),  # stays
        Return("6", "on_track"),
    )
    q2 = (
        Return("1", "unlikely", issues=("capacity",)),  # out of scope: ignored
        Return("3", "on_track"),
        Return("4", "on_track", project_status="completed"),  # no decision: leaves after Q2
        Return("5", "remedial_action", issues=("legal",), project_status="stopped", remain_in_monitoring=False),
        Return("6", "on_track"),
        Return("99", "unlikely"),  # not in the plan: ignored
    )
    q3 = (
        Return("3", "on_track"),
        Return("4", "unlikely", issues=("legal",)),  # out of scope: ignored
        Return("6", "on_track"),
    )
    return PlanData("scope", acts, (Round(Q1, q1), Round(Q2, q2), Round("2019-20 Q3", q3)))


def test_scope_after_an_activity_ends():
    plan = _scope_plan()
    q1 = analyse_round(plan, Q1)
    assert q1.scope == ["1", "2", "3", "4", "5", "6"]
    assert q1.figures["project_status_bau"] == F(3, 6, 50)
    assert q1.figures["project_status_completed"] == F(1, 6, 17)  # 16.7

    q2 = analyse_round(plan, Q2)
    # 1 (remain no) and 2 (no decision) have gone; 3 and 5 stay (remain yes).
    assert q2.scope == ["3", "4", "5", "6"]
    assert q2.figures["responses"] == F(4, 4, 100)
    assert q2.figures["unlikely"] == F(0, 4, 0)  # 1's return is not counted
    assert q2.figures["remedial_action"] == F(1, 4, 25)  # 5
    assert q2.figures["issue_capacity"] == F(0, 1, 0)

    q3 = analyse_round(plan, "2019-20 Q3")
    # 4 (completed, no decision) and 5 (stopped, remain no) left after Q2; 3 stays though BAU in Q1.
    assert q3.scope == ["3", "6"]
    assert q3.figures["responses"] == F(2, 2, 100)
    assert q3.figures["unlikely"] == F(0, 2, 0)  # 4's return is not counted
    assert q3.previous_figures["responses"] == F(4, 4, 100)  # Q2 in its own scope
    assert q3.previous_scope == ["3", "4", "5", "6"]
    assert q3.status_changes == []


def test_first_round_has_no_previous():
    q1 = analyse_round(PLAN, Q1)
    assert q1.previous_round is None
    assert q1.previous_figures is None
    assert q1.previous_form_rating is None
    assert q1.status_changes == []
    assert all(r.previous_status is None for r in q1.not_on_track)
    assert q1.change("on_track") == ""
    assert q1.as_json()["previous_figures"] is None


def test_unknown_round_is_an_error():
    with pytest.raises(ValueError, match="not one of the rounds"):
        analyse_round(PLAN, "2019-20 Q3")


def test_bad_round_label_is_an_error():
    plan = PlanData("p", ACTIVITIES[:1], (Round("Autumn", ()),))
    with pytest.raises(ValueError, match="YYYY-YY Qn"):
        analyse_round(plan, "Autumn")


def test_previous_round_in_another_financial_year_is_named_in_full():
    plan = PlanData(
        "p",
        (Activity("1", "A", "O", "service_change", date(2021, 1, 1)),),
        (
            Round("2019-20 Q4", (Return("1", "on_track"),)),
            Round("2020-21 Q1", (Return("1", "on_track"),)),
        ),
    )
    a = analyse_round(plan, "2020-21 Q1")
    assert a.previous_quarter == "2019-20 Q4"
    assert a.change("on_track") == "the same as in 2019-20 Q4"
    # 2021-01-01 is in 2020-21 but not in 2019-20
    assert a.figures["due_this_year"] == F(1, 1, 100)
    assert a.previous_figures["due_this_year"] == F(0, 1, 0)
    assert a.previous_figures["due_this_year_at_risk"] == F(0, 0, None)


def test_organisation_added_terms_get_their_own_figures():
    base = Vocabularies.defaults().terms
    terms = dict(base)
    terms["issue_theme"] = (*base["issue_theme"], Term("brexit", "Brexit"))
    terms["board_group"] = (*base["board_group"], Term("health", "Health partnerships"))
    terms["board"] = (*base["board"], Term("hwb", "Health and Wellbeing Board", "health"))
    vocab = Vocabularies(terms)
    plan = PlanData(
        "p",
        (
            Activity("1", "A", "O", "service_change", date(2030, 1, 1)),
            Activity("2", "B", "O", "service_change", date(2030, 1, 1)),
        ),
        (
            Round(
                Q1,
                (
                    Return("1", "unlikely", issues=("brexit", "legal"), expected_to_report_to=("hwb",)),
                    Return("2", "remedial_action", issues=("brexit",), reported_to=("hwb", "cmm")),
                ),
            ),
        ),
    )
    a = analyse_round(plan, Q1, vocab)
    keys = list(a.figures)
    assert keys.index("issue_brexit") == keys.index("issue_other") + 1
    assert keys.index("reported_health") == keys.index("reported_cabinet_committee") + 1
    assert keys.index("expected_health") == keys.index("expected_cabinet_committee") + 1
    assert a.figures["issue_brexit"] == F(2, 2, 100)
    assert a.figures["issue_legal"] == F(1, 2, 50)
    assert a.figures["reported_health"] == F(1, 2, 50)
    assert a.figures["expected_health"] == F(1, 2, 50)
    assert a.figures["expected_none"] == F(1, 2, 50)  # 2
    assert a.as_json()["activities"][0]["health"] is True
    assert a.not_on_track[0].issues == ("brexit", "legal")  # as the return gives them


def test_as_json_schema_and_order(q2):
    data = q2.as_json()
    json.dumps(data)  # serialisable as it is
    assert list(data)[:13] == [
        "plan",
        "round",
        "previous_round",
        "outcome",
        "figures",
        "previous_figures",
        "form_rating",
        "issue_count_distribution",
        "activities",
        "not_on_track",
        "status_changes",
        "end_date_changes",
        "ended",
    ]
    assert {"scope", "previous_form_rating", "data_quality"} <= set(data)
    assert data["figures"]["responses"] == {"count": 8, "of": 9, "percent": 89}
    assert data["figures"]["forward_plan_scheduled"] == {"count": 3, "of": 4, "percent": 75}
    assert data["previous_figures"]["responses"] == {"count": 7, "of": 9, "percent": 78}
    assert data["form_rating"] == {"average": 3.6, "responses": 5}
    assert data["issue_count_distribution"] == {"1": 1, "2": 1, "3": 1}
    assert [r["ref"] for r in data["activities"]] == ["1", "2", "3", "4", "5", "6", "7", "8", "10"]
    assert data["activities"][0] == {
        "ref": "1",
        "title": "One",
        "outcome": CHILDREN,
        "status": "on_track",
        "milestones": True,
        "cmm": True,
        "corporate_board": False,
        "informal_governance": True,
        "cabinet_committee": True,
    }
    assert data["activities"][-1]["status"] is None
    assert data["not_on_track"][2] == {
        "ref": "7",
        "title": "Seven",
        "status": "remedial_action",
        "previous_status": "not_started",
        "issues": ["complexity", "dependencies", "other"],
        "mitigations": False,
    }
    assert data["status_changes"][0] == {
        "ref": "1",
        "title": "One",
        "previous_status": "remedial_action",
        "status": "on_track",
    }
    assert data["end_date_changes"][1] == {
        "ref": "3",
        "title": "Three",
        "status": "unlikely",
        "original_end_date": "2019-09-30",
        "new_end_date": None,
        "new_go_live_date": "2020-01-31",
    }
    assert data["ended"] == [
        {
            "ref": "4",
            "title": "Four",
            "project_status": "bau",
            "reason": "Now core business",
            "remain_in_monitoring": None,
        },
        {
            "ref": "6",
            "title": "Six",
            "project_status": "completed",
            "reason": "Delivered",
            "remain_in_monitoring": True,
        },
    ]
    assert data["data_quality"][0]["kind"] == "no_resolution_given"
    assert set(data["data_quality"][0]) == {"ref", "title", "kind", "message"}


def test_refs_sort_by_number_then_text():
    refs = ["10", "2", "1a", "B", "1", "A2", "A10"]
    plan = PlanData(
        "p",
        tuple(Activity(r, r, "O", "service_change", date(2030, 1, 1)) for r in refs),
        (Round(Q1, tuple(Return(r, "unlikely", issues=("legal",)) for r in refs)),),
    )
    a = analyse_round(plan, Q1)
    expected = ["1", "1a", "2", "10", "A2", "A10", "B"]
    assert a.scope == expected
    assert [r["ref"] for r in a.as_json()["not_on_track"]] == expected


def test_status_history_and_delivery_trend():
    assert status_history(PLAN, "10") == [(Q1, "on_track"), (Q2, None)]
    assert status_history(PLAN, "5") == [(Q1, None), (Q2, "on_track")]
    assert status_history(PLAN, "5", late_on_track_rule=True) == [(Q1, None), (Q2, "on_track_revised_later")]
    # activity 1 left after Q1 (BAU, remain no): its Q2 return is not counted
    assert status_history(_scope_plan(), "1") == [(Q1, "on_track"), (Q2, None), ("2019-20 Q3", None)]
    with pytest.raises(ValueError):
        status_history(PLAN, "42")

    assert delivery_trend(PLAN) == [
        (Q1, {"on_track": 3, "remedial_action": 2, "unlikely": 1, "not_started": 1}),
        (Q2, {"on_track": 4, "remedial_action": 2, "unlikely": 1, "not_started": 1}),
    ]
    assert delivery_trend(PLAN, outcome=CHILDREN) == [
        (Q1, {"on_track": 2, "remedial_action": 2, "unlikely": 0, "not_started": 0}),
        (Q2, {"on_track": 1, "remedial_action": 1, "unlikely": 1, "not_started": 0}),
    ]
    assert delivery_trend(PLAN, late_on_track_rule=True)[1] == (
        Q2,
        {"on_track": 1, "remedial_action": 2, "unlikely": 1, "not_started": 1, "on_track_revised_later": 3},
    )


def test_large_plan_is_analysed_quickly():
    """5,000 activities × 8 rounds: the engine copes (its speed is measured in benchmarks/, not here)."""
    labels = [f"{2019 + q // 4}-{(20 + q // 4) % 100:02d} Q{q % 4 + 1}" for q in range(8)]
    statuses = ("on_track", "remedial_action", "unlikely", "not_started")
    acts = tuple(
        Activity(str(i), f"A{i}", f"O{i % 7}", "service_change", date(2019 + i % 4, 1 + i % 12, 1))
        for i in range(1, 5001)
    )
    rounds = tuple(
        Round(
            label,
            tuple(
                Return(
                    a.ref,
                    statuses[(i + r) % 4],
                    issues=("capacity", "legal")[: (i + r) % 3],
                    milestones={"go_live": Milestone(date(2021, 1, 1))} if i % 2 else {},
                    new_end_date=date(2022, 1, 1) if i % 5 == 0 else None,
                    reported_to=("cmm", "scb"),
                    expected_to_report_to=("icb",) if i % 3 else (),
                    project_status="bau" if (i + r) % 997 == 0 else "active",
                    form_rating=1 + i % 5,
                )
                for i, a in enumerate(acts)
                if (i + r) % 10
            ),
        )
        for r, label in enumerate(labels)
    )
    plan = PlanData("big", acts, rounds)
    a = analyse_round(plan, labels[-1])
    a.as_json()
    analyse_round(plan, labels[-1], outcome="O3", late_on_track_rule=True)
    delivery_trend(plan)
    # Brute force: an activity leaves after any earlier round in which it returned BAU (no decision recorded).
    left = {i for i in range(5000) for r in range(7) if (i + r) % 10 and (i + r) % 997 == 0}
    assert a.figures["responses"].of == 5000 - len(left)
    assert a.figures["responses"].count == sum(1 for i in range(5000) if i not in left and (i + 7) % 10)
