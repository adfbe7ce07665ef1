"""A report costs the same number of database queries for 10 activities as for 200 (ARCHITECTURE.md "Scale")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from report_support import Q2, make_plan

from councilplan.core.models import User
from councilplan.monitoring.models import Round
from councilplan.reports.output import produce

pytestmark = pytest.mark.django_db


def queries_for(callable_) -> int:
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured.captured_queries)


def rounds(small: int, large: int) -> tuple[Round, Round]:
    make_plan("Small plan", small)
    make_plan("Large plan", large)
    found = Round.objects.select_related("plan").filter(label=Q2)
    return found.get(plan__name="Small plan"), found.get(plan__name="Large plan")


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx", "docx"])
def test_report_queries_do_not_grow_with_activities(fmt):
    small, large = rounds(10, 200)

    assert queries_for(lambda: produce(small, fmt)) == queries_for(lambda: produce(large, fmt))


def test_tailored_report_and_scorecards_queries_do_not_grow():
    small, large = rounds(10, 200)
    outcome = small.plan.activities.first().outcome

    assert queries_for(lambda: produce(small, "html", outcome)) == queries_for(lambda: produce(large, "html", outcome))
    assert queries_for(lambda: produce(small, "html", scorecards=True)) == queries_for(
        lambda: produce(large, "html", scorecards=True)
    )


def test_a_report_reads_the_database_a_handful_of_times(django_assert_max_num_queries):
    _, large = rounds(10, 200)

    # rounds; returns of R and P; earlier rounds' returns (none here); activities; outcomes; vocabularies;
    # commentary
    with django_assert_max_num_queries(7):
        produce(large, "json")


def test_report_page_queries_do_not_grow_with_activities(client):
    small, large = rounds(10, 200)
    client.force_login(User.objects.create_user("corporate", role=User.Role.CORPORATE))
    # The session is written once, on the first request (not the report page's: that one is then kept, and the
    # next request for it is cheaper; tests/test_report_page_kept.py).
    client.get("/reports/")

    small_queries = queries_for(lambda: client.get(f"/reports/{small.pk}/"))
    assert small_queries == queries_for(lambda: client.get(f"/reports/{large.pk}/"))
    assert queries_for(lambda: client.get(f"/reports/{small.pk}/scorecards/")) == queries_for(
        lambda: client.get(f"/reports/{large.pk}/scorecards/")
    )


FOUR_ROUNDS = ("2019-20 Q1", "2019-20 Q2", "2019-20 Q3", "2019-20 Q4")


def test_queries_do_not_grow_with_rounds_either(django_assert_max_num_queries):
    make_plan("Small plan", 10, FOUR_ROUNDS)
    make_plan("Large plan", 200, FOUR_ROUNDS)
    small, large = (
        Round.objects.select_related("plan").get(plan__name=n, label="2019-20 Q4") for n in ("Small plan", "Large plan")
    )

    assert queries_for(lambda: produce(small, "html")) == queries_for(lambda: produce(large, "html"))
    with django_assert_max_num_queries(7):
        produce(large, "json")


def test_the_reports_read_gives_the_same_analysis_as_the_full_read():
    """The report reads only status and scope fields of the rounds before P: its figures, tables and status
    histories must be exactly those of the full plan data."""
    from councilplan.analysis.monitoring import analyse_round, status_history
    from councilplan.monitoring.selectors import plan_data
    from councilplan.reports.selectors import report_plan_data

    make_plan("Plan", 60, FOUR_ROUNDS)
    round_ = Round.objects.select_related("plan").get(plan__name="Plan", label="2019-20 Q4")
    full, light = plan_data(round_.plan, up_to=round_), report_plan_data(round_)

    assert analyse_round(light, round_.label).as_json() == analyse_round(full, round_.label).as_json()
    for ref in ("1", "5", "60"):
        assert status_history(light, ref) == status_history(full, ref)
