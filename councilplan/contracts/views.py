"""Contract management's pages. Thin: each view asks `permissions`, reads through `selectors`, changes through
`services` (via `core.pages.apply`) and hands plain records to a template."""

from __future__ import annotations

from operator import attrgetter

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councilplan.analysis import contracts as rules
from councilplan.core.exchange import ImportFailed
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.models import Directorate
from councilplan.core.pages import apply, confirm_page, done, form_page
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.uploads import check_import_upload, import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES
from councilplan.documents.render_html import items as document_items
from councilplan.performance.models import Indicator
from councilplan.plan.models import Activity
from councilplan.risks.models import Risk

from . import downloads, forms, permissions, reminders, selectors, services
from .documents import FORMATS, summary_document
from .management.commands.export_contracts import public_export
from .models import Contract, Finding, MaturityReport, ProgressReport, Review

FORM = "contracts/form.html"


def _today():
    return timezone.localdate()


def _people():
    users = get_user_model().objects.filter(is_active=True).order_by("name", "username")
    return [(str(u.pk), f"{u} ({u.username})") for u in users]


def _user(pk: str):
    return get_user_model().objects.filter(pk=pk).first() if pk else None


def _contract(request, reference: str) -> Contract:
    found = selectors.get_contract(reference, request.user)
    if found is None:
        raise Http404
    return found


def _review(request, pk: int) -> Review:
    found = selectors.get_review(pk, request.user)
    if found is None:
        raise Http404
    return found


# --- the overview and the register -----------------------------------------------------------------------


@signed_in_required
@require_safe
def index(request):
    require(permissions.can_read(request.user))
    body = selectors.get_body()
    found = selectors.programme(body, request.user) if body else None
    today = _today()
    upcoming = []
    if found:
        upcoming = [found_review for found_review in found.reviews if found_review.status == "planned"][:5]
    mine = selectors.reviews_for_people(request.user)
    return render(
        request,
        "contracts/index.html",
        {
            "programme": found,
            "upcoming": upcoming,
            "mine": mine,
            "findings": selectors.findings_owned_by(request.user),
            "can_manage": permissions.can_manage(request.user),
            "today": today,
        },
    )


def _register_columns():
    return [
        Column("Reference number", attrgetter("reference")),
        Column("Title of agreement", attrgetter("title")),
        Column("Department", lambda c: c.directorate.name if c.directorate_id else ""),
        Column("Supplier", lambda c: c.supplier.name if c.supplier_id else ""),
        Column("Value (£)", lambda c: "" if c.total_value is None else rules.pounds_exact(c.total_value)),
        Column("Start date", attrgetter("start_date")),
        Column("End date", attrgetter("end_date")),
        Column("Tier", lambda c: rules.TIERS.get(c.tier, "")),
        Column("Contract manager", lambda c: str(c.contract_manager) if c.contract_manager_id else ""),
    ]


