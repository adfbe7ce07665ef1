"""The web shell without a browser: sign-in gate, health check, navigation by role, sign-out, error pages,
and the GOV.UK field and error-summary includes."""

import re

import pytest
from django import forms
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string
from django.test import Client

from councilplan.core.models import User
from councilplan.site import context_processors


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, **fields) -> User:
    return User.objects.create_user(username=username, password="correct horse battery staple", role=role, **fields)


def nav_labels(response) -> list[str]:
    return [item["label"] for item in response.context["navigation"]]


@pytest.mark.django_db
def test_home_requires_sign_in(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


@pytest.mark.django_db
def test_home_welcomes_the_user_by_name(client):
    client.force_login(make_user("ann", name="Ann Officer"))

    response = client.get("/")

    assert response.status_code == 200
    assert "Welcome, Ann Officer" in response.text
    assert "<title>Home – councilplan – Kent County Council</title>" in response.text


def test_health_says_ok_without_signing_in(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.text == "ok"
    assert response["Content-Type"].startswith("text/plain")


def test_health_accepts_only_get_and_head(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "sees_admin"),
    [
        (User.Role.LEAD_OFFICER, False),
        (User.Role.CORPORATE, False),
        (User.Role.VIEWER, False),
        (User.Role.ADMINISTRATOR, True),
    ],
)
def test_navigation_shows_admin_only_to_administrators(client, role, sees_admin):
    client.force_login(make_user("someone", role=role))

    response = client.get("/")

    assert ("Admin" in nav_labels(response)) is sees_admin
    assert ('href="/admin/"' in response.text) is sees_admin
    assert nav_labels(response)[0] == "Dashboard"


@pytest.mark.django_db
def test_navigation_marks_the_current_page(client):
    client.force_login(make_user("ann"))

    response = client.get("/")

    dashboard = response.context["navigation"][0]
    assert dashboard == {"label": "Dashboard", "url": "/", "current": True, "active": True}
    assert 'aria-current="page"' in response.text


@pytest.mark.django_db
def test_navigation_leaves_out_pages_that_do_not_exist_yet(monkeypatch):
    monkeypatch.setattr(
        context_processors,
        "navigation_entries",
        lambda: [
            ("Dashboard", "home", context_processors._everyone),
            ("Nowhere", "no-such:page", context_processors._everyone),
        ],
    )
    user = make_user("ann")

    assert [item["label"] for item in context_processors.navigation_for(user, "/")] == ["Dashboard"]


def test_navigation_is_empty_for_people_not_signed_in():
    from django.contrib.auth.models import AnonymousUser

    assert context_processors.navigation_for(AnonymousUser(), "/") == []


@pytest.mark.django_db
def test_sign_out_is_a_post(client):
    client.force_login(make_user("ann"))

    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert client.get("/").status_code == 302  # signed out


@pytest.mark.django_db
def test_sign_out_button_posts_with_a_csrf_token(client):
    client.force_login(make_user("ann"))

    page = client.get("/").text

    form = re.search(r'<form method="post" action="/accounts/logout/"[^>]*>(.*?)</form>', page, re.S)
    assert form, "no sign-out form"
    assert 'name="csrfmiddlewaretoken"' in form.group(1)
    assert "Sign out" in form.group(1)


@pytest.mark.django_db
def test_sign_in_page_uses_the_govuk_layout(client):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    assert 'class="govuk-template govuk-template--rebranded"' in response.text
    assert 'href="#main-content"' in response.text and 'id="main-content"' in response.text
    assert "govuk/govuk-frontend.min.css" in response.text
    assert "Kent County Council" in response.text
    assert 'class="govuk-input govuk-!-width-two-thirds"' in response.text
    assert "govuk-error-summary" not in response.text


@pytest.mark.django_db
def test_wrong_password_shows_the_error_summary(client):
    make_user("ann")

    response = client.post("/accounts/login/", {"username": "ann", "password": "wrong"})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert '<a href="#id_username">Please enter a correct username and password.' in response.text
    assert "<title>Error: Sign in" in response.text


@pytest.mark.django_db
def test_page_not_found_uses_the_govuk_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "govuk-heading-xl" in response.text


def test_server_error_page_renders_without_any_context():
    page = render_to_string("500.html")

    assert "Sorry, there is a problem with the service" in page
    assert "Traceback" not in page


@pytest.mark.django_db
def test_expired_form_gets_a_plain_explanation():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"username": "ann", "password": "x"})

    assert response.status_code == 403
    assert "Sorry, there is a problem with this page" in response.text
    assert "govuk-template" in response.text


