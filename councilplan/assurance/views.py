"""Corporate assurance's pages. Thin: each view asks `permissions`, reads through `selectors`, changes through
`services` (via `core.pages`) and hands plain records to a template."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councilplan.analysis import assurance as rules
from councilplan.core import pages
from councilplan.core.exchange import ImportFailed
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.pages import apply, confirm_page, done
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.uploads import check_import_upload, import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES
from councilplan.documents.render_html import items as document_items
from councilplan.plan.models import Activity
from councilplan.risks.models import Risk

from . import downloads, exchange, forms, permissions, reminders, selectors, services
from .documents import FORMATS, report_document
from .models import AnalysisReport, AssuranceActivity, Portfolio, Project, Theme

FORM = "assurance/form.html"


def edit_page(request, form, change, **page):
    """core.pages.edit_page on this system's form template (GOV.UK date inputs for dates)."""
    return pages.edit_page(request, form, change, template=FORM, **page)


def _today():
    return timezone.localdate()


def _project(pk: int) -> Project:
    return get_object_or_404(Project.objects.select_related("portfolio"), pk=pk)


def _people():
    users = get_user_model().objects.filter(is_active=True).order_by("name", "username")
    return [(str(u.pk), f"{u} ({u.username})") for u in users]


# --- the overview --------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def index(request):
    require(permissions.can_read(request.user))
    reports = selectors.reports()
    latest = reports[0] if reports else None
    inputs = selectors.report_inputs(latest) if latest else None
    return render(
        request,
        "assurance/index.html",
        {
            "latest": latest,
            "figures": inputs.figures if inputs else None,
            "summary": inputs.summary if inputs else [],
            "mine": selectors.recommendations_owned_by(request.user),
            "can_manage": permissions.can_manage(request.user),
        },
    )


