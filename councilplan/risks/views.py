"""Risk register pages. Thin: each view checks who may do it (`permissions`), reads through `selectors`,
changes through `services`, and hands plain records to a template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.analysis.risk import DIRECTIONS
from councilplan.core.evidence import EvidenceForm, evidence_response, evidence_rows
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.pages import apply, confirm_page, edit_page
from councilplan.core.permissions import can_see_exempt
from councilplan.documents import jobs
from councilplan.documents.formats import Output
from councilplan.documents.http import file_response
from councilplan.documents.render_html import items as document_items
from councilplan.monitoring.models import Return
from councilplan.plan.models import Activity

from . import pages, permissions, selectors, services
from .document import CONTENT_TYPES, FORMAT_NAMES, FORMATS, build_register_document, data_version, render_register
from .document import register_file as make_register_file
from .forms import (
    WITHDRAW,
    ActionForm,
    ChoicesForm,
    ControlForm,
    MoveForm,
    RegisterForm,
    ReviewForm,
    RiskCreateForm,
    RiskDetailsForm,
)
from .models import Action, Control, Risk

# --- helpers ---------------------------------------------------------------------------------------------


def _read(request) -> None:
    if not permissions.can_read_risks(request.user):
        raise PermissionDenied


def _manage(request) -> None:
    if not permissions.can_manage_risks(request.user):
        raise PermissionDenied


def _risk_for_update(request, code: str) -> Risk:
    """The risk, if the user may update it (the corporate team or one of its owners); 403 otherwise. An exempt
    risk is not there (404) for anyone not cleared, its owners included, as on its page."""
    risk = get_object_or_404(Risk.objects.select_related("register"), code=code)
    if risk.exempt and not _cleared(request):
        raise Http404
    owners = set(risk.owner_users.values_list("id", flat=True))
    if not permissions.can_update_risk(request.user, owners):
        raise PermissionDenied
    return risk


def _risk_url(risk: Risk) -> str:
    return reverse("risks:risk", args=[risk.code])


# --- registers -------------------------------------------------------------------------------------------


@login_required
@require_safe
def index(request):
    _read(request)
    scale = selectors.get_scale()
    return render(
        request,
        "risks/index.html",
        {
            "rows": pages.index_rows(selectors.register_list(_cleared(request)), scale),
            "bands": scale.bands,
            "can_manage": permissions.can_manage_risks(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_create(request):
    _manage(request)
    form = RegisterForm(request.POST or None, levels=selectors.level_terms())
    return edit_page(
        request,
        form,
        lambda: services.create_register(user=request.user, **form.cleaned_data),
        done=(lambda r: f"{r.name} created.", lambda r: reverse("risks:register", args=[r.pk])),
        title="Create a risk register",
        caption="Risk registers",
        back=reverse("risks:index"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_edit(request, pk: int):
    _manage(request)
    register = selectors.get_register(pk) or _not_found()
    initial = {name: getattr(register, name) for name in services.REGISTER_FIELDS if name != "directorate"}
    form = RegisterForm(request.POST or None, initial=initial, levels=selectors.level_terms())
    return edit_page(
        request,
        form,
        lambda: services.update_register(register, user=request.user, **form.cleaned_data),
        done=(lambda r: f"{r.name} updated.", reverse("risks:register", args=[pk])),
        title=f"Change {register.name}",
        caption="Risk registers",
        back=reverse("risks:register", args=[pk]),
    )


def _not_found():
    raise Http404


def _cleared(request) -> bool:
    """May see the risks marked exempt (Schedule 12A); to anyone else they are not there."""
    return can_see_exempt(request.user)


@login_required
@require_safe
def register(request, pk: int):
    _read(request)
    found = selectors.get_register(pk) or _not_found()
    scale = selectors.get_scale()
    page = pages.register_page(selectors.register_data([found], include_exempt=_cleared(request)), scale)
    # The heat maps and counts are of the whole register; the list of its risks can be searched and filtered.
    risks = list_page(
        request,
        page.rows,
        columns=REGISTER_RISK_COLUMNS,
        matches=_risk_matches,
        filters=[
            Filter(
                "level",
                "Current risk level",
                [(band.code, band.label) for band in scale.bands],
                lambda rows, v: [row for row in rows if row.current_band.code == v],
            ),
            Filter(
                "direction",
                "Direction of travel",
                [(code, f"{symbol} {words}") for code, (symbol, words) in DIRECTIONS.items()],
                lambda rows, v: [row for row in rows if row.direction.code == v],
            ),
        ],
        name=f"risks-{_ascii_stem(found.name.lower())}",
    )
    if isinstance(risks, HttpResponse):  # a download of the risks the search and filters show
        return risks
    return render(
        request,
        "risks/register.html",
        {
            "page": page,
            "list": risks,
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS],
            "can_manage": permissions.can_manage_risks(request.user),
        },
    )


def _risk_matches(row, text: str) -> bool:
    """Every word of the search in the risk's code, title or one of its owners."""
    haystack = " ".join([row.risk.code, row.risk.title, *row.risk.owners]).casefold()
    return all(word in haystack for word in text.casefold().split())