def test_messages_are_notification_banners():
    page = render_to_string(
        "404.html",
        {"messages": [Message(constants.SUCCESS, "Return saved"), Message(constants.INFO, "Window closes Friday")]},
    )

    assert 'class="govuk-notification-banner govuk-notification-banner--success" role="alert"' in page
    assert 'class="govuk-notification-banner" role="region"' in page
    assert "Return saved" in page and "Window closes Friday" in page


# The includes, with one field of each kind.


class EveryKindForm(forms.Form):
    title = forms.CharField(help_text="A short name", widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}))
    summary = forms.CharField(widget=forms.Textarea)
    status = forms.ChoiceField(choices=[("green", "Green"), ("red", "Red")], widget=forms.RadioSelect)
    directorate = forms.ChoiceField(choices=[("", "Choose"), ("growth", "Growth")], help_text="Who leads it")
    themes = forms.MultipleChoiceField(
        choices=[("a", "Theme A"), ("b", "Theme B")], widget=forms.CheckboxSelectMultiple, required=False
    )
    confirmed = forms.BooleanField(label="I confirm this is accurate")
    count = forms.IntegerField(required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def render_form(form) -> str:
    fields = "".join(render_to_string("includes/field.html", {"field": field}) for field in form)
    return render_to_string("includes/error_summary.html", {"form": form}) + fields


def squash(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_field_include_renders_each_widget_the_govuk_way():
    form = EveryKindForm(initial={"title": "Libraries", "status": "red", "themes": ["b"], "count": 3})

    page = squash(render_form(form))

    assert '<label class="govuk-label" for="id_title">Title</label>' in page
    assert '<div id="id_title_helptext" class="govuk-hint">A short name</div>' in page
    assert 'class="govuk-input govuk-input--width-20" type="text" name="title" value="Libraries"' in page
    assert 'aria-describedby="id_title_helptext"' in page
    assert '<textarea class="govuk-textarea" name="summary"' in page
    assert '<fieldset class="govuk-fieldset">' in page
    assert '<legend class="govuk-fieldset__legend"> Status </legend>' in page
    assert (
        'class="govuk-radios__input" type="radio" name="status" value="red" id="id_status_1" required checked' in page
    )
    assert '<select class="govuk-select" id="id_directorate" name="directorate"' in page
    assert '<option value="growth">Growth</option>' in page
    assert 'class="govuk-checkboxes__input" type="checkbox" name="themes" value="b" id="id_themes_1" checked' in page
    assert 'class="govuk-checkboxes__input" type="checkbox" name="confirmed" id="id_confirmed"' in page
    assert 'type="number" name="count" value="3"' in page
    assert '<input type="hidden" name="secret" id="id_secret">' in page
    assert "govuk-error" not in page


def test_field_include_and_error_summary_show_every_error():
    form = EveryKindForm(data={"title": "", "summary": "", "directorate": "", "count": "many"})
    assert not form.is_valid()

    page = squash(render_form(form))

    summary_links = re.findall(r'<li> <a href="(#[^"]+)">', page)
    assert summary_links == [
        "#id_title",
        "#id_summary",
        "#id_status_0",
        "#id_directorate",
        "#id_confirmed",
        "#id_count",
    ]
    assert '<div class="govuk-form-group govuk-form-group--error">' in page
    assert 'class="govuk-input govuk-input--error govuk-input--width-20"' in page
    assert 'aria-describedby="id_title_helptext id_title_error"' in page
    assert (
        '<p id="id_title_error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span>' in page
    )
    assert 'class="govuk-textarea govuk-textarea--error"' in page
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_status_error">' in page
    assert 'class="govuk-select govuk-select--error"' in page
    assert 'aria-describedby="id_directorate_helptext id_directorate_error"' in page
    assert "Enter a whole number." in page


def test_error_summary_links_form_wide_errors_to_the_first_field():
    class RangeForm(forms.Form):
        start = forms.IntegerField()
        end = forms.IntegerField()

        def clean(self):
            raise forms.ValidationError("The end must be after the start")

    form = RangeForm(data={"start": "2", "end": "1"})
    form.is_valid()

    page = render_to_string("includes/error_summary.html", {"form": form})

    assert '<a href="#id_start">The end must be after the start</a>' in page


def test_error_summary_renders_nothing_without_errors():
    assert render_to_string("includes/error_summary.html", {"form": EveryKindForm()}).strip() == ""
