"""Budget monitoring pages. Thin: each view asks `permissions`, reads through `selectors`, changes through
`services` (via core.pages), and hands plain records and the report's document to a template."""

from __future__ import annotations

from operator import attrgetter

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councilplan.analysis import finance as f
from councilplan.core.exchange import ImportFailed
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.pages import apply, confirm_page, done, form_page, submitted
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.uploads import check_import_upload, import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.formats import ALL, FORMAT_NAMES
from councilplan.documents.render_html import items as document_items

from . import downloads, permissions, reminders, selectors, services
from .forms import (
    ActivityForm,
    AdjustmentForm,
    CapitalAdjustmentForm,
    CapitalForecastForm,
    ForecastForm,
    ImportForm,
    NarrativeForm,
    RemoveForm,
    ReportForm,
    ReserveForm,
    ReserveItemForm,
    RestateForm,
)
from .models import (
    ActivityTable,
    Adjustment,
    BudgetLine,
    CapitalAdjustment,
    CapitalLine,
    CapitalPosition,
    Directorate,
    Position,
    PositionLine,
    PositionUnit,
    Reserve,
    ReserveItem,
)
from .report import cabinet_report

# --- helpers ---------------------------------------------------------------------------------------------


def _position(pk: int) -> Position:
    return get_object_or_404(Position.objects.select_related("year"), pk=pk)


def _position_url(position) -> str:
    return reverse("finance:position", args=[position.pk])


def _money_column(heading: str, getter) -> Column:
    return Column(heading, lambda row: f.money(getter(row), 3), numeric=True)