REGISTER_RISK_COLUMNS = [
    Column("Risk code", lambda row: row.risk.code),
    Column("Risk title", lambda row: row.risk.title),
    Column("Risk owners", lambda row: "; ".join(row.risk.owners)),
    Column("Current score", lambda row: row.risk.current_score, numeric=True),
    Column("Current risk level", lambda row: row.current_band.label),
    Column("Target score", lambda row: row.risk.target_score, numeric=True),
    Column("Target risk level", lambda row: row.target_band.label),
    Column("Direction of travel", lambda row: row.direction.label),
]


@login_required
@require_safe
def register_document(request, pk: int):
    """The whole register document (summary, heat maps, a section per risk) as one page in the app."""
    _read(request)
    found = selectors.get_register(pk) or _not_found()
    document = build_register_document(
        selectors.register_data([found], include_exempt=_cleared(request)), selectors.get_scale()
    )
    return render(
        request,
        "risks/document.html",
        {"register": found, "document": document, "items": document_items(document)},
    )


@login_required
@require_safe
def register_download(request, pk: int, fmt: str):
    _read(request)
    if fmt not in FORMATS:
        raise Http404
    found = selectors.get_register(pk) or _not_found()
    stem = _ascii_stem(found.name.lower())
    if fmt == "json":  # the data alone, quick: in the request
        data = selectors.register_data([found], include_exempt=_cleared(request))
        content = render_register(data, selectors.get_scale(), fmt, generated=timezone.localdate())
        return file_response(Output(content, f"{stem}.{fmt}", CONTENT_TYPES[fmt]))
    # Laid out with heat maps: made by the worker once per version of the registers' data (and day), and kept.
    today = timezone.localdate()
    return jobs.respond(
        request,
        make_register_file,
        params={
            "register": found.pk,
            "include_exempt": _cleared(request),
            "generated": today.isoformat(),
            "stem": stem,
        },
        fmt=fmt,
        version=data_version(),
        title=f"Risk register: {found.name}",
        back=(reverse("risks:register", args=[pk]), found.name),
        inline=fmt == "html",
    )


def _ascii_stem(text: str) -> str:
    stem = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in text)
    return "-".join(part for part in stem.split("-") if part) or "risk-register"


# --- risks -----------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def risk_create(request, pk: int):
    _manage(request)
    found = selectors.get_register(pk) or _not_found()
    scale = selectors.get_scale()
    form = RiskCreateForm(request.POST or None, scale=scale, initial={"reviewed_on": timezone.localdate()})

    def create():
        data = form.cleaned_data
        return services.create_risk(
            register=found,
            code=data["code"],
            reviewed_on=data["reviewed_on"],
            user=request.user,
            **form.scores(),
            **form.details(),
        )

    return edit_page(
        request,
        form,
        create,
        done=(lambda risk: f"{risk.code} added to {found.name}.", _risk_url),
        title=f"Add a risk to {found.name}",
        caption="Risk registers",
        back=reverse("risks:register", args=[pk]),
        button="Add risk",
    )


