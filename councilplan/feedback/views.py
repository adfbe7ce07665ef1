"""Customer feedback's pages. Thin: each view asks `permissions`, reads through `selectors`, changes through
`services` (via `core.pages`) and hands plain records to a template. A record's page, its changes and its
letter are for those who handle it only (`permissions.can_handle`): anyone else gets a 404, so a reference
says nothing about whether it exists."""

from __future__ import annotations

import datetime as dt
import json
from operator import attrgetter

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councilplan.analysis import feedback as rules
from councilplan.core.exchange import ImportFailed
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.pages import apply, confirm_page, done, edit_page, form_page
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.uploads import check_import_upload, import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, output
from councilplan.documents.http import file_response
from councilplan.documents.render_html import items as document_items

from . import downloads, forms, permissions, reminders, selectors, services
from .documents import FORMATS, letter_document, report_document, report_inputs
from .models import Case, Service, Stage

FORM = "feedback/form.html"


def _today() -> dt.date:
    return timezone.localdate()


def _people():
    users = get_user_model().objects.filter(is_active=True).order_by("name", "username")
    return [(str(u.pk), f"{u} ({u.username})") for u in users]


def _user(pk: str):
    return get_user_model().objects.filter(pk=pk).first() if pk else None


def _services():
    return [(str(s.pk), s.name) for s in Service.objects.filter(active=True).order_by("order", "name")]


def _case(request, reference: str) -> Case:
    found = selectors.get_case(reference, request.user)
    if found is None or not permissions.can_handle(request.user, found):
        raise Http404
    return found


def _stage(case: Case, pk: int) -> Stage:
    return get_object_or_404(Stage, pk=pk, case=case)


# --- the overview and the lists --------------------------------------------------------------------------


@signed_in_required
@require_safe
def index(request):
    require(permissions.can_read(request.user))
    today = _today()
    mine = selectors.open_cases(Case.objects.filter(handler_id=request.user.pk), today)
    queues = []
    if permissions.can_see_queues(request.user):
        services_shown = (
            Service.objects.all()
            if permissions.is_team(request.user)
            else Service.objects.filter(pk__in=permissions.service_ids(request.user))
        )
        rows = selectors.open_cases(Case.objects.filter(service__in=services_shown), today)
        by_service: dict[str, list] = {}
        for row in rows:
            by_service.setdefault(row.service, []).append(row)
        for service in services_shown.order_by("order", "name"):
            found = by_service.get(service.name, [])
            queues.append({"service": service, "counts": selectors.caseload_counts(found)})
    return render(
        request,
        "feedback/index.html",
        {
            "mine": mine,
            "mine_counts": selectors.caseload_counts(mine),
            "queues": queues,
            "is_team": permissions.is_team(request.user),
            "can_see_queues": permissions.can_see_queues(request.user),
        },
    )


@signed_in_required
@require_safe
def queue(request, pk: int):
    service = get_object_or_404(Service, pk=pk)
    require(permissions.is_team(request.user) or pk in permissions.service_ids(request.user))
    rows = selectors.open_cases(Case.objects.filter(service=service), _today())
    return render(
        request,
        "feedback/queue.html",
        {"service": service, "rows": rows, "counts": selectors.caseload_counts(rows)},
    )


def _case_columns():
    # Downloads hold no person: those who need the details open the record.
    return [
        Column("Reference", attrgetter("reference")),
        Column("Kind", lambda c: rules.KINDS[c.kind]),
        Column("Positive or negative", lambda c: rules.SENTIMENTS.get(c.sentiment, "")),
        Column("Date received", attrgetter("received_on")),
        Column("Channel", lambda c: rules.CHANNEL_LABELS.get(c.channel, c.channel)),
        Column("Service", lambda c: c.service.name),
        Column("Procedure", lambda c: rules.PROCEDURE_LABELS.get(c.procedure, "")),
        Column("Outcome", lambda c: rules.OUTCOMES.get(c.outcome, "")),
        Column("Closed on", attrgetter("closed_on")),
        Column("Handler", lambda c: str(c.handler) if c.handler_id else ""),
        Column("What it is about", attrgetter("summary")),
    ]


@signed_in_required
@require_safe
def cases(request):
    require(permissions.can_read(request.user))
    visible = selectors.visible_cases(request.user).select_related("service", "handler").order_by("-received_on", "-id")
    page = list_page(
        request,
        visible,
        columns=_case_columns(),
        search_fields=["reference", "summary", "customer_name", "customer_email"],
        filters=[
            Filter("kind", "Kind", list(rules.KINDS.items()), lambda qs, v: qs.filter(kind=v)),
            Filter("service", "Service", _services(), lambda qs, v: qs.filter(service_id=v)),
            Filter(
                "state",
                "Open or closed",
                [("open", "Open"), ("closed", "Closed")],
                lambda qs, v: qs.filter(closed_on__isnull=(v == "open")),
            ),
            Filter("channel", "Channel", list(rules.CHANNEL_LABELS.items()), lambda qs, v: qs.filter(channel=v)),
        ],
        name="feedback-records",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "feedback/cases.html", {"list": page, "is_team": permissions.is_team(request.user)})


