"""Password sign-in is throttled: a username is locked from an address after too many wrong passwords, with a
clear message, for a while; other addresses and other people are not affected; a success clears the count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from councilplan.core.models import SignInFailure, User

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/accounts/login/"


@pytest.fixture
def ann():
    user = User(username="ann", name="Ann Officer", email="ann@example.gov.uk")
    user.set_password(PASSWORD)
    user.save()
    return user


def attempt(client, password: str, username: str = "ann", ip: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_the_right_password_signs_in(client, ann):
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ann.pk)


@override_settings(SIGNIN_MAX_FAILURES=3, SIGNIN_LOCKOUT_MINUTES=15)
def test_after_too_many_wrong_passwords_even_the_right_one_is_refused_with_a_clear_message(client, ann):
    for _ in range(2):
        response = attempt(client, "wrong")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.text

    locking = attempt(client, "wrong again")
    assert locking.status_code == 429
    assert "govuk-error-summary" in locking.text
    assert "You have entered a wrong password too many times. Wait 15 minutes" in locking.text

    refused = attempt(client, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Wait 15 minutes, then try again, or reset your password" in refused.text


@override_settings(SIGNIN_MAX_FAILURES=3, SIGNIN_LOCKOUT_MINUTES=15)
def test_the_lock_is_per_username_and_address(client, ann):
    bob = User(username="bob")
    bob.set_password(PASSWORD)
    bob.save()
    for _ in range(3):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 429

    assert attempt(client, PASSWORD, ip="10.0.0.2").status_code == 302  # Ann at her own desk
    client.logout()
    assert attempt(client, PASSWORD, username="bob").status_code == 302  # Bob from the guessing address
    client.logout()
    # The username as typed, in any case, is one username.
    assert attempt(client, PASSWORD, username="ANN").status_code == 429


@override_settings(SIGNIN_MAX_FAILURES=3, SIGNIN_LOCKOUT_MINUTES=15)
def test_the_lock_ends_after_its_minutes(client, ann):
    for _ in range(3):
        attempt(client, "wrong")
    row = SignInFailure.objects.get(username="ann", ip="10.0.0.1")
    assert row.failures == 3 and row.locked_until > timezone.now() + dt.timedelta(minutes=14)

    row.locked_until = timezone.now() - dt.timedelta(seconds=1)
    row.first_failed_at = timezone.now() - dt.timedelta(minutes=16)
    row.save()
    assert attempt(client, PASSWORD).status_code == 302
    assert not SignInFailure.objects.exists()  # a success clears the count


@override_settings(SIGNIN_MAX_FAILURES=3, SIGNIN_LOCKOUT_MINUTES=15)
def test_old_failures_are_forgotten(client, ann):
    attempt(client, "wrong")
    attempt(client, "wrong")
    SignInFailure.objects.update(first_failed_at=timezone.now() - dt.timedelta(minutes=20))
    attempt(client, "wrong")  # counts as the first of a new series
    assert SignInFailure.objects.get().failures == 1
    assert attempt(client, PASSWORD).status_code == 302


@override_settings(SIGNIN_MAX_FAILURES=2)
def test_a_success_before_the_limit_resets_the_count(client, ann):
    attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302


@override_settings(SIGNIN_MAX_FAILURES=2, COUNCILPLAN_BEHIND_PROXY=True)
def test_behind_a_proxy_the_address_is_the_one_the_proxy_added(client, ann):
    """A client cannot dodge the lock by sending its own X-Forwarded-For: the proxy's entry is the last one."""
    for forged in ("1.1.1.1", "2.2.2.2"):
        client.post(
            LOGIN,
            {"username": "ann", "password": "wrong"},
            REMOTE_ADDR="10.9.9.9",
            HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.7",
        )
    assert SignInFailure.objects.get().ip == "203.0.113.7"
    response = client.post(
        LOGIN, {"username": "ann", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert response.status_code == 429


def test_the_admin_sign_in_page_leads_to_the_throttled_one(client):
    response = client.get("/admin/login/?next=/admin/core/user/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=/admin/core/user/" in response["Location"]
    assert client.get("/admin/").status_code == 302
