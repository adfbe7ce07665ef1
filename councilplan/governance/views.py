"""Committee governance's pages. Thin: each view asks `permissions`, reads through `selectors`, changes through
`services` (via `core.pages`) and hands plain records to a template."""

from __future__ import annotations

from operator import attrgetter

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.analysis import governance as rules
from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.pages import apply, confirm_page, done
from councilplan.core.pages import edit_page as _edit_page
from councilplan.core.pages import form_page as _form_page
from councilplan.core.permissions import require, signed_in_required
from councilplan.core.uploads import refused
from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES
from councilplan.documents.render_html import items as document_items

from . import downloads, forms, permissions, reminders, selectors, services
from .documents import FORMATS, PACK_FORMATS, body_report
from .models import AgendaItem, Body, Decision, Meeting, Portfolio, Undertaking, WorkProgrammeEntry

FORM = "governance/form.html"  # core's form page with GOV.UK date inputs


def edit_page(*args, **page):
    page.setdefault("template", FORM)
    return _edit_page(*args, **page)


def form_page(*args, **page):
    page.setdefault("template", FORM)
    return _form_page(*args, **page)


def _today():
    return timezone.localdate()


def _body(code: str) -> Body:
    found = selectors.get_body(code)
    if found is None:
        raise Http404
    return found


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _decision(reference: str) -> Decision:
    return get_object_or_404(Decision, reference=reference)


def _item(request, pk: int) -> AgendaItem:
    found = AgendaItem.objects.filter(pk=pk).select_related("meeting__body").first()
    if found is None or (found.exempt and not selectors.cleared(request.user)):
        raise Http404
    return found


def _history_page(request, instance, title: str, back: str):
    rows = instance.history.select_related("history_user").order_by("-history_date", "-history_id")
    entries = [
        {
            "when": row.history_date,
            "who": row.history_user,
            "what": row.history_change_reason or {"+": "Added", "-": "Removed"}.get(row.history_type, "Changed"),
        }
        for row in rows
    ]
    return render(request, "governance/history.html", {"title": title, "back": back, "entries": entries})


# --- the overview and bodies ----------------------------------------------------------------------------


@signed_in_required
@require_safe
def index(request):
    require(permissions.can_read(request.user))
    today = _today()
    upcoming = Meeting.objects.filter(date__gte=today).select_related("body").order_by("date")[:8]
    recent = Meeting.objects.filter(date__lt=today).select_related("body").order_by("-date")[:8]
    return render(
        request,
        "governance/index.html",
        {
            "bodies": selectors.bodies(),
            "upcoming": upcoming,
            "recent": recent,
            "can_manage": permissions.can_manage(request.user),
        },
    )


