"""The API's own reads: a person's tokens."""

from __future__ import annotations

from .models import ApiToken


def tokens_of(user) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"))
