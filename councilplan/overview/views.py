"""The quarterly pack's page: a quarter to choose and the pack's downloads (the officers' version, made for the
reader, and the public version), each made by the worker (documents/jobs.py). Thin: permission, pack, template."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from councilplan.core.permissions import require, signed_in_required
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES

from .pack import FORMATS, data_version, pack_file, parse_quarter, quarter_param
from .permissions import can_make_pack


def _last_ended_quarter() -> str:
    """The latest quarter that has ended, as the form's starting value: '2026-27-Q2'."""
    today = timezone.localdate()
    months_into_year = (today.month - 4) % 12  # April is 0
    quarter = months_into_year // 3  # the current quarter, 0-based; the one before it has ended
    start = today.year if today.month >= 4 else today.year - 1
    if quarter == 0:
        start, quarter = start - 1, 4
    return f"{start}-{(start + 1) % 100:02d}-Q{quarter}"


@signed_in_required
@require_safe
def pack(request):
    require(can_make_pack(request.user))
    asked = request.GET.get("quarter", "").strip()
    quarter, error, downloads = None, "", []
    if asked:
        try:
            quarter = parse_quarter(asked)
        except ValueError as problem:
            error = str(problem)
    if quarter is not None:
        query = urlencode({"quarter": quarter_param(quarter)})
        public = urlencode({"quarter": quarter_param(quarter), "version": "public"})
        downloads = [
            (
                "For the council's officers (as you may read it)",
                [(FORMAT_NAMES[f], reverse("overview:pack_file", args=[f]) + "?" + query) for f in FORMATS],
            ),
            (
                "Public version (nothing exempt, no exceptions)",
                [(FORMAT_NAMES[f], reverse("overview:pack_file", args=[f]) + "?" + public) for f in FORMATS],
            ),
        ]
    return render(
        request,
        "overview/pack.html",
        {
            "value": asked or _last_ended_quarter(),
            "quarter": quarter,
            "error": error,
            "downloads": downloads,
        },
    )


@signed_in_required
@require_safe
def pack_file_view(request, fmt: str):
    require(can_make_pack(request.user))
    if fmt not in FORMATS:
        raise Http404("There is no such format.")
    try:
        quarter = parse_quarter(request.GET.get("quarter", ""))
    except ValueError as problem:
        raise Http404("There is no such quarter.") from problem
    public = request.GET.get("version") == "public"
    params = {"quarter": quarter_param(quarter), "public": public, "reader": None if public else request.user.pk}
    back = reverse("overview:pack") + "?" + urlencode({"quarter": quarter_param(quarter)})
    return jobs.respond(
        request,
        pack_file,
        params=params,
        fmt=fmt,
        version=data_version(),
        title=f"Quarterly pack, {quarter.label}" + (" (public version)" if public else ""),
        back=(back, "Back to the quarterly pack"),
    )
