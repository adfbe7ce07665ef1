"""Never losing a half-filled form to an expired sign-in.

An officer opens their return, types for an hour, and their sign-in expires (or they signed out in another tab).
When they press Save, the answers are kept on the server instead of being thrown away by the redirect to the
sign-in page; once they have signed in again, the form is shown to them with what they typed, to check and save.

- The form carries `{% pending_owner %}`: a hidden field naming, signed, who the form was shown to. Only a post
  with a valid signature (made in the last `OWNER_MAX_AGE`) is kept, and only that person gets it back: someone
  else signing in on the same computer does not see it, and nobody can fill the table without having signed in.
- Kept per person and page (a newer post replaces an older one), at most `MAX_BYTES`, for `KEEP_FOR`.
- Posts pass the CSRF check before they get here, as any other post.
- Nothing is saved to the return: the officer checks and saves again, so the usual checks (the window, someone
  else's save meanwhile, validation) all apply.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import QueryDict
from django.utils import timezone

from .models import PendingForm

OWNER_FIELD = "_pending_owner"
OWNER_SALT = "councilplan.pending-form-owner"
OWNER_MAX_AGE = dt.timedelta(days=7)
KEEP_FOR = dt.timedelta(days=7)
MAX_BYTES = 1024 * 1024
NOT_KEPT = {"csrfmiddlewaretoken", OWNER_FIELD}


def owner_token(user) -> str:
    return signing.dumps(user.pk, salt=OWNER_SALT)


def _owner_of(request) -> int | None:
    try:
        return signing.loads(request.POST.get(OWNER_FIELD, ""), salt=OWNER_SALT, max_age=OWNER_MAX_AGE.total_seconds())
    except signing.BadSignature:
        return None


def keeps_answers_when_signed_out(view):
    """Put outside `login_required`: a post from someone no longer signed in is kept, then they sign in."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            if keep(request):
                messages.warning(
                    request,
                    "You were signed out, so your answers have not been saved yet. Sign in again: "
                    "what you typed has been kept, and you can check it and save it.",
                )
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def keep(request) -> bool:
    """Keep what was posted to this page for the form's owner; False when it cannot be kept."""
    owner = _owner_of(request)
    if owner is None:
        return False
    data = {name: request.POST.getlist(name) for name in request.POST if name not in NOT_KEPT}
    if len(json.dumps(data)) > MAX_BYTES:
        return False
    PendingForm.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    PendingForm.objects.filter(user_id=owner, path=request.path).delete()
    PendingForm.objects.create(path=request.path[:500], user_id=owner, data=data)
    return True


def take(request) -> QueryDict | None:
    """What the signed-in person posted to this page while signed out, once: None when there is nothing."""
    if not request.user.is_authenticated:
        return None
    kept = PendingForm.objects.filter(
        user=request.user, path=request.path, created_at__gte=timezone.now() - KEEP_FOR
    ).first()
    if kept is None:
        return None
    kept.delete()
    data = QueryDict(mutable=True)
    for name, values in kept.data.items():
        if isinstance(values, list):
            data.setlist(str(name), [str(value) for value in values])
    return data
