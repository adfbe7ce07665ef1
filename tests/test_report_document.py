"""The document builders and the report's extra counts, from plain records: no database."""

from datetime import date

import pytest

from councilplan.analysis.monitoring import analyse_round, status_history
from councilplan.analysis.records import Activity, PlanData, Return, Round
from councilplan.analysis.report_extras import compare_rating, report_extras, status_histories
from councilplan.documents.model import BulletList, Chart, Paragraph, Run, Table
from councilplan.documents.words import commentary_blocks
from councilplan.reports.round_report import build_round_report
from councilplan.reports.scorecards import build_scorecards

Q1, Q2 = "2019-20 Q1", "2019-20 Q2"

PLAN = PlanData(
    name="Plan",
    activities=(
        Activity("1", "One", "Best start", "people_commissioning", date(2020, 3, 31)),
        Activity("2", "Two", "Best start", "service_change", date(2021, 3, 31)),
        Activity("3", "Three", "Growth", "strategy_policy", date(2019, 12, 31)),
    ),
    rounds=(
        Round(
            Q1,
            (
                Return("1", "remedial_action", issues=("capacity",)),
                Return("2", "on_track", project_status="bau", remain_in_monitoring=False),
                Return("3", "on_track"),
            ),
        ),
        Round(Q2, (Return("1", "on_track"), Return("3", "unlikely", issues=("legal", "financial")))),
    ),
    outcomes=("Best start", "Growth"),
)


def text_of(document) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts += [item.text for item in block.items]
    return "\n".join(parts)


def test_commentary_markup_is_lines_bullets_and_bold_only():
    blocks = commentary_blocks("First **bold** line\r\nSecond <b>line</b>\n\n- one\n* **two**\n\nAfter")

    assert blocks[0] == Paragraph((Run("First "), Run("bold", True), Run(" line")))
    assert blocks[1] == Paragraph((Run("Second <b>line</b>"),))
    assert blocks[2] == BulletList((Paragraph((Run("one"),)), Paragraph((Run("two", True),))))
    assert blocks[3] == Paragraph((Run("After"),))
    assert commentary_blocks("  \n\n ") == []


def test_status_histories_agree_with_the_engine_for_every_activity():
    histories = status_histories(PLAN, ["1", "2", "3"], Q2)

    for ref in ("1", "2", "3"):
        assert histories[ref] == status_history(PLAN, ref)
    assert histories["2"] == [(Q1, "on_track"), (Q2, None)]  # left monitoring after Q1


def test_extras_count_what_the_report_says():
    analysis = analyse_round(PLAN, Q2)
    extras = report_extras(PLAN, analysis)

    assert extras.due_this_year.total == 2 and extras.due_this_year.by_status["unlikely"] == 1
    assert [row.ref for row in extras.without_mitigations] == ["3"]
    assert extras.status_changes_by_direction == {"improved": 1, "worsened": 1, "changed": 0}
    assert extras.all_ticks.activities == 2  # 2 left monitoring after Q1
    assert extras.issue_counts == ["1", "2"]


@pytest.mark.parametrize(
    ("now", "before", "words"),
    [(3.7, 4.22, "lower than the 4.22 stars in Q1"), (4.5, 4.0, "higher than the 4.00 stars in Q1"),
     (4.0, 4.0, "the same as in Q1"), (4.0, None, "")],
)  # fmt: skip
def test_compare_rating(now, before, words):
    assert compare_rating(now, before, "Q1") == words


def test_report_from_plain_records_words_the_comparison():
    analysis = analyse_round(PLAN, Q2)
    document = build_round_report(analysis, report_extras(PLAN, analysis))
    text = text_of(document)

    assert "1 activity is on track (down from 2 in Q1)" in text
    assert "1 is unlikely to be achieved (up from 0 in Q1)" in text
    assert "The corporate policy team has not added commentary on additional oversight and assurance" in text
    assert len([b for b in document.blocks if isinstance(b, Chart)]) == 6


def test_a_round_with_nobody_off_track_still_makes_every_section():
    plan = PlanData("Plan", PLAN.activities, (Round(Q1, (Return("1", "on_track"),)),), PLAN.outcomes)
    analysis = analyse_round(plan, Q1)
    document = build_round_report(analysis, report_extras(plan, analysis))
    text = text_of(document)

    assert "No activity is reported as not on track for successful delivery." in text
    assert "No activity is reported as not on track, so no issues were identified." in text
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert all(len(row) == len(t.header) for t in tables for row in t.rows)


def test_scorecards_from_plain_records():
    analysis = analyse_round(PLAN, Q2)
    document = build_scorecards(PLAN, analysis)
    history = next(t for t in document.tables if t.caption == "3: delivery status in every round")

    assert history.rows == ((Q1, "Yes, it is on track"), (Q2, "No, it is unlikely to be achieved"))
    assert "2: activity details" not in [t.caption for t in document.tables]  # not in monitoring in Q2


def test_a_count_of_one_is_worded_in_the_singular():
    """Issue 12: no "1 activities are…", "1 have provided…", "1 activities identified…" (tailored versions of a
    small outcome hit these counts). The plan's Q2 has one not-on-track activity, with two issues."""
    analysis = analyse_round(PLAN, Q2)
    text = text_of(build_round_report(analysis, report_extras(PLAN, analysis)))

    assert "1 activity identified more than one emerging issue" in text
    assert "Of the 1 activity which is not on track" in text
    assert "Of the 1 activity which is not on track for successful delivery, 0 have identified" in text
    for wrong in ("1 activities", " 1 have ", "1 activity are", "1 activities which"):
        assert wrong not in text, wrong
