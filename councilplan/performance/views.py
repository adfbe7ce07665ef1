"""The performance pages: the index, the directorate dashboard, the quarterly performance report (with their
downloads), an indicator with its results and chart, entering a result, importing results, one's own
indicators, and the KPIs linked to a plan activity. Thin: reading is in selectors, writing in services,
wording in documents; every view asks performance.permissions who may do what."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.analysis import performance as rules
from councilplan.core.exchange import ImportFailed
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.uploads import import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.http import file_response
from councilplan.documents.model import Document
from councilplan.plan.models import Activity
from councilplan.plan.permissions import can_read_activity

from . import selectors
from .documents import (
    ALERT_WORDS,
    DIRECTION_WORDS,
    RAG_WORDS,
    build_document,
    format_value,
    linked_kpi_rows,
    quarter_words,
    trend_chart,
)
from .forms import ImportForm, PeriodForm, ResultForm
from .models import Indicator
from .output import FORMAT_NAMES, FORMATS, chart_svg, chart_url, data_version, job_params, page_items, produce
from .output import report_file as make_report_file
from .permissions import can_enter_result, can_import_results, can_read_performance
from .services import StaleResult, import_results, save_result

INDICATOR_COLUMNS = [
    Column("Reference", lambda i: i.ref),
    Column("Indicator", lambda i: i.description),
    Column("Service area", lambda i: i.service_area.name),
    Column("Delivered by", lambda i: i.service_area.delivery_partner),
    Column("Directorate", lambda i: i.service_area.directorate.name),
    Column("Kind", lambda i: i.get_kind_display()),
    Column("Frequency", lambda i: i.get_frequency_display()),
    Column("Results entered by", lambda i: str(i.owner) if i.owner else "The corporate team"),
]


def _reader(request) -> None:
    if not can_read_performance(request.user):
        raise PermissionDenied


def _period(request, default: dt.date | None) -> dt.date:
    raw = request.GET.get("period", "")
    if not raw:
        if default is None:
            return dt.date.today().replace(day=1)
        return default
    period = selectors.parse_period(raw)
    if period is None:
        raise Http404("The period must be a month: YYYY-MM.")
    return period


def _latest_quarter_end(period: dt.date | None) -> dt.date | None:
    if period is None:
        return None
    while period.month not in (3, 6, 9, 12):
        period = rules.add_months(period, -1)
    return period


def _scope(request, kind: str) -> selectors.ReportScope:
    latest = selectors.latest_period()
    period = _period(request, latest if kind == selectors.DASHBOARD else _latest_quarter_end(latest))
    if kind == selectors.QUARTERLY and period.month not in (3, 6, 9, 12):
        raise Http404("A quarterly report is for a quarter's last month: June, September, December or March.")
    directorate = None
    raw = request.GET.get("directorate", "")
    if raw:
        directorate = next((d for d in selectors.directorates() if str(d.pk) == raw), None)
        if directorate is None:
            raise Http404("There is no such directorate with indicators.")
    return selectors.ReportScope(kind, period, directorate)


def _query(scope: selectors.ReportScope) -> str:
    params = {"period": f"{scope.period:%Y-%m}"}
    if scope.directorate is not None:
        params["directorate"] = scope.directorate.pk
    return "?" + urlencode(params)


def _periods(latest: dt.date | None, quarterly: bool) -> list[dt.date]:
    """The months to choose from: the 24 up to the latest result."""
    if latest is None:
        return []
    months = [rules.add_months(latest, -i) for i in range(24)]
    return [m for m in months if not quarterly or m.month in (3, 6, 9, 12)]


@login_required
@require_safe
def index(request):
    _reader(request)
    latest = selectors.latest_period()
    context = {
        "directorates": selectors.directorates(),
        "latest": latest,
        "latest_name": rules.month_name(latest) if latest else "",
        "quarter": _latest_quarter_end(latest),
        "quarter_name": quarter_words(_latest_quarter_end(latest)) if latest else "",
        "owned": selectors.owned_indicators(request.user),
        "may_import": can_import_results(request.user),
    }
    return render(request, "performance/index.html", context)


def _report_page(request, kind: str):
    _reader(request)
    scope = _scope(request, kind)
    inputs = selectors.report_inputs(scope)
    document = build_document(inputs)
    query = _query(scope)
    name = "performance:dashboard_file" if kind == selectors.DASHBOARD else "performance:report_file"
    downloads = [(FORMAT_NAMES[fmt], reverse(name, args=[fmt]) + query) for fmt in FORMATS]
    latest = selectors.latest_period()
    periods = [
        (f"{p:%Y-%m}", quarter_words(p) if kind == selectors.QUARTERLY else rules.month_name(p))
        for p in _periods(latest, kind == selectors.QUARTERLY)
    ]
    context = {
        "kind": kind,
        "scope": scope,
        "document": document,
        "items": page_items(document, chart_url(scope.period)),
        "downloads": downloads,
        "directorates": selectors.directorates(),
        "periods": periods,
        "period_value": f"{scope.period:%Y-%m}",
    }
    return render(request, "performance/report.html", context)


@login_required
@require_safe
def dashboard(request):
    return _report_page(request, selectors.DASHBOARD)


@login_required
@require_safe
def quarterly(request):
    return _report_page(request, selectors.QUARTERLY)


def _download(request, kind: str, fmt: str):
    _reader(request)
    if fmt not in FORMATS:
        raise Http404("There is no such format.")
    scope = _scope(request, kind)
    if fmt == "json":  # figures only, quick: in the request
        return file_response(produce(scope, fmt))
    # Laid out with a chart per indicator: made by the worker once per version of the data, and kept.
    page = "performance:dashboard" if kind == selectors.DASHBOARD else "performance:report"
    what = "Dashboard" if kind == selectors.DASHBOARD else "Quarterly performance report"
    return jobs.respond(
        request,
        make_report_file,
        params=job_params(scope),
        fmt=fmt,
        version=data_version(),
        title=f"{what}: {scope.period:%B %Y}" + (f", {scope.directorate.name}" if scope.directorate else ""),
        back=(reverse(page) + _query(scope), "Back to the report"),
    )


@login_required
@require_safe
def dashboard_file(request, fmt: str):
    return _download(request, selectors.DASHBOARD, fmt)


@login_required
@require_safe
def report_file(request, fmt: str):
    return _download(request, selectors.QUARTERLY, fmt)


def _indicator(ref: str):
    indicator = selectors.get_indicator(ref)
    if indicator is None:
        raise Http404("There is no indicator with that reference.")
    return indicator


@login_required
@require_safe
def chart(request, ref: str):
    _reader(request)
    indicator = _indicator(ref)
    period = _period(request, selectors.latest_period())
    page = selectors.indicator_page(indicator, period, request.user)
    response = HttpResponse(chart_svg(trend_chart(page["record"], period)), content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_safe
def indicator(request, ref: str):
    _reader(request)
    indicator = _indicator(ref)
    latest = selectors.latest_period() or dt.date.today().replace(day=1)
    page = selectors.indicator_page(indicator, latest, request.user)
    record = page["record"]
    rows = []
    for result in reversed(page["indicator"].results.all()):
        if record.is_kpi:
            row = rules.kpi_row(record, result.period)
            judged = (RAG_WORDS.get(row.rag or "", ""), DIRECTION_WORDS.get(row.direction or "", ""))
        else:
            row = rules.activity_row(record, result.period)
            judged = (ALERT_WORDS.get(row.alert or "", ""), "")
        rows.append(
            {
                "result": result,
                "period": rules.period_label(result.period, indicator.frequency),
                "value": format_value(result.value, indicator.unit, ""),
                "ytd": format_value(result.ytd, indicator.unit, ""),
                "judged": judged,
                "month": f"{result.period:%Y-%m}",
            }
        )
    standards = [
        {
            "year": rules.financial_year_name(s.year),
            "target": format_value(s.target, indicator.unit, ""),
            "floor": format_value(s.floor, indicator.unit, ""),
            "lower": format_value(s.lower, indicator.unit, ""),
            "upper": format_value(s.upper, indicator.unit, ""),
        }
        for s in page["indicator"].standards.all()
    ]
    last = max((r.period for r in record.results), default=latest)
    chart_block = trend_chart(record, last)
    context = {
        "indicator": page["indicator"],
        "rows": rows,
        "standards": standards,
        "chart": chart_block,
        "chart_items": page_items(_single(chart_block), chart_url(last)),
        "may_enter": can_enter_result(request.user, indicator),
    }
    return render(request, "performance/indicator.html", context)


def _single(block):
    return Document("", (block,), "chart")


@login_required
@require_http_methods(["GET", "HEAD"])
def choose_period(request, ref: str):
    indicator = _indicator(ref)
    if not can_enter_result(request.user, indicator):
        raise PermissionDenied
    form = PeriodForm(request.GET or None, indicator=indicator)
    if request.GET and form.is_valid():
        return redirect("performance:result", ref=indicator.ref, period=f"{form.cleaned_data['period']:%Y-%m}")
    return render(request, "performance/choose_period.html", {"indicator": indicator, "form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def result(request, ref: str, period: str):
    indicator = _indicator(ref)
    if not can_enter_result(request.user, indicator):
        raise PermissionDenied
    month = selectors.parse_period(period)
    if month is None or not rules.valid_period(month, indicator.frequency):
        raise Http404("That is not one of this indicator's periods.")
    existing = indicator.results.filter(period=month).first()
    if request.method == "POST":
        form = ResultForm(request.POST, indicator=indicator)
        if form.is_valid():
            data = form.cleaned_data
            try:
                save_result(
                    indicator,
                    month,
                    value=data["value"],
                    ytd=data.get("ytd"),
                    commentary=data["commentary"],
                    user=request.user,
                    expected_version=data["version"],
                )
            except StaleResult:
                form.add_error(
                    None,
                    "Someone else saved this result while you were editing it. Your changes have not been saved: "
                    "open the result again to see theirs.",
                )
            else:
                messages.success(
                    request, f"Result saved: {indicator.ref} for {rules.period_label(month, indicator.frequency)}."
                )
                return redirect("performance:indicator", ref=indicator.ref)
    else:
        initial = {"version": existing.version if existing else None}
        if existing:
            initial.update(value=_plain(existing.value), ytd=_plain(existing.ytd), commentary=existing.commentary)
        form = ResultForm(initial=initial, indicator=indicator)
    context = {
        "indicator": indicator,
        "form": form,
        "period_name": rules.period_label(month, indicator.frequency),
        "existing": existing,
    }
    return render(request, "performance/result.html", context)


def _plain(value) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_page(request):
    if not can_import_results(request.user):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            with upload_on_disk(upload) as path:
                try:
                    outcome = import_results(path, user=request.user)
                except ImportFailed as failure:
                    errors = failure.errors
                    form.add_error("file", refused(errors))
                else:
                    messages.success(
                        request,
                        f"Results imported: {outcome.created} added, {outcome.updated} changed, "
                        f"{outcome.unchanged} unchanged.",
                    )
                    return redirect("performance:index")
    else:
        form = ImportForm()
    return render(request, "performance/import.html", {"form": form, **import_problems(errors)})


@login_required
@require_safe
def indicators(request):
    """All indicators: search, filters in the address, pages of 50, and a download of what is shown."""
    _reader(request)
    choices = selectors.indicator_filter_choices()
    page = list_page(
        request,
        selectors.indicator_list(),
        columns=INDICATOR_COLUMNS,
        search_fields=["ref", "description", "service_area__name", "owner__name"],
        filters=[
            Filter(
                "directorate",
                "Directorate",
                choices["directorate"],
                lambda qs, v: qs.filter(service_area__directorate_id=v),
            ),
            Filter("area", "Service area", choices["area"], lambda qs, v: qs.filter(service_area_id=v)),
            Filter("kind", "Kind", list(Indicator.Kind.choices), lambda qs, v: qs.filter(kind=v)),
            Filter("frequency", "Frequency", list(Indicator.Frequency.choices), lambda qs, v: qs.filter(frequency=v)),
        ],
        name="indicators",
    )
    if isinstance(page, HttpResponse):  # a download of the indicators the search and filters show
        return page
    return render(request, "performance/indicators.html", {"list": page})


@login_required
@require_safe
def mine(request):
    _reader(request)
    rows = []
    for indicator in selectors.owned_indicators(request.user):
        latest = next(iter(indicator.results.all()), None)
        rows.append(
            {
                "indicator": indicator,
                "latest": rules.period_label(latest.period, indicator.frequency) if latest else "No results yet",
            }
        )
    return render(request, "performance/mine.html", {"rows": rows})


@login_required
@require_safe
def activity(request, pk: int):
    _reader(request)
    plan_activity = get_object_or_404(Activity.objects.select_related("plan").prefetch_related("colleagues"), pk=pk)
    if not can_read_activity(request.user, plan_activity):
        raise Http404  # exempt, to someone not cleared: as if it did not exist
    rows = linked_kpi_rows(selectors.linked_indicators(plan_activity))
    return render(request, "performance/activity.html", {"activity": plan_activity, "rows": rows})
