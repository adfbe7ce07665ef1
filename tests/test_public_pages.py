"""The public pages (issue 12): no staff banner, an accessibility statement linked from every footer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councilplan.core.models import User


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/public/", "/accounts/login/", "/accessibility/"])
def test_every_page_links_the_accessibility_statement_and_the_public_sees_no_staff_banner(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert f'href="{reverse("accessibility")}"' in page.text
    assert "Tell the corporate policy team" not in page.text


@pytest.mark.django_db
def test_staff_see_the_beta_banner_and_the_footer_link(client):
    client.force_login(User.objects.create(username="lee", name="Lee"))
    page = client.get("/")
    assert "Tell the corporate policy team" in page.text and 'href="/accessibility/"' in page.text


@pytest.mark.django_db
def test_the_accessibility_statement_names_the_regulations_and_how_to_complain(client, settings):
    settings.COUNCILPLAN_ACCESSIBILITY_CONTACT = "access@kent.example"
    text = client.get("/accessibility/").text
    assert "Accessibility Regulations 2018" in text
    assert "mailto:access@kent.example" in text
    assert "Equality Advisory and Support Service" in text


@pytest.mark.django_db
def test_the_public_report_downloads_as_a_pdf_without_exempt_information_once_per_version(client, sample_plan):
    import io

    from django.core.cache import cache
    from pypdf import PdfReader

    from councilplan.monitoring.models import Round
    from councilplan.plan.models import Activity
    from councilplan.reports.models import Commentary

    cache.clear()
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    activity = Activity.objects.get(plan=sample_plan, ref="52")
    activity.title, activity.exempt = "Zanzibar marker project", True
    activity.save()
    url = reverse("public:report_pdf", args=[q2.pk])
    assert url in client.get(reverse("public:report", args=[q2.pk])).text
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Strategic Delivery Plan Monitoring" in text and "Zanzibar" not in text

    with CaptureQueriesContext(connection) as again:
        assert client.get(url).content == response.content
    assert len(again) <= 10  # kept: the round and the data version are read, the report is not made again
    Commentary.objects.create(round=q2, section="overview", text="A new overview")  # a new version of the data
    changed = client.get(url).content
    assert "A new overview" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(changed)).pages)
    Round.objects.filter(pk=q2.pk).update(public=False)
    assert client.get(url).status_code == 404
