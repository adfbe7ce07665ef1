"""The Quarterly Performance Report's page and downloads (/qpr/): who may read it, the quarter asked for, the
figures of the downloads typed from spec/qpr.md, and a query count that does not grow with the KPIs."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from councilplan.core.models import Team, User
from councilplan.performance.models import Indicator, Result, Standard
from councilplan.sample.loader import load_sample


@pytest.fixture
def sample(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    load_sample(only=("risks", "performance", "feedback", "qpr"))


def person(username, role, *teams):
    user = User.objects.create_user(username=username, password="correct horse battery staple", role=role)
    for code in teams:
        Team.objects.get(code=code).members.add(user)
    return user


def test_who_may_read_the_report_and_its_downloads(sample, client):
    url = reverse("qpr:index")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(person("officer", User.Role.LEAD_OFFICER))
    assert client.get(url).status_code == 403
    assert client.get(reverse("qpr:file", args=["json"])).status_code == 403
    for reader in (
        person("corporate", User.Role.CORPORATE),
        person("member", User.Role.VIEWER),
        person("cmt", User.Role.LEAD_OFFICER, "cmt"),
    ):
        client.force_login(reader)
        page = client.get(url)
        assert page.status_code == 200, reader.username
        text = page.content.decode()
        assert "Quarterly Performance Report, Quarter 2, 2017/18" in text
        assert 'value="2017-Q2" selected' in text


def test_the_quarter_the_downloads_and_a_fixed_query_count(sample, client, django_assert_max_num_queries):
    client.force_login(person("corporate", User.Role.CORPORATE))
    assert client.get(reverse("qpr:index"), {"quarter": "2017-Q7"}).status_code == 404
    assert client.get(reverse("qpr:file", args=["odt"])).status_code == 404

    data = json.loads(client.get(reverse("qpr:file", args=["json"]), {"quarter": "2017-Q2"}).content)
    counts = data["counts"]
    assert (counts["green"], counts["amber"], counts["red"]) == (26, 10, 2)  # the cover, seed 004 line 1054
    assert (counts["improved"], counts["same"], counts["worsened"]) == (19, 8, 11)  # line 1058
    q1 = json.loads(client.get(reverse("qpr:file", args=["json"]), {"quarter": "2017-Q1"}).content)
    assert q1["quarter"] == "2017-Q1"

    pdf = client.get(reverse("qpr:file", args=["pdf"]), {"quarter": "2017-Q2"}, follow=True)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    with django_assert_max_num_queries(80) as before:
        client.get(reverse("qpr:index"), {"quarter": "2017-Q2"})
    # Ten more KPIs and ten more activity indicators (with their thresholds) in an area: the page reads them in
    # the same number of queries.
    template = Indicator.objects.filter(service_area__qpr_area__isnull=False).first()
    for n in range(10):
        extra = Indicator.objects.create(ref=f"EXTRA-{n}", description=f"Extra {n}", service_area=template.service_area)
        Standard.objects.create(indicator=extra, year=2017, target=80, floor=70)
        Result.objects.create(indicator=extra, period=dt.date(2017, 6, 1), value=75)
        Result.objects.create(indicator=extra, period=dt.date(2017, 9, 1), value=85)
        demand = Indicator.objects.create(
            ref=f"DEMAND-{n}",
            description=f"Demand {n}",
            kind=Indicator.Kind.ACTIVITY,
            unit="number",
            frequency="quarterly",
            service_area=template.service_area,
        )
        Standard.objects.create(indicator=demand, year=2017, lower=100, upper=200)
        Result.objects.create(indicator=demand, period=dt.date(2017, 6, 1), value=150)
        Result.objects.create(indicator=demand, period=dt.date(2017, 9, 1), value=250)
    with django_assert_max_num_queries(len(before.captured_queries)):
        page = client.get(reverse("qpr:index"), {"quarter": "2017-Q2"})
    text = page.content.decode()
    assert page.status_code == 200 and "Extra 9" in text
    assert "Demand 9: </strong>250 in Quarter 2, 2017/18: above the expected range (100 to 200)." in text
