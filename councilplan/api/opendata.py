"""Open data files on the public pages (/public/open-data/): the published plans, the published rounds' figures and
the active policy register, as CSV and JSON, under the Open Government Licence, with the organisation's GSS code
and a data dictionary. Exactly the public slice of the API: nothing exempt (Schedule 12A), ever."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from councilplan.core import selectors as core_selectors
from councilplan.core.identifiers import with_gss_code
from councilplan.core.tabular import csv_bytes
from councilplan.monitoring import selectors as monitoring_selectors
from councilplan.plan import selectors as plan_selectors

from .common import LICENCE, LICENCE_URL
from .v1 import ActivityOut, FigureOut, PolicyOut, activity_rows, figure_rows, policy_rows

# The files' columns: the API's schema fields, less the "exempt" flag (always false in a public file).
DATASETS = {
    "plan": ("Plan activities", ActivityOut),
    "figures": ("Monitoring round figures", FigureOut),
    "policies": ("Policy register", PolicyOut),
}


def _fields(schema) -> list[tuple[str, str]]:
    return [(name, field.description or "") for name, field in schema.model_fields.items() if name != "exempt"]


def _respond(kind: str, title: str, rows: list[dict], stem: str, fmt: str, request) -> HttpResponse:
    organisation = core_selectors.organisation()
    fields = [name for name, _ in _fields(DATASETS[kind][1])]
    dictionary = request.build_absolute_uri(reverse("open_data:dictionary")) + f"#{kind}"
    if fmt == "csv":
        header, values = with_gss_code(fields, [[row[f] for f in fields] for row in rows], organisation.gss_code)
        body = csv_bytes([*header, "licence"], [[*v, LICENCE] for v in values])
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        document = {
            "title": title,
            "publisher": organisation.name,
            "gss_code": organisation.gss_code,
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "data_dictionary": dictionary,
            "records": [{f: row[f] for f in fields} for row in rows],
        }
        response = HttpResponse(
            json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    else:
        raise Http404("CSV or JSON")
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license", <{dictionary}>; rel="describedby"'
    return response


@require_safe
def index(request):
    return render(
        request,
        "api/open_data.html",
        {
            "plans": plan_selectors.plans(published_only=True),
            "rounds": monitoring_selectors.public_rounds(),
            "organisation": core_selectors.organisation(),
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
        },
    )


@require_safe
def dictionary(request):
    sets = [(kind, title, _fields(schema)) for kind, (title, schema) in DATASETS.items()]
    return render(request, "api/data_dictionary.html", {"sets": sets, "licence": LICENCE, "licence_url": LICENCE_URL})


@require_safe
def plan_file(request, pk: int, fmt: str):
    plan = next((p for p in plan_selectors.plans(published_only=True) if p.pk == pk), None)
    if plan is None:
        raise Http404("No such published plan")
    return _respond("plan", f"{plan.name}: activities", activity_rows(plan, None), f"plan-{plan.pk}", fmt, request)


@require_safe
def figures_file(request, pk: int, fmt: str):
    round_ = next((r for r in monitoring_selectors.public_rounds() if r.pk == pk), None)
    if round_ is None:
        raise Http404("No such published round")
    title = f"{round_.plan.name}, {round_.label}: figures"
    return _respond("figures", title, figure_rows(round_, None), f"round-{round_.pk}-figures", fmt, request)


@require_safe
def policies_file(request, fmt: str):
    return _respond("policies", "Policy register", policy_rows(None), "policy-register", fmt, request)
