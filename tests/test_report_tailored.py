"""The tailored report for one outcome, as the other cabinet committees receive it (spec §1, seed 001 §1.3)."""

import io
import json

import pytest
from openpyxl import load_workbook
from report_support import Q2, parse_html, plain_text

from councilplan.core.models import Outcome
from councilplan.monitoring.models import Round
from councilplan.plan.models import Activity
from councilplan.reports.models import Commentary
from councilplan.reports.output import produce

pytestmark = pytest.mark.django_db

CHILDREN = "Children and young people in Kent get the best start in life"


@pytest.fixture
def q2(sample_plan):
    return Round.objects.get(plan=sample_plan, label=Q2)


@pytest.fixture
def children():
    return Outcome.objects.get(title=CHILDREN)


def test_json_has_only_that_outcomes_activities(q2, children):
    data = json.loads(produce(q2, "json", children).content)

    assert data["outcome"] == CHILDREN
    assert [row["ref"] for row in data["activities"]] == [str(n) for n in range(1, 15)]
    assert {row["outcome"] for row in data["activities"]} == {CHILDREN}
    assert data["figures"]["responses"] == {"count": 14, "of": 14, "percent": 100}
    # Seed 000 §2.2: 4, 5, 6, 10 and 11 are this outcome's activities not on track.
    assert [row["ref"] for row in data["not_on_track"]] == ["4", "5", "6", "10", "11"]


def test_html_shows_no_other_outcomes_activity(q2, children):
    html = produce(q2, "html", children).content.decode()
    text = plain_text(html)
    parsed = parse_html(html)

    assert f"Tailored version for Outcome 1: {CHILDREN}" in text
    others = Activity.objects.filter(plan=q2.plan).exclude(outcome=children)
    for activity in others:
        assert activity.title not in text
    summary = [t for t in parsed.tables if t["caption"].startswith("Summary table")]
    assert [t["caption"] for t in summary] == [f"Summary table: {CHILDREN}"]
    assert "100% (14) of activities submitted a response" in text


def test_excel_and_file_name_are_the_outcomes(q2, children):
    output = produce(q2, "xlsx", children)
    workbook = load_workbook(io.BytesIO(output.content))
    summary = list(workbook["Summary"].iter_rows(min_row=2, values_only=True))

    assert output.filename.startswith("sdp-monitoring-report-2019-20-Q2-children-and-young-people")
    assert len(summary) == 14 + 1  # the activities and the total


def test_tailored_commentary_wins_and_falls_back_to_the_full_reports(q2, children):
    Commentary.objects.create(round=q2, section="oversight", text="Full report oversight.")
    Commentary.objects.create(round=q2, section="risk", text="Full report risk.")
    Commentary.objects.create(round=q2, section="risk", outcome=children, text="Children's risk.")

    tailored = plain_text(produce(q2, "html", children).content.decode())
    full = plain_text(produce(q2, "html").content.decode())

    assert "Children's risk." in tailored and "Full report risk." not in tailored
    assert "Full report oversight." in tailored
    assert "Full report risk." in full and "Children's risk." not in full


def test_scorecards_of_one_outcome(q2, children):
    text = plain_text(produce(q2, "html", children, scorecards=True).content.decode())

    assert "One scorecard for each of the 14 activities" in text
    assert "15. Planning for housing growth" not in text
