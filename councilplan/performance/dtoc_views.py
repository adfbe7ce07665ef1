"""The delayed transfers of care pages (spec/qpr.md §3): the weekly dashboard with its week chooser and downloads
(made by the worker, `dtoc.report_file`), choosing a week to enter, a week's figures on a form with its history,
a week as a CSV file (the import's layout, to fill in), and importing weeks from a file. Thin: reading is in
selectors and `dtoc`, writing in `weekly`; every view asks performance.permissions who may do what."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.core.exchange import ImportFailed
from councilplan.core.identifiers import with_gss_code
from councilplan.core.tabular import csv_bytes
from councilplan.core.uploads import import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES
from councilplan.documents.http import file_response
from councilplan.documents.render_html import items as document_items

from . import dtoc, selectors, weekly
from .forms import DelayedDaysForm, WeekForm, WeeksImportForm
from .models import Indicator
from .permissions import can_enter_weeks, can_read_performance

FORMATS = ["html", "pdf", "docx", "xlsx", "json"]
RESPONSIBILITY_WORDS = {"nhs": "NHS", "social_care": "Social care", "both": "Both"}


def _weekly_indicator() -> Indicator | None:
    return Indicator.objects.filter(ref=dtoc.WEEKLY_REF).select_related("owner").first()


def _enterer(request) -> Indicator:
    indicator = _weekly_indicator()
    if indicator is None:
        if not can_read_performance(request.user):
            raise PermissionDenied
        raise Http404("There is no delayed transfers of care indicator.")
    if not can_enter_weeks(request.user, indicator):
        raise PermissionDenied
    return indicator


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Http404("The week must be a date: YYYY-MM-DD.") from None


def _week(request, weeks: list[dt.date]) -> dt.date | None:
    raw = request.GET.get("week", "")
    if not raw:
        return weeks[-1] if weeks else None
    week = _date(raw)
    if week not in weeks:
        raise Http404("There are no delayed transfers figures for that week.")
    return week


@login_required
@require_safe
def page(request):
    if not can_read_performance(request.user):
        raise PermissionDenied
    inputs = selectors.breakdown_inputs(dtoc.WEEKLY_REF, dtoc.MONTHLY_REF)
    weeks = list(inputs.weeks)
    week = _week(request, weeks)
    indicator = _weekly_indicator()
    context = {
        "week": week,
        "weeks": [(w.isoformat(), dtoc.long_week(w).capitalize()) for w in reversed(weeks)],
        "week_value": week.isoformat() if week else "",
        "may_enter": indicator is not None and can_enter_weeks(request.user, indicator),
        "title": dtoc.TITLE,
    }
    if week is not None:
        document = dtoc.build_document(week, inputs=inputs)
        query = "?" + urlencode({"week": week.isoformat()})
        context.update(
            document=document,
            items=document_items(document),
            downloads=[(FORMAT_NAMES[f], reverse("performance:dtoc_file", args=[f]) + query) for f in FORMATS],
            csv_url=reverse("performance:dtoc_week_csv", args=[week.isoformat()]),
        )
    return render(request, "performance/dtoc.html", context)


@login_required
@require_safe
def download(request, fmt: str):
    if not can_read_performance(request.user):
        raise PermissionDenied
    if fmt not in FORMATS:
        raise Http404("There is no such format.")
    week = _week(request, dtoc.weeks_available())
    if week is None:
        raise Http404("There are no delayed transfers figures yet.")
    if fmt == "json":  # figures only, quick: in the request
        return file_response(dtoc.render(week, fmt))
    return jobs.respond(
        request,
        dtoc.report_file,
        params={"week": week.isoformat()},
        fmt=fmt,
        version=dtoc.data_version(),
        title=f"Delayed transfers of care: {dtoc.long_week(week)}",
        back=(reverse("performance:dtoc") + "?" + urlencode({"week": week.isoformat()}), "Back to the dashboard"),
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def choose_week(request):
    indicator = _enterer(request)
    weeks = sorted(indicator.results.values_list("period", flat=True))
    form = WeekForm(request.GET or None, weeks=weeks)
    if request.GET and form.is_valid():
        return redirect("performance:dtoc_week", week=form.cleaned_data["week"].isoformat())
    if not request.GET and weeks:
        form = WeekForm(initial={"week": weeks[-1] + dt.timedelta(days=7)}, weeks=weeks)
    return render(request, "performance/dtoc_choose_week.html", {"form": form, "weeks": weeks[::-1][:8]})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def week_form(request, week: str):
    indicator = _enterer(request)
    day = _date(week)
    entry = selectors.week_entry(indicator, day)
    existing = sorted(indicator.results.exclude(period=day).values_list("period", flat=True))
    problem = weekly.week_problem(day, existing)
    if problem and entry.version is None:
        raise Http404(f"The week ending {day:%d/%m/%Y} {problem}.")
    stale = False
    if request.method == "POST":
        form = DelayedDaysForm(request.POST, sites=entry.sites)
        if form.is_valid():
            try:
                weekly.save_week(
                    indicator,
                    day,
                    form.parts(),
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    reason="Entered on the week's form",
                )
            except weekly.StaleWeek:
                stale = True
                form.add_error(
                    None,
                    "Someone else saved this week's figures while you were entering them. Your figures have not "
                    "been saved: they are below, with the figures now stored beside each box",
                )
            else:
                messages.success(request, f"Figures saved for the {dtoc.long_week(day)}.")
                return redirect(reverse("performance:dtoc") + "?" + urlencode({"week": day.isoformat()}))
    else:
        initial = {"version": entry.version}
        for (code, responsibility), value in entry.stored.items():
            initial[DelayedDaysForm.name_for(code, responsibility)] = weekly.plain(value)
        form = DelayedDaysForm(initial=initial, sites=entry.sites)
    if stale:  # what the other person saved, to compare; the next save is against their version
        entry = selectors.week_entry(indicator, day)
        data = request.POST.copy()
        data["version"] = "" if entry.version is None else str(entry.version)
        form.data = data
    rows = []
    for site, fields in form.site_rows():
        stored = [entry.stored.get((site.code, r)) for r in ("nhs", "social_care", "both")]
        rows.append(
            {
                "site": site,
                "fields": fields,
                "errors": any(f.errors for f in fields),
                "stored": [weekly.plain(v) for v in stored] if stale else [],
            }
        )
    history = [
        {
            "change": change,
            "responsibility": RESPONSIBILITY_WORDS.get(change.responsibility, change.responsibility),
            "before": _shown(change.before),
            "after": _shown(change.after),
        }
        for change in selectors.week_history(indicator, day)
    ]
    context = {
        "form": form,
        "rows": rows,
        "week": day,
        "week_name": dtoc.long_week(day),
        "entry": entry,
        "history": history,
        "stale": stale,
    }
    return render(request, "performance/dtoc_week.html", context)


def _shown(value) -> str:
    if value == "":
        return "–"
    return "not returned" if value is None else weekly.plain(value)


@login_required
@require_safe
def week_csv(request, week: str):
    """One week in the import's layout (every site; blank where not returned or not yet entered), formula-safe,
    with the organisation's GSS code: to fill in and import, or to keep."""
    if not can_read_performance(request.user):
        raise PermissionDenied
    indicator = _weekly_indicator()
    if indicator is None:
        raise Http404("There is no delayed transfers of care indicator.")
    day = _date(week)
    header, rows = weekly.week_file_rows(indicator, day)
    response = HttpResponse(csv_bytes(*with_gss_code(header, rows)), content_type="text/csv; charset=utf-8")
    filename = f"delayed-transfers-of-care-week-{day.isoformat()}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_weeks(request):
    indicator = _enterer(request)
    errors = []
    if request.method == "POST":
        form = WeeksImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            with upload_on_disk(upload) as path:
                try:
                    outcome = weekly.import_weeks(path, indicator, user=request.user)
                except ImportFailed as failure:
                    errors = failure.errors
                    form.add_error("file", refused(errors))
                else:
                    messages.success(
                        request,
                        f"Weekly figures imported: {outcome.weeks} week(s), {outcome.changed} figure(s) added or "
                        f"changed, {outcome.unchanged} unchanged.",
                    )
                    return redirect("performance:dtoc")
    else:
        form = WeeksImportForm()
    latest = indicator.results.order_by("-period").values_list("period", flat=True).first()
    context = {
        "form": form,
        **import_problems(errors),
        "template_url": reverse(
            "performance:dtoc_week_csv",
            args=[(latest + dt.timedelta(days=7) if latest else dt.date.today()).isoformat()],
        ),
    }
    return render(request, "performance/dtoc_import.html", context)
