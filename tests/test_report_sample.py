"""The sample Q2 report shows every number of spec §6, and the Q1 numbers it compares with.

The expected numbers are typed from the spec (and seed 000), not taken from the engine."""

import json

import pytest
from report_support import Q1, Q2, parse_html, plain_text, table

from councilplan.documents.model import Chart
from councilplan.documents.render_html import render_html
from councilplan.monitoring.models import Round
from councilplan.reports.output import produce, report_data
from councilplan.reports.round_report import build_round_report
from councilplan.reports.selectors import report_inputs

pytestmark = pytest.mark.django_db

# spec §6, "The Q2 report built from it must show exactly": key -> (count, of, percent or None when not given)
Q2_FIGURES = {
    "responses": (79, 79, 100),
    "on_track": (64, 79, 81),
    "remedial_action": (10, 79, 13),
    "unlikely": (3, 79, 4),
    "not_started": (2, 79, 3),
    "not_on_track": (13, 79, None),
    "due_this_year": (29, 79, None),
    "due_this_year_at_risk": (11, 29, 38),
    "people_commissioning_not_on_track": (5, 13, 38),
    "milestones_identified": (48, 79, 61),
    "milestone_approval_to_proceed": (32, 79, None),
    "milestone_eqia_screening": (34, 79, None),
    "milestone_consultation_start": (19, 79, None),
    "milestone_key_decision": (30, 79, None),
    "milestone_go_live": (48, 79, None),
    "milestone_other": (32, 79, None),
    "issue_dependencies": (9, 13, 69),
    "issue_capacity": (8, 13, 62),
    "issue_complexity": (6, 13, 46),
    "issue_stakeholders": (6, 13, 46),
    "issue_delivery_environment": (5, 13, None),
    "issue_financial": (2, 13, None),
    "issue_financial_benefits": (1, 13, None),
    "issue_legal": (2, 13, None),
    "issue_governance": (1, 13, None),
    "multiple_issues": (11, 13, None),
    "mitigations": (10, 13, 77),
    "expected_informal_governance": (23, 79, 29),
    "expected_cabinet_committee": (37, 79, 47),
    "expected_cmm": (25, 79, None),
    "expected_none": (21, 79, None),
    "reported_cmm": (17, 79, None),
    "reported_cabinet_committee": (14, 79, None),
    "reported_informal_governance": (21, 79, None),
    "forward_plan_scheduled": (7, 23, 30),
    "risk_project_programme": (6, 13, 46),
    "risk_service_divisional": (5, 13, 38),
    "risk_directorate": (2, 13, 15),
    "risk_corporate": (1, 13, 8),
    "risk_recorded": (11, 13, None),
    "end_date_changes": (20, 79, None),
    "project_status_bau": (7, 79, None),
    "project_status_completed": (1, 79, None),
}

# spec §6 "and for Q1"
Q1_COUNTS = {
    "on_track": 67,
    "remedial_action": 7,
    "unlikely": 5,
    "not_started": 0,
    "milestones_identified": 51,
    "milestone_approval_to_proceed": 35,
    "milestone_eqia_screening": 19,
    "milestone_consultation_start": 11,
    "milestone_key_decision": 23,
    "milestone_go_live": 19,
    "milestone_other": 19,
    "expected_cmm": 31,
    "expected_cabinet_committee": 41,
    "expected_informal_governance": 31,
    "expected_none": 19,
}

NOT_ON_TRACK_REFS = ["4", "5", "6", "10", "11", "21", "30", "52", "56", "59", "63", "70", "74"]


@pytest.fixture
def q2(sample_plan):
    return Round.objects.get(plan=sample_plan, label=Q2)


@pytest.fixture
def q2_json(q2):
    return json.loads(produce(q2, "json").content)


@pytest.fixture
def q2_html(q2):
    return produce(q2, "html").content.decode()


def test_q2_figures_are_as_the_spec_says(q2_json):
    # One comparison of every figure, so that a failure lists every figure that is wrong.
    shown = {
        key: (
            q2_json["figures"][key]["count"],
            q2_json["figures"][key]["of"],
            q2_json["figures"][key]["percent"] if percent is not None else None,
        )
        for key, (_, _, percent) in Q2_FIGURES.items()
    }

    assert shown == Q2_FIGURES


def test_q2_is_compared_with_the_q1_figures(q2_json):
    assert q2_json["previous_round"] == Q1
    previous = {key: q2_json["previous_figures"][key]["count"] for key in Q1_COUNTS}

    assert previous == Q1_COUNTS


def test_form_rating_and_issue_count_distribution(q2_json):
    assert q2_json["form_rating"]["average"] == 3.70
    assert q2_json["previous_form_rating"]["average"] == 4.22
    # spec §6 "Where the seed contradicts itself": the §2.2 table gives 2 / 4 / 5 / 2 by 1, 2, 4, 5 issues.
    assert q2_json["issue_count_distribution"] == {"1": 2, "2": 4, "4": 5, "5": 2}


