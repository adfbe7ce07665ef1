"""Signing in with a password: throttled per username and address.

After `SIGNIN_MAX_FAILURES` wrong passwords for one username from one address within
`SIGNIN_LOCKOUT_MINUTES`, that username is locked from that address for `SIGNIN_LOCKOUT_MINUTES`: even the right
password is refused, with a message saying how long to wait. A successful sign-in clears the count.

The counts are in the database, so every gunicorn worker and every host behind the load balancer sees the same
ones. Keying on the username and the address together means that someone guessing one person's password is
stopped, but cannot lock that person out from their own desk (or a whole office behind one address out).

Password-reset requests are throttled the same way (`PasswordResetView`): each request for one address from one
address of the client counts, and the `SIGNIN_MAX_FAILURES`th within the window is refused (429), so nobody can
flood a person's inbox or the mail server through the form.
"""

from __future__ import annotations

import datetime as dt
import math

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.contrib.auth.views import PasswordResetView as DjangoPasswordResetView
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import sso
from .models import SignInFailure


def client_ip(request) -> str:
    """The address the request came from. Behind a proxy (`BEHIND_PROXY`), the last address in
    X-Forwarded-For: the one the proxy itself added, which the client cannot forge."""
    if getattr(settings, "COUNCILPLAN_BEHIND_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1][:45]
    return (request.META.get("REMOTE_ADDR") or "unknown")[:45]


def _key(username: str, ip: str) -> dict:
    return {"username": username.strip().lower()[:150], "ip": ip}


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES)


def locked_until(username: str, ip: str, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the lock on this username from this address ends, or None when it is not locked."""
    now = now or timezone.now()
    row = SignInFailure.objects.filter(**_key(username, ip), locked_until__gt=now).only("locked_until").first()
    return row.locked_until if row else None


def record_failure(username: str, ip: str, now: dt.datetime | None = None) -> dt.datetime | None:
    """Count a wrong password; returns when the lock ends if this failure locked the username."""
    now = now or timezone.now()
    key = _key(username, ip)
    # Forget series that ended long ago (a success deletes its own row; these never had one).
    SignInFailure.objects.filter(last_failed_at__lt=now - dt.timedelta(days=1), locked_until__lt=now).delete()
    SignInFailure.objects.filter(last_failed_at__lt=now - dt.timedelta(days=1), locked_until=None).delete()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                row = SignInFailure.objects.select_for_update().filter(**key).first()
                if row is None:
                    row = SignInFailure(**key, failures=0, first_failed_at=now, last_failed_at=now)
                elif row.first_failed_at <= now - _window() and not (row.locked_until and row.locked_until > now):
                    # The earlier failures are old: start counting again.
                    row.failures, row.first_failed_at, row.locked_until = 0, now, None
                row.failures += 1
                row.last_failed_at = now
                if row.failures >= settings.SIGNIN_MAX_FAILURES:
                    row.locked_until = now + _window()
                row.save()
                return row.locked_until
        except IntegrityError:
            continue  # two failures at once created the row: count again on it
    return None


def clear_failures(username: str, ip: str) -> None:
    SignInFailure.objects.filter(**_key(username, ip)).delete()


def minutes_left(until: dt.datetime, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    return max(1, math.ceil((until - now).total_seconds() / 60))


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a locked username before it checks the password."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": "You have entered a wrong password too many times. Wait %(minutes)s minutes, then try again, "
        "or reset your password",
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        ip = client_ip(self.request) if self.request else "unknown"
        if username and password:
            until = locked_until(username, ip)
            if until:
                raise self._locked(until)
            try:
                cleaned = super().clean()
            except forms.ValidationError as error:
                if getattr(error, "code", None) == "invalid_login":
                    until = record_failure(username, ip)
                    if until:
                        raise self._locked(until) from None
                raise
            clear_failures(username, ip)
            return cleaned
        return super().clean()

    def _locked(self, until: dt.datetime) -> forms.ValidationError:
        self.locked = True
        return forms.ValidationError(
            self.error_messages["locked"], code="locked", params={"minutes": minutes_left(until)}
        )


class SignInView(LoginView):
    """The sign-in page: a locked sign-in is refused with 429 Too Many Requests (and the message)."""

    authentication_form = SignInForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = sso.enabled()
        context["sso_label"] = settings.OIDC_BUTTON_LABEL
        return context

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "locked", False):
            response.status_code = 429
        return response


RESET_PREFIX = "password-reset:"  # kept apart from sign-in counts: a username never starts with it


class PasswordResetView(DjangoPasswordResetView):
    """Django's "reset your password" page, throttled like signing in (per e-mail address and client address)."""

    def form_valid(self, form):
        key = RESET_PREFIX + form.cleaned_data["email"]
        ip = client_ip(self.request)
        until = locked_until(key, ip) or record_failure(key, ip)
        if until:
            form.add_error(
                None,
                f"You have asked for too many password resets. Wait {minutes_left(until)} minutes, then try "
                "again, or check your e-mail (and its junk folder) for the link already sent",
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


def admin_sign_in(request):
    """The admin's own sign-in page sends people to this one, so that there is one (throttled) way in."""
    from django.contrib.auth.views import redirect_to_login
    from django.urls import reverse

    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
