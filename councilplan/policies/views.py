"""The policy register's pages. Thin: each view asks `permissions`, reads through `selectors`, changes through
`services` (via `core.pages`) and hands plain records to a template."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter, itemgetter

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.analysis import policies as rules
from councilplan.core.exchange import ImportFailed
from councilplan.core.lists import DOWNLOADS, Column, Filter, download_response, list_page
from councilplan.core.pages import apply, confirm_page, done, form_page
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.uploads import check_import_upload, import_problems, refused, upload_on_disk
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, READING, output
from councilplan.documents.http import file_response
from councilplan.plan.models import Activity, Plan

from . import downloads, exchange, forms, permissions, reminders, selectors, services
from .documents import FORMATS, front_sheet_document, register_figures
from .models import Policy, Section

FORM = "policies/form.html"


def _today() -> dt.date:
    return timezone.localdate()


def _people():
    users = get_user_model().objects.filter(is_active=True).order_by("name", "username")
    return [(str(u.pk), f"{u} ({u.username})") for u in users]


def _sections():
    return [(str(s.pk), s.name) for s in Section.objects.order_by("order", "name")]


def _policy(request, number: int) -> Policy:
    found = selectors.get_policy(number, request.user)
    if found is None:
        raise Http404
    return found


def _back(number: int) -> str:
    return reverse("policies:policy", args=[number])


def _form(request, form, **page):
    """A form page; 400 when it shows errors (what was typed kept)."""
    return form_page(request, form, status=400 if form.is_bound and form.errors else 200, **page)


def _tell(request, policy: Policy, what: str) -> None:
    """An accountable officer's change is reported to SPRCA (principles 3 and 4); SPRCA's own changes are not."""
    if not permissions.can_manage(request.user):
        reminders.tell_sprca(policy, what, request.user, request.build_absolute_uri("/"))


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


# --- the overview and the register -----------------------------------------------------------------------


@signed_in_required
@require_safe
def index(request):
    require(permissions.can_read(request.user))
    form = forms.ReportForm(request.GET or None)
    on = _today()
    if request.GET and form.is_valid() and form.cleaned_data["date"]:
        on = form.cleaned_data["date"]
    at = selectors.register_at(request.user, on)
    figures = register_figures(at)
    flags = rules.review_flags(at.dates(), on, at.lead_days)
    by_number = {r.number: r for r in at.records}
    return render(
        request,
        "policies/index.html",
        {
            "form": form,
            "on": on,
            "figures": figures,
            "stock": at.stock,
            "due": [(f, by_number[f.number]) for f in flags][:50],
            "lapsed": [by_number[n] for n in rules.lapsed_close_downs(at.dates(), on)],
            "can_manage": permissions.can_manage(request.user),
            "mine": selectors.owned_by(request.user),
        },
    )


def _register_columns():
    return [
        Column("Number", attrgetter("number")),
        Column("Name", attrgetter("title")),
        Column("Section", lambda p: p.section.name),
        Column("Type", lambda p: rules.DOC_TYPES.get(p.doc_type, p.doc_type)),
        Column("Owned by", lambda p: rules.OWNER_KINDS.get(p.owner_kind, "")),
        Column("Status", lambda p: rules.STATUSES[p.status]),
        Column("Close-down", lambda p: rules.TIMINGS.get(p.close_timing, "")),
        Column("Replaced by", lambda p: str(p.replaced_by) if p.replaced_by_id else p.replacement_note),
        Column("Start date", attrgetter("start_date")),
        Column("End date", attrgetter("end_date")),
        Column("Review date", attrgetter("review_date")),
        Column("Accountable officer", lambda p: str(p.accountable_officer) if p.accountable_officer_id else ""),
        Column("Policy Framework", attrgetter("policy_framework")),
    ]


@signed_in_required
@require_safe
def register(request):
    require(permissions.can_read(request.user))
    page = list_page(
        request,
        selectors.register_queryset(request.user).order_by("number"),
        columns=_register_columns(),
        search_fields=["title", "purpose", "decision_maker", "cabinet_member", "close_note"],
        filters=[
            Filter("section", "Section", _sections(), lambda qs, v: qs.filter(section_id=v)),
            Filter("status", "Status", list(rules.STATUSES.items()), lambda qs, v: qs.filter(status=v)),
            Filter("type", "Type", list(rules.DOC_TYPES.items()), lambda qs, v: qs.filter(doc_type=v)),
            Filter("timing", "Close-down", list(rules.TIMINGS.items()), lambda qs, v: qs.filter(close_timing=v)),
        ],
        name="policy-register",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "policies/register.html", {"list": page, "can_manage": permissions.can_manage(request.user)})


@signed_in_required
@require_safe
def framework(request):
    require(permissions.can_read(request.user))
    return render(
        request,
        "policies/framework.html",
        {
            "types": rules.DOC_TYPES.values(),
            "excluded": rules.EXCLUDED_TYPES,
            "definitions": rules.DEFINITIONS,
            "principles": rules.PRINCIPLES,
            "front_sheet": rules.FRONT_SHEET,
        },
    )


# --- an entry --------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def policy(request, number: int):
    require(permissions.can_read(request.user))
    found = _policy(request, number)
    record = selectors.record(number, request.user)
    today = _today()
    flag = rules.review_flag(record.dates(), today, selectors.lead_days())
    user = request.user
    officer = record.accountable_officer_id
    return render(
        request,
        "policies/policy.html",
        {
            "policy": record,
            "front_sheet": record.front_sheet(),
            "flag": flag,
            "changes": selectors.changes(found),
            "reviews": selectors.reviews(found),
            "close_problems": services.close_problems(found) if found.status == rules.CLOSE_AGREED else [],
            "chain": rules.chain(
                dict(Policy.objects.filter(replaced_by__isnull=False).values_list("number", "replaced_by__number")),
                number,
            ),
            "can_edit": permissions.can_edit(user, officer),
            "can_review": permissions.can_review(user, officer) and record.status in (rules.ACTIVE, rules.UNDER_REVIEW),
            "can_start_review": permissions.can_review(user, officer) and record.status == rules.ACTIVE,
            "can_agree": permissions.can_close(user) and record.status in (rules.ACTIVE, rules.UNDER_REVIEW),
            "can_close": permissions.can_close(user) and record.status == rules.CLOSE_AGREED,
            "can_publish": permissions.can_manage(user) and record.status == rules.FORTHCOMING,
            "formats": [(code, FORMAT_NAMES[code]) for code in READING],
        },
    )


@signed_in_required
@require_safe
def policy_history(request, number: int):
    require(permissions.can_read(request.user))
    found = _policy(request, number)
    rows = found.history.select_related("history_user").order_by("-history_date", "-history_id")
    entries = []
    for row in rows:
        changes = []
        previous = row.prev_record
        if previous is not None:
            delta = row.diff_against(previous)
            changes = [
                f"{Policy._meta.get_field(c.field).verbose_name}: {c.old if c.old not in (None, '') else '(empty)'}"
                f" → {c.new if c.new not in (None, '') else '(empty)'}"
                for c in delta.changes
                if c.field not in ("version",) and not isinstance(c.old, list)
            ]
        entries.append(
            {
                "when": row.history_date,
                "who": str(row.history_user) if row.history_user_id else "",
                "what": row.history_change_reason or {"+": "Added", "~": "Changed", "-": "Removed"}[row.history_type],
                "changes": changes,
            }
        )
    return render(
        request,
        "policies/history.html",
        {"title": f"{found.number}. {found.title}", "back": _back(number), "entries": entries},
    )


@signed_in_required
@require_safe
def front_sheet(request, number: int, fmt: str):
    require(permissions.can_read(request.user))
    if fmt not in READING:
        raise Http404
    _policy(request, number)
    made = output(front_sheet_document(selectors.record(number, request.user)), fmt)
    return file_response(made, inline=fmt == "html")


def _policy_values(form) -> dict:
    data = form.cleaned_data
    values = {
        name: data[name]
        for name in (
            "title",
            "doc_type",
            "owner_kind",
            "policy_framework",
            "purpose",
            "statutory_kind",
            "statutory_basis",
            "start_date",
            "decision_maker",
            "decision_body",
            "key_decision",
            "decision_reference",
            "publication",
            "end_date",
            "review_date",
            "cabinet_member",
            "front_sheet_approved_on",
            "executive_summary",
            "document_url",
            "exempt_paragraph",
            "exempt_reason",
            "public_interest_test",
        )
    }
    values["section"] = Section.objects.filter(pk=data["section"]).first()
    officer = data["accountable_officer"]
    values["accountable_officer"] = get_user_model().objects.filter(pk=officer).first() if officer else None
    return values


@signed_in_required
@require_http_methods(["GET", "POST"])
def policy_create(request):
    require(permissions.can_manage(request.user))
    form = forms.NewPolicyForm(
        request.POST or None,
        initial={"status": rules.ACTIVE, "owner_kind": "kcc"},
        sections=_sections(),
        people=_people(),
    )
    created = []
    if request.method == "POST" and form.is_valid():

        def change():
            values = _policy_values(form)
            status = form.cleaned_data["status"]
            if status == rules.FORTHCOMING:
                values["forthcoming_kind"] = form.cleaned_data["forthcoming_kind"]
            created.append(services.create_policy(status=status, user=request.user, **values))

        if apply(form, change):
            policy = created[0]
            return done(request, f"{policy.number}. {policy.title} added to the register.", _back(policy.number))
    return _form(
        request,
        form,
        title="Add a strategy or policy",
        caption="Strategy and Policy Register",
        back=reverse("policies:register"),
        button="Add to the register",
        intro="Its register number is given when it is added, and is never reused.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def policy_edit(request, number: int):
    found = _policy(request, number)
    require(permissions.can_edit(request.user, found.accountable_officer_id))
    initial = {name: getattr(found, name) for name in services.POLICY_FIELDS if hasattr(found, name)}
    initial.update(
        version=found.version,
        section=str(found.section_id),
        accountable_officer=str(found.accountable_officer_id or ""),
        key_decision={True: "yes", False: "no"}.get(found.key_decision, ""),
    )
    form = forms.PolicyForm(request.POST or None, initial=initial, sections=_sections(), people=_people())
    if request.method == "POST" and form.is_valid():

        def change():
            services.update_policy(
                found, user=request.user, expected_version=form.cleaned_data["version"], **_policy_values(form)
            )

        if apply(form, change):
            _tell(request, found, "changed the details or front sheet")
            return done(request, f"{found.number}. {found.title}: front sheet saved.", _back(number))
    return _form(
        request,
        form,
        title="Change the details and front sheet",
        caption=f"{found.number}. {found.title}",
        back=_back(number),
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def policy_links(request, number: int):
    found = _policy(request, number)
    require(permissions.can_edit(request.user, found.accountable_officer_id))
    plans = list(Plan.objects.order_by("-id").values_list("pk", "name"))
    linked = list(found.activities.select_related("plan"))
    plan_id = str(linked[0].plan_id) if linked else (str(plans[0][0]) if plans else "")
    initial = {
        "version": found.version,
        "plan": plan_id,
        "activities": ", ".join(a.ref for a in linked if str(a.plan_id) == plan_id),
        "dependencies": ", ".join(str(n) for n in found.dependencies.values_list("number", flat=True)),
    }
    form = forms.LinksForm(request.POST or None, initial=initial, plans=[(str(pk), name) for pk, name in plans])
    if request.method == "POST" and form.is_valid():

        def change():
            from django.core.exceptions import ValidationError

            data = form.cleaned_data
            activities = {a.ref: a for a in Activity.objects.filter(plan_id=data["plan"] or None)}
            missing = [ref for ref in data["activities"] if ref not in activities]
            if missing:
                raise ValidationError({"activities": f"Not an activity of the plan: {', '.join(missing)}"})
            wanted = selectors.register_queryset(request.user).filter(number__in=data["dependencies"])
            unknown = sorted(set(data["dependencies"]) - {p.number for p in wanted})
            if unknown:
                raise ValidationError({"dependencies": f"Not on the register: {', '.join(str(n) for n in unknown)}"})
            services.set_links(
                found,
                user=request.user,
                activities=[activities[ref] for ref in data["activities"]],
                dependencies=list(wanted),
                expected_version=data["version"],
            )

        if apply(form, change):
            return done(request, "Links saved.", _back(number))
    return _form(
        request,
        form,
        title="Link plan activities and dependencies",
        caption=f"{found.number}. {found.title}",
        back=_back(number),
        template=FORM,
    )


# --- the cycle -------------------------------------------------------------------------------------------


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_start(request, number: int):
    found = _policy(request, number)
    require(permissions.can_review(request.user, found.accountable_officer_id))
    form = forms.DatedForm(request.POST or None, initial={"version": found.version, "on": _today()})
    if request.method == "POST" and form.is_valid():

        def change():
            services.start_review(
                found,
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )

        if apply(form, change):
            _tell(request, found, "started a review")
            return done(request, f"{found.number}. {found.title} is under review.", _back(number))
    return _form(
        request,
        form,
        title="Start a review",
        caption=f"{found.number}. {found.title}",
        back=_back(number),
        button="Start the review",
        intro="The entry shows as under review until the review's outcome is recorded.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def review_record(request, number: int):
    found = _policy(request, number)
    require(permissions.can_review(request.user, found.accountable_officer_id))
    form = forms.ReviewForm(request.POST or None, initial={"version": found.version})
    if request.method == "POST" and form.is_valid():

        def change():
            data = form.cleaned_data
            services.record_review(
                found,
                reviewed_on=data["reviewed_on"],
                outcome=data["outcome"],
                note=data["note"],
                next_review_date=data["next_review_date"],
                decision_reference=data["decision_reference"],
                user=request.user,
                expected_version=data["version"],
            )

        if apply(form, change):
            _tell(request, found, f"recorded a review ({rules.REVIEW_OUTCOMES[form.cleaned_data['outcome']]})")
            return done(request, "Review recorded.", _back(number))
    return _form(
        request,
        form,
        title="Record a review",
        caption=f"{found.number}. {found.title}",
        back=_back(number),
        button="Record the review",
        intro="No change puts the entry back on the register until its next review. Revise, replace or close "
        "down keep it under review; a close-down is then agreed by the Cabinet Member and recorded by SPRCA.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def close_down(request, number: int):
    require(permissions.can_close(request.user))
    found = _policy(request, number)
    form = forms.CloseDownForm(request.POST or None, initial={"version": found.version, "on": _today()})
    if request.method == "POST" and form.is_valid():

        def change():
            from django.core.exceptions import ValidationError

            data = form.cleaned_data
            successor = None
            if data["replaced_by"]:
                successor = selectors.get_policy(data["replaced_by"], request.user)
                if successor is None:
                    raise ValidationError({"replaced_by": f"{data['replaced_by']} is not on the register"})
            services.agree_close_down(
                found,
                timing=data["timing"],
                reason=data["reason"],
                agreed_by=data["agreed_by"],
                on=data["on"],
                replaced_by=successor,
                replacement_note=data["replacement_note"],
                note=data["note"],
                expected_close=data["expected_close"],
                expected_close_by=data["expected_close_by"],
                decision_reference=data["decision_reference"],
                user=request.user,
                expected_version=data["version"],
            )

        if apply(form, change):
            return done(request, f"Close-down of {found.number}. {found.title} recorded.", _back(number))
    return _form(
        request,
        form,
        title="Record a close-down agreed",
        caption=f"{found.number}. {found.title}",
        back=_back(number),
        button="Record the close-down",
        intro="Record it once the reasons and implications have been discussed with the accountable owner and "
        "the Cabinet Member has agreed. A close-down that waits for its replacement closes only once the "
        "replacement is published.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def close(request, number: int):
    require(permissions.can_close(request.user))
    found = _policy(request, number)
    problems = services.close_problems(found)
    if problems:
        return confirm_page(
            request,
            title="This entry cannot be closed yet",
            caption=f"{found.number}. {found.title}",
            back=_back(number),
            button="Close the entry",
            error=" ".join(problems),
        )
    form = forms.CloseForm(request.POST or None, initial={"version": found.version, "on": _today()})
    if request.method == "POST" and form.is_valid():

        def change():
            data = form.cleaned_data
            services.close(
                found,
                on=data["on"],
                agreed_by=data["agreed_by"],
                note=data["note"],
                user=request.user,
                expected_version=data["version"],
            )

        if apply(form, change):
            return done(request, f"{found.number}. {found.title} is closed.", _back(number))
    return _form(
        request,
        form,
        title=f"Close {found.number}. {found.title}?",
        caption="Close-down",
        back=_back(number),
        button="Close the entry",
        intro="This cannot be undone. The document comes off KNet, Kent.gov and any other site; the entry, its "
        "history and SPRCA's archived copy are kept.",
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def publish(request, number: int):
    require(permissions.can_manage(request.user))
    found = _policy(request, number)
    form = forms.PublishForm(request.POST or None, initial={"version": found.version, "on": _today()})
    if request.method == "POST" and form.is_valid():

        def change():
            data = form.cleaned_data
            services.publish(
                found,
                on=data["on"],
                agreed_by=data["agreed_by"],
                decision_reference=data["decision_reference"],
                user=request.user,
                expected_version=data["version"],
            )

        if apply(form, change):
            return done(request, f"{found.number}. {found.title} is on the register.", _back(number))
    return _form(
        request,
        form,
        title="Publish: put it on the register",
        caption=f"{found.number}. {found.title}",
        back=_back(number),
        button="Put it on the register",
        intro="The forthcoming document has been approved and published. Entries waiting for it to replace them "
        "can then be closed.",
        template=FORM,
    )


# --- reports, reminders, import --------------------------------------------------------------------------


@signed_in_required
@require_safe
def reports(request):
    require(permissions.can_read(request.user))
    form = forms.ReportForm(request.GET or None)
    on, since = _today(), None
    if request.GET and form.is_valid():
        on = form.cleaned_data["date"] or on
        since = form.cleaned_data["since"]
    query = f"?date={on.isoformat()}" + (f"&since={since.isoformat()}" if since else "")
    return render(
        request,
        "policies/reports.html",
        {
            "form": form,
            "on": on,
            "query": query,
            "papers": [("register", "Register update"), ("close-down", "Close-down paper")],
            "formats": [(code, FORMAT_NAMES[code]) for code in FORMATS],
            "can_close": permissions.can_close(request.user),
        },
    )


@signed_in_required
@require_safe
def report_file(request, paper: str, fmt: str):
    require(permissions.can_read(request.user))
    if fmt not in FORMATS or paper not in ("register", "close-down"):
        raise Http404
    on = _day(request.GET.get("date", "")) or _today()
    since = _day(request.GET.get("since", "")) if paper == "register" else None
    words = "Close-down paper" if paper == "close-down" else "Register update"
    return jobs.respond(
        request,
        downloads.paper_file,
        params={
            "paper": paper,
            "on": on.isoformat(),
            "since": since.isoformat() if since else None,
            "reader": request.user.pk,
        },
        fmt=fmt,
        version=downloads.version(),
        title=f"{words}, {on.day} {on:%B %Y}",
        back=(reverse("policies:reports"), "Back to the reports"),
        inline=fmt == "html",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def endorse(request):
    """The committee's endorsement of the close-downs agreed and not yet endorsed (the paper's recommendation)."""
    require(permissions.can_close(request.user))
    waiting = list(
        selectors.register_queryset(request.user)
        .filter(status=rules.CLOSE_AGREED, endorsed_on__isnull=True)
        .order_by("number")
    )
    form = forms.EndorseForm(request.POST or None, initial={"on": _today()})
    if request.method == "POST" and form.is_valid():

        def change():
            from django.core.exceptions import ValidationError

            if not waiting:
                raise ValidationError("No close-downs are waiting for the committee's endorsement")
            services.endorse_close_downs(
                waiting,
                on=form.cleaned_data["on"],
                decision_reference=form.cleaned_data["decision_reference"],
                user=request.user,
            )

        if apply(form, change):
            return done(request, f"Endorsement recorded for {len(waiting)} close-downs.", "policies:reports")
    return _form(
        request,
        form,
        title="Record the committee's endorsement",
        caption="Close-downs agreed",
        back=reverse("policies:reports"),
        button="Record the endorsement",
        intro=(
            f"{len(waiting)} close-downs agreed are waiting for the committee's endorsement: "
            + "; ".join(f"{p.number}. {p.title}" for p in waiting[:60])
            + ("…" if len(waiting) > 60 else ".")
            if waiting
            else "No close-downs are waiting for the committee's endorsement."
        ),
        template=FORM,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def send_reminders(request):
    require(permissions.can_manage(request.user))
    if request.method == "POST":
        outcome = reminders.run(site_url=request.build_absolute_uri("/"))
        return done(request, outcome.summary(), "policies:index")
    people, unowned = reminders.due(_today())
    return confirm_page(
        request,
        title="Send reminders of reviews due",
        caption="Strategy and Policy Register",
        back=reverse("policies:index"),
        button="Send reminders",
        lines=[f"{item.person}: {len(item.lines)} entries due for review" for item in people.values()]
        or ["No reviews fall due for a named accountable officer: no e-mail will be sent."],
        inset=f"{len(unowned)} entries due for review have no accountable officer." if unowned else "",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def register_import(request):
    require(permissions.can_manage(request.user))
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = None

        def change():
            nonlocal result
            check_import_upload(upload)
            with upload_on_disk(upload) as path:
                try:
                    result = exchange.import_register(path, user=request.user)
                except ImportFailed as failure:
                    errors.extend(failure.errors)

        if apply(form, change) and not errors:
            return done(request, f"Imported: {result.created} new, {result.updated} changed.", "policies:register")
        if errors:
            form.add_error("file", refused(errors))
    return render(
        request,
        "policies/import.html",
        {"form": form, **import_problems(errors)},
        status=400 if errors else 200,
    )


@signed_in_required
@require_safe
def register_export(request, fmt: str):
    """The whole register in the import's columns (docs/data-format.md), to edit and import again."""
    require(permissions.can_read(request.user))
    if fmt not in DOWNLOADS:
        raise Http404
    header, rows = exchange.export_rows(selectors.records(request.user))
    columns = [Column(h, itemgetter(i)) for i, h in enumerate(header)]
    return download_response(rows, columns, fmt, "policy-register-exchange")


# --- public pages ----------------------------------------------------------------------------------------


@require_safe
def public_register(request):
    published = Policy.objects.filter(status__in=rules.PUBLISHED).exclude(publication="internal")
    shown = [r for r in selectors.records(None, published) if not r.exempt]
    return render(request, "policies/public_register.html", {"policies": shown})


@require_safe
def public_policy(request, number: int):
    published = Policy.objects.filter(status__in=rules.PUBLISHED).exclude(publication="internal")
    found = selectors.records(None, published.filter(number=number))
    if not found or found[0].exempt:
        raise Http404
    return render(request, "policies/public_policy.html", {"policy": found[0], "front_sheet": found[0].front_sheet()})