def test_json_has_the_spec_schema(q2_json):
    for key in (
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
        "data_quality",
    ):
        assert key in q2_json
    assert set(q2_json["activities"][0]) >= {
        "ref",
        "title",
        "outcome",
        "status",
        "milestones",
        "cmm",
        "corporate_board",
        "informal_governance",
        "cabinet_committee",
    }
    assert set(q2_json["not_on_track"][0]) == {"ref", "title", "status", "previous_status", "issues", "mitigations"}
    assert set(q2_json["end_date_changes"][0]) == {
        "ref",
        "title",
        "status",
        "original_end_date",
        "new_end_date",
        "new_go_live_date",
    }
    assert q2_json["outcome"] is None


def test_overview_sentences_say_the_seeds_numbers(q2_html):
    text = plain_text(q2_html)

    for sentence in (
        "100% (79) of activities submitted a response",
        "81% (64) of activities are on track for successful delivery",
        "13% (10) of activities require remedial action",
        "4% (3) of activities are unlikely to be achieved",
        "3% (2) of activities have not formally started",
        "38% (11) of activities that are due to complete in 2019/20 are not on track or are on track but with a "
        "revised end date",
        "38% (5) of activities not on track are People commissioning type activities",
        "61% (48) of activities were able to identify key milestones",
        "69% (9) of activities not on track have identified Dependencies issues",
        "62% (8) of activities not on track have identified Capacity issues",
        "46% (6) of activities not on track have identified Complexity issues",
        "46% (6) of activities not on track have identified Stakeholders / relationships issues",
        "77% (10) of activities with issues have mitigating actions or escalations in place",
        "29% (23) of activities are expecting to report to Informal Governance Boards",
        "47% (37) of activities are expecting to report to Cabinet Committee",
        "46% (6) of activities not on track are recorded in Project / programme risk registers",
        "38% (5) of activities not on track are recorded in Service / divisional risk registers",
        "15% (2) of activities not on track are recorded in Directorate risk registers",
        "8% (1) of activities not on track are recorded in Corporate risk registers",
    ):
        assert sentence in text


def test_sections_compare_with_q1_in_words(q2_html):
    text = plain_text(q2_html)

    # 1.3, 2.1, 3.1, 3.2, 3.3, 4.4, 6.2 of seed 000, in this report's words
    for words in (
        "3.70 stars out of 5",
        "lower than the 4.22 stars in Q1",
        "64 activities are on track (down from 67 in Q1)",
        "10 require remedial action (up from 7 in Q1)",
        "3 are unlikely to be achieved (down from 5 in Q1)",
        "2 have not formally started (up from 0 in Q1)",
        "48 of the 79 activities reported key milestones (down from 51 in Q1)",
        "32 for ‘Approval to proceed’ (down from 35 in Q1)",
        "34 for ‘EQIA initial screening completed’ (up from 19 in Q1)",
        "19 for ‘Consultation start’ (up from 11 in Q1)",
        "30 for ‘Key decision taken’ (up from 23 in Q1)",
        "48 for ‘Go Live’ (up from 19 in Q1)",
        "32 activities identified ‘other’ milestones (up from 19 in Q1)",
        "11 activities identified more than one emerging issue (up from 7 in Q1)",
        "2 identified 1 issue, 4 identified 2 issues, 5 identified 4 issues and 2 identified 5 issues",
        "10 have identified mitigating actions or escalations",
        "25 to Cabinet Members Meeting (down from 31 in Q1)",
        "37 to Cabinet Committee (down from 41 in Q1)",
        "23 to Informal Governance Boards (down from 31 in Q1)",
        "21 activities are not expecting to report to any of the boards in 2019/20 (up from 19 in Q1)",
        "17 have reported to Cabinet Members Meeting",
        "14 have reported to Cabinet Committee",
        "7 (30%) have a scheduled item on the informal governance forward plan",
        "11 of the 13 activities with issues do have risks recorded",
        "20 activities have revised their end dates",
        "submission window opened on 30 August 2019",
        "The form closed on 13 September 2019",
    ):
        assert words in text


def test_summary_tick_totals_are_the_seeds(q2):
    inputs = report_inputs(q2)
    document = build_round_report(inputs.analysis, inputs.extras, inputs.commentary, inputs.meta)
    totals = next(t for t in document.tables if t.caption == "Summary: ticks for all activities")

    assert totals.header[1:] == (
        "Milestones",
        "Cabinet Members Meeting",
        "Corporate Board",
        "Informal Governance Boards",
        "Cabinet Committee",
    )
    # spec §6: milestones 48, CMM 26, Corporate Board 9, informal governance 30, Cabinet Committee 40
    assert totals.rows == ((79, 48, 26, 9, 30, 40),)
    outcome_tables = [t for t in document.tables if t.caption.startswith("Summary table: ")]
    assert [t.rows[-1][0] for t in outcome_tables] == [
        "Total: 14 activities",
        "Total: 30 activities",
        "Total: 17 activities",
        "Total: 18 activities",
    ]