# --- projects --------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def projects(request):
    require(permissions.can_read(request.user))
    page = list_page(
        request,
        selectors.projects_queryset().order_by("portfolio__order", "name"),
        columns=exchange.COLUMNS,
        search_fields=["reference", "name", "senior_responsible_owner", "project_manager"],
        filters=[
            Filter(
                "portfolio",
                "Portfolio",
                [(p.code, p.name) for p in Portfolio.objects.all()],
                lambda qs, v: qs.filter(portfolio__code=v),
            ),
            Filter("state", "State", list(Project.State.choices), lambda qs, v: qs.filter(state=v)),
            Filter("tier", "Tier", list(rules.TIERS.items()), lambda qs, v: qs.filter(tier=v)),
            Filter("stage", "Stage", list(rules.STAGES.items()), lambda qs, v: qs.filter(stage=v)),
        ],
        name="assurance-projects",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(
        request,
        "assurance/projects.html",
        {
            "list": page,
            "can_add": permissions.can_add_project(request.user),
            "can_import": permissions.can_manage(request.user),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def projects_import(request):
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
                    result = exchange.import_projects(path, user=request.user)
                except ImportFailed as failure:
                    errors.extend(failure.errors)

        if apply(form, change) and not errors:
            return done(request, f"Imported: {result.created} new, {result.updated} changed.", "assurance:projects")
        if errors:
            form.add_error("file", refused(errors))
    return render(
        request,
        "assurance/import.html",
        {"form": form, **import_problems(errors)},
        status=400 if errors else 200,
    )


@signed_in_required
@require_safe
def project(request, pk: int):
    require(permissions.can_read(request.user))
    record = selectors.project_record(pk)
    if record is None:
        raise Http404
    return render(
        request,
        "assurance/project.html",
        {
            "r": record,
            "p": record.project,
            "can_edit": permissions.can_edit_project(request.user, record.project),
            "can_manage": permissions.can_manage(request.user),
            "stages": rules.STAGES,
            "tiers": rules.TIERS,
        },
    )


def _project_form(request, project: Project | None):
    editable = Portfolio.objects.filter(active=True)
    if not permissions.can_manage(request.user):
        editable = editable.filter(manager=request.user)
    others = Project.objects.exclude(pk=project.pk if project else None).filter(state__in=["potential", "current"])
    initial = {}
    if project is not None:
        initial = {name: getattr(project, name) for name in services.PROJECT_FIELDS}
        initial.update(
            reference=project.reference,
            portfolio=project.portfolio.code,
            parent=str(project.parent_id or ""),
            theme=project.theme.code if project.theme_id else "",
            version=project.version,
        )
    return forms.ProjectForm(
        request.POST or None,
        initial=initial or {"benefit_kind": "tbc"},
        portfolios=[(p.code, p.name) for p in editable],
        projects=[(str(p.pk), p.name) for p in others.order_by("name")],
        themes=[(t.code, t.label) for t in Theme.objects.all()],
        new=project is None,
    )


def _project_values(form) -> dict:
    data = form.cleaned_data
    values = {name: data[name] for name in services.PROJECT_FIELDS if name in data}
    values["portfolio"] = Portfolio.objects.get(code=data["portfolio"])
    values["parent"] = Project.objects.filter(pk=data["parent"]).first() if data["parent"] else None
    values["theme"] = Theme.objects.filter(code=data["theme"]).first() if data["theme"] else None
    return values


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_create(request):
    require(permissions.can_add_project(request.user))
    form = _project_form(request, None)

    def change():
        values = _project_values(form)
        return services.create_project(
            reference=form.cleaned_data["reference"],
            cost=form.cleaned_data.get("cost"),
            benefit=form.cleaned_data.get("benefit"),
            user=request.user,
            **values,
        )

    return edit_page(
        request,
        form,
        change,
        done=(lambda p: f"{p.name} added as a potential project.", lambda p: reverse("assurance:project", args=[p.pk])),
        title="Add a project",
        caption="Corporate assurance",
        back=reverse("assurance:projects"),
        intro="A new project is potential, tier TBC, until it is approved to start and assessed.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk: int):
    found = _project(pk)
    require(permissions.can_edit_project(request.user, found))
    form = _project_form(request, found)
    return edit_page(
        request,
        form,
        lambda: services.update_project(
            found, user=request.user, version=form.cleaned_data["version"], **_project_values(form)
        ),
        done=("Project updated.", reverse("assurance:project", args=[pk])),
        title="Change the project",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_start(request, pk: int):
    found = _project(pk)
    require(permissions.can_edit_project(request.user, found))
    form = forms.StartForm(request.POST or None, initial={"version": found.version, "approved_on": _today()})
    return edit_page(
        request,
        form,
        lambda: services.start_project(
            found, on=form.cleaned_data["approved_on"], user=request.user, version=form.cleaned_data["version"]
        ),
        done=("The project is now current.", reverse("assurance:project", args=[pk])),
        title="Approved to start",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
        button="Make it current",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_close(request, pk: int):
    """Closing cannot be undone: the form says so and asks for the reason."""
    found = _project(pk)
    require(permissions.can_edit_project(request.user, found))
    form = forms.CloseForm(request.POST or None, initial={"version": found.version})
    return edit_page(
        request,
        form,
        lambda: services.close_project(
            found,
            state=form.cleaned_data["state"],
            on=form.cleaned_data["closed_on"],
            note=form.cleaned_data["note"],
            user=request.user,
            version=form.cleaned_data["version"],
        ),
        done=("The project is closed.", reverse("assurance:project", args=[pk])),
        title="Close the project",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
        button="Close the project",
        intro="A closed project is not reopened: it counts in this month's stopped/completed projects.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_tier(request, pk: int):
    found = _project(pk)
    require(permissions.can_manage(request.user))
    factors = selectors.deca_factors()
    form = forms.TierForm(request.POST or None, initial={"method": "deca", "decided_on": _today()}, factors=factors)
    return edit_page(
        request,
        form,
        lambda: services.decide_tier(
            found,
            decided_on=form.cleaned_data["decided_on"],
            tier=form.cleaned_data["tier"],
            method=form.cleaned_data["method"],
            ratings=form.ratings(),
            assessor=form.cleaned_data["assessor"],
            note=form.cleaned_data["note"],
            user=request.user,
        ),
        done=("Tier decided.", reverse("assurance:project", args=[pk])),
        title="DECA assessment and tier",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
        button="Record the tier",
        inline=[f"deca_{code}" for code, _ in factors],
        intro="Rate each factor of the NAO's Delivery Environment Complexity Analytic, then record the tier decided.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_split(request, pk: int):
    """A split cannot be undone: the old project ends as replaced by its successors."""
    found = _project(pk)
    require(permissions.can_manage(request.user))
    form = forms.SplitForm(request.POST or None, initial={"on": _today()})
    return edit_page(
        request,
        form,
        lambda: services.split_project(
            found,
            on=form.cleaned_data["on"],
            successors=form.successors(),
            note=form.cleaned_data["note"],
            user=request.user,
        ),
        done=("Project split.", reverse("assurance:project", args=[pk])),
        title="Split the project",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
        button="Split the project",
        intro="The project ends as replaced by its two successors (not a closure); each gets the tier decided here.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_money(request, pk: int):
    found = _project(pk)
    require(permissions.can_edit_project(request.user, found))
    form = forms.MoneyChangeForm(request.POST or None, initial={"changed_on": _today()})
    return edit_page(
        request,
        form,
        lambda: services.change_money(
            found,
            measure=form.cleaned_data["measure"],
            change=form.cleaned_data["change"],
            changed_on=form.cleaned_data["changed_on"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        ),
        done=("Variation recorded.", reverse("assurance:project", args=[pk])),
        title="Record a variation to cost or benefit",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_approval(request, pk: int):
    found = _project(pk)
    require(permissions.can_manage(request.user))
    form = forms.ApprovalForm(request.POST or None)
    return edit_page(
        request,
        form,
        lambda: services.add_stage_approval(found, user=request.user, **form.cleaned_data),
        done=("Stage approval recorded.", reverse("assurance:project", args=[pk])),
        title="Record the decision approving a stage",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def project_links(request, pk: int):
    found = _project(pk)
    require(permissions.can_edit_project(request.user, found))
    # The plan's significant service changes are the assurance pipeline: offered first.
    # Only what the person may read is offered; links to exempt records they cannot see are kept on saving.
    shown_activities = Activity.objects.visible_to(request.user)
    shown_risks = Risk.objects.visible_to(request.user)
    kept_activities = list(found.activities.exclude(pk__in=shown_activities.values("pk")).values_list("pk", flat=True))
    kept_risks = list(found.risks.exclude(pk__in=shown_risks.values("pk")).values_list("pk", flat=True))
    activities = shown_activities.select_related("plan").order_by("-activity_type", "plan__name", "sort_key")
    activities = sorted(activities, key=lambda a: a.activity_type != "service_change")
    form = forms.LinksForm(
        request.POST or None,
        initial={
            "activities": [str(a.pk) for a in found.activities.all()],
            "risks": [str(r.pk) for r in found.risks.all()],
        },
        activities=[(str(a.pk), f"{a.plan.name} {a.ref}. {a.title}") for a in activities],
        risks=[(str(r.pk), f"{r.code} {r.title}") for r in shown_risks.order_by("code")],
    )
    return edit_page(
        request,
        form,
        lambda: services.set_links(
            found,
            activities=Activity.objects.filter(pk__in=[*form.cleaned_data["activities"], *kept_activities]),
            risks=Risk.objects.filter(pk__in=[*form.cleaned_data["risks"], *kept_risks]),
            user=request.user,
        ),
        done=("Links saved.", reverse("assurance:project", args=[pk])),
        title="Plan activities and risks",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
    )


@signed_in_required
@require_safe
def project_history(request, pk: int):
    require(permissions.can_read(request.user))
    found = _project(pk)
    return render(
        request,
        "assurance/history.html",
        {
            "title": found.name,
            "back": reverse("assurance:project", args=[pk]),
            "entries": selectors.history_entries(found.history.all()),
        },
    )


# --- assurance work ----------------------------------------------------------------------------------------


@signed_in_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk: int):
    found = _project(pk)
    require(permissions.can_manage(request.user))
    form = forms.ActivityForm(request.POST or None, initial={"led_by": str(request.user)})

    def change():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.plan_activity(found, user=request.user, **data)

    return edit_page(
        request,
        form,
        change,
        done=("Assurance planned.", lambda a: reverse("assurance:activity", args=[a.pk])),
        title="Plan assurance",
        caption=found.name,
        back=reverse("assurance:project", args=[pk]),
    )


@signed_in_required
@require_safe
def activities(request):
    require(permissions.can_read(request.user))
    page = list_page(
        request,
        selectors.activities_queryset(),
        columns=[
            Column("Project", lambda a: a.project.name),
            Column("Kind", lambda a: a.get_kind_display()),
            Column("Status", lambda a: a.get_status_display()),
            Column("Date", lambda a: a.held_on),
            Column("Product", lambda a: a.get_product_display()),
            Column("Feedback to", lambda a: a.feedback_to),
        ],
        search_fields=["project__name", "summary", "feedback_to"],
        filters=[
            Filter("kind", "Kind", list(rules.ACTIVITY_KINDS.items()), lambda qs, v: qs.filter(kind=v)),
            Filter("status", "Status", list(AssuranceActivity.Status.choices), lambda qs, v: qs.filter(status=v)),
        ],
        name="assurance-reviews",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "assurance/activities.html", {"list": page})


@signed_in_required
@require_http_methods(["GET", "POST"])
def activity(request, pk: int):
    require(permissions.can_read(request.user))
    found = selectors.activity_record(pk)
    if found is None:
        raise Http404
    can_manage = permissions.can_manage(request.user)
    finding_form = recommendation_form = None
    if can_manage:
        finding_form = forms.FindingForm(request.POST if "finding" in request.POST else None, prefix="f")
        recommendation_form = forms.RecommendationForm(
            request.POST if "recommendation" in request.POST else None, prefix="r", people=_people()
        )
        if request.method == "POST":
            if "finding" in request.POST and finding_form.is_valid():
                if apply(
                    finding_form, lambda: services.add_finding(found, user=request.user, **finding_form.cleaned_data)
                ):
                    return done(request, "Finding added.", reverse("assurance:activity", args=[pk]))
            elif "recommendation" in request.POST and recommendation_form.is_valid():
                data = dict(recommendation_form.cleaned_data)
                owner = get_user_model().objects.filter(pk=data.pop("owner")).first() if data["owner"] else None
                data.pop("owner", None)
                if apply(
                    recommendation_form,
                    lambda: services.add_recommendation(found, owner=owner, user=request.user, **data),
                ):
                    return done(request, "Recommendation added.", reverse("assurance:activity", args=[pk]))
    elif request.method == "POST":
        require(False)
    invalid = bool((finding_form and finding_form.errors) or (recommendation_form and recommendation_form.errors))
    return render(
        request,
        "assurance/activity.html",
        {
            "a": found,
            "can_manage": can_manage,
            "finding_form": finding_form,
            "recommendation_form": recommendation_form,
            "history": selectors.history_entries(found.history.all()),
        },
        status=400 if invalid else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def activity_hold(request, pk: int):
    found = get_object_or_404(AssuranceActivity, pk=pk)
    require(permissions.can_manage(request.user))
    form = forms.HoldForm(
        request.POST or None, initial={"version": found.version, "held_on": found.held_on, "summary": found.summary}
    )
    return edit_page(
        request,
        form,
        lambda: services.hold_activity(
            found,
            held_on=form.cleaned_data["held_on"],
            summary=form.cleaned_data["summary"],
            today=_today(),
            user=request.user,
            version=form.cleaned_data["version"],
        ),
        done=("Recorded as held.", reverse("assurance:activity", args=[pk])),
        title="Record that it was held",
        caption=str(found),
        back=reverse("assurance:activity", args=[pk]),
    )


@signed_in_required
@require_safe
def recommendations(request):
    require(permissions.can_read(request.user))
    page = list_page(
        request,
        selectors.recommendations_queryset(),
        columns=[
            Column("Project", lambda r: r.activity.project.name),
            Column("Case", lambda r: r.get_case_display()),
            Column("Recommendation", lambda r: r.text),
            Column("Owner", lambda r: str(r.owner) if r.owner_id else r.owner_name),
            Column("Due", lambda r: r.due_on),
            Column("Status", lambda r: r.get_status_display()),
        ],
        search_fields=["text", "owner_name", "activity__project__name"],
        filters=[
            Filter("status", "Status", list(rules.RECOMMENDATION_STATUSES.items()), lambda qs, v: qs.filter(status=v)),
            Filter("case", "Case", list(rules.CASES.items()), lambda qs, v: qs.filter(case=v)),
        ],
        name="assurance-recommendations",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "assurance/recommendations.html", {"list": page, "today": _today()})


@signed_in_required
@require_http_methods(["GET", "POST"])
def recommendation(request, pk: int):
    require(permissions.can_read(request.user))
    found = selectors.recommendation_record(pk)
    if found is None:
        raise Http404
    can_follow = permissions.can_follow_up(request.user, found)
    form = None
    if can_follow:
        reviews = AssuranceActivity.objects.filter(project=found.activity.project, status="held").exclude(
            pk=found.activity_id
        )
        form = forms.FollowUpForm(
            request.POST or None,
            initial={"status": found.status, "progress": found.progress, "version": found.version},
            reviews=[(str(a.pk), str(a)) for a in reviews],
        )
        if request.method == "POST" and form.is_valid():
            checked = (
                reviews.filter(pk=form.cleaned_data["checked_at"]).first() if form.cleaned_data["checked_at"] else None
            )
            if apply(
                form,
                lambda: services.follow_up(
                    found,
                    status=form.cleaned_data["status"],
                    progress=form.cleaned_data["progress"],
                    checked_at=checked,
                    user=request.user,
                    version=form.cleaned_data["version"],
                ),
            ):
                return done(request, "Follow-up saved.", reverse("assurance:recommendation", args=[pk]))
    elif request.method == "POST":
        require(False)
    return render(
        request,
        "assurance/recommendation.html",
        {"rec": found, "form": form, "history": selectors.history_entries(found.history.all())},
        status=400 if form is not None and form.errors else 200,
    )


# --- portfolios and snapshots ------------------------------------------------------------------------------


@signed_in_required
@require_safe
def portfolios(request):
    require(permissions.can_read(request.user))
    return render(
        request,
        "assurance/portfolios.html",
        {
            "portfolios": selectors.portfolios(),
            "settings": [(rules.TIERS[t], s) for t, s in sorted(selectors.tier_settings().items())],
            "factors": selectors.deca_factors(),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def snapshots(request):
    require(permissions.can_read(request.user))
    can_manage = permissions.can_manage(request.user)
    form = forms.SnapshotForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        require(can_manage)
        if form.is_valid() and apply(
            form, lambda: services.take_snapshot(form.cleaned_data["month"], today=_today(), user=request.user)
        ):
            return done(
                request, f"Snapshot of {form.cleaned_data['month']:%B %Y} taken.", reverse("assurance:snapshots")
            )
    codes = [p.code for p in Portfolio.objects.all()]
    rows = rules.month_table(selectors.snapshot_points(), codes)
    methods = {s.month: s.get_method_display() for s in selectors.snapshots()}
    return render(
        request,
        "assurance/snapshots.html",
        {
            "rows": [(r, methods.get(r.month, "")) for r in rows],
            "portfolios": list(Portfolio.objects.all()),
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


# --- reports -----------------------------------------------------------------------------------------------


@signed_in_required
@require_http_methods(["GET", "POST"])
def reports(request):
    require(permissions.can_read(request.user))
    return render(
        request,
        "assurance/reports.html",
        {"reports": selectors.reports(), "can_manage": permissions.can_manage(request.user)},
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_create(request):
    require(permissions.can_manage(request.user))
    issued = AnalysisReport.objects.filter(issued_on__isnull=False)
    form = forms.ReportForm(request.POST or None, reports=[(str(r.pk), r.title) for r in issued])
    return edit_page(
        request,
        form,
        lambda: services.create_report(
            title=form.cleaned_data["title"],
            period_start=form.cleaned_data["period_start"],
            period_end=form.cleaned_data["period_end"],
            previous=issued.filter(pk=form.cleaned_data["previous"]).first() if form.cleaned_data["previous"] else None,
            user=request.user,
        ),
        done=("Report started.", lambda r: reverse("assurance:report", args=[r.pk])),
        title="Start a bi-annual report",
        caption="Corporate assurance",
        back=reverse("assurance:reports"),
    )


@signed_in_required
@require_safe
def report(request, pk: int):
    require(permissions.can_read(request.user))
    found = get_object_or_404(AnalysisReport.objects.select_related("previous"), pk=pk)
    document = report_document(selectors.report_inputs(found))
    return render(
        request,
        "assurance/report.html",
        {
            "report": found,
            "document": document,
            "items": document_items(document),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS],
            "can_manage": permissions.can_manage(request.user),
        },
    )


@signed_in_required
@require_safe
def report_file(request, pk: int, fmt: str):
    require(permissions.can_read(request.user))
    found = get_object_or_404(AnalysisReport.objects.select_related("previous"), pk=pk)
    if fmt not in FORMATS:
        raise Http404
    return _report_job(request, found, fmt, back=reverse("assurance:report", args=[pk]))


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_narrative(request, pk: int):
    found = get_object_or_404(AnalysisReport, pk=pk)
    require(permissions.can_manage(request.user))
    initial = {name: getattr(found, name) for name in services.NARRATIVE}
    form = forms.NarrativeForm(request.POST or None, initial={**initial, "version": found.version})
    return edit_page(
        request,
        form,
        lambda: services.save_narrative(
            found,
            user=request.user,
            version=form.cleaned_data["version"],
            **{name: form.cleaned_data[name] for name in services.NARRATIVE},
        ),
        done=("Narrative saved.", reverse("assurance:report", args=[pk])),
        title="The report's narrative",
        caption=found.title,
        back=reverse("assurance:report", args=[pk]),
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def report_issue(request, pk: int):
    found = get_object_or_404(AnalysisReport.objects.select_related("previous"), pk=pk)
    require(permissions.can_manage(request.user))
    back = reverse("assurance:report", args=[pk])
    if found.issued_on:
        return redirect(back)
    if request.method == "POST":
        figures = rules.plain(selectors.report_inputs(found).figures)
        services.issue_report(found, on=_today(), figures=figures, user=request.user)
        return done(request, "Report issued and published.", back)
    return confirm_page(
        request,
        title="Issue the report",
        caption=found.title,
        back=back,
        button="Issue the report",
        warning=True,
        lines=[
            "Its figures are kept as they are now; the next report compares with them.",
            "Its narrative can no longer be changed, and it appears on the public pages.",
        ],
    )


@signed_in_required
@require_POST
def send_reminders(request):
    require(permissions.can_manage(request.user))
    return done(request, reminders.send_reminders(), reverse("assurance:index"))


# --- public pages ------------------------------------------------------------------------------------------


def _report_job(request, found: AnalysisReport, fmt: str, back: str):
    """Laid out, long: made by the worker once per version of the assurance data, and kept."""
    return jobs.respond(
        request,
        downloads.report_file,
        params={"report": found.pk},
        fmt=fmt,
        version=downloads.version(),
        title=found.title,
        back=(back, "Back to the report"),
        inline=fmt == "html",
    )


@require_safe
def public_reports(request):
    return render(request, "assurance/public_reports.html", {"reports": selectors.published_reports()})


@require_safe
def public_report(request, pk: int, fmt: str = ""):
    found = get_object_or_404(AnalysisReport, pk=pk, published=True, issued_on__isnull=False)
    if fmt:
        if fmt not in ("pdf", "html"):
            raise Http404
        return _report_job(request, found, fmt, back=reverse("public:assurance_public:report", args=[pk]))
    document = report_document(selectors.report_inputs(found))
    return render(
        request,
        "assurance/public_report.html",
        {"report": found, "document": document, "items": document_items(document)},
    )
