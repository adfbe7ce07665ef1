"""The round's report page (issue 11, "Fast pages at scale"): laid out once per version of the round's data and
per clearance, kept, and with its long per-activity tables summarised, the whole report one link away. Exempt
content laid out for a cleared reader never reaches one who is not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from report_support import Q2, make_plan, parse_html, plain_text, table

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity
from councilplan.reports.models import Commentary
from councilplan.reports.output import produce

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Disposal of the Sessions House site (commercially sensitive)"
SECRET_COMMENT = "The preferred bidder offer is confidential"


def user(username: str, **fields) -> User:
    return User.objects.create(username=username, **fields)


@pytest.fixture
def q2(sample_plan):
    activity = Activity.objects.get(plan=sample_plan, ref="1")
    activity.title, activity.exempt = SECRET_TITLE, True
    activity.save()
    round_ = Round.objects.get(plan=sample_plan, label=Q2)
    Commentary.objects.create(round=round_, section="issues", text=SECRET_COMMENT, exempt=True)
    return round_


@pytest.mark.parametrize("cleared_first", [True, False])
def test_what_is_kept_for_a_cleared_reader_never_reaches_one_who_is_not(client, q2, cleared_first):
    readers = {
        "corporate": user("corp", role=User.Role.CORPORATE),
        "cleared": user("cleared", role=User.Role.VIEWER, cleared_for_exempt=True),
        "viewer": user("viewer", role=User.Role.VIEWER),
    }
    order = ["corporate", "cleared", "viewer", "viewer", "cleared"]
    for who in order if cleared_first else list(reversed(order)):
        client.force_login(readers[who])
        page = client.get(f"/reports/{q2.pk}/").text
        sees = who != "viewer"
        assert (SECRET_TITLE in page) is sees, who
        assert (SECRET_COMMENT in page) is sees, who


def test_a_change_to_the_rounds_data_is_on_the_page_at_once(client, q2):
    client.force_login(user("corp", role=User.Role.CORPORATE))
    url = f"/reports/{q2.pk}/"
    assert "81% (64) of activities are on track" in plain_text(client.get(url).text)

    Commentary.objects.create(round=q2, section="oversight", text="Reviewed by Corporate Risk and Assurance.")
    assert "Reviewed by Corporate Risk and Assurance." in client.get(url).text
    # One on-track return of Q2 now needs remedial action: 63 on track (80% of 79).
    ret = Return.objects.filter(round=q2, delivery_status="on_track").order_by("activity__sort_key").first()
    ret.delivery_status = "remedial_action"
    ret.save()
    assert "80% (63) of activities are on track" in plain_text(client.get(url).text)


def test_the_sample_report_page_is_the_whole_report(client, q2):
    client.force_login(user("corp", role=User.Role.CORPORATE))

    page = client.get(f"/reports/{q2.pk}/").text

    assert "This page shows the first" not in page
    summary = table(parse_html(page), "Activities not on track for successful delivery")
    assert len(summary["rows"]) == 1 + 13  # the seed's 13 activities not on track


def test_long_tables_show_their_first_rows_the_totals_and_a_link_to_the_whole(client):
    # 240 activities in four outcomes (i % 4): 60 in each summary table, 48 not on track (every fifth).
    make_plan("Plan", 240)
    q2 = Round.objects.get(plan__name="Plan", label=Q2)
    client.force_login(user("corp", role=User.Role.CORPORATE))

    page = client.get(f"/reports/{q2.pk}/").text
    parsed = parse_html(page)

    summary = table(parsed, "Summary table: Outcome 1")
    assert len(summary["rows"]) == 1 + 50 + 1  # the header, the first 50 rows and the total row
    assert summary["rows"][1][0] == "4. Activity 4"
    assert summary["rows"][-1][0] == "Total: 60 activities"
    assert page.count("This page shows the first 50 of 60 rows.") == 4
    assert f'href="/reports/{q2.pk}/download/html/">as a web page (HTML)' in page
    assert f'href="/reports/{q2.pk}/download/xlsx/">as a spreadsheet (Excel)' in page
    assert len(table(parsed, "Activities not on track for successful delivery")["rows"]) == 1 + 48  # all shown
    # The downloads are the whole report.
    full = parse_html(produce(q2, "html").content.decode())
    assert len(table(full, "Summary table: Outcome 1")["rows"]) == 1 + 60 + 1


def test_a_kept_page_makes_a_fixed_number_of_queries(client):
    make_plan("Small plan", 10)
    make_plan("Large plan", 200)
    small, large = (Round.objects.get(plan__name=name, label=Q2) for name in ("Small plan", "Large plan"))
    client.force_login(user("corp", role=User.Role.CORPORATE))
    client.get("/reports/")  # the session is written once, on the first request

    def queries(round_) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/reports/{round_.pk}/").status_code == 200
        return len(captured)

    first_small, first_large = queries(small), queries(large)
    kept_small, kept_large = queries(small), queries(large)
    assert first_small == first_large
    assert kept_small == kept_large < first_large  # the data version's queries, not the report's