# --- logging and handling a record -----------------------------------------------------------------------


def _values(data: dict) -> dict:
    values = {k: v for k, v in data.items() if k in services.CASE_FIELDS}
    values["service"] = Service.objects.filter(pk=data.get("service")).first() if data.get("service") else None
    return values


@signed_in_required
@require_http_methods(["GET", "POST"])
def case_create(request):
    require(permissions.can_log(request.user))
    form = forms.CaseForm(
        request.POST or None,
        initial={"received_on": _today(), "raised_by": "customer", "channel": "phone"},
        services=_services(),
        people=_people(),
    )
    made = []

    def change():
        values = _values(form.cleaned_data)
        if values["service"] is None:
            from django.core.exceptions import ValidationError

            raise ValidationError({"service": "Select the service"})
        made.append(
            services.log_case(
                user=request.user,
                received_on=form.cleaned_data["received_on"],
                handler=_user(form.cleaned_data["handler"]),
                **values,
            )
        )

    if request.method == "POST" and form.is_valid() and apply(form, change):
        case = made[0]
        return render(
            request, "feedback/logged.html", {"case": case, "can_handle": permissions.can_handle(request.user, case)}
        )
    return form_page(
        request,
        form,
        title="Log feedback",
        back=reverse("feedback:index"),
        button="Log it",
        template=FORM,
        intro="Any form is accepted; write down what was received and how.",
    )


