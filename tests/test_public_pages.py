"""The public pages (issue 12): no staff banner, an accessibility statement linked from every footer."""

import pytest
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
