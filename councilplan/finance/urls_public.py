from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from councilplan.analysis import finance as f

from . import selectors
from .models import Position

app_name = "finance_public"


@require_safe
def index(request):
    """The latest position reported to Cabinet: Table 1, with no sign-in (nothing exempt is in Table 1)."""
    found = Position.objects.filter(state=Position.State.REPORTED).order_by("-month", "-version").first()
    table = None
    if found is not None:
        last = selectors.last_reported(found)
        table = f.table1(selectors.position_bundle(found).data, selectors.position_bundle(last).data if last else None)
    return render(request, "finance/public.html", {"position": found, "table": table})


# Pages anyone may read without signing in: only what is published, never anything exempt.
urlpatterns: list = [path("", index, name="index")]