@signed_in_required
@require_safe
def register(request):
    require(permissions.can_read(request.user))
    today = _today()
    departments = list(Directorate.objects.filter(contract__isnull=False).distinct().values_list("pk", "name"))
    page = list_page(
        request,
        selectors.register_queryset(request.user).order_by("reference"),
        columns=_register_columns(),
        search_fields=["reference", "title", "description", "supplier__name"],
        filters=[
            Filter(
                "department",
                "Department",
                [(str(pk), name) for pk, name in departments],
                lambda qs, v: qs.filter(directorate_id=v),
            ),
            Filter("tier", "Tier", list(Contract.Tier.choices), lambda qs, v: qs.filter(tier=v)),
            Filter(
                "status",
                "Status",
                list(rules.STATUS_LABELS.items()),
                lambda qs, v: (
                    qs.filter(start_date__gt=today)
                    if v == "not_started"
                    else qs.filter(end_date__lt=today)
                    if v == "expired"
                    else qs.exclude(start_date__gt=today).exclude(end_date__lt=today)
                ),
            ),
        ],
        name="contracts-register",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(
        request, "contracts/register.html", {"list": page, "can_manage": permissions.can_manage(request.user)}
    )


def _departments():
    return [(str(d.pk), d.name) for d in Directorate.objects.order_by("name")]


def _contract_values(form) -> dict:
    data = form.cleaned_data
    values = {
        name: data[name]
        for name in (
            "title",
            "description",
            "geographic_coverage",
            "total_value",
            "annual_value",
            "current_year_value",
            "whole_life_cost",
            "whole_life_cost_npv",
            "irrecoverable_vat",
            "awarded_on",
            "start_date",
            "end_date",
            "review_date",
            "route",
            "extension_options",
            "tier",
            "risk_grade",
            "complexity",
            "published",
            "exempt_paragraph",
            "exempt_reason",
            "public_interest_test",
        )
    }
    values["directorate"] = Directorate.objects.filter(pk=data["department"]).first() if data["department"] else None
    values["contract_manager"] = _user(data["contract_manager"])
    values["commissioning_lead"] = _user(data["commissioning_lead"])
    if data["supplier_name"].strip():
        values["supplier"] = services.save_supplier(data["supplier_name"], **form.supplier())
    else:
        values["supplier"] = None
    return values


@signed_in_required
@require_http_methods(["GET", "POST"])
def contract_create(request):
    require(permissions.can_manage(request.user))
    form = forms.ContractForm(
        request.POST or None, initial={"published": True}, departments=_departments(), people=_people()
    )
    created = []
    if request.method == "POST" and form.is_valid():

        def change():
            values = _contract_values(form)
            created.append(
                services.create_contract(reference=form.cleaned_data["reference"], user=request.user, **values)
            )

        if apply(form, change):
            return done(
                request, f"{created[0].reference} added to the register.", "contracts:contract", created[0].reference
            )
    return form_page(
        request,
        form,
        title="Add a contract to the register",
        caption="Contracts register",
        back=reverse("contracts:register"),
        button="Add contract",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def contract_edit(request, reference: str):
    contract = _contract(request, reference)
    require(permissions.can_edit_contract(request.user, contract.contract_manager_id))
    supplier = contract.supplier
    initial = {
        name: getattr(contract, name)
        for name in services.CONTRACT_FIELDS
        if name not in ("directorate", "supplier", "contract_manager", "commissioning_lead")
    }
    initial.update(
        version=contract.version,
        department=str(contract.directorate_id or ""),
        contract_manager=str(contract.contract_manager_id or ""),
        commissioning_lead=str(contract.commissioning_lead_id or ""),
    )
    if supplier:
        initial.update(
            supplier_name=supplier.name,
            supplier_trading_name=supplier.trading_name,
            supplier_legal_form=supplier.legal_form,
            company_number=supplier.company_number,
            charity_number=supplier.charity_number,
            sme={True: "yes", False: "no"}.get(supplier.sme, ""),
            vcse={True: "yes", False: "no"}.get(supplier.vcse, ""),
        )
    form = forms.ContractForm(
        request.POST or None, initial=initial, departments=_departments(), people=_people(), fixed_reference=True
    )
    if request.method == "POST" and form.is_valid():

        def change():
            services.update_contract(
                contract, user=request.user, expected_version=form.cleaned_data["version"], **_contract_values(form)
            )

        if apply(form, change):
            return done(request, f"{contract.reference} updated.", "contracts:contract", contract.reference)
    return form_page(
        request,
        form,
        title=f"Change {contract.reference}",
        caption=contract.title,
        back=reverse("contracts:contract", args=[reference]),
        template=FORM,
    )


@signed_in_required
@require_safe
def contract(request, reference: str):
    require(permissions.can_read(request.user))
    found = _contract(request, reference)
    record = selectors.contract_records(request.user, Contract.objects.filter(pk=found.pk))[0]
    reviews = selectors.contract_reviews(found, request.user)
    points = [a for a in (r.assessment() for r in reviews) if a is not None]
    today = _today()
    kpis = selectors.contract_kpis(found)
    return render(
        request,
        "contracts/contract.html",
        {
            "contract": record,
            "status": rules.STATUS_LABELS[record.status(today)],
            "warnings": record.warnings(today),
            "kpis": kpis,
            "suggested": rules.RATINGS.get(rules.suggested_rating(k.rag for k in kpis) or "", ""),
            "reviews": reviews,
            "comparison": _comparison(rules.compare(points)) if len(points) > 1 else None,
            "can_edit": permissions.can_edit_contract(request.user, record.contract_manager_id),
            "money": {
                "total": rules.pounds_exact(record.total_value),
                "annual": rules.pounds_exact(record.annual_value),
                "current_year": rules.pounds_exact(record.current_year_value),
                "whole_life": rules.pounds_exact(record.whole_life_cost),
                "whole_life_npv": rules.pounds_exact(record.whole_life_cost_npv),
                "vat": rules.pounds_exact(record.irrecoverable_vat),
            },
        },
    )


def _comparison(comparison: rules.Comparison) -> dict:
    labels = {**rules.ACTIVITY_LABELS, rules.OVERALL: "Overall"}
    rows = []
    for code, levels in comparison.levels.items():
        cells = []
        for level, change in zip(levels, comparison.changes[code], strict=True):
            arrow = "" if change is None else ("↑" if change > 0 else "↓" if change < 0 else "↔")
            cells.append({"level": level, "arrow": arrow, "change": change})
        rows.append({"label": labels[code], "cells": cells})
    return {"dates": comparison.dates, "rows": rows}


@signed_in_required
@require_http_methods(["GET", "POST"])
def contract_links(request, reference: str):
    contract = _contract(request, reference)
    require(permissions.can_edit_contract(request.user, contract.contract_manager_id))
    activities, risks = selectors.activity_choices(request.user), selectors.risk_choices(request.user)
    # Links to exempt activities and risks the person cannot see are kept as they are: not shown, not dropped.
    kept_activities = contract.activities.exclude(pk__in=[a.pk for a in activities])
    kept_risks = contract.risks.exclude(pk__in=[r.pk for r in risks])
    form = forms.LinksForm(
        request.POST or None,
        initial={
            "activities": [str(pk) for pk in contract.activities.values_list("pk", flat=True)],
            "risks": [str(pk) for pk in contract.risks.values_list("pk", flat=True)],
            "indicators": [str(pk) for pk in contract.indicators.values_list("pk", flat=True)],
        },
        activities=[(str(a.pk), f"{a.ref}. {a.title} ({a.plan.name})") for a in activities],
        risks=[(str(r.pk), f"{r.code} {r.title}") for r in risks],
        indicators=[(str(i.pk), f"{i.ref}: {i.description}") for i in selectors.indicator_choices()],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.set_links(
            contract,
            user=request.user,
            activities=Activity.objects.filter(
                pk__in=[*data["activities"], *kept_activities.values_list("pk", flat=True)]
            ),
            risks=Risk.objects.filter(pk__in=[*data["risks"], *kept_risks.values_list("pk", flat=True)]),
            indicators=Indicator.objects.filter(pk__in=data["indicators"]),
        )
        return done(request, f"Links of {contract.reference} saved.", "contracts:contract", contract.reference)
    return form_page(
        request,
        form,
        title=f"Link {contract.reference} to activities, risks and KPIs",
        caption=contract.title,
        back=reverse("contracts:contract", args=[reference]),
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def contract_kpi(request, reference: str):
    contract = _contract(request, reference)
    require(permissions.can_edit_contract(request.user, contract.contract_manager_id))
    form = forms.KpiForm(request.POST or None, initial={"polarity": "higher", "frequency": "quarterly"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply(form, lambda: services.add_contract_kpi(contract, user=request.user, **data)):
            return done(
                request, f"KPI {data['ref']} added to {contract.reference}.", "contracts:contract", contract.reference
            )
    return form_page(
        request,
        form,
        title=f"Add a KPI to {contract.reference}",
        caption=contract.title,
        back=reverse("contracts:contract", args=[reference]),
        intro="The KPI is made in the performance system, with the contract manager entering its results, so the "
        "contract's performance appears beside the council's other KPIs.",
        button="Add KPI",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def contract_assessment(request, reference: str):
    contract = _contract(request, reference)
    require(permissions.can_edit_contract(request.user, contract.contract_manager_id))
    kpis = selectors.contract_kpis(contract)
    suggested = rules.suggested_rating(k.rag for k in kpis)
    form = forms.AssessmentForm(request.POST or None, initial={"assessed_on": _today(), "rating": suggested})
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(form, lambda: services.record_assessment(contract, user=request.user, **form.cleaned_data))
    ):
        return done(
            request,
            f"Performance assessment of {contract.reference} recorded.",
            "contracts:contract",
            contract.reference,
        )
    intro = "The Procurement Act 2023 asks for an assessment of performance against the KPIs at least once a year."
    if suggested:
        intro += f" From the KPIs' latest ratings the suggestion is: {rules.RATINGS[suggested]}."
    return form_page(
        request,
        form,
        title=f"Assess {contract.reference}'s performance",
        caption=contract.title,
        back=reverse("contracts:contract", args=[reference]),
        intro=intro,
        button="Record assessment",
        template=FORM,
    )


@signed_in_required
@require_safe
def contract_history(request, reference: str):
    require(permissions.can_read(request.user))
    found = _contract(request, reference)
    rows = found.history.select_related("history_user").order_by("-history_date")
    return render(
        request,
        "contracts/history.html",
        {
            "title": f"{found.reference} {found.title}",
            "back": reverse("contracts:contract", args=[reference]),
            "rows": rows,
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def register_import(request):
    require(permissions.can_manage(request.user))
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = None

        def change():
            nonlocal result
            check_import_upload(upload)
            with upload_on_disk(upload) as path:
                try:
                    result = services.import_register(path, user=request.user)
                except ImportFailed as failure:
                    errors.extend(failure.errors)

        if apply(form, change) and not errors:
            message = f"Imported: {result.created} new, {result.updated} changed, {result.unchanged} unchanged."
            return done(request, message, "contracts:register")
        if errors:
            form.add_error("file", refused(errors))
    return render(
        request,
        "contracts/import.html",
        {"form": form, **import_problems(errors)},
        status=400 if errors else 200,
    )


@signed_in_required
@require_safe
def register_export(request, fmt: str):
    require(permissions.can_read(request.user))
    return _export(fmt)


def _export(fmt: str) -> HttpResponse:
    if fmt == "transparency.csv":
        response = HttpResponse(public_export("transparency"), content_type="text/csv; charset=utf-8")
    elif fmt == "ocds.json":
        response = HttpResponse(public_export("ocds"), content_type="application/json")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="contracts-{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- the programme and reviews ---------------------------------------------------------------------------


@signed_in_required
@require_safe
def programme(request):
    require(permissions.can_read(request.user))
    body = selectors.get_body()
    reviews = Review.objects.visible_to(request.user).prefetch_related("contracts")
    page = list_page(
        request,
        reviews,
        columns=[
            Column("Date", lambda r: r.meeting_date or "TBC"),
            Column("Contract/s", attrgetter("title")),
            Column("Lead officer", lambda r: " / ".join(r.presenters)),
            Column("Status", lambda r: r.get_status_display()),
        ],
        search_fields=["title", "contracts__reference", "contracts__title"],
        filters=[
            Filter("status", "Status", list(Review.Status.choices), lambda qs, v: qs.filter(status=v)),
            Filter(
                "year",
                "Financial year",
                [(str(y), rules.financial_year_name(y)) for y in range(2016, _today().year + 2)],
                lambda qs, v: qs.filter(meeting_date__gte=f"{v}-04-01", meeting_date__lt=f"{int(v) + 1}-04-01"),
            ),
        ],
        name="contract-reviews",
    )
    if isinstance(page, HttpResponse):
        return page
    record = selectors.body_record(body) if body else None
    return render(
        request,
        "contracts/programme.html",
        {"list": page, "body": record, "can_manage": permissions.can_manage(request.user)},
    )


def _review_choices(request, exclude: int | None = None):
    return [(str(r.pk), str(r)) for r in Review.objects.visible_to(request.user).exclude(pk=exclude)]


def _contract_choices(request):
    return [
        (str(c.pk), f"{c.reference} {c.title}") for c in selectors.visible_contracts(request.user).order_by("reference")
    ]


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_create(request):
    require(permissions.can_manage(request.user))
    body = selectors.get_body() or _no_body()
    form = forms.ReviewForm(
        request.POST or None, contracts=_contract_choices(request), reviews=_review_choices(request)
    )
    created = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change():
            created.append(
                services.plan_review(
                    body,
                    title=data["title"],
                    meeting_date=data["meeting_date"],
                    contracts=Contract.objects.filter(pk__in=data["contracts"]),
                    presenters=form.presenter_names(),
                    reasons=data["reasons"],
                    revisits=Review.objects.filter(pk=data["revisits"]).first() if data["revisits"] else None,
                    user=request.user,
                )
            )

        if apply(form, change):
            return done(request, f"{created[0].title} added to the programme.", "contracts:review", created[0].pk)
    return form_page(
        request,
        form,
        title="Plan a contract review",
        caption="Review programme",
        back=reverse("contracts:programme"),
        button="Add to the programme",
        template=FORM,
        intro="The group chooses by judgement across value, risk, complexity, strategic importance, proximity to "
        "expiry and Member suggestion, coordinated with the audit programme.",
    )


def _no_body():
    raise Http404("No review group is set up.")


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_edit(request, pk: int):
    require(permissions.can_manage(request.user))
    review = _review(request, pk)
    initial = {
        "version": review.version,
        "title": review.title,
        "meeting_date": review.meeting_date,
        "contracts": [str(c) for c in review.contracts.values_list("pk", flat=True)],
        "presenters": "\n".join(review.presenters),
        "reasons": review.reasons,
        "revisits": str(review.revisits_id or ""),
    }
    form = forms.ReviewForm(
        request.POST or None,
        initial=initial,
        contracts=_contract_choices(request),
        reviews=_review_choices(request, pk),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change():
            services.update_review(
                review,
                user=request.user,
                expected_version=data["version"],
                contracts=Contract.objects.filter(pk__in=data["contracts"]),
                title=data["title"],
                meeting_date=data["meeting_date"],
                presenters=form.presenter_names(),
                reasons=data["reasons"],
                revisits=Review.objects.filter(pk=data["revisits"]).first() if data["revisits"] else None,
            )

        if apply(form, change):
            return done(request, "Review updated.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title=f"Change {review.title}",
        caption="Review programme",
        back=reverse("contracts:review", args=[pk]),
        template=FORM,
    )


@signed_in_required
@require_safe
def review(request, pk: int):
    require(permissions.can_read(request.user))
    found = _review(request, pk)
    record = selectors.review_record(selectors._review_queryset(Review.objects.filter(pk=found.pk), request.user).get())
    problems = services.report_problems(found.report) if hasattr(found, "report") and record.report else []
    return render(
        request,
        "contracts/review.html",
        {
            "review": record,
            "activities": rules.ACTIVITIES,
            "statements": record.report.attestation.statements if record.report and record.report.attestation else [],
            "problems": problems,
            "can_manage": permissions.can_manage(request.user),
            "can_record": permissions.can_record_reviews(request.user),
            "can_complete": permissions.can_complete_report(request.user, record),
            "can_attest": permissions.can_attest(request.user, record),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS if fmt != "json"],
            "today": _today(),
            "cost_share": _cost_share(found, record),
        },
    )


def _cost_share(found: Review, record) -> str:
    if record.report is None or record.report.management_cost is None:
        return ""
    annual = sum(c.current_year_value or 0 for c in found.contracts.all()) or None
    share = rules.cost_of_management_percent(record.report.management_cost, annual)
    return f"{rules.pounds_text(record.report.management_cost)}" + (
        f", {share}% of annual contract value" if share is not None else ""
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_hold(request, pk: int):
    require(permissions.can_record_reviews(request.user))
    review = _review(request, pk)
    form = forms.HoldForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(form, lambda: services.hold_review(review, user=request.user, outcome=form.cleaned_data["outcome"]))
    ):
        return done(request, f"{review.title}: recorded as held.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title=f"Record that the review of {review.title} was held",
        caption=f"Review on {review.meeting_date:%d %B %Y}" if review.meeting_date else "Review (TBC)",
        back=reverse("contracts:review", args=[pk]),
        button="Record as held",
        intro="Once held, the maturity report is the record of the review and no longer changes. Findings are "
        "recorded next.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_defer(request, pk: int):
    require(permissions.can_manage(request.user))
    review = _review(request, pk)
    form = forms.DeferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply(
            form,
            lambda: services.defer_review(review, reason=data["reason"], new_date=data["new_date"], user=request.user),
        ):
            return done(request, f"{review.title}: deferred.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title=f"Defer the review of {review.title}",
        caption="Review programme",
        back=reverse("contracts:review", args=[pk]),
        button="Defer review",
        template=FORM,
    )


def _report_for(request, pk: int, attest: bool = False) -> tuple[Review, MaturityReport, selectors.ReviewRecord]:
    review = _review(request, pk)
    record = selectors.review_record(review)
    allowed = permissions.can_attest if attest else permissions.can_complete_report
    require(allowed(request.user, record))
    report = services.start_report(review, user=request.user)
    return review, report, selectors.review_record(review)


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_ratings(request, pk: int):
    review, report, record = _report_for(request, pk)
    form = forms.RatingsForm(request.POST or None, initial=forms.RatingsForm.initial_from(record.report))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change():
            services.save_report(
                report,
                user=request.user,
                expected_version=data["version"],
                ratings=form.ratings(),
                overall_current=data["overall_current"] or None,
                overall_target=data["overall_target"] or None,
                overall_comments=data["overall_comments"],
            )

        if apply(form, change):
            return done(request, "Maturity assessment saved.", "contracts:review", review.pk)
    return render(
        request,
        "contracts/ratings_form.html",
        {
            "form": form,
            "review": record,
            "rows": [
                {
                    "activity": a,
                    "current": form[f"{a.code}-current"],
                    "target": form[f"{a.code}-target"],
                    "comments": form[f"{a.code}-comments"],
                    "evidence": form[f"{a.code}-evidence"],
                    "descriptors": [
                        (level, rules.LEVELS[level], items)
                        for level, items in enumerate(selectors.descriptors()[a.code], start=1)
                    ],
                }
                for a in rules.ACTIVITIES
            ],
            "back": reverse("contracts:review", args=[pk]),
        },
        status=400 if form.errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_sections(request, pk: int):
    review, report, record = _report_for(request, pk)
    initial = {
        "version": report.version,
        "management_cost": report.management_cost,
        **report.answers,
        "management_plan": report.management_plan,
        "handbook": report.handbook,
    }
    form = forms.SectionsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change():
            services.save_report(
                report,
                user=request.user,
                expected_version=data["version"],
                answers=form.answers(),
                management_cost=data["management_cost"],
                management_plan=data["management_plan"],
                handbook=data["handbook"],
            )

        if apply(form, change):
            return done(request, "Maturity report sections saved.", "contracts:review", review.pk)
    return render(
        request,
        "contracts/sections_form.html",
        {
            "form": form,
            "review": record,
            "sections": _section_fields(form),
            "back": reverse("contracts:review", args=[pk]),
        },
        status=400 if form.errors else 200,
    )


def _section_fields(form) -> list[dict]:
    out = []
    for section in rules.SECTIONS[3:]:
        fields = [form[q.key] for q in section.questions]
        if section.number == 4:
            fields.insert(0, form["management_cost"])
        out.append({"number": section.number, "title": section.title, "fields": fields})
    out.append({"number": "", "title": "Annexes", "fields": [form["management_plan"], form["handbook"]]})
    return out


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_attestation(request, pk: int):
    review, report, record = _report_for(request, pk, attest=True)
    existing = record.report.attestation
    initial = {"owner_name": str(request.user), "owner_since": None}
    if existing:
        initial = {
            "owner_name": existing.owner_name,
            "position": existing.position,
            "owner_since": existing.owner_since,
            **{k: "yes" if v else "no" for k, v in existing.choices.items()},
        }
    form = forms.AttestationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change():
            services.attest(
                report,
                owner=request.user,
                owner_name=data["owner_name"],
                position=data["position"],
                attested_on=_today(),
                owner_since=data["owner_since"],
                choices=form.choices(),
                user=request.user,
            )

        if apply(form, change):
            return done(request, "Attestation signed.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title="Attestation by the contract owner",
        caption=record.title,
        back=reverse("contracts:review", args=[pk]),
        button="Sign the attestation",
        intro="As the contract owner you are held to account by the review group for the management of the "
        "contract(s) and attest to the accuracy of these statements. Choose one of the two wordings of each; they "
        "cannot be amended.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_submit(request, pk: int):
    review, report, record = _report_for(request, pk)
    problems = services.report_problems(report)
    if request.method == "POST":
        try:
            services.submit_report(report, user=request.user)
        except services.ValidationError as error:
            problems = error.messages
        else:
            return done(request, "Maturity report submitted to the review group.", "contracts:review", review.pk)
    return confirm_page(
        request,
        title="Submit the maturity report to the review group",
        caption=record.title,
        back=reverse("contracts:review", args=[pk]),
        button="Submit report",
        lines=[
            "Once submitted the report is the group's: you will not be able to change it unless the team sends it back."
        ],
        error=" ".join(problems) if problems else "",
    )


@signed_in_required
@require_POST
def report_reopen(request, pk: int):
    require(permissions.can_manage(request.user))
    review = _review(request, pk)
    report = get_object_or_404(MaturityReport, review=review)
    try:
        services.reopen_report(report, user=request.user)
    except services.ValidationError as error:
        raise Http404(" ".join(error.messages)) from None
    return done(request, "Maturity report sent back to its owner.", "contracts:review", review.pk)


@signed_in_required
@require_safe
def report_download(request, pk: int, fmt: str):
    require(permissions.can_read(request.user))
    review = _review(request, pk)
    if fmt not in FORMATS:
        raise Http404
    return jobs.respond(
        request,
        downloads.contracts_file,
        params={"what": "review", "review": review.pk, "reader": request.user.pk},
        fmt=fmt,
        version=downloads.version(),
        title=f"Maturity review: {review}",
        back=(reverse("contracts:review", args=[review.pk]), "Back to the review"),
        inline=fmt == "html",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def finding_create(request, pk: int):
    require(permissions.can_record_reviews(request.user))
    review = _review(request, pk)
    form = forms.FindingForm(request.POST or None, initial={"kind": "finding"}, people=_people())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def change():
            services.add_finding(
                review,
                user=request.user,
                kind=data["kind"],
                activity=data["activity"],
                text=data["text"],
                recommendation=data["recommendation"],
                owner=_user(data["owner"]),
                owner_name=data["owner_name"],
                due_on=data["due_on"],
            )

        if apply(form, change):
            return done(request, "Finding recorded.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title=f"Record a finding of {review.title}",
        caption="Findings and recommendations",
        back=reverse("contracts:review", args=[pk]),
        button="Record finding",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_feedback(request, pk: int):
    require(permissions.can_record_reviews(request.user))
    review = _review(request, pk)
    form = forms.FeedbackForm(request.POST or None, initial={"sent_on": _today(), "to": "\n".join(review.feedback_to)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply(
            form,
            lambda: services.record_feedback(
                review,
                sent_on=data["sent_on"],
                to=form.names(),
                referred_to_audit=data["referred_to_audit"],
                user=request.user,
            ),
        ):
            return done(request, "Feedback letter recorded.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title=f"Feedback letter on {review.title}",
        caption="Review programme",
        back=reverse("contracts:review", args=[pk]),
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def saving_create(request, pk: int):
    require(permissions.can_record_reviews(request.user))
    review = _review(request, pk)
    form = forms.SavingForm(
        request.POST or None,
        contracts=[(str(c.pk), f"{c.reference} {c.title}") for c in review.contracts.visible_to(request.user)],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply(
            form,
            lambda: services.add_saving(
                review=review,
                contract=review.contracts.visible_to(request.user).filter(pk=data["contract"]).first()
                if data["contract"]
                else None,
                annual_amount=data["annual_amount"],
                percent=data["percent"],
                approximate=data["approximate"],
                note=data["note"],
                user=request.user,
            ),
        ):
            return done(request, "Saving recorded.", "contracts:review", review.pk)
    return form_page(
        request,
        form,
        title=f"Record a saving from {review.title}",
        caption="Savings",
        back=reverse("contracts:review", args=[pk]),
        template=FORM,
    )


# --- findings --------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def findings(request):
    require(permissions.can_read(request.user))
    today = _today()
    page = list_page(
        request,
        selectors.findings_queryset(request.user),
        columns=[
            Column("Review", lambda f: str(f.review)),
            Column("Kind", lambda f: f.get_kind_display()),
            Column("Activity", lambda f: rules.ACTIVITY_LABELS.get(f.activity, "")),
            Column("Finding", attrgetter("text")),
            Column("Recommendation", attrgetter("recommendation")),
            Column("Owner", lambda f: f.owner_name or (str(f.owner) if f.owner_id else "")),
            Column("Due", attrgetter("due_on")),
            Column("Status", lambda f: f.get_status_display()),
        ],
        search_fields=["text", "recommendation", "owner_name", "review__title"],
        filters=[
            Filter("status", "Status", list(Finding.Status.choices), lambda qs, v: qs.filter(status=v)),
            Filter(
                "activity",
                "Activity",
                [(a.code, a.label) for a in rules.ACTIVITIES],
                lambda qs, v: qs.filter(activity=v),
            ),
            Filter(
                "overdue",
                "Overdue",
                [("yes", "Overdue only")],
                lambda qs, v: qs.filter(due_on__lt=today).exclude(status__in=rules.CLOSED_FINDING_STATUSES),
            ),
        ],
        name="contract-findings",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "contracts/findings.html", {"list": page, "today": today})


@signed_in_required
@require_http_methods(["GET", "POST"])
def finding(request, pk: int):
    require(permissions.can_read(request.user))
    found = get_object_or_404(selectors.findings_queryset(request.user), pk=pk)
    may = permissions.can_follow_up(request.user, found.owner_id)
    form = None
    if may:
        reviews = [(str(r.pk), str(r)) for r in Review.objects.visible_to(request.user).exclude(pk=found.review_id)]
        form = forms.FollowUpForm(
            request.POST or None,
            initial={
                "version": found.version,
                "status": found.status,
                "progress": found.progress,
                "checked_at": str(found.checked_at_id or ""),
            },
            reviews=reviews,
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data

            def change():
                services.follow_up(
                    found,
                    status=data["status"],
                    progress=data["progress"],
                    checked_at=Review.objects.filter(pk=data["checked_at"]).first() if data["checked_at"] else None,
                    expected_version=data["version"],
                    user=request.user,
                )

            if apply(form, change):
                return done(request, "Progress recorded.", "contracts:finding", found.pk)
    elif request.method == "POST":
        require(False)
    history = selectors.history_entries(found.history.all())
    return render(
        request,
        "contracts/finding.html",
        {"finding": selectors._finding_record(found), "form": form, "history": history, "today": _today()},
        status=400 if form is not None and form.errors else 200,
    )


# --- progress reports, the framework, reminders ----------------------------------------------------------


@signed_in_required
@require_safe
def reports(request):
    require(permissions.can_read(request.user))
    shown = ProgressReport.objects.order_by("-meeting_date")
    if not selectors.cleared(request.user):
        shown = shown.filter(exempt=False)
    return render(
        request, "contracts/reports.html", {"reports": shown, "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS]}
    )


@signed_in_required
@require_safe
def report(request, pk: int):
    require(permissions.can_read(request.user))
    found = get_object_or_404(ProgressReport, pk=pk)
    if found.exempt and not selectors.cleared(request.user):
        raise Http404
    document = summary_document(request.user, report_id=pk, today=_today())
    if document is None:
        raise Http404
    return render(
        request,
        "contracts/report.html",
        {
            "report": found,
            "document": document,
            "items": document_items(document),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS],
        },
    )


@signed_in_required
@require_safe
def report_file(request, pk: int, fmt: str):
    require(permissions.can_read(request.user))
    found = get_object_or_404(ProgressReport, pk=pk)
    if fmt not in FORMATS or (found.exempt and not selectors.cleared(request.user)):
        raise Http404
    return jobs.respond(
        request,
        downloads.contracts_file,
        params={"what": "progress", "report": pk, "reader": request.user.pk, "today": _today().isoformat()},
        fmt=fmt,
        version=downloads.version(),
        title=f"Contracts progress report: {found}",
        back=(reverse("contracts:report", args=[pk]), "Back to the report"),
        inline=fmt == "html",
    )


@signed_in_required
@require_safe
def framework(request):
    require(permissions.can_read(request.user))
    descriptors = selectors.descriptors()
    rows = [
        {
            "activity": a,
            "levels": [(level, rules.LEVELS[level], items) for level, items in enumerate(descriptors[a.code], start=1)],
        }
        for a in rules.ACTIVITIES
    ]
    return render(
        request,
        "contracts/framework.html",
        {
            "rows": rows,
            "meanings": rules.LEVEL_MEANINGS,
            "counts": rules.descriptor_counts(descriptors),
            "sections": rules.SECTIONS,
            "statements": rules.STATEMENTS,
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def send_reminders(request):
    require(permissions.can_manage(request.user))
    if request.method == "POST":
        outcome = reminders.run(site_url=request.build_absolute_uri("/"))
        return done(request, outcome.summary(), "contracts:programme")
    found = reminders.due(_today())
    return confirm_page(
        request,
        title="Send contract management reminders",
        caption="Review programme",
        back=reverse("contracts:programme"),
        button="Send reminders",
        lines=[f"{item.person}: {len(item.lines)} item(s)" for item in found.values()]
        or ["Nothing falls due: no e-mail will be sent."],
    )


# --- public pages ----------------------------------------------------------------------------------------


@require_safe
def public_register(request):
    contracts = selectors.contract_records(None)
    from .exports import transparency_records

    shown = transparency_records(contracts)
    return render(
        request,
        "contracts/public_register.html",
        {"contracts": shown, "money": {c.reference: rules.pounds_exact(c.total_value) for c in shown}},
    )


@require_safe
def public_export_view(request, fmt: str):
    return _export(fmt)


def redirect_home(request):
    return redirect("contracts:index")
