"""Never losing a half-filled form to an expired sign-in.

An officer opens their return, types for an hour, and their sign-in expires (or they signed out in another tab).
When they press Save, the answers are kept on the server instead of being thrown away by the redirect to the
sign-in page; once they have signed in again, the form is shown to them with what they typed, to check and save.

- The form carries `{% pending_owner %}`: a hidden field naming, signed, who the form was shown to and on which
  page. Only a post to that same page with a valid signature (made in the last `OWNER_MAX_AGE`) is kept, so a
  token cannot be replayed to other pages (pages that do not exist included), and nobody can fill the table
  without having signed in.
- What is kept is tied to the browser that posted it while signed out (its id goes into a signed, HttpOnly
  cookie, which outlives that signed-out session, the sign-in that follows and anyone else's sign-in and
  sign-out on the same computer): only that person, signing in again in that same browser, gets it back.
  Someone else signing in on the same computer does not see it; someone replaying a token elsewhere cannot put
  text into the officer's form, since it only ever comes back in the replayer's own browser.
- Kept per person and page (a newer post replaces an older one), at most `MAX_BYTES` each, at most
  `MAX_FORMS` per person (the oldest go), for `KEEP_FOR`.
- Posts pass the CSRF check before they get here, as any other post.
- Nothing is saved to the return: the officer checks and saves again, so the usual checks (the window, someone
  else's save meanwhile, validation) all apply.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import QueryDict
from django.utils import timezone

from .models import PendingForm

OWNER_FIELD = "_pending_owner"
OWNER_SALT = "councilplan.pending-form-owner"
# A working day of typing, at most: a form shown longer ago than that is not kept for anyone.
OWNER_MAX_AGE = dt.timedelta(hours=12)
KEEP_FOR = dt.timedelta(days=1)
MAX_BYTES = 256 * 1024
MAX_FORMS = 5
NOT_KEPT = {"csrfmiddlewaretoken", OWNER_FIELD}
COOKIE = "councilplan_pending"
COOKIE_SALT = "councilplan.pending-forms"


def owner_token(user, path: str) -> str:
    """The hidden field's value: who the form on `path` was shown to, signed."""
    return signing.dumps({"user": user.pk, "path": path}, salt=OWNER_SALT)


def _owner_of(request) -> int | None:
    try:
        signed = signing.loads(
            request.POST.get(OWNER_FIELD, ""), salt=OWNER_SALT, max_age=OWNER_MAX_AGE.total_seconds()
        )
    except signing.BadSignature:
        return None
    if not isinstance(signed, dict) or signed.get("path") != request.path or not isinstance(signed.get("user"), int):
        return None  # an older token, or one shown on another page
    return signed["user"]


def keeps_answers_when_signed_out(view):
    """Put outside `login_required`: a post from someone no longer signed in is kept, then they sign in."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            kept = keep(request)
            if kept is not None:
                messages.warning(
                    request,
                    "You were signed out, so your answers have not been saved yet. Sign in again: "
                    "what you typed has been kept, and you can check it and save it.",
                )
            response = redirect_to_login(request.get_full_path())
            if kept is not None:
                ids = [*_kept_here(request), kept.pk][-MAX_FORMS:]
                response.set_signed_cookie(
                    COOKIE,
                    ",".join(str(pk) for pk in ids),
                    salt=COOKIE_SALT,
                    max_age=int(KEEP_FOR.total_seconds()),
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        return view(request, *args, **kwargs)

    return wrapped


def _kept_here(request) -> list[int]:
    """The ids of what this browser posted while signed out (from its signed cookie)."""
    value = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT, max_age=KEEP_FOR.total_seconds())
    return [int(part) for part in value.split(",") if part.isdigit()]


def keep(request) -> PendingForm | None:
    """Keep what was posted to this page for the form's owner; None when it cannot be kept."""
    owner = _owner_of(request)
    if owner is None:
        return None
    data = {name: request.POST.getlist(name) for name in request.POST if name not in NOT_KEPT}
    if len(json.dumps(data)) > MAX_BYTES:
        return None
    PendingForm.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    PendingForm.objects.filter(user_id=owner, path=request.path).delete()
    older = PendingForm.objects.filter(user_id=owner).order_by("-created_at", "-pk").values_list("pk", flat=True)
    PendingForm.objects.filter(pk__in=list(older[MAX_FORMS - 1 :])).delete()
    return PendingForm.objects.create(path=request.path[:500], user_id=owner, data=data)


def take(request) -> QueryDict | None:
    """What the signed-in person posted to this page while signed out, once: None when there is nothing."""
    if not request.user.is_authenticated:
        return None
    kept = PendingForm.objects.filter(
        pk__in=_kept_here(request), user=request.user, path=request.path, created_at__gte=timezone.now() - KEEP_FOR
    ).first()
    if kept is None:
        return None
    kept.delete()
    data = QueryDict(mutable=True)
    for name, values in kept.data.items():
        if isinstance(values, list):
            data.setlist(str(name), [str(value) for value in values])
    return data
