"""Personal API tokens: made, used and revoked. Every change in the token's history, with the reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import ApiToken

MAX_DAYS = 366  # a token lives a year at most
PREFIX = "cp_"


def hash_of(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(user, name: str, expires_on: dt.date, today: dt.date | None = None) -> tuple[ApiToken, str]:
    """A new token for `user`: the record, and the token itself (shown once, never kept)."""
    today = today or timezone.localdate()
    errors = {}
    if not name.strip():
        errors["name"] = "Enter a name for the token"
    if expires_on <= today:
        errors["expires_on"] = "The expiry date must be in the future"
    elif (expires_on - today).days > MAX_DAYS:
        errors["expires_on"] = "A token can last a year at most"
    if errors:
        raise ValidationError(errors)
    token = PREFIX + secrets.token_urlsafe(32)
    expires = timezone.make_aware(dt.datetime.combine(expires_on, dt.time(23, 59, 59)))
    record = ApiToken(
        user=user, name=name.strip()[:100], prefix=token[:10], key_hash=hash_of(token), expires_at=expires
    )
    record._change_reason = "Created"
    record.save()
    return record, token


def revoke_token(user, token_id: int) -> ApiToken | None:
    """Revoke one of `user`'s own tokens (None: not theirs, or already revoked)."""
    found = ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).first()
    if found is None:
        return None
    found.revoked_at = timezone.now()
    found._change_reason = "Revoked by its owner"
    found.save()
    return found


def authenticate(token: str):
    """The active user a presented token belongs to, or None (unknown, revoked, expired, account inactive).
    Records when it was last used (at most once a minute: no write on every request)."""
    if not token or len(token) > 200:
        return None
    found = ApiToken.objects.select_related("user").filter(key_hash=hash_of(token)).first()
    now = timezone.now()
    if found is None or not found.active(now) or not found.user.is_active:
        return None
    if found.last_used_at is None or now - found.last_used_at > dt.timedelta(minutes=1):
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found.user
