"""Your account → API tokens: a person makes, lists and revokes their own tokens."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.core.permissions import signed_in_required

from . import selectors, services
from .forms import TokenForm


@signed_in_required
@require_safe
def tokens(request):
    return render(
        request,
        "api/tokens.html",
        {"tokens": selectors.tokens_of(request.user), "now": timezone.now()},
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def new_token(request):
    today = timezone.localdate()
    initial = {"expires_on": today + dt.timedelta(days=90)}
    form = TokenForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record, token = services.create_token(
                request.user, form.cleaned_data["name"], form.cleaned_data["expires_on"], today
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            # Shown once, on this answer only: the token is not kept, only its hash.
            response = render(request, "api/token_created.html", {"record": record, "token": token})
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "api/token_form.html", {"form": form})


@signed_in_required
@require_http_methods(["GET", "POST"])
def revoke(request, pk: int):
    found = next((t for t in selectors.tokens_of(request.user) if t.pk == pk and t.revoked_at is None), None)
    if found is None:
        raise Http404("No such token")
    if request.method == "POST":
        services.revoke_token(request.user, pk)
        messages.success(request, f"The token ‘{found.name}’ was revoked: it no longer works.")
        return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"token": found})
