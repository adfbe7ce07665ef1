# ruff: noqa: F811 (the `world` fixture is imported from test_security_exempt)
"""Issue 20: the joined pages of an activity, an outcome, a directorate and a lead officer (every system
answering, performance and risks included), and the exceptions page (/overview/)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from test_security_exempt import SECRET_ACTIVITY, SECRET_RISK, as_, world  # noqa: F401 (the fixture)

from councilplan.monitoring.models import Return
from councilplan.performance.models import Indicator, Result, ServiceArea, Standard
from councilplan.plan.models import Activity
from councilplan.risks import services

pytestmark = pytest.mark.django_db


def _kpi(world, ref="CS01", value=80, floor=85, target=90, **fields):
    area, _ = ServiceArea.objects.get_or_create(directorate=world["scene"].a1.directorate, name="Schools")
    kpi = Indicator.objects.create(ref=ref, description="Pupils in good schools", service_area=area, **fields)
    Standard.objects.create(indicator=kpi, year=2019, target=target, floor=floor)
    Result.objects.create(indicator=kpi, period="2019-09-01", value=value)
    kpi.activities.add(world["scene"].a1)
    return kpi


def test_an_activitys_page_shows_its_kpis_with_rag_and_its_risks_with_scores(client, world):
    _kpi(world)
    page = as_(client, world["scene"].ann).get(f"/activities/{world['scene'].a1.pk}/")
    assert page.status_code == 200
    assert "CS01 Pupils in good schools" in page.text
    assert "RED" in page.text  # 80 against a floor of 85 (higher is better)
    assert "CRR0001 Safeguarding" in page.text
    assert "current score 20, target 12" in page.text  # 4 x 5 and 3 x 4 (risk_support.make_risk)
    assert SECRET_RISK not in page.text  # Ann is not cleared


def test_a_cleared_reader_sees_the_exempt_risk_on_the_activity_page(client, world):
    page = as_(client, world["scene"].corporate).get(f"/activities/{world['scene'].a1.pk}/")
    assert SECRET_RISK in page.text


@pytest.mark.parametrize("kind", ["outcomes", "directorates", "people"])
def test_scope_pages_leave_the_exempt_activity_out_for_readers_not_cleared(client, world, kind):
    secret = world["secret"]
    pk = {"outcomes": secret.outcome_id, "directorates": secret.directorate_id, "people": secret.lead_officer_id}[kind]
    viewer = as_(client, world["viewer"]).get(f"/{kind}/{pk}/")
    assert viewer.status_code == 200
    assert SECRET_ACTIVITY not in viewer.text
    assert SECRET_RISK not in viewer.text
    client.logout()
    corporate = as_(client, world["scene"].corporate).get(f"/{kind}/{pk}/")
    assert SECRET_ACTIVITY in corporate.text
    assert SECRET_RISK in corporate.text


def test_the_lead_officer_of_an_exempt_activity_sees_it_on_their_own_page(client, world):
    bob = world["scene"].bob
    page = as_(client, bob).get(f"/people/{bob.pk}/")
    assert SECRET_ACTIVITY in page.text


def test_scope_pages_need_sign_in(client, world):
    response = client.get(f"/outcomes/{world['scene'].a1.outcome_id}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_unknown_scope_is_not_found(client, world):
    assert as_(client, world["viewer"]).get("/outcomes/99999/").status_code == 404


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_scope_pages_queries_stay_fixed_as_its_activities_grow(client, world):
    a1 = world["scene"].a1
    kpi = _kpi(world)
    as_(client, world["scene"].corporate)
    url = f"/outcomes/{a1.outcome_id}/"
    before = _count(client, url)
    for n in range(5):
        extra = Activity.objects.create(
            plan=a1.plan,
            ref=f"9{n}",
            title=f"Extra {n}",
            outcome=a1.outcome,
            directorate=a1.directorate,
            end_date=a1.end_date,
        )
        kpi.activities.add(extra)
        services.set_activities(world["open"], [a1, extra], user=None)
        Return.objects.create(round=world["scene"].q2, activity=extra, state=Return.State.SUBMITTED)
    assert _count(client, url) == before


@pytest.mark.parametrize(("who", "status"), [("viewer", 200), ("corporate", 200), ("ann", 403)])
def test_the_overview_is_for_the_corporate_team_and_cmt_readers(client, world, who, status):
    person = world["viewer"] if who == "viewer" else getattr(world["scene"], who)
    assert as_(client, person).get("/overview/").status_code == status


def test_the_overview_needs_sign_in(client, world):
    assert client.get("/overview/").status_code == 302


def test_the_overview_lists_each_systems_exceptions_with_reason_and_link(client, world):
    Return.objects.filter(round=world["scene"].q2, activity=world["scene"].a1).update(delivery_status="unlikely")
    _kpi(world)
    page = as_(client, world["scene"].corporate).get("/overview/")
    assert "2019-20 Q2 return: unlikely to be achieved" in page.text
    assert "CS01 Pupils in good schools" in page.text
    assert "below the floor standard of 85.0%" in page.text or "below the floor standard of 85%" in page.text


def test_a_lower_is_better_kpi_is_said_to_be_above_its_floor(client, world):
    _kpi(world, ref="PI01", value=24, floor=15, target=5, polarity=Indicator.Polarity.LOWER)
    _kpi(world, ref="PI02", value=10, floor=15, target=5, polarity=Indicator.Polarity.LOWER)  # between: Amber
    page = as_(client, world["scene"].corporate).get("/overview/").text
    assert "above the floor standard of 15" in page and "below the floor" not in page
    assert "PI02" not in page


def test_the_overviews_queries_stay_fixed_as_rows_grow(client, world):
    as_(client, world["scene"].corporate)
    _kpi(world, ref="CS01")
    before = _count(client, "/overview/")
    for n in range(4):
        _kpi(world, ref=f"CS1{n}")
    assert _count(client, "/overview/") == before