@signed_in_required
@require_safe
def bodies(request):
    require(permissions.can_read(request.user))
    page = list_page(
        request,
        Body.objects.select_related("parent").order_by("name"),
        columns=[
            Column("Name", attrgetter("name")),
            Column("Kind", lambda b: b.get_kind_display()),
            Column("Formal", attrgetter("formal")),
            Column("Parent", lambda b: b.parent.name if b.parent_id else ""),
            Column("Seats", attrgetter("seats"), numeric=True),
            Column("SDP governance group", lambda b: b.get_sdp_group_display() if b.sdp_group else ""),
        ],
        search_fields=["name", "terms_of_reference"],
        filters=[
            Filter("kind", "Kind", list(Body.Kind.choices), lambda qs, v: qs.filter(kind=v)),
            Filter(
                "formal",
                "Formal or informal",
                [("yes", "Formal"), ("no", "Informal")],
                lambda qs, v: qs.filter(formal=v == "yes"),
            ),
        ],
        name="committees",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(request, "governance/bodies.html", {"list": page})


@signed_in_required
@require_safe
def body(request, code: str):
    require(permissions.can_read(request.user))
    found = _body(code)
    today = _today()
    members = selectors.membership(found, today)
    return render(
        request,
        "governance/body.html",
        {
            "body": selectors.body_record(found),
            "groups": selectors.groups(members),
            "members": members,
            "all_members": selectors.all_memberships(found),
            "meetings": selectors.meetings(request.user, found),
            "years": selectors.years(found),
            "this_year": rules.financial_year(today),
            "portfolios": selectors.portfolio_holders() if found.kind == Body.Kind.EXECUTIVE else [],
            "children": found.children.order_by("name"),
            "can_manage": permissions.can_manage(request.user),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS],
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def body_edit(request, code: str):
    require(permissions.can_manage(request.user))
    found = _body(code)
    names = ("kind", "formal", "seats", "terms_of_reference", "terms_source", "sdp_group", "notice_days")
    form = forms.BodyForm(
        request.POST or None, initial={**{n: getattr(found, n) for n in names}, "version": found.version}
    )
    return edit_page(
        request,
        form,
        lambda: services.update_body(
            found,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            **{n: form.cleaned_data[n] for n in names},
        ),
        done=(f"{found.name} updated.", reverse("governance:body", args=[code])),
        title=f"Change {found.name}",
        caption="Committees",
        back=reverse("governance:body", args=[code]),
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def body_rename(request, code: str):
    require(permissions.can_manage(request.user))
    found = _body(code)
    form = forms.RenameForm(request.POST or None)
    return edit_page(
        request,
        form,
        lambda: services.rename_body(
            found, name=form.cleaned_data["name"], on=form.cleaned_data["on"], user=request.user
        ),
        done=(lambda b: f"Renamed {b.name}; the old name is kept.", reverse("governance:body", args=[code])),
        title=f"Rename {found.name}",
        caption="Committees",
        back=reverse("governance:body", args=[code]),
        button="Rename",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def membership_add(request, code: str):
    require(permissions.can_manage(request.user))
    found = _body(code)
    form = forms.MembershipForm(request.POST or None)
    return edit_page(
        request,
        form,
        lambda: services.add_membership(
            found,
            form.cleaned_data["name"],
            user=request.user,
            **{n: form.cleaned_data[n] for n in ("group", "role", "starts_on", "ends_on")},
        ),
        done=("Membership added.", reverse("governance:body", args=[code])),
        title=f"Add a member of {found.name}",
        caption="Membership",
        back=reverse("governance:body", args=[code]),
        button="Add member",
    )


@signed_in_required
@require_safe
def body_history(request, code: str):
    require(permissions.can_read(request.user))
    found = _body(code)
    return _history_page(request, found, found.name, reverse("governance:body", args=[code]))


@signed_in_required
@require_safe
def body_report_file(request, code: str, fmt: str):
    require(permissions.can_read(request.user))
    if fmt not in FORMATS:
        raise Http404
    found = _body(code)
    return jobs.respond(
        request,
        downloads.governance_file,
        params={"what": "body", "body": found.code, "today": _today().isoformat(), "reader": request.user.pk},
        fmt=fmt,
        version=downloads.version(),
        title=f"{found.name}: report",
        back=(reverse("governance:body", args=[code]), "Back to the body"),
        inline=fmt == "html",
    )


# --- meetings -------------------------------------------------------------------------------------------


@signed_in_required
@require_safe
def meetings(request):
    require(permissions.can_read(request.user))
    body_choices = [(b.code, b.name) for b in Body.objects.order_by("name")]
    page = list_page(
        request,
        selectors.meetings(request.user),
        columns=[
            Column("Body", lambda m: m.body.name),
            Column("Date", attrgetter("date")),
            Column("State", lambda m: m.get_state_display()),
            Column("Agenda published", attrgetter("published_on")),
            Column("Venue", attrgetter("venue")),
        ],
        search_fields=["body__name", "venue", "clerk"],
        filters=[
            Filter("body", "Body", body_choices, lambda qs, v: qs.filter(body__code=v)),
            Filter("state", "State", list(Meeting.State.choices), lambda qs, v: qs.filter(state=v)),
        ],
        name="meetings",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(
        request, "governance/meetings.html", {"list": page, "can_manage": permissions.can_manage(request.user)}
    )


@signed_in_required
@require_safe
def meeting(request, pk: int):
    require(permissions.can_read(request.user))
    record = selectors.meeting_record(pk, request.user)
    if record is None:
        raise Http404
    entries = [e for e in selectors.entries_queryset(request.user).filter(meeting_id=pk) if e.item_id is None]
    return render(
        request,
        "governance/meeting.html",
        {
            "meeting": record,
            "groups": selectors.groups(record.membership),
            "entries": entries,
            "can_manage": permissions.can_manage(request.user),
            "cleared": selectors.cleared(request.user),
            "pack_formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in PACK_FORMATS],
        },
    )


def _meeting_values(form) -> dict:
    return {n: form.cleaned_data[n] for n in ("start_time", "venue", "clerk", "clerk_phone", "webcast")}


@signed_in_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, code: str):
    require(permissions.can_manage(request.user))
    found = _body(code)
    form = forms.MeetingForm(request.POST or None, initial={"webcast": found.formal})
    return edit_page(
        request,
        form,
        lambda: services.plan_meeting(
            found, date=form.cleaned_data["date"], user=request.user, **_meeting_values(form)
        ),
        done=("Meeting planned.", lambda m: reverse("governance:meeting", args=[m.pk])),
        title=f"Plan a meeting of {found.name}",
        caption="Meetings",
        back=reverse("governance:body", args=[code]),
        button="Plan meeting",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    require(permissions.can_manage(request.user))
    found = _meeting(pk)
    initial = {n: getattr(found, n) for n in ("date", "start_time", "venue", "clerk", "clerk_phone", "webcast")}
    form = forms.MeetingForm(request.POST or None, initial={**initial, "version": found.version})
    return edit_page(
        request,
        form,
        lambda: services.update_meeting(
            found,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            date=form.cleaned_data["date"],
            **_meeting_values(form),
        ),
        done=("Meeting updated.", reverse("governance:meeting", args=[pk])),
        title="Change the meeting",
        caption=str(found),
        back=reverse("governance:meeting", args=[pk]),
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def meeting_publish(request, pk: int):
    require(permissions.can_manage(request.user))
    found = _meeting(pk)
    record = selectors.meeting_record(pk, request.user)
    form = forms.PublishForm(request.POST or None, initial={"published_on": _today(), "signatory": found.signatory})
    notices = []

    def change():
        notices.append(
            services.publish_agenda(
                found, on=form.cleaned_data["published_on"], signatory=form.cleaned_data["signatory"], user=request.user
            )
        )

    if request.method == "POST" and form.is_valid() and apply(form, change):
        return done(request, f"Agenda published. {notices[0].words}", "governance:meeting", pk)
    return form_page(
        request,
        form,
        title="Publish the agenda",
        caption=str(found),
        back=reverse("governance:meeting", args=[pk]),
        button="Publish agenda",
        intro=f"Publish by {record.latest_publication:%-d %B %Y} to give {found.body.notice_days} clear working days' "
        "notice. Once published, the agenda is on the public pages (without its exempt part) and the meeting's date "
        "is fixed.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def meeting_held(request, pk: int):
    require(permissions.can_manage(request.user))
    found = _meeting(pk)
    error = ""
    if request.method == "POST":
        try:
            services.record_held(found, user=request.user, today=_today())
            return done(request, "Recorded as held: add its attendance and minutes.", "governance:meeting", pk)
        except services.ValidationError as failure:
            error = " ".join(failure.messages)
    return confirm_page(
        request,
        title="Record the meeting as held",
        caption=str(found),
        back=reverse("governance:meeting", args=[pk]),
        button="Record as held",
        lines=[f"{found} took place."],
        error=error,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def minutes_approve(request, pk: int):
    require(permissions.can_manage(request.user))
    found = _meeting(pk)
    later = Meeting.objects.filter(body=found.body, date__gt=found.date).order_by("date")
    form = forms.ApproveForm(request.POST or None, meetings=forms.meeting_choices(later))
    return edit_page(
        request,
        form,
        lambda: services.approve_minutes(found, at=later.get(pk=form.cleaned_data["at"]), user=request.user),
        done=("Minutes approved as a correct record.", reverse("governance:meeting", args=[pk])),
        title="Approve the minutes",
        caption=str(found),
        back=reverse("governance:meeting", args=[pk]),
        button="Approve minutes",
    )


@signed_in_required
@require_safe
def meeting_history(request, pk: int):
    require(permissions.can_read(request.user))
    found = _meeting(pk)
    return _history_page(request, found, str(found), reverse("governance:meeting", args=[pk]))


@signed_in_required
@require_safe
def meeting_pack(request, pk: int, fmt: str):
    """The agenda pack as the reader may see it; `?public=1`: the published version, whoever asks."""
    require(permissions.can_read(request.user))
    if fmt not in PACK_FORMATS:
        raise Http404
    public = request.GET.get("public") == "1"
    record = selectors.meeting_record(pk, None if public else request.user, public=public)
    if record is None:
        raise Http404
    # As published: made for nobody, so the one kept copy without the exempt part serves everyone who asks.
    return jobs.respond(
        request,
        downloads.governance_file,
        params={"what": "pack", "meeting": pk, "public": public, "reader": None if public else request.user.pk},
        fmt=fmt,
        version=downloads.version(),
        title=f"Agenda pack: {record.body.name}, {record.date:%-d %B %Y}",
        back=(reverse("governance:meeting", args=[pk]), "Back to the meeting"),
        inline=fmt == "html",
    )


# --- items, documents, minutes --------------------------------------------------------------------------


def _item_values(form) -> dict:
    values = {
        n: form.cleaned_data[n]
        for n in (
            "number",
            "title",
            "purpose",
            "first_page",
            "last_page",
            "decision",
            "lead_member",
            "lead_officer",
            "recommendation",
            "exempt_paragraph",
            "exempt_reason",
            "public_interest_test",
        )
    }
    return values


@signed_in_required
@require_http_methods(["GET", "POST"])
def item_create(request, pk: int):
    require(permissions.can_manage(request.user))
    found = _meeting(pk)
    entry = None
    if request.GET.get("entry"):
        entry = WorkProgrammeEntry.objects.filter(pk=request.GET["entry"], meeting=found, item__isnull=True).first()
    initial = {"number": str(found.items.count() + 1)}
    if entry is not None:
        initial.update(
            title=entry.title,
            lead_officer=entry.lead_officer,
            exempt_paragraph=entry.exempt_paragraph or "",
            exempt_reason=entry.exempt_reason,
            public_interest_test=entry.public_interest_test,
        )
    form = forms.ItemForm(request.POST or None, initial=initial)
    return edit_page(
        request,
        form,
        lambda: services.add_item(found, user=request.user, entry=entry, **_item_values(form)),
        done=(lambda i: f"Item {i.number} added.", reverse("governance:meeting", args=[pk])),
        title="Add an agenda item",
        caption=str(found),
        back=reverse("governance:meeting", args=[pk]),
        button="Add item",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk: int):
    require(permissions.can_manage(request.user))
    item = _item(request, pk)
    initial = {
        n: getattr(item, n)
        for n in (
            "number",
            "title",
            "purpose",
            "first_page",
            "last_page",
            "lead_member",
            "lead_officer",
            "recommendation",
            "exempt_reason",
            "public_interest_test",
        )
    }
    initial.update(
        version=item.version,
        exempt_paragraph=item.exempt_paragraph or "",
        decision=item.decision.reference if item.decision_id else "",
    )
    form = forms.ItemForm(request.POST or None, initial=initial)
    back = reverse("governance:meeting", args=[item.meeting_id])
    return edit_page(
        request,
        form,
        lambda: services.update_item(
            item, user=request.user, expected_version=form.cleaned_data["version"], **_item_values(form)
        ),
        done=(f"Item {item.number} updated.", back),
        title=f"Change item {item.number}",
        caption=str(item.meeting),
        back=back,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def document_create(request, pk: int):
    require(permissions.can_manage(request.user))
    item = _item(request, pk)
    form = forms.DocumentForm(request.POST or None)
    back = reverse("governance:meeting", args=[item.meeting_id])
    return edit_page(
        request,
        form,
        lambda: services.add_document(item, user=request.user, **form.cleaned_data),
        done=("Document added.", back),
        title=f"Add a document to item {item.number}",
        caption=item.title,
        back=back,
        button="Add document",
    )


@signed_in_required
@require_safe
def item_history(request, pk: int):
    require(permissions.can_read(request.user))
    item = _item(request, pk)
    return _history_page(
        request, item, f"Item {item.number} {item.title}", reverse("governance:meeting", args=[item.meeting_id])
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def minute_create(request, pk: int):
    require(permissions.can_manage(request.user))
    found = _meeting(pk)
    items = found.items.visible_to(request.user).order_by("order")  # a clerk not cleared never sees exempt titles
    form = forms.MinuteForm(request.POST or None, items=[(str(i.pk), f"Item {i.number} {i.title}") for i in items])

    def change():
        values = dict(form.cleaned_data)
        values["item"] = items.filter(pk=values["item"]).first() if values["item"] else None
        return services.add_minute(found, user=request.user, **values)

    return edit_page(
        request,
        form,
        change,
        done=(lambda m: f"Minute {m.number} recorded.", reverse("governance:meeting", args=[pk])),
        title="Record a minute",
        caption=str(found),
        back=reverse("governance:meeting", args=[pk]),
        button="Record minute",
        intro=f"It will be minute {services.next_minute_number(found.body)} of {found.body.name}: minutes are "
        "numbered on from the body's last, never reset.",
    )


# --- the work programme ---------------------------------------------------------------------------------


@signed_in_required
@require_safe
def work_programme(request, code: str, year: int):
    require(permissions.can_read(request.user))
    found = _body(code)
    entries = selectors.work_programme(request.user, found, year)
    return render(
        request,
        "governance/work_programme.html",
        {
            "body": found,
            "year": year,
            "label": rules.year_label(year),
            "groups": selectors.by_meeting(entries),
            "can_manage": permissions.can_manage(request.user),
            "years": selectors.years(found),
        },
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def entry_create(request, code: str, year: int):
    require(permissions.can_manage(request.user))
    found = _body(code)
    meetings_ = found.meetings.order_by("date")
    form = forms.EntryForm(request.POST or None, meetings=forms.meeting_choices(meetings_))
    back = reverse("governance:work_programme", args=[code, year])

    def change():
        values = dict(form.cleaned_data)
        where = values.pop("where")
        if where in ("other", "future"):
            values["slot"] = where
        else:
            values["meeting"] = meetings_.get(pk=where)
        return services.add_entry(found, year=year, user=request.user, added_on=_today(), **values)

    return edit_page(
        request,
        form,
        change,
        done=("Entry added to the work programme.", back),
        title="Add to the work programme",
        caption=f"{found.name} {rules.year_label(year)}",
        back=back,
        button="Add entry",
    )


def _entry(request, pk: int) -> WorkProgrammeEntry:
    found = selectors.entries_queryset(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@signed_in_required
@require_http_methods(["GET", "POST"])
def entry_defer(request, pk: int):
    require(permissions.can_manage(request.user))
    entry = _entry(request, pk)
    later = entry.body.meetings.order_by("date")
    if entry.meeting_id:
        later = later.filter(date__gt=entry.meeting.date)
    form = forms.DeferForm(
        request.POST or None, meetings=forms.meeting_choices(later), initial={"version": entry.version}
    )
    back = reverse("governance:work_programme", args=[entry.body.code, entry.year])
    return edit_page(
        request,
        form,
        lambda: services.defer_entry(
            entry,
            reason=form.cleaned_data["reason"],
            user=request.user,
            to=later.get(pk=form.cleaned_data["to"]) if form.cleaned_data["to"] else None,
            expected_version=form.cleaned_data["version"],
        ),
        done=("Entry deferred.", back),
        title="Defer the entry",
        caption=entry.title,
        back=back,
        button="Defer",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def entry_drop(request, pk: int):
    require(permissions.can_manage(request.user))
    entry = _entry(request, pk)
    form = forms.ReasonForm(request.POST or None)
    back = reverse("governance:work_programme", args=[entry.body.code, entry.year])
    return edit_page(
        request,
        form,
        lambda: services.drop_entry(entry, reason=form.cleaned_data["reason"], user=request.user),
        done=("Entry dropped: it stays on the programme's record with the reason.", back),
        title="Drop the entry",
        caption=entry.title,
        back=back,
        button="Drop entry",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def generate(request, code: str, year: int):
    require(permissions.can_manage(request.user))
    found = _body(code)
    back = reverse("governance:work_programme", args=[code, year])
    if request.method == "POST":
        made = services.generate_recurring(found, year, user=request.user)
        return done(request, f"{len(made)} entr{'ies' if len(made) != 1 else 'y'} generated.", back)
    return confirm_page(
        request,
        title="Generate the recurring entries",
        caption=f"{found.name} {rules.year_label(year)}",
        back=back,
        button="Generate entries",
        lines=[
            "Each recurring entry (standard, every other meeting, bi-annual, six-monthly, annual) is added to the "
            "later meetings of the year its recurrence reaches. Entries already there are not added twice."
        ],
    )


# --- decisions ------------------------------------------------------------------------------------------


def _decision_columns():
    return [
        Column("Decision number", attrgetter("reference")),
        Column("Subject", attrgetter("subject")),
        Column("Decision maker", selectors.maker),
        Column("Key decision", attrgetter("key")),
        Column("State", lambda d: d.get_state_display()),
        Column("Taken on", attrgetter("taken_on")),
    ]


@signed_in_required
@require_safe
def decisions(request):
    require(permissions.can_read(request.user))
    page = list_page(
        request,
        selectors.decisions_queryset(request.user),
        columns=_decision_columns(),
        search_fields=["reference", "subject", "decision_text"],
        filters=[
            Filter("state", "State", list(Decision.State.choices), lambda qs, v: qs.filter(state=v)),
            Filter("key", "Key decision", [("yes", "Key"), ("no", "Not key")], lambda qs, v: qs.filter(key=v == "yes")),
        ],
        name="decisions",
    )
    if isinstance(page, HttpResponse):
        return page
    return render(
        request, "governance/decisions.html", {"list": page, "can_manage": permissions.can_manage(request.user)}
    )


@signed_in_required
@require_safe
def decision(request, reference: str):
    require(permissions.can_read(request.user))
    record = selectors.decision_record(reference, request.user)
    if record is None:
        raise Http404
    return render(
        request,
        "governance/decision.html",
        {
            "decision": record,
            "can_manage": permissions.can_manage(request.user),
            "moves": rules.DECISION_MOVES[record.state],
        },
    )


def _makers():
    return [("cabinet", "Cabinet")] + [(str(p.pk), str(p)) for p in Portfolio.objects.order_by("title")]


def _decision_values(form) -> dict:
    data = form.cleaned_data
    names = (
        "subject",
        "decision_text",
        "reasons",
        "financial_implications",
        "legal_implications",
        "equalities_implications",
        "governance",
        "consultation",
        "alternatives",
        "interests",
        "dispensations",
        "forward_plan_on",
        "planned_on",
    )
    values = {n: data[n] for n in names}
    values["key_criteria"] = ",".join(data["key_criteria"])
    values["amount_pence"] = form.amount_pence()
    if data["maker"] == "cabinet":
        values["maker_body"], values["portfolio"] = Body.objects.filter(kind=Body.Kind.EXECUTIVE).first(), None
    else:
        values["portfolio"], values["maker_body"] = Portfolio.objects.filter(pk=data["maker"]).first(), None
    return values


@signed_in_required
@require_http_methods(["GET", "POST"])
def decision_create(request):
    require(permissions.can_manage(request.user))
    existing = Decision.objects.values_list("reference", flat=True)
    form = forms.DecisionForm(
        request.POST or None,
        makers=_makers(),
        initial={"reference": rules.next_decision_number(existing, _today().year)},
    )
    return edit_page(
        request,
        form,
        lambda: services.create_decision(
            reference=form.cleaned_data["reference"], user=request.user, **_decision_values(form)
        ),
        done=(
            lambda d: f"Decision {d.reference} recorded.",
            lambda d: reverse("governance:decision", args=[d.reference]),
        ),
        title="Record a proposed decision",
        caption="Decisions",
        back=reverse("governance:decisions"),
        button="Record decision",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def decision_edit(request, reference: str):
    require(permissions.can_manage(request.user))
    found = _decision(reference)
    names = (
        "subject",
        "decision_text",
        "reasons",
        "financial_implications",
        "legal_implications",
        "equalities_implications",
        "governance",
        "consultation",
        "alternatives",
        "interests",
        "dispensations",
        "forward_plan_on",
        "planned_on",
    )
    initial = {n: getattr(found, n) for n in names}
    initial.update(
        reference=found.reference,
        version=found.version,
        maker="cabinet" if found.maker_body_id else str(found.portfolio_id or ""),
        key_criteria=[c for c in found.key_criteria.split(",") if c],
        amount=None if found.amount_pence is None else found.amount_pence / 100,
    )
    form = forms.DecisionForm(request.POST or None, makers=_makers(), initial=initial, fixed_reference=True)
    back = reverse("governance:decision", args=[reference])
    return edit_page(
        request,
        form,
        lambda: services.update_decision(
            found, user=request.user, expected_version=form.cleaned_data["version"], **_decision_values(form)
        ),
        done=(f"Decision {reference} updated.", back),
        title=f"Change decision {reference}",
        caption=found.subject,
        back=back,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def decision_outcome(request, reference: str):
    require(permissions.can_manage(request.user))
    found = _decision(reference)
    form = forms.OutcomeForm(request.POST or None)
    back = reverse("governance:decision", args=[reference])
    return edit_page(
        request,
        form,
        lambda: services.record_outcome(
            found, outcome=form.cleaned_data["outcome"], text=form.cleaned_data["outcome_text"], user=request.user
        ),
        done=("The committee's outcome is recorded.", back),
        title="Record the committee's outcome",
        caption=f"{reference} {found.subject}",
        back=back,
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def decision_take(request, reference: str):
    require(permissions.can_manage(request.user))
    found = _decision(reference)
    form = forms.TakeForm(request.POST or None, initial={"taken_on": _today()})
    back = reverse("governance:decision", args=[reference])
    return edit_page(
        request,
        form,
        lambda: services.take_decision(
            found, on=form.cleaned_data["taken_on"], signed_by=form.cleaned_data["signed_by"], user=request.user
        ),
        done=("The decision is taken; the call-in period has started.", back),
        title="Record the decision as taken",
        caption=f"{reference} {found.subject}",
        back=back,
        button="Record as taken",
        intro="The record is signed by the decision maker. Once taken it can be published; it is no longer proposed.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def decision_publish(request, reference: str):
    require(permissions.can_manage(request.user))
    found = _decision(reference)
    form = forms.DatedForm(request.POST or None, initial={"on": _today()})
    back = reverse("governance:decision", args=[reference])
    return edit_page(
        request,
        form,
        lambda: services.publish_decision(found, on=form.cleaned_data["on"], user=request.user),
        done=("The record of decision is published.", back),
        title="Publish the record of decision",
        caption=f"{reference} {found.subject}",
        back=back,
        button="Publish",
        intro="Published records are on the public pages and can no longer be changed.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def decision_withdraw(request, reference: str):
    require(permissions.can_manage(request.user))
    found = _decision(reference)
    form = forms.ReasonForm(request.POST or None)
    back = reverse("governance:decision", args=[reference])
    return edit_page(
        request,
        form,
        lambda: services.withdraw_decision(found, reason=form.cleaned_data["reason"], user=request.user),
        done=("The decision is withdrawn.", back),
        title="Withdraw the decision",
        caption=f"{reference} {found.subject}",
        back=back,
        button="Withdraw",
        intro="A withdrawn decision cannot be taken or published: this cannot be undone.",
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def undertaking_met(request, pk: int):
    require(permissions.can_manage(request.user))
    found = get_object_or_404(Undertaking.objects.select_related("decision"), pk=pk)
    back = (
        reverse("governance:decision", args=[found.decision.reference])
        if found.decision_id
        else reverse("governance:index")
    )
    form = forms.DatedForm(request.POST or None, initial={"on": _today()})
    return edit_page(
        request,
        form,
        lambda: services.meet_undertaking(found, on=form.cleaned_data["on"], user=request.user),
        done=("The undertaking is marked met.", back),
        title="Mark the undertaking met",
        caption=f"{found.by}: {found.text}",
        back=back,
        button="Mark met",
    )


@signed_in_required
@require_safe
def decision_history(request, reference: str):
    require(permissions.can_read(request.user))
    found = _decision(reference)
    return _history_page(
        request, found, f"{found.reference} {found.subject}", reverse("governance:decision", args=[reference])
    )


# --- the cross-check, reports, reminders ----------------------------------------------------------------


@signed_in_required
@require_safe
def cross_check(request):
    require(permissions.can_read(request.user))
    from councilplan.monitoring.models import Round

    rounds = list(Round.objects.select_related("plan").order_by("-closes_at"))
    chosen = next((r for r in rounds if str(r.pk) == request.GET.get("round", "")), rounds[0] if rounds else None)
    rows = selectors.cross_check(chosen, request.user) if chosen else []
    return render(
        request,
        "governance/cross_check.html",
        {"rounds": rounds, "chosen": chosen, "rows": rows, "mismatches": [r for r in rows if not r.check.consistent]},
    )


@signed_in_required
@require_http_methods(["GET", "POST"])
def send_reminders(request):
    require(permissions.can_manage(request.user))
    if request.method == "POST":
        outcome = reminders.run(site_url=request.build_absolute_uri("/"))
        return done(request, outcome.summary(), "governance:meetings")
    found = reminders.due(_today())
    return confirm_page(
        request,
        title="Send publication reminders",
        caption="Meetings",
        back=reverse("governance:meetings"),
        button="Send reminders",
        lines=[f"{item.person}: {len(item.lines)} item(s)" for item in found.values()]
        or ["No publication deadline falls due: no e-mail will be sent."],
    )


@signed_in_required
@require_safe
def report(request, code: str):
    require(permissions.can_read(request.user))
    found = _body(code)
    document = body_report(request.user, found, _today())
    return render(
        request,
        "governance/report.html",
        {
            "body": found,
            "document": document,
            "items": document_items(document),
            "formats": [(fmt, FORMAT_NAMES[fmt]) for fmt in FORMATS],
        },
    )


# --- public pages ---------------------------------------------------------------------------------------


@require_safe
def public_meetings(request):
    return render(request, "governance/public_meetings.html", {"meetings": selectors.meetings(None, public=True)})


@require_safe
def public_meeting(request, pk: int):
    record = selectors.meeting_record(pk, None, public=True)
    if record is None:
        raise Http404
    return render(
        request, "governance/public_meeting.html", {"meeting": record, "groups": selectors.groups(record.membership)}
    )


@require_safe
def public_pack(request, pk: int):
    record = selectors.meeting_record(pk, None, public=True)
    if record is None:
        raise Http404
    return jobs.respond(
        request,
        downloads.governance_file,
        params={"what": "pack", "meeting": pk, "public": True, "reader": None, "work_programme": True},
        fmt="pdf",
        version=downloads.version(),
        title="Agenda pack",
        back=(reverse("public:governance_public:meeting", args=[pk]), "Back to the meeting"),
    )


@require_safe
def public_decisions(request):
    return render(request, "governance/public_decisions.html", {"decisions": selectors.decisions_queryset(None)})


@require_safe
def public_decision(request, reference: str):
    record = selectors.decision_record(reference, None)
    if record is None:
        raise Http404
    return render(request, "governance/public_decision.html", {"decision": record})


# --- modern.gov ------------------------------------------------------------------------------------------

MAX_SHOWN_ERRORS = 500


@signed_in_required
@require_http_methods(["GET", "POST"])
def moderngov_import(request):
    """Democratic services upload modern.gov's GetCommittees, GetMeetings and GetMeeting XML: the command's import
    (all or nothing), every bad element named in the error summary, then what was imported."""
    require(permissions.can_manage(request.user))
    from .moderngov import ModernGovFailed, import_moderngov

    posted = request.method == "POST"
    form = forms.ModernGovForm(request.POST if posted else None, request.FILES if posted else None)
    failed = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = import_moderngov(
                committees=data["committees"],
                meetings=data["meetings"],
                agendas=data["agendas"],
                default_paragraph=data["exempt_paragraph"],
                user=request.user,
            )
        except ModernGovFailed as failure:
            failed = True
            _errors_on_fields(form, failure.errors)
        else:
            return render(request, "governance/moderngov_done.html", {"result": result})
    return render(request, "governance/moderngov_import.html", {"form": form}, status=400 if failed else 200)


def _errors_on_fields(form, errors: list[str]) -> None:
    """Each problem on the field of the file it names (the committees field for a problem across files), so the
    error summary lists every one, linked to its file."""
    fields = ("committees", "meetings", "agendas")
    field_of = {upload.name: name for name in fields for upload in form.files.getlist(name)}
    form.add_error(None, refused(errors))
    for error in errors[:MAX_SHOWN_ERRORS]:
        named = error.split(":", 1)[0]
        form.add_error(field_of.get(named, "committees"), error)
    if len(errors) > MAX_SHOWN_ERRORS:
        form.add_error(None, f"… and {len(errors) - MAX_SHOWN_ERRORS} more problems.")


# --- the work programme's import and export -------------------------------------------------------------


@signed_in_required
@require_http_methods(["GET", "POST"])
def work_programme_import(request):
    require(permissions.can_manage(request.user))
    from councilplan.core.exchange import ImportFailed
    from councilplan.core.uploads import check_import_upload, import_problems, upload_on_disk

    from .exchange import import_work_programme

    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = []

        def change():
            check_import_upload(upload)
            with upload_on_disk(upload) as path:
                try:
                    result.append(import_work_programme(path, user=request.user))
                except ImportFailed as failure:
                    errors.extend(failure.errors)

        if apply(form, change) and not errors:
            return done(request, f"Imported {result[0].created} work programme entries.", "governance:bodies")
        if errors:
            form.add_error("file", refused(errors))
    return render(
        request,
        "governance/import.html",
        {"form": form, **import_problems(errors)},
        status=400 if errors else 200,
    )


@signed_in_required
@require_safe
def work_programme_export(request, code: str, year: int, fmt: str):
    require(permissions.can_read(request.user))
    from councilplan.core.lists import download_response

    from .exchange import entry_columns

    if fmt not in ("csv", "xlsx", "json"):
        raise Http404
    entries = list(selectors.entries_queryset(request.user, _body(code), year).order_by("meeting__date", "id"))
    return download_response(entries, entry_columns(), fmt, f"{code}-work-programme-{year}")
