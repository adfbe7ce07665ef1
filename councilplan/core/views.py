from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@login_required
def home(request):
    return render(request, "core/home.html")


@never_cache
@require_safe
def health(request):
    """For load balancers: the process is up and serving requests. It does not touch the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
