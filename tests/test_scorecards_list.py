"""The scorecards list read without working out the report (issue 11, "Fast pages at scale"): its rows are the
report's summary rows, for every round, version and clearance, with and without the late-on-track rule."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from report_support import Q2, make_plan

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity
from councilplan.reports.selectors import plan_outcomes, report_inputs, scorecard_list

pytestmark = pytest.mark.django_db


def summary_rows(round_, outcome, cleared) -> list[tuple]:
    """What the report itself lists: the analysis engine's summary rows, worked out from every round's returns."""
    analysis = report_inputs(round_, outcome, cleared).analysis
    return [
        (row.ref, row.title, row.outcome, row.status or "none", analysis.status_label(row.status))
        for row in analysis.activities
    ]


@pytest.mark.parametrize("rule", [False, True])
def test_the_list_is_the_reports_summary(sample_plan, settings, rule):
    settings.COUNCILPLAN_LATE_ON_TRACK_RULE = rule
    Activity.objects.filter(plan=sample_plan, ref="3").update(exempt=True)
    q2 = sample_plan.rounds.get(label="2019-20 Q2")
    # One activity completed in Q1 (out of monitoring in Q2) and one return of Q2 not submitted: "No return".
    Return.objects.filter(round__label="2019-20 Q1", round__plan=sample_plan, activity__ref="7").update(
        project_status="completed", remain_in_monitoring=False
    )
    Return.objects.filter(round=q2, activity__ref="8").update(state=Return.State.DRAFT)

    for round_ in sample_plan.rounds.all():
        for outcome in [None, *plan_outcomes(round_)]:
            for cleared in (True, False):
                rows = [tuple(row.values()) for row in scorecard_list(round_, outcome, cleared)]
                assert rows == summary_rows(round_, outcome, cleared), (round_.label, outcome, cleared)
    rows = {row["ref"]: row for row in scorecard_list(q2)}
    assert "7" not in rows and len(rows) == 78
    assert (rows["8"]["code"], rows["8"]["status"]) == ("none", "No return")
    assert "3" not in {row["ref"] for row in scorecard_list(q2, include_exempt=False)}


def test_the_sample_q2_statuses(sample_plan, settings):
    settings.COUNCILPLAN_LATE_ON_TRACK_RULE = False
    rows = scorecard_list(sample_plan.rounds.get(label="2019-20 Q2"))

    # The seed's Q2 report: 79 activities, 64 of them on track (81%).
    assert len(rows) == 79
    assert sum(1 for row in rows if row["code"] == "on_track") == 64
    settings.COUNCILPLAN_LATE_ON_TRACK_RULE = True
    rows = scorecard_list(sample_plan.rounds.get(label="2019-20 Q2"))
    assert sum(1 for row in rows if row["code"] == "on_track") == 64 - 9  # the seed's 9 on track with a later date


def test_the_list_page_makes_a_fixed_number_of_queries(client):
    make_plan("Small plan", 10)
    make_plan("Large plan", 200)
    small, large = (Round.objects.get(plan__name=name, label=Q2) for name in ("Small plan", "Large plan"))
    client.force_login(User.objects.create_user("corporate", role=User.Role.CORPORATE))
    client.get(f"/reports/{small.pk}/scorecards/")  # the session is written once, on the first request

    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for query in ("", "?page=3", "?q=activity", "?status=on_track"):
        assert queries(f"/reports/{small.pk}/scorecards/{query}") == queries(f"/reports/{large.pk}/scorecards/{query}")