@login_required
@require_safe
def risk(request, code: str):
    _read(request)
    found = get_object_or_404(Risk, code=code)
    if found.exempt and not _cleared(request):
        raise Http404
    record = selectors.risk_record(found, _cleared(request))
    return render(
        request,
        "risks/risk.html",
        {
            "page": pages.risk_page(record, selectors.get_scale()),
            "returns": selectors.returns_naming(found, _cleared(request)),
            "can_update": permissions.can_update_risk(request.user, record.owner_user_ids),
            "can_manage": permissions.can_manage_risks(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def risk_edit(request, code: str):
    found = _risk_for_update(request, code)
    initial = {
        "title": found.title,
        "causes": "\n".join(found.causes),
        "event": found.event,
        "consequences": "\n".join(found.consequences),
        "owners": "\n".join(found.owners),
        "cabinet_members": "\n".join(found.cabinet_members),
        "next_review_on": found.next_review_on,
    }
    form = RiskDetailsForm(request.POST or None, initial=initial)
    return edit_page(
        request,
        form,
        lambda: services.update_risk_details(found, user=request.user, **form.details()),
        done=(f"{found.code} updated.", _risk_url(found)),
        title=f"Change {found.code}",
        caption=found.title,
        back=_risk_url(found),
    )


@login_required
@require_http_methods(["GET", "POST"])
def risk_review(request, code: str):
    found = _risk_for_update(request, code)
    initial = {
        "reviewed_on": timezone.localdate(),
        "current_likelihood": found.current_likelihood,
        "current_impact": found.current_impact,
        "target_likelihood": found.target_likelihood,
        "target_impact": found.target_impact,
    }
    form = ReviewForm(request.POST or None, initial=initial, scale=selectors.get_scale())

    def record():
        data = form.cleaned_data
        services.record_review(
            found,
            reviewed_on=data["reviewed_on"],
            context_changed=data["context_changed"],
            note=data["note"],
            user=request.user,
            **form.scores(),
        )

    return edit_page(
        request,
        form,
        record,
        done=(f"Review of {found.code} recorded.", _risk_url(found)),
        title=f"Record a review of {found.code}",
        caption=found.title,
        back=_risk_url(found),
        button="Record review",
        intro="The direction of travel is worked out from this review and the one before it.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def control_form(request, code: str, control_id: int | None = None):
    found = _risk_for_update(request, code)
    control = get_object_or_404(Control, pk=control_id, risk=found) if control_id else None
    initial = {"title": control.title, "owner": control.owner} if control else None
    form = ControlForm(request.POST or None, initial=initial)

    def save():
        if control:
            return services.update_control(control, user=request.user, **form.cleaned_data)
        return services.add_control(found, user=request.user, **form.cleaned_data)

    back = _risk_url(found) + "#controls"
    return edit_page(
        request,
        form,
        save,
        done=(f"Control {'updated' if control else 'added'} on {found.code}.", back),
        title=f"Change a control of {found.code}" if control else f"Add a control to {found.code}",
        caption=found.title,
        back=back,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_form(request, code: str, action_id: int | None = None):
    found = _risk_for_update(request, code)
    action = get_object_or_404(Action, pk=action_id, risk=found) if action_id else None
    names = ("title", "owner", "planned", "planned_date", "status")
    form = ActionForm(request.POST or None, initial={n: getattr(action, n) for n in names} if action else None)

    def save():
        if action:
            return services.update_action(action, user=request.user, **form.cleaned_data)
        return services.add_action(found, user=request.user, **form.cleaned_data)

    back = _risk_url(found) + "#actions"
    return edit_page(
        request,
        form,
        save,
        done=(f"Action {'updated' if action else 'added'} on {found.code}.", back),
        title=f"Change an action of {found.code}" if action else f"Add an action to {found.code}",
        caption=found.title,
        back=back,
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove(request, code: str, kind: str, item_id: int):
    """Remove a control or an action, after asking. The history keeps it."""
    found = _risk_for_update(request, code)
    model = {"controls": Control, "actions": Action}.get(kind) or _not_found()
    item = get_object_or_404(model, pk=item_id, risk=found)
    noun = "control" if model is Control else "action"
    if request.method == "POST":
        (services.remove_control if model is Control else services.remove_action)(item, user=request.user)
        messages.success(request, f"The {noun} was removed from {found.code}. Its history is kept.")
        return redirect(_risk_url(found) + f"#{kind}")
    return render(
        request,
        "risks/remove.html",
        {"risk": found, "item": item, "noun": noun, "back": _risk_url(found) + f"#{kind}"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def risk_move(request, code: str):
    _manage(request)
    found = get_object_or_404(Risk.objects.select_related("register"), code=code)
    levels = dict(selectors.level_terms())
    choices = [
        (str(r.pk), f"{r.name} ({levels.get(r.level, r.level)})")
        for r in selectors.register_choices()
        if not (r.pk == found.register_id and found.status == Risk.Status.OPEN)
    ]
    if found.status == Risk.Status.OPEN:
        choices.append((WITHDRAW, "Withdraw it from the registers"))
    form = MoveForm(request.POST or None, choices=choices, initial={"moved_on": timezone.localdate()})

    def move():
        data = form.cleaned_data
        target = None if data["destination"] == WITHDRAW else selectors.get_register(int(data["destination"]))
        return services.move_risk(
            found, to_register=target, reason=data["reason"], moved_on=data["moved_on"], user=request.user
        )

    where = "withdrawn" if found.status == Risk.Status.WITHDRAWN else f"on {found.register.name}"
    return edit_page(
        request,
        form,
        move,
        done=(lambda moved: f"{found.code}: {moved.get_kind_display().lower()}.", _risk_url(found)),
        title=f"Escalate, de-escalate or withdraw {found.code}",
        caption=found.title,
        back=_risk_url(found),
        button="Move risk",
        intro=f"{found.code} is {where}. It keeps its code, reviews, controls and actions wherever it goes.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def risk_activities(request, code: str):
    found = _risk_for_update(request, code)
    shown = selectors.activity_choices(_cleared(request))
    choices = [(str(a.pk), f"{a.ref}. {a.title} ({a.plan.name})") for a in shown]
    current = [str(pk) for pk in found.activities.values_list("id", flat=True)]
    # Links to exempt activities the person cannot see are kept as they are: not shown, not dropped.
    kept = set(found.activities.exclude(pk__in=[a.pk for a in shown]).values_list("pk", flat=True))
    form = ChoicesForm(
        request.POST or None,
        initial={"chosen": current},
        label="Which plan activities does this risk concern?",
        hint="Select all that apply.",
        choices=choices,
    )
    return edit_page(
        request,
        form,
        lambda: services.set_activities(found, _activities(set(form.ids()) | kept), user=request.user),
        done=(f"Linked activities of {found.code} saved.", _risk_url(found) + "#activities"),
        title=f"Plan activities for {found.code}",
        caption=found.title,
        back=_risk_url(found),
    )


def _activities(ids):
    return Activity.objects.filter(pk__in=ids)


@login_required
@require_http_methods(["GET", "POST"])
def risk_owners(request, code: str):
    _manage(request)
    found = get_object_or_404(Risk, code=code)
    users = get_user_model().objects.filter(is_active=True).order_by("name", "username")
    form = ChoicesForm(
        request.POST or None,
        initial={"chosen": [str(pk) for pk in found.owner_users.values_list("id", flat=True)]},
        label="Who may update this risk?",
        hint="Besides the corporate team. They can change its details, reviews, controls, actions and activities.",
        choices=[(str(u.pk), f"{u} ({u.username})") for u in users],
    )
    return edit_page(
        request,
        form,
        lambda: services.set_owner_users(found, users.filter(pk__in=form.ids()), user=request.user),
        done=(f"People who may update {found.code} saved.", _risk_url(found)),
        title=f"Owners of {found.code}",
        caption=found.title,
        back=_risk_url(found),
    )


@login_required
@require_safe
def risk_history(request, code: str):
    _read(request)
    found = get_object_or_404(Risk, code=code)
    if found.exempt and not _cleared(request):
        raise Http404
    entries = selectors.risk_history(found, _cleared(request))
    return render(request, "risks/history.html", {"risk": found, "entries": entries})


# --- monitoring returns ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def return_risks(request, pk: int):
    """Name the risks a monitoring return's issues are recorded as."""
    ret = get_object_or_404(
        Return.objects.select_related("activity", "round__plan").prefetch_related("activity__colleagues"), pk=pk
    )
    if not permissions.can_name_return_risks(request.user, ret):
        raise PermissionDenied
    risks = selectors.risk_choices_for_return(ret, _cleared(request))
    # Exempt risks the return names, which the person cannot see, are kept as they are: not shown, not dropped.
    kept = list(Risk.objects.filter(return_links__ret=ret).exclude(pk__in=[r.pk for r in risks]))
    form = ChoicesForm(
        request.POST or None,
        initial={"chosen": [str(pk) for pk in ret.named_risks.values_list("risk_id", flat=True)]},
        label="Which risks are this activity's issues recorded as?",
        hint="Risks on the registers this return names. Select all that apply.",
        choices=[(str(r.pk), f"{r.code} {r.title} ({r.register.name})") for r in risks],
    )
    return edit_page(
        request,
        form,
        lambda: services.name_return_risks(
            ret, [r for r in risks if r.pk in set(form.ids())] + kept, user=request.user
        ),
        done=("Risks saved.", reverse("risks:return_risks", args=[ret.pk])),
        title=f"Risks for {ret.activity.ref}. {ret.activity.title}",
        caption=f"{ret.round.plan.name} — {ret.round.label}",
        back=reverse("risks:index"),
    )


# --- evidence attached to a review ------------------------------------------------------------------------


def _review_for_reading(request, code: str, review_id: int):
    """The risk and its review, for whoever may read the risk (an exempt risk is not there for anyone not
    cleared, as on its page)."""
    _read(request)
    risk = get_object_or_404(Risk.objects.select_related("register"), code=code)
    if not permissions.can_read_review_evidence(request.user, risk):
        raise Http404
    review = selectors.get_review(risk, review_id)
    if review is None:
        raise Http404("No such review")
    owners = set(risk.owner_users.values_list("id", flat=True))
    return risk, review, permissions.can_attach_review_evidence(request.user, owners)


@login_required
@require_http_methods(["GET", "POST"])
def review_evidence(request, code: str, review_id: int):
    """The files attached to one review, and (for the risk's owners and the corporate team) the form to attach
    one."""
    risk, review, can_attach = _review_for_reading(request, code, review_id)
    form = None
    if can_attach:
        form = EvidenceForm(request.POST or None, request.FILES or None, publishable=False)
    elif request.method == "POST":
        raise PermissionDenied
    here = reverse("risks:review_evidence", args=[risk.code, review.pk])
    if (
        request.method == "POST"
        and form.is_valid()
        and apply(form, lambda: services.attach_review_evidence(review, form.cleaned_data["file"], request.user))
    ):
        messages.success(request, f"{form.cleaned_data['file'].name} is attached to this review.")
        return redirect(here + "#evidence")
    rows = evidence_rows(
        selectors.review_evidence(review),
        lambda evidence_id: reverse("risks:review_evidence_download", args=[risk.code, review.pk, evidence_id]),
        (lambda evidence_id: reverse("risks:review_evidence_remove", args=[risk.code, review.pk, evidence_id]))
        if can_attach
        else None,
    )
    context = {"risk": risk, "review": review, "evidence_rows": rows, "evidence_form": form, "action": here}
    status = 400 if request.method == "POST" else 200
    return render(request, "risks/review_evidence.html", context, status=status)


@login_required
@require_safe
def review_evidence_download(request, code: str, review_id: int, evidence_id: int):
    _risk, review, _can_attach = _review_for_reading(request, code, review_id)
    item = selectors.get_review_evidence(review, evidence_id)
    if item is None:
        raise Http404("No such file")
    return evidence_response(item)


@login_required
@require_http_methods(["GET", "POST"])
def review_evidence_remove(request, code: str, review_id: int, evidence_id: int):
    risk, review, can_attach = _review_for_reading(request, code, review_id)
    if not can_attach:
        raise PermissionDenied
    item = selectors.get_review_evidence(review, evidence_id)
    if item is None:
        raise Http404("No such file")
    back = reverse("risks:review_evidence", args=[risk.code, review.pk]) + "#evidence"
    error = ""
    if request.method == "POST":
        try:
            services.remove_review_evidence(item, request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{item.original_name} is no longer attached to this review.")
            return redirect(back)
    return confirm_page(
        request,
        title=f"Remove {item.original_name}?",
        caption=f"{risk.code} · review of {review.reviewed_on:%-d %B %Y}",
        back=back,
        button="Remove the file",
        warning=True,
        lines=("The file is deleted. The review's evidence history keeps who attached and removed it, and when.",),
        error=error,
    )
