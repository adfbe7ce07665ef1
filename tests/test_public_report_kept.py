"""The public report page (site.public.report): worked out once per version of the round's data and kept, like the
app's report page, so that a published report read by many people costs one report's work; never exempt
information, and a change (an activity made exempt, a return corrected) is on the public page at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from report_support import Q2, make_plan, parse_html, plain_text, table

from councilplan.core.models import User
from councilplan.monitoring.models import Return, Round
from councilplan.plan.models import Activity

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Disposal of the Sessions House site (commercially sensitive)"


def published(round_: Round) -> Round:
    round_.state, round_.public = Round.State.PUBLISHED, True
    round_.save()
    return round_


@pytest.fixture
def q2(sample_plan):
    return published(Round.objects.get(plan=sample_plan, label=Q2))


def test_an_activity_made_exempt_leaves_the_kept_public_page_at_once(client, q2):
    activity = Activity.objects.get(plan=q2.plan, ref="1")
    activity.title = SECRET_TITLE
    activity.save()
    url = f"/public/reports/{q2.pk}/"
    assert SECRET_TITLE in client.get(url).text  # not exempt yet: public, and now kept

    activity.exempt = True
    activity.save()
    page = client.get(url).text
    assert SECRET_TITLE not in page
    # What a cleared officer's page keeps for the same round is never served here.
    client.force_login(User.objects.create(username="cleared", role=User.Role.CORPORATE, cleared_for_exempt=True))
    assert SECRET_TITLE in client.get(f"/reports/{q2.pk}/").text
    client.logout()
    assert SECRET_TITLE not in client.get(url).text


def test_a_corrected_return_is_on_the_public_page_at_once(client, q2):
    url = f"/public/reports/{q2.pk}/"
    first = plain_text(client.get(url).text)
    # The sample's Q2 (spec/reporting.md): 64 of its 79 activities on track.
    assert "81% (64) of activities are on track" in first
    ret = Return.objects.filter(round=q2, delivery_status="on_track").order_by("activity__sort_key").first()
    ret.delivery_status = "remedial_action"
    ret.save()
    assert "80% (63) of activities are on track" in plain_text(client.get(url).text)


def test_the_public_page_is_the_whole_report_and_kept_at_a_fixed_number_of_queries(client):
    # 240 activities in four outcomes (i % 4): 60 in each summary table.
    make_plan("Small plan", 10)
    make_plan("Large plan", 240)
    small, large = (published(Round.objects.get(plan__name=name, label=Q2)) for name in ("Small plan", "Large plan"))

    def queries(round_) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/public/reports/{round_.pk}/")
            assert response.status_code == 200
        return len(captured), response.text

    (first_small, _), (first_large, page) = queries(small), queries(large)
    (kept_small, _), (kept_large, kept_page) = queries(small), queries(large)
    assert first_small == first_large  # the report's queries do not grow with its rows
    assert kept_small == kept_large < first_large  # kept: only the data version's queries
    assert re.sub(r'nonce="[^"]+"', "", kept_page) == re.sub(r'nonce="[^"]+"', "", page)  # a nonce a request
    # Not shortened: the public site has no other web version of the report to link to.
    summary = table(parse_html(page), "Summary table: Outcome 1")
    assert len(summary["rows"]) == 1 + 60 + 1
    assert "This page shows the first" not in page