def test_tables_list_the_seeds_activities(q2_html):
    parsed = parse_html(q2_html)

    not_on_track = table(parsed, "Activities not on track for successful delivery")
    assert [row[0].split(".")[0] for row in not_on_track["rows"][1:]] == NOT_ON_TRACK_REFS
    assert not_on_track["rows"][0] == [
        "Activity",
        "Delivery Q1",
        "Delivery Q2",
        "Emerging issues",
        "Mitigating actions / escalations",
    ]
    unmitigated = [row[0].split(".")[0] for row in not_on_track["rows"][1:] if row[4] == "no"]
    assert unmitigated == ["52", "63", "70"]

    changes = table(parsed, "Activities whose status changed since Q1")
    refs = [row[0].split(".")[0] for row in changes["rows"][1:]]
    for ref in ("34", "35", "51", "54", "58", "61", "63", "78"):  # seed 000 §2.3
        assert ref in refs
    row_34 = next(row for row in changes["rows"] if row[0].startswith("34."))
    assert (
        "No information given on resolution of Q1 issues (Capacity; Financial; Delivery environment; Other)"
        in (row_34[3])
    )

    ended = table(parsed, "Activities reported completed, stopped or business as usual")
    assert [row[0].split(".")[0] for row in ended["rows"][1:]] == ["16", "17", "23", "25", "36", "70", "71", "74"]

    dates = table(parsed, "Activities with a revised end date or ‘Go Live’ date")
    assert len(dates["rows"]) - 1 == 20
    assert next(row for row in dates["rows"] if row[0].startswith("33."))[2:] == ["01/01/2020", "", "12/12/2018"]

    text = plain_text(q2_html)
    assert "5.3 The 3 activities which did not identify mitigating actions or escalations are:" in text
    assert "not recorded within risk registers: no. 6: Delivering the Commissioning Strategy" in text
    assert "and no. 70: Delivery of the Disposals Programme" in text


def test_charts_carry_their_data_tables(q2):
    inputs = report_inputs(q2)
    document = build_round_report(inputs.analysis, inputs.extras, inputs.commentary, inputs.meta)
    charts = {c.key: c for c in document.blocks if isinstance(c, Chart)}

    assert list(charts) == ["delivery", "milestones", "issues", "issue-counts", "governance", "risk"]
    assert charts["delivery"].table.rows == (
        ("Yes, it is on track", 67, 64),
        ("It requires remedial action", 7, 10),
        ("No, it is unlikely to be achieved", 5, 3),
        ("It has not formally started", 0, 2),
    )
    assert [s.role for s in charts["issues"].series] == ["previous", "current"]  # Q1 blue, Q2 red
    assert charts["governance"].table.rows[0] == ("Cabinet Members Meeting", 17, 25)
    assert charts["risk"].table.rows == (
        ("Project / programme", 6, 6),
        ("Service / divisional", 5, 5),
        ("Directorate", 0, 2),
        ("Corporate", 1, 1),
    )


def test_q3_scope_is_74_after_five_activities_leave(sample_plan):
    q3 = Round.objects.create(plan=sample_plan, label="2019-20 Q3")
    inputs = report_inputs(q3)

    assert inputs.analysis.figures["responses"].count == 0
    assert inputs.analysis.figures["responses"].of == 74
    data = json.loads(json.dumps(report_data(inputs)))
    assert data["figures"]["responses"] == {"count": 0, "of": 74, "percent": 0}
    for ref in ("16", "17", "23", "25", "36"):
        assert ref not in data["scope"]
    # An empty round still makes a whole report, in every format.
    html = render_html(build_round_report(inputs.analysis, inputs.extras, {}, inputs.meta))
    assert "0% (0) of activities submitted a response" in plain_text(html)
    for fmt in ("docx", "xlsx"):
        assert produce(q3, fmt).content


def test_first_round_has_no_comparison(sample_plan):
    q1 = Round.objects.get(plan=sample_plan, label=Q1)
    html = produce(q1, "html").content.decode()
    text = plain_text(html)

    assert "67 activities are on track, 7 require remedial action" in text
    assert " in Q0" not in text and "up from" not in text and "down from" not in text
    assert json.loads(produce(q1, "json").content)["previous_figures"] is None


def test_late_on_track_rule_counts_late_activities_separately(q2, settings):
    settings.COUNCILPLAN_LATE_ON_TRACK_RULE = True
    data = json.loads(produce(q2, "json").content)
    text = plain_text(produce(q2, "html").content.decode())

    # The nine on-track returns of §3.5 whose revised date is later than the original (2, 3, 15, 20, 24, 49,
    # 51, 55, 61) are no longer on track.
    assert data["figures"]["on_track_revised_later"]["count"] == 9
    assert data["figures"]["on_track"]["count"] == 64 - 9
    assert "The late-on-track rule is on" in text
    assert "report being on track but with a revised date later than their original end date" in text