@signed_in_required
@require_safe
def case(request, reference: str):
    found = _case(request, reference)
    stages = selectors.stages_of(found)
    current = stages[-1] if stages else None
    procedure = rules.PROCEDURES.get(found.procedure)
    following = procedure.after(current.code) if (procedure and current) else None
    today = _today()
    return render(
        request,
        "feedback/case.html",
        {
            "case": found,
            "stages": [
                {
                    "stage": s,
                    "rule": procedure.stage(s.code) if procedure else None,
                    "state": rules.stage_state(s.responded_on, s.deadline, today),
                    "in_time": rules.in_time(s.responded_on, s.in_time_by),
                    "working_days": None,
                }
                for s in stages
            ],
            "current": current,
            "following": following,
            "timeline": selectors.timeline(found),
            "is_team": permissions.is_team(request.user),
            "compensation": f"£{found.compensation_pence / 100:,.2f}",
            "activities": list(found.activities.select_related("plan").order_by("sort_key")),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def case_edit(request, reference: str):
    found = _case(request, reference)
    initial = {f: getattr(found, f) for f in services.CASE_FIELDS}
    initial |= {"service": str(found.service_id), "received_on": found.received_on, "version": found.version}
    form = forms.EditForm(request.POST or None, initial=initial, services=_services())
    back = reverse("feedback:case", args=[found.reference])
    return edit_page(
        request,
        form,
        lambda: services.update_case(
            found,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            received_on=form.cleaned_data["received_on"],
            **{k: v for k, v in _values(form.cleaned_data).items() if k != "service" or v is not None},
        ),
        done=("Record changed.", back),
        title="Change the record",
        caption=found.reference,
        back=back,
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def case_assign(request, reference: str):
    found = _case(request, reference)
    form = forms.AssignForm(
        request.POST or None,
        initial={"handler": str(found.handler_id or ""), "version": found.version},
        people=_people(),
    )
    back = reverse("feedback:case", args=[found.reference])
    return edit_page(
        request,
        form,
        lambda: services.assign(
            found, _user(form.cleaned_data["handler"]), user=request.user, expected_version=form.cleaned_data["version"]
        ),
        done=("Handler set.", back),
        title="Who handles it",
        caption=found.reference,
        back=back,
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def case_activities(request, reference: str):
    from councilplan.plan.models import Activity, Plan

    found = _case(request, reference)
    plan = Plan.objects.order_by("-id").first()
    choices = [(str(a.pk), f"{a.ref} {a.title}") for a in Activity.objects.filter(plan=plan).order_by("sort_key")]
    form = forms.ActivitiesForm(
        request.POST or None,
        initial={"activities": [str(pk) for pk in found.activities.values_list("pk", flat=True)]},
        activities=choices,
    )
    back = reverse("feedback:case", args=[found.reference])
    return edit_page(
        request,
        form,
        lambda: services.set_activities(
            found, Activity.objects.filter(pk__in=form.cleaned_data["activities"]), user=request.user
        ),
        done=("Activities linked.", back),
        title="Link to plan activities",
        caption=found.reference,
        back=back,
        template=FORM,
    )


def _stage_page(request, reference: str, pk: int, form_class, change, *, title: str, message: str, **form_kwargs):
    found = _case(request, reference)
    stage = _stage(found, pk)
    form = form_class(request.POST or None, **form_kwargs)
    back = reverse("feedback:case", args=[found.reference])
    return edit_page(
        request,
        form,
        lambda: change(stage, form.cleaned_data),
        done=(message, back),
        title=title,
        caption=f"{found.reference}: {stage.label}",
        back=back,
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def stage_acknowledge(request, reference: str, pk: int):
    return _stage_page(
        request,
        reference,
        pk,
        forms.AcknowledgeForm,
        lambda stage, data: services.acknowledge(stage, data["acknowledged_on"], user=request.user),
        title="Record the acknowledgement",
        message="Acknowledgement recorded.",
        initial={"acknowledged_on": _today()},
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def stage_extend(request, reference: str, pk: int):
    return _stage_page(
        request,
        reference,
        pk,
        forms.ExtendForm,
        lambda stage, data: services.extend(
            stage,
            extended_to=data["extended_to"],
            reason=data["reason"],
            customer_told=data["customer_told"],
            user=request.user,
        ),
        title="Put the reply back",
        message="New date recorded.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def stage_respond(request, reference: str, pk: int):
    return _stage_page(
        request,
        reference,
        pk,
        forms.RespondForm,
        lambda stage, data: services.respond(
            stage,
            responded_on=data["responded_on"],
            response=data["response"],
            outcome=data["outcome"],
            user=request.user,
        ),
        title="Record the reply",
        message="Reply recorded; the record is closed unless it is escalated.",
        initial={"responded_on": _today()},
        partly_upheld=services.get_settings().offer_partly_upheld,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def stage_ombudsman(request, reference: str, pk: int):
    return _stage_page(
        request,
        reference,
        pk,
        forms.OmbudsmanForm,
        lambda stage, data: services.record_ombudsman(
            stage, decided_on=data["decided_on"], decision=data["decision"], upheld=data["upheld"], user=request.user
        ),
        title="Record the Ombudsman's decision",
        message="The Ombudsman's decision recorded.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def case_escalate(request, reference: str):
    found = _case(request, reference)
    form = forms.EscalateForm(request.POST or None, initial={"opened_on": _today()})
    back = reverse("feedback:case", args=[found.reference])
    return edit_page(
        request,
        form,
        lambda: services.escalate(found, opened_on=form.cleaned_data["opened_on"], user=request.user),
        done=(lambda stage: f"Escalated to {stage.label}.", back),
        title="Escalate to the next stage",
        caption=found.reference,
        back=back,
        template=FORM,
        intro="The next stage's deadlines are counted in working days from the date it starts.",
    )


@signed_in_required
@require_safe
def stage_letter(request, reference: str, pk: int):
    found = _case(request, reference)
    stage = _stage(found, pk)
    made = output(letter_document(found, stage), "docx")
    return file_response(made)


# --- the report ------------------------------------------------------------------------------------------


def _report_args(request) -> tuple[dt.date | None, int | None]:
    quarter, year = None, None
    try:
        if request.GET.get("quarter"):
            quarter = dt.date.fromisoformat(request.GET["quarter"])
        if request.GET.get("year"):
            year = int(request.GET["year"])
            if not 1990 <= year <= 2100:
                year = None
    except ValueError:
        quarter, year = None, None
    return quarter, year


@signed_in_required
@require_safe
def report(request):
    require(permissions.can_read(request.user))
    quarter, year = _report_args(request)
    inputs = report_inputs(quarter, year)
    document = report_document(inputs)
    query = request.GET.urlencode()
    return render(
        request,
        "feedback/report.html",
        {
            "document": document,
            "items": document_items(document),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS],
            "query": query,
            "quarter": inputs.quarterly.periods[3],
            "year": inputs.annual.period,
            "is_team": permissions.is_team(request.user),
        },
    )


@signed_in_required
@require_safe
def report_file(request, fmt: str):
    require(permissions.can_read(request.user))
    if fmt not in FORMATS:
        raise Http404
    quarter, year = _report_args(request)
    if fmt == "json":  # the figures alone, quick: in the request
        return file_response(output(report_document(report_inputs(quarter, year)), fmt))
    return _report_job(request, fmt, quarter=quarter, year=year, back=reverse("feedback:report"))


def _report_job(request, fmt: str, *, quarter=None, year=None, public: bool = False, back: str):
    """Laid out: made by the worker once per version of the feedback data and day, and kept."""
    return jobs.respond(
        request,
        downloads.report_file,
        params={"quarter": quarter.isoformat() if quarter else None, "year": year, "public": public},
        fmt=fmt,
        version=downloads.version(),
        title="Customer feedback report" + (" (published)" if public else ""),
        back=(back, "Back to the report"),
        inline=fmt == "html",
    )


# --- the team's tools ------------------------------------------------------------------------------------


@signed_in_required
@require_http_methods(["GET", "POST"])
def import_view(request):
    require(permissions.can_manage(request.user))
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    count = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]

        def change():
            check_import_upload(upload)
            with upload_on_disk(upload) as path:
                try:
                    count.append(services.import_cases(path, user=request.user))
                except ImportFailed as failure:
                    errors.extend(failure.errors)

        if apply(form, change) and not errors:
            return done(request, f"Imported {count[0]} feedback records.", "feedback:cases")
        if errors:
            form.add_error("file", refused(errors))
    return render(
        request,
        "feedback/import.html",
        {"form": form, **import_problems(errors)},
        status=400 if errors else 200,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def subject_access(request):
    """One person's records, for a subject access request: shown, and downloadable as JSON."""
    require(permissions.can_manage(request.user))
    form = forms.SubjectAccessForm(request.GET or None)
    found = None
    if form.is_valid():
        found = selectors.person_records(services.cases_for_person(form.cleaned_data["person"]))
        if request.GET.get("download") == "json":
            data = [
                {
                    "reference": c.reference,
                    "kind": c.kind,
                    "received_on": c.received_on.isoformat(),
                    "channel": c.channel,
                    "service": c.service.name,
                    "what_it_is_about": c.summary,
                    "name": c.customer_name,
                    "email": c.customer_email,
                    "phone": c.customer_phone,
                    "address": c.customer_address,
                    "contact_preference": c.contact_preference,
                    "outcome": c.outcome,
                    "stages": [
                        {
                            "stage": s.label,
                            "started_on": s.opened_on.isoformat(),
                            "reply_dated": s.responded_on.isoformat() if s.responded_on else None,
                            "reply": s.response,
                            "extension_reason": s.extension_reason,
                        }
                        for s in c.stages.all()
                    ],
                }
                for c in found
            ]
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), content_type="application/json"
            )
            response["Content-Disposition"] = content_disposition_header(
                as_attachment=True, filename="subject-access.json"
            )
            response["X-Content-Type-Options"] = "nosniff"
            return response
    return render(
        request, "feedback/subject_access.html", {"form": form, "found": found, "query": request.GET.urlencode()}
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def retention(request):
    require(permissions.can_manage(request.user))
    due = services.past_retention(_today())
    if request.method == "POST":
        result = services.apply_retention(_today(), user=request.user)
        return done(request, result.summary(), "feedback:index")
    return confirm_page(
        request,
        title="Erase personal details past their retention period",
        back=reverse("feedback:index"),
        button="Erase them",
        warning=True,
        lines=[
            f"{len(due)} record(s) are past their retention period.",
            "Their people's names, contact details, what they were about and the replies will be erased from the "
            "records and their history. This cannot be undone. The counts stay.",
        ],
    )


@signed_in_required
@require_POST
def send_reminders(request):
    require(permissions.can_manage(request.user))
    site = request.build_absolute_uri("/")
    return done(request, reminders.send_reminders(site_url=site), "feedback:index")


@signed_in_required
@require_POST
def feed_kpi(request):
    require(permissions.can_manage(request.user))
    quarter, _ = _report_args(request)
    inputs_quarter = report_inputs(quarter).quarterly
    try:
        written = services.feed_kpi(inputs_quarter.periods[3].start, inputs_quarter.periods[3].end, user=request.user)
    except Exception as error:  # noqa: BLE001 (a missing indicator or a stale result: said, not raised)
        return done(request, f"CS07 was not written: {error}", "feedback:report")
    words = ", ".join(f"{m:%B %Y} {v}%" for m, v in written) or "no month had complaints"
    return done(request, f"CS07 written to the performance dashboard: {words}.", "feedback:report")


# --- public ----------------------------------------------------------------------------------------------


@require_safe
def public_figures(request):
    """The published figures: the quarterly return's counts by service and the annual counts. No record, no
    person, no free text."""
    inputs = report_inputs()
    return render(request, "feedback/public.html", {"q": inputs.quarterly, "a": inputs.annual})


@require_safe
def public_file(request, fmt: str):
    if fmt not in ("json", "xlsx", "pdf", "html", "docx"):
        raise Http404
    if fmt == "json":
        inputs = report_inputs()
        # The public document leaves out the records' lessons (free text written about cases).
        public = type(inputs)(inputs.quarterly, inputs.annual, inputs.kpi, [], inputs.compensation)
        return file_response(output(report_document(public), fmt))
    return _report_job(request, fmt, public=True, back=reverse("public:feedback_public:figures"))
