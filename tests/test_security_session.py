"""An expired sign-in never loses a half-filled return: the answers posted after it expired are kept, and shown
back, in the form, to the same officer once they have signed in again; nothing is saved until they save."""

from __future__ import annotations

import html as html_module

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from test_return_form import form_data, open_form, shown_value
from test_return_permissions import Scene, build_scene

from councilplan.core.models import PendingForm
from councilplan.monitoring.models import Return

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
TYPED = "Two hours of careful typing <b>about</b> the consultation & its results."


@pytest.fixture
def scene(small_plan) -> Scene:
    scene = build_scene(small_plan)
    for person in scene.people.values():
        person.set_password(PASSWORD)
        person.save()
    return scene


def expire_sign_in(client) -> None:
    """What happens to a sign-in after SESSION_COOKIE_AGE: the session is no longer there."""
    Session.objects.filter(session_key=client.session.session_key).update(expire_date=timezone.now())


def sign_in_again(client, scene: Scene, who: str = "ann", next_url: str = ""):
    return client.post(
        "/accounts/login/", {"username": scene.people[who].username, "password": PASSWORD, "next": next_url}
    )


def test_a_save_after_the_sign_in_expired_is_kept_and_shown_again_after_signing_in(client, scene):
    html = open_form(client, scene).text
    expire_sign_in(client)

    response = client.post(scene.form_url(), form_data(html, action="draft", progress=TYPED))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not Return.objects.filter(round=scene.q3).exists()  # nothing saved while signed out
    assert PendingForm.objects.get().user == scene.ann
    login_page = client.get(response["Location"])
    assert "what you typed has been kept" in login_page.text

    signed_in = sign_in_again(client, scene, next_url=scene.form_url())
    assert signed_in["Location"] == scene.form_url()
    page = client.get(scene.form_url())

    assert page.status_code == 200
    assert "You were signed out before your answers were saved" in page.text
    assert html_module.unescape(shown_value(page.text, "progress")) == TYPED
    assert "<b>about</b>" not in page.text  # shown as text, like anything else typed
    assert not PendingForm.objects.exists()  # given back once

    saved = client.post(scene.form_url(), form_data(page.text, action="draft"))
    assert saved.status_code == 302
    ret = Return.objects.get(round=scene.q3, activity=scene.a1)
    assert (ret.progress, ret.state, ret.updated_by) == (TYPED, Return.State.DRAFT, scene.ann)

    again = client.get(scene.form_url())
    assert "You were signed out before" not in again.text


def test_a_submission_after_signing_out_in_another_tab_is_kept_too(client, scene):
    html = open_form(client, scene).text
    client.post("/accounts/logout/")

    client.post(scene.form_url(), form_data(html, action="submit", progress=TYPED))
    sign_in_again(client, scene)

    page = client.get(scene.form_url())
    assert html_module.unescape(shown_value(page.text, "progress")) == TYPED
    submitted = client.post(scene.form_url(), form_data(page.text, action="submit"))
    assert submitted.status_code == 302
    assert Return.objects.get(round=scene.q3, activity=scene.a1).state == Return.State.SUBMITTED


def test_only_the_person_the_form_was_shown_to_gets_the_answers_back(client, scene):
    html = open_form(client, scene).text
    expire_sign_in(client)
    client.post(scene.form_url(), form_data(html, action="draft", progress=TYPED))

    sign_in_again(client, scene, "carol")  # Ann's colleague on the same computer: may edit, but it is not hers
    page = client.get(scene.form_url())
    assert TYPED not in page.text
    assert PendingForm.objects.filter(user=scene.ann).exists()


def test_a_post_without_a_signed_owner_is_not_kept(client, scene):
    """Nobody can fill the table without having been shown a form while signed in."""
    html = open_form(client, scene).text
    client.post("/accounts/logout/")

    data = form_data(html, action="draft", progress=TYPED)
    for forged in ([""], ["1"], ["MQ:forged:signature"]):
        data["_pending_owner"] = forged
        response = client.post(scene.form_url(), data)
        assert response.status_code == 302
    assert not PendingForm.objects.exists()


def test_the_answers_go_through_the_usual_checks_when_saved(client, scene):
    """Kept answers based on an old version meet the conflict check like any other save."""
    html = open_form(client, scene).text
    expire_sign_in(client)
    client.post(scene.form_url(), form_data(html, action="draft", progress=TYPED))

    client.force_login(scene.carol)  # Carol saves the return meanwhile
    carol_html = client.get(scene.form_url()).text
    client.post(scene.form_url(), form_data(carol_html, action="draft", progress="Carol's words"))
    client.post(
        "/accounts/logout/"
    )  # through the page, as a browser does (the test client's logout drops every cookie)

    sign_in_again(client, scene)
    page = client.get(scene.form_url())
    assert html_module.unescape(shown_value(page.text, "progress")) == TYPED
    response = client.post(scene.form_url(), form_data(page.text, action="draft"))
    assert response.status_code == 200
    assert "Carol Colleague saved this return at" in response.text
    assert Return.objects.get(round=scene.q3, activity=scene.a1).progress == "Carol's words"
