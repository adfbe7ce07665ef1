from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request):
    """For load balancers: the process is up and serving requests. It does not touch the database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
