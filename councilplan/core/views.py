from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from councilplan.core.dashboard import build_dashboard
from councilplan.monitoring.selectors import open_rounds


@login_required
@require_safe
def home(request):
    """The dashboard: the latest published round for everyone; the open rounds' progress for the corporate
    team; the way to "My returns" for those who fill returns in."""
    user = request.user
    fills_in_returns = user.role != user.Role.VIEWER or user.is_superuser
    context = {
        "dashboard": build_dashboard(user),
        "fills_in_returns": fills_in_returns,
        "rounds_for_returns": open_rounds() if fills_in_returns and not user.is_corporate else [],
    }
    return render(request, "core/home.html", context)


@never_cache
@require_safe
def health(request):
    """For load balancers: the process is up and serving requests. It does not touch the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
