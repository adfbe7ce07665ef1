"""The admin keeps the rules (issue 12): records whose changes have rules are read-only there, with a link to the
app's page; no revert bypasses the services; a user's history records real changes only; the history page says
nothing of "None"; the reset-password link on a history page works."""

import pytest
from django.contrib.auth import get_user_model

from councilplan.monitoring.models import Return, Round
from councilplan.reports.models import Commentary

User = get_user_model()


@pytest.fixture
def admin_client(client, db):
    admin = User.objects.create_user("boss", password="a long password 123", role=User.Role.ADMINISTRATOR, name="Boss")
    client.force_login(admin)
    return client


@pytest.mark.django_db
def test_a_published_round_cannot_be_changed_in_the_admin(admin_client, sample_plan):
    q2 = Round.objects.get(plan=sample_plan, label="2019-20 Q2")
    page = admin_client.get(f"/admin/monitoring/round/{q2.pk}/change/")
    assert page.status_code == 200
    assert f'href="/rounds/{q2.pk}/"' in page.text and 'name="state"' not in page.text
    posted = admin_client.post(f"/admin/monitoring/round/{q2.pk}/change/", {"state": "open", "label": q2.label})
    assert posted.status_code == 403
    q2.refresh_from_db()
    assert q2.state == Round.State.PUBLISHED
    assert admin_client.get("/admin/monitoring/round/add/").status_code == 403


@pytest.mark.django_db
def test_returns_and_commentary_are_read_only_with_a_link_to_their_page(admin_client, sample_plan):
    ret = Return.objects.filter(round__plan=sample_plan).first()
    page = admin_client.get(f"/admin/monitoring/return/{ret.pk}/change/")
    assert page.status_code == 200 and f'href="/returns/{ret.pk}/"' in page.text
    assert 'name="delivery_status"' not in page.text and "{&quot;" not in page.text  # no raw JSON of milestones
    assert admin_client.post(f"/admin/monitoring/return/{ret.pk}/delete/", {"post": "yes"}).status_code == 403
    commentary = Commentary.objects.create(round=ret.round, section="overview", text="Words")
    page = admin_client.get(f"/admin/reports/commentary/{commentary.pk}/change/")
    assert 'name="text"' not in page.text and f"/reports/{ret.round_id}/commentary/" in page.text


@pytest.mark.django_db
def test_no_version_can_be_reverted_in_the_admin(admin_client, sample_plan):
    ret = Return.objects.filter(round__plan=sample_plan, delivery_status="on_track").first()
    old = ret.history.first()
    Return.objects.filter(pk=ret.pk).update(delivery_status="unlikely")
    admin_client.post(f"/admin/monitoring/return/{ret.pk}/history/{old.history_id}/", {"delivery_status": "on_track"})
    ret.refresh_from_db()
    assert ret.delivery_status == "unlikely"


@pytest.mark.django_db
def test_signing_in_is_not_a_change_of_the_person(client):
    user = User.objects.create_user("ann", password="a long password 123", name="Ann")
    before = user.history.count()
    assert client.login(username="ann", password="a long password 123")
    client.logout()
    assert client.login(username="ann", password="a long password 123")
    assert user.history.count() == before
    user.name = "Ann Officer"
    user.save()
    assert user.history.count() == before + 1


@pytest.mark.django_db
def test_the_history_page_says_nothing_of_none(admin_client):
    ann = User.objects.create_user("ann", name="Ann")
    ann.name = "Ann Officer"
    ann.save()
    page = admin_client.get(f"/admin/core/user/{ann.pk}/history/")
    assert page.status_code == 200
    cells = page.text.split('id="change-history"', 1)[1]
    assert ">\n          None\n" not in cells and "None</td>" not in cells.replace(" ", "").replace("\n", "")


@pytest.mark.django_db
def test_reset_password_from_a_history_page_goes_to_the_password_form(admin_client):
    ann = User.objects.create_user("ann", name="Ann")
    version = ann.history.first()
    assert admin_client.get(f"/admin/core/user/{ann.pk}/history/{version.history_id}/").status_code == 200
    response = admin_client.get(f"/admin/core/user/{ann.pk}/history/password/")
    assert response.status_code == 302 and response["Location"] == f"/admin/core/user/{ann.pk}/password/"