# --- positions --------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def index(request):
    require(permissions.can_read(request.user))
    positions = selectors.position_list()
    states = [(s.value, s.label) for s in Position.State]
    page = list_page(
        request,
        positions,
        columns=[
            Column("Month", attrgetter("label")),
            Column("State", attrgetter("state_label")),
            Column("Reported to", attrgetter("reported_to")),
            Column("Reported on", attrgetter("reported_on")),
        ],
        matches=lambda p, text: text.lower() in p.label.lower(),
        filters=[Filter("state", "State", states, lambda items, v: [p for p in items if p.state == v])],
        name="budget-positions",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(
        request,
        "finance/index.html",
        {"list": page, "can_manage": permissions.can_manage(request.user)},
    )


@signed_in_required
@require_safe
def position(request, pk: int):
    require(permissions.can_read(request.user))
    found = _position(pk)
    data = selectors.position_bundle(found)
    last = selectors.last_reported(found)
    table = f.table1(data.data, selectors.position_bundle(last).data if last else None)
    directors = {d.code: d.corporate_director_id for d in Directorate.objects.all()}
    state = found.state
    lines = [
        (line, permissions.can_forecast(request.user, budget_manager_id=line.budget_manager_id, position_state=state))
        for line in data.lines
    ]
    units = [
        (
            unit,
            permissions.can_adjust(
                request.user, corporate_director_id=directors.get(unit.directorate), position_state=state
            ),
        )
        for unit in data.narrative
    ]
    return render(
        request,
        "finance/position.html",
        {
            "position": data.record,
            "table": table,
            "rows": [(row, "" if row.cda_blank else f.money(row.cda)) for row in table.rows],
            "lines": lines,
            "units": units,
            "last": last,
            "can_manage": permissions.can_manage(request.user),
            "may_import": any(allowed for _, allowed in lines),
            "may_adjust_any": any(allowed for _, allowed in units),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in ALL],
            "directorates": Directorate.objects.all(),
            "outstanding": sum(1 for line, _ in lines if line.forecast_at is None and line.budget_manager_id),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def forecast(request, pk: int, line_id: int):
    found = _position(pk)
    pl = get_object_or_404(PositionLine.objects.select_related("line", "position"), position=found, pk=line_id)
    require(
        permissions.can_forecast(request.user, budget_manager_id=pl.line.budget_manager_id, position_state=found.state)
    )
    initial = {
        "forecast_gross": f.pounds_text(pl.forecast_gross),
        "forecast_income": f.pounds_text(pl.forecast_income),
        "note": pl.forecast_note,
        "version": pl.version,
    }
    form = ForecastForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(
            form,
            lambda: services.save_forecast(
                pl,
                gross=form.cleaned_data["forecast_gross"],
                income=form.cleaned_data["forecast_income"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
                user=request.user,
                finance=permissions.is_finance(request.user),
            ),
        )
    ):
        return done(request, f"Forecast for {pl.heading} saved.", "finance:position", found.pk)
    return form_page(
        request,
        form,
        title=f"Forecast outturn: {pl.heading}",
        caption=f"{found} · cash limit net £{f.pounds_text(pl.gross + pl.income)}",
        back=_position_url(found),
        intro=f"Cash limit: gross £{f.pounds_text(pl.gross)}, income £{f.pounds_text(pl.income)}. Enter the forecast "
        "for the whole year.",
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def forecast_import(request, pk: int):
    found = _position(pk)
    finance = permissions.is_finance(request.user)

    def may(pl) -> bool:
        return permissions.can_forecast(
            request.user, budget_manager_id=pl.line.budget_manager_id, position_state=found.state
        )

    manager_ids = BudgetLine.objects.values_list("budget_manager_id", flat=True)
    require(found.state != Position.State.REPORTED and permissions.may_forecast_somewhere(request.user, manager_ids))
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_import_upload(upload)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            with upload_on_disk(upload) as path:
                try:
                    result = services.import_forecasts(
                        found, path, user=request.user, may_forecast=may, finance=finance
                    )
                except ImportFailed as failure:
                    errors = failure.errors
                    form.add_error("file", refused(errors))
                else:
                    return done(request, f"{result.updated} forecasts imported.", "finance:position", found.pk)
    return render(
        request,
        "finance/import.html",
        {
            "form": form,
            "position": found,
            **import_problems(errors),
            "back": _position_url(found),
        },
        status=400 if errors or (request.method == "POST" and form.errors) else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def adjustment_add(request, pk: int):
    found = _position(pk)
    directorates = [
        d
        for d in Directorate.objects.all()
        if permissions.can_adjust(
            request.user, corporate_director_id=d.corporate_director_id, position_state=found.state
        )
    ]
    require(bool(directorates))
    units = PositionUnit.objects.filter(position=found, directorate__in=directorates).values_list("unit", flat=True)
    from .models import ReportingUnit

    form = AdjustmentForm(request.POST or None, units=ReportingUnit.objects.filter(pk__in=list(units)))
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(
            form,
            lambda: services.add_adjustment(
                found,
                unit=form.cleaned_data["unit"],
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            ),
        )
    ):
        return done(request, "Adjustment added.", "finance:position", found.pk)
    return form_page(
        request,
        form,
        title="Add a corporate director adjustment",
        caption=str(found),
        back=_position_url(found),
        button="Add adjustment",
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def adjustment_remove(request, pk: int, adjustment_id: int):
    found = _position(pk)
    adjustment = get_object_or_404(Adjustment.objects.select_related("unit"), position=found, pk=adjustment_id)
    unit = PositionUnit.objects.select_related("directorate").get(position=found, unit=adjustment.unit)
    require(
        permissions.can_adjust(
            request.user, corporate_director_id=unit.directorate.corporate_director_id, position_state=found.state
        )
    )
    if request.method == "POST":
        services.remove_adjustment(adjustment, user=request.user)
        return done(request, "Adjustment removed.", "finance:position", found.pk)
    return confirm_page(
        request,
        title="Remove this adjustment?",
        caption=str(found),
        back=_position_url(found),
        button="Remove adjustment",
        warning=True,
        lines=[f"{adjustment.unit.name}: £{f.pounds_text(adjustment.amount)}", adjustment.reason],
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def narrative(request, pk: int, unit_id: int):
    found = _position(pk)
    require(permissions.can_manage(request.user) and not found.frozen)
    unit = get_object_or_404(PositionUnit.objects.select_related("unit"), position=found, pk=unit_id)
    form = NarrativeForm(
        request.POST or None, initial={"reasons": unit.reasons, "headlines": unit.headlines, "version": unit.version}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(
            form,
            lambda: services.save_narrative(
                unit,
                reasons=form.cleaned_data["reasons"],
                headlines=form.cleaned_data["headlines"],
                version=form.cleaned_data["version"],
                user=request.user,
            ),
        )
    ):
        return done(request, f"Narrative for {unit.unit.name} saved.", "finance:position", found.pk)
    return form_page(
        request,
        form,
        title=f"Narrative: {unit.unit.name}",
        caption=str(found),
        back=_position_url(found),
        status=400 if request.method == "POST" and form.errors else 200,
    )


STATE_ACTIONS = {
    "open": (
        Position.State.OPEN,
        "Open the position for forecasts?",
        "Open for forecasts",
        "Budget managers can then enter their forecasts.",
    ),
    "close": (
        Position.State.CLOSED,
        "Close the position for forecasts?",
        "Close for forecasts",
        "Budget managers can no longer change their forecasts; corporate directors adjust, finance writes "
        "the narrative.",
    ),
}


@signed_in_required
@require_http_methods(["GET", "POST"])
def state(request, pk: int, action: str):
    found = _position(pk)
    require(permissions.can_manage(request.user))
    if action not in STATE_ACTIONS:
        raise Http404
    target, title, button, line = STATE_ACTIONS[action]
    if request.method == "POST":
        try:
            services.set_state(found, state=target, user=request.user)
        except ValidationError as error:
            return confirm_page(
                request, title=title, back=_position_url(found), button=button, error=" ".join(error.messages)
            )
        return done(request, f"{found}: {Position.State(target).label.lower()}.", "finance:position", found.pk)
    return confirm_page(
        request, title=title, caption=str(found), back=_position_url(found), button=button, lines=[line]
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_to_cabinet(request, pk: int):
    found = _position(pk)
    require(permissions.can_manage(request.user))
    form = ReportForm(request.POST or None, initial={"reported_on": timezone.localdate()})
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(
            form,
            lambda: services.report_position(
                found,
                reported_to=form.cleaned_data["reported_to"],
                reported_on=form.cleaned_data["reported_on"],
                user=request.user,
            ),
        )
    ):
        return done(request, f"{found} reported and frozen.", "finance:position", found.pk)
    return form_page(
        request,
        form,
        title="Record that this position was reported",
        caption=str(found),
        back=_position_url(found),
        button="Report and freeze",
        intro="Once reported, the position is frozen: a change after that makes a new version of it.",
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def restate(request, pk: int):
    found = _position(pk)
    require(permissions.can_manage(request.user))
    form = RestateForm(request.POST or None)
    made = {}

    def change():
        made["position"] = services.restate_position(found, reason=form.cleaned_data["reason"], user=request.user)

    if request.method == "POST" and form.is_valid() and apply(form, change):
        return done(request, f"Version {made['position'].version} made.", "finance:position", made["position"].pk)
    return form_page(
        request,
        form,
        title="Make a new version of a reported position",
        caption=str(found),
        back=_position_url(found),
        button="Make a new version",
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_POST
def remind(request, pk: int):
    found = _position(pk)
    require(permissions.can_manage(request.user))
    sent, unreachable = reminders.send_position_reminders(found, site_url=request.build_absolute_uri("/"))
    message = f"{sent} reminders sent." + (f" No e-mail address for {', '.join(unreachable)}." if unreachable else "")
    return done(request, message, "finance:position", found.pk)


# --- reports ----------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def report(request, pk: int):
    require(permissions.can_read(request.user))
    document = cabinet_report(_position(pk), request.user)
    return render(
        request,
        "finance/document.html",
        {
            "document": document,
            "items": document_items(document),
            "back": reverse("finance:position", args=[pk]),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in ALL],
            "pk": pk,
        },
    )


@signed_in_required
@require_safe
def download(request, pk: int, fmt: str):
    """The Cabinet report, or a committee's extract (`?committee=<directorate code>`), made by the worker and kept
    (documents.jobs); made for this reader, so exempt figures reach only those cleared for them."""
    require(permissions.can_read(request.user))
    if fmt not in ALL:
        raise Http404
    found = _position(pk)
    code = request.GET.get("committee", "")
    title = f"Budget monitoring report: {found}"
    if code:
        directorate = get_object_or_404(Directorate, code=code)
        title = f"Budget monitoring extract for {directorate.name}: {found}"
    return jobs.respond(
        request,
        downloads.finance_file,
        params={"position": found.pk, "committee": code, "reader": request.user.pk},
        fmt=fmt,
        version=downloads.version(),
        title=title,
        back=(reverse("finance:position", args=[found.pk]), "Back to the position"),
        inline=fmt == "html",
    )


# --- lines and schemes ------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def lines(request):
    require(permissions.can_read(request.user))
    queryset = BudgetLine.objects.select_related("unit", "unit__directorate", "budget_manager")
    directorates = [(d.code, d.name) for d in Directorate.objects.all()]
    page = list_page(
        request,
        queryset,
        columns=[
            Column("Code", attrgetter("code")),
            Column("Budget book heading", attrgetter("heading")),
            Column("Directorate", lambda line: line.unit.directorate.name),
            Column("Unit", lambda line: line.unit.name),
            Column("Budget manager", lambda line: str(line.budget_manager or "")),
        ],
        search_fields=["code", "heading"],
        filters=[
            Filter("directorate", "Directorate", directorates, lambda qs, v: qs.filter(unit__directorate__code=v))
        ],
        name="budget-lines",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "finance/lines.html", {"list": page})


@signed_in_required
@require_safe
def line(request, code: str):
    require(permissions.can_read(request.user))
    found = selectors.line_with_links(code) or _not_found()
    positions = selectors.line_positions(found)
    # The linked activities and risks, without the exempt ones for anyone not cleared (core.exempt).
    activities = list(found.activities.visible_to(request.user))
    issues = selectors.financial_issues(a.pk for a in activities)
    history = found.history.select_related("history_user").order_by("-history_date")[:50]
    return render(
        request,
        "finance/line.html",
        {
            "line": found,
            "positions": [
                (
                    p,
                    pl,
                    f.money(pl.forecast_gross + pl.forecast_income - pl.gross - pl.income),
                    f.money(pl.gross + pl.income),
                )
                for p, pl in positions
            ],
            "activities": [(a, issues.get(a.pk)) for a in activities],
            "risks": found.risks.visible_to(request.user),
            "history": history,
        },
    )


@signed_in_required
@require_safe
def capital_line(request, code: str):
    require(permissions.can_read(request.user))
    found = get_object_or_404(CapitalLine.objects.visible_to(request.user).select_related("directorate"), code=code)
    rows = [
        (c.position, f.money(c.budget), f.money(c.real), f.money(c.rephasing), f.money(c.real + c.rephasing))
        for c in found.positions.select_related("position").order_by("-position__month", "-position__version")
    ]
    return render(
        request,
        "finance/capital_line.html",
        {
            "scheme": found,
            "rows": rows,
            "activities": found.activities.visible_to(request.user),
            "risks": found.risks.visible_to(request.user),
            "history": found.history.select_related("history_user").order_by("-history_date")[:50],
        },
    )


def _not_found():
    raise Http404


# --- capital, reserves and activity data -----------------------------------------------------------------
#
# Each form shows what was typed again with the GOV.UK error summary when the service refuses it, carries the
# version the person read (a save over someone else's is refused), and is closed once the position is reported.

FORM = "finance/form.html"


def _section_url(name: str, position) -> str:
    return reverse(f"finance:{name}", args=[position.pk])


def _changeable(request, position) -> None:
    require(permissions.can_change_capital_or_reserves(request.user, position_state=position.state))


@signed_in_required
@require_safe
def capital(request, pk: int):
    require(permissions.can_read(request.user))
    found = _position(pk)
    last = selectors.last_reported(found)
    records = selectors.visible_capital(selectors.capital_records(found, last, request.user), request.user)
    entered = {r.line_id for r in records}
    schemes = CapitalLine.objects.visible_to(request.user).select_related("directorate")
    adjustments = CapitalAdjustment.objects.filter(position=found, line__in=schemes).select_related("line")
    return render(
        request,
        "finance/capital.html",
        {
            "position": found,
            "last": last,
            "records": records,
            "missing": [s for s in schemes if s.pk not in entered],
            "adjustments": adjustments,
            "may_change": permissions.can_change_capital_or_reserves(request.user, position_state=found.state),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def capital_forecast(request, pk: int, code: str):
    found = _position(pk)
    _changeable(request, found)
    scheme = get_object_or_404(CapitalLine.objects.visible_to(request.user).select_related("directorate"), code=code)
    current = CapitalPosition.objects.filter(position=found, line=scheme).prefetch_related("funding").first()
    initial = {}
    if current is not None:
        initial = {
            "budget": f.pounds_text(current.budget),
            "forecast": f.pounds_text(current.budget + current.real + current.rephasing),
            "real": f.pounds_text(current.real),
            "rephasing": f.pounds_text(current.rephasing),
            "later_real": f.pounds_text(current.later_real) if current.later_real else "",
            "explanation": current.explanation,
            "version": current.version,
        }
        for n, item in enumerate(current.funding.all(), start=1):
            initial[f"funding_source_{n}"], initial[f"funding_amount_{n}"] = item.source, f.pounds_text(item.amount)
    form = CapitalForecastForm(request.POST or None, initial=initial)
    if submitted(
        request,
        form,
        lambda: services.save_capital_forecast(
            found,
            line=scheme,
            budget=form.cleaned_data["budget"],
            forecast=form.cleaned_data["forecast"],
            real=form.cleaned_data["real"],
            rephasing=form.cleaned_data["rephasing"],
            later_real=form.cleaned_data["later_real"] or 0,
            explanation=form.cleaned_data["explanation"],
            funding=form.funding(),
            version=form.cleaned_data["version"],
            user=request.user,
        ),
    ):
        return done(request, f"Capital forecast for {scheme.title} saved.", "finance:capital", found.pk)
    return form_page(
        request,
        form,
        title=f"Capital forecast: {scheme.title}",
        caption=f"{found} · {scheme.directorate.name}" + (f" – {scheme.division}" if scheme.division else ""),
        back=_section_url("capital", found),
        intro="The variance is the forecast less the working budget for the year. Split it into real (the scheme's "
        "total cost changes) and rephasing (spend moving between years at the same total).",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def capital_adjustment_add(request, pk: int):
    found = _position(pk)
    _changeable(request, found)
    form = CapitalAdjustmentForm(request.POST or None, lines=CapitalLine.objects.visible_to(request.user))
    if submitted(
        request,
        form,
        lambda: services.record_capital_adjustment(
            found,
            line=form.cleaned_data["line"],
            amount=form.cleaned_data["amount"],
            year=form.cleaned_data["year"],
            funding=form.cleaned_data["funding"],
            reason=form.cleaned_data["reason"],
            agreed_on=form.cleaned_data["agreed_on"],
            user=request.user,
        ),
    ):
        return done(request, "Cash limit adjustment added.", "finance:capital", found.pk)
    return form_page(
        request,
        form,
        title="Add a capital cash limit adjustment",
        caption=str(found),
        back=_section_url("capital", found),
        button="Add adjustment",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def capital_adjustment_remove(request, pk: int, adjustment_id: int):
    found = _position(pk)
    _changeable(request, found)
    adjustment = get_object_or_404(
        CapitalAdjustment.objects.filter(line__in=CapitalLine.objects.visible_to(request.user)).select_related("line"),
        position=found,
        pk=adjustment_id,
    )
    form = RemoveForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.remove_capital_adjustment(adjustment, reason=form.cleaned_data["reason"], user=request.user),
    ):
        return done(request, "Cash limit adjustment removed.", "finance:capital", found.pk)
    return form_page(
        request,
        form,
        title="Remove this cash limit adjustment?",
        caption=str(found),
        back=_section_url("capital", found),
        button="Remove adjustment",
        intro=f"{adjustment.line.title}: £{f.pounds_text(adjustment.amount)} in {adjustment.year} "
        f"({adjustment.funding}). {adjustment.reason}",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_safe
def reserves(request, pk: int):
    require(permissions.can_read(request.user))
    found = _position(pk)
    accounts = []
    for reserve in Reserve.objects.filter(position=found).prefetch_related("items"):
        items = list(reserve.items.all())
        total = sum(i.amount for i in items)
        movement = reserve.projected - reserve.opening
        accounts.append((reserve, movement, items, total, bool(items) and total != movement))
    return render(
        request,
        "finance/reserves.html",
        {
            "position": found,
            "accounts": accounts,
            "may_change": permissions.can_change_capital_or_reserves(request.user, position_state=found.state),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def reserve_add(request, pk: int):
    found = _position(pk)
    _changeable(request, found)
    form = ReserveForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.create_reserve(
            found,
            code=form.cleaned_data["code"],
            name=form.cleaned_data["name"],
            opening=form.cleaned_data["opening"],
            projected=form.cleaned_data["projected"],
            user=request.user,
        ),
    ):
        return done(request, "Reserve added.", "finance:reserves", found.pk)
    return form_page(
        request,
        form,
        title="Add a reserve",
        caption=str(found),
        back=_section_url("reserves", found),
        button="Add reserve",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def reserve_edit(request, pk: int, reserve_id: int):
    found = _position(pk)
    _changeable(request, found)
    reserve = get_object_or_404(Reserve, position=found, pk=reserve_id)
    initial = {
        "name": reserve.name,
        "opening": f.pounds_text(reserve.opening),
        "projected": f.pounds_text(reserve.projected),
        "version": reserve.version,
    }
    form = ReserveForm(request.POST or None, initial=initial, editing=True)
    if submitted(
        request,
        form,
        lambda: services.save_reserve(
            reserve,
            name=form.cleaned_data["name"],
            opening=form.cleaned_data["opening"],
            projected=form.cleaned_data["projected"],
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        ),
    ):
        return done(request, f"{reserve.name} saved.", "finance:reserves", found.pk)
    return form_page(
        request,
        form,
        title=f"Change {reserve.name}",
        caption=str(found),
        back=_section_url("reserves", found),
        intro="The movement is the projected balance less the balance at 31 March.",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def reserve_item_add(request, pk: int, reserve_id: int):
    found = _position(pk)
    _changeable(request, found)
    reserve = get_object_or_404(Reserve, position=found, pk=reserve_id)
    form = ReserveItemForm(request.POST or None)
    if submitted(
        request,
        form,
        lambda: services.add_reserve_item(
            reserve, description=form.cleaned_data["description"], amount=form.cleaned_data["amount"], user=request.user
        ),
    ):
        return done(request, "Movement added.", "finance:reserves", found.pk)
    return form_page(
        request,
        form,
        title=f"Add a movement to {reserve.name}",
        caption=str(found),
        back=_section_url("reserves", found),
        button="Add movement",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def reserve_item_remove(request, pk: int, reserve_id: int, item_id: int):
    found = _position(pk)
    _changeable(request, found)
    item = get_object_or_404(ReserveItem.objects.select_related("reserve"), reserve__position=found, pk=item_id)
    if item.reserve_id != reserve_id:
        raise Http404
    if request.method == "POST":
        try:
            services.remove_reserve_item(item, user=request.user)
        except ValidationError as error:
            return confirm_page(
                request,
                title="Remove this movement?",
                back=_section_url("reserves", found),
                button="Remove movement",
                error=" ".join(error.messages),
            )
        return done(request, "Movement removed.", "finance:reserves", found.pk)
    return confirm_page(
        request,
        title="Remove this movement?",
        caption=f"{found} · {item.reserve.name}",
        back=_section_url("reserves", found),
        button="Remove movement",
        warning=True,
        lines=[f"£{f.pounds_text(item.amount)}: {item.description}"],
    )


@signed_in_required
@require_safe
def activity(request, pk: int):
    require(permissions.can_read(request.user))
    found = _position(pk)
    tables = [
        (
            t,
            permissions.can_enter_activity(
                request.user,
                budget_manager_id=t.line.budget_manager_id if t.line else None,
                position_state=found.state,
            ),
        )
        for t in ActivityTable.objects.filter(position=found).select_related("line").order_by("id")
    ]
    return render(request, "finance/activity.html", {"position": found, "tables": tables})


@signed_in_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int, table_id: int):
    found = _position(pk)
    table = get_object_or_404(ActivityTable.objects.select_related("line"), position=found, pk=table_id)
    require(
        permissions.can_enter_activity(
            request.user,
            budget_manager_id=table.line.budget_manager_id if table.line else None,
            position_state=found.state,
        )
    )
    form = ActivityForm(request.POST or None, kind=table.kind, measure=table.measure, initial=_activity_initial(table))
    names = [name for name in form.fields if name != "version"]
    if submitted(
        request,
        form,
        lambda: services.update_activity_table(
            table,
            user=request.user,
            version=form.cleaned_data["version"],
            finance=permissions.is_finance(request.user),
            **{name: _activity_value(name, form.cleaned_data[name]) for name in names},
        ),
    ):
        return done(request, f"Activity data for {table.title} saved.", "finance:activity", found.pk)
    money_beside = ""
    if table.line_id:
        pl = PositionLine.objects.filter(position=found, line=table.line).first()
        if pl is not None:
            money_beside = (
                f"The line {pl.heading}: cash limit net £{f.pounds_text(pl.gross + pl.income)}, forecast net "
                f"£{f.pounds_text(pl.forecast_gross + pl.forecast_income)}. "
            )
    return form_page(
        request,
        form,
        title=f"Activity data: {table.ref} {table.title}",
        caption=str(found),
        back=_section_url("activity", found),
        intro=money_beside + f"Amounts in pounds for the year and to date; the measure is {table.measure}.",
        template=FORM,
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _activity_initial(table: ActivityTable) -> dict:
    initial = {"version": table.version, "reasons": table.reasons}
    for name in services.ACTIVITY_MONEY_FIELDS:
        initial[name] = f.pounds_text(getattr(table, name))
    for name in ("demand", "unit_cost", "other"):
        value = getattr(table, name)
        initial[name] = "" if value is None else f.pounds_text(value)
    for name in services.ACTIVITY_NUMBER_FIELDS:
        initial[name] = getattr(table, name)
    return initial


def _activity_value(name: str, value):
    """A money field left empty on the form: nil for the money the table must have; None for the optional."""
    if value is None and name in services.ACTIVITY_MONEY_FIELDS:
        return 0
    if name == "reasons":
        return value or ""
    return value
