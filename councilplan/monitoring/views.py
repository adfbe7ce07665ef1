"""The lead officer's pages: my returns, the return form, a return's page and its history.

Every view asks `councilplan.core.permissions`; what is shown comes from the selectors, what is saved goes
through the services, and what must be answered is decided by `rules.validate_answers` (via the form).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.analysis import vocabulary as v
from councilplan.core import pending
from councilplan.core.evidence import EvidenceForm, evidence_response, evidence_rows
from councilplan.core.pages import apply, confirm_page
from councilplan.core.selectors import get_vocabularies
from councilplan.plan.permissions import completes_returns_for

from . import permissions, selectors, services
from .forms import ReturnForm
from .forms_rounds import SendBackForm
from .models import Return
from .rules import answer_differences, describe_time


@login_required
@require_safe
def my_returns(request):
    user = request.user
    context = {"rounds": selectors.my_returns(user), "to_sign_off": selectors.awaiting_my_sign_off(user)}
    return render(request, "monitoring/my_returns.html", context)


@pending.keeps_answers_when_signed_out
@login_required
@require_http_methods(["GET", "POST"])
def return_form(request, round_id: int, activity_id: int):
    """Fill in, save as draft, submit or change one activity's return for one round.

    A save posted after the sign-in expired is kept (councilplan.core.pending) and shown here again, in the
    form, once the officer has signed in again."""
    found = selectors.get_activity_for_round(round_id, activity_id)
    if found is None:
        raise Http404("No such activity in that round")
    round_, activity = found
    user = request.user
    ret = selectors.find_return(round_, activity)
    if not completes_returns_for(user, activity):
        # The corporate team (or a reader of the directorate) following a link here reads the return instead.
        if request.method == "GET" and ret is not None and permissions.can_view_return(user, ret):
            return redirect("monitoring:return_detail", ret.pk)
        raise PermissionDenied

    left = selectors.left_monitoring_before(round_, activity) if ret is None else None
    editable = left is None and permissions.can_edit_return(user, ret or Return(round=round_, activity=activity))
    if not editable and request.method == "GET":
        if ret is not None:
            return redirect("monitoring:return_detail", ret.pk)
        context = {"round": round_, "activity": activity, "left": left, **_window_words(round_)}
        if left is not None:
            context["left_status"] = get_vocabularies().label(v.PROJECT_STATUS, left.project_status)
        return render(request, "monitoring/return_closed.html", context, status=403)

    previous = selectors.previous_return(round_, activity)
    previous_answers = selectors.answers_of(previous) if previous is not None else None
    prefilled = previous is not None and (ret is None or services.is_untouched(ret))
    shown = services.prefill_answers(previous) if prefilled else (selectors.answers_of(ret) if ret else None)
    vocab, inactive = selectors.form_vocabularies()
    submitting = request.method == "POST" and (
        request.POST.get("action") == "submit" or (ret is not None and ret.state in services.SUBMITTED_STATES)
    )

    def make_form(data=None):
        return ReturnForm(
            data,
            vocab=vocab,
            answers=shown,
            previous=previous_answers,
            inactive=inactive,
            version=ret.version if ret else 0,
            submit=submitting,
            original_end_date=activity.end_date,
        )

    restored = pending.take(request) if request.method == "GET" else None
    form = make_form(request.POST if request.method == "POST" else restored)
    conflict = None
    if request.method == "POST" and not editable:
        # The window closed while they were typing: show what they typed, saved nowhere, and say so.
        context = _form_context(round_, activity, ret, form, previous, prefilled, closed=True)
        return render(request, "monitoring/return_form.html", context, status=403)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_from_form(
                round_, activity, ret, form.answers, user, form.cleaned_data["version"], submitting
            )
        except services.ReturnConflict as refused:
            current = refused.current
            current.round, current.activity = round_, activity
            conflict = {
                "by_you": current.updated_by_id == user.pk,
                "saved_by": current.updated_by,
                "saved_at": current.updated_at,
                "differences": answer_differences(selectors.answers_of(current), form.answers, vocab),
            }
            # The same typed answers, now based on the version just seen: saving again replaces it on purpose.
            data = request.POST.copy()
            data["version"] = str(current.version)
            form = make_form(data)
            ret = current
        else:
            return _after_save(request, saved, submitting)
    context = _form_context(round_, activity, ret, form, previous, prefilled and not restored, conflict=conflict)
    context["restored"] = restored is not None
    return render(request, "monitoring/return_form.html", context)


def _after_save(request, saved: Return, submitted: bool):
    when = timezone.localtime(saved.updated_at)
    if submitted and saved.state == Return.State.AWAITING_SIGN_OFF:
        from .reminders import send_sign_off_request

        send_sign_off_request(saved, request.build_absolute_uri("/"))
        messages.success(
            request,
            f"Your return for {saved.activity} has been submitted. It goes to the corporate policy team once "
            f"{saved.activity.directorate} has signed it off.",
        )
        return redirect("monitoring:my_returns")
    if submitted:
        late = " It was submitted after the window closed, so it is marked late." if saved.late else ""
        messages.success(request, f"Your return for {saved.activity} has been submitted.{late}")
        return redirect("monitoring:my_returns")
    messages.success(request, f"Your draft was saved at {when:%H:%M}. You can come back to it until the window closes.")
    return redirect("monitoring:return_form", saved.round_id, saved.activity_id)


def _form_context(round_, activity, ret, form, previous, prefilled, conflict=None, closed=False) -> dict:
    now = timezone.now()
    return {
        "round": round_,
        "activity": activity,
        "ret": ret,
        "form": form,
        "previous": previous,
        "prefilled": prefilled,
        "conflict": conflict,
        "closed": closed,
        # A submitted return is changed by submitting it again: no way back to a draft that skips validation.
        "can_save_draft": ret is None or ret.state == Return.State.DRAFT,
        "sign_off": ret is not None and services.sign_off_required(ret),
        "late_window": bool(round_.closes_at and now > round_.closes_at),
        "milestones": form.milestone_rows(),
        **_window_words(round_),
    }


def _window_words(round_) -> dict:
    return {
        "opens": describe_time(round_.opens_at) if round_.opens_at else "",
        "closes": describe_time(round_.closes_at) if round_.closes_at else "",
    }


@login_required
@require_safe
def return_detail(request, pk: int):
    ret = selectors.get_return(pk)
    if ret is None:
        raise Http404("No such return")
    if not permissions.can_view_return(request.user, ret):
        raise PermissionDenied
    return _detail_page(request, ret)


def _detail_page(request, ret: Return, evidence_form: EvidenceForm | None = None, status: int = 200):
    can_attach = permissions.can_attach_evidence(request.user, ret)
    context = {
        "ret": ret,
        "sections": selectors.return_summary(ret, get_vocabularies()),
        "can_edit": permissions.can_edit_return(request.user, ret),
        "can_view_history": permissions.can_view_return_history(request.user, ret),
        "can_sign_off": permissions.can_sign_off(request.user, ret),
        "evidence_rows": evidence_rows(
            selectors.return_evidence(ret),
            lambda evidence_id: reverse("monitoring:evidence_download", args=[ret.pk, evidence_id]),
            (lambda evidence_id: reverse("monitoring:evidence_remove", args=[ret.pk, evidence_id]))
            if can_attach
            else None,
        ),
        "evidence_form": (evidence_form or EvidenceForm()) if can_attach else None,
        "evidence_action": reverse("monitoring:evidence_attach", args=[ret.pk]),
    }
    return render(request, "monitoring/return_detail.html", context, status=status)


def _return_for_evidence(request, pk: int) -> Return:
    ret = selectors.get_return(pk)
    if ret is None:
        raise Http404("No such return")
    if not permissions.can_view_return(request.user, ret) or not permissions.can_attach_evidence(request.user, ret):
        raise PermissionDenied
    return ret


@login_required
@require_http_methods(["POST"])
def evidence_attach(request, pk: int):
    """Attach a file to a return (the form is on the return's page, which shows it again with any error)."""
    ret = _return_for_evidence(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid() and apply(
        form,
        lambda: services.attach_return_evidence(
            ret, form.cleaned_data["file"], request.user, publish=form.cleaned_data.get("publish", False)
        ),
    ):
        messages.success(request, f"{form.cleaned_data['file'].name} is attached to this return.")
        return redirect(reverse("monitoring:return_detail", args=[ret.pk]) + "#evidence")
    return _detail_page(request, ret, form, status=400)


@require_safe
def evidence_download(request, pk: int, evidence_id: int):
    """One attached file, for whoever may read it (the public: only a published one of a public round)."""
    ret = selectors.get_return(pk)
    item = selectors.get_return_evidence(ret, evidence_id) if ret is not None else None
    if item is None:
        raise Http404("No such file")
    if not permissions.can_read_evidence(request.user, ret, item):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    return evidence_response(item)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_remove(request, pk: int, evidence_id: int):
    ret = _return_for_evidence(request, pk)
    item = selectors.get_return_evidence(ret, evidence_id)
    if item is None:
        raise Http404("No such file")
    back = reverse("monitoring:return_detail", args=[ret.pk]) + "#evidence"
    error = ""
    if request.method == "POST":
        try:
            services.remove_return_evidence(item, request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{item.original_name} is no longer attached to this return.")
            return redirect(back)
    return confirm_page(
        request,
        title=f"Remove {item.original_name}?",
        caption=f"{ret.round.label} monitoring return · {ret.activity.ref}. {ret.activity.title}",
        back=back,
        button="Remove the file",
        warning=True,
        lines=("The file is deleted. The return's evidence history keeps who attached and removed it, and when.",),
        error=error,
    )


def _awaiting(request, pk: int) -> Return:
    ret = selectors.get_return(pk)
    if ret is None:
        raise Http404("No such return")
    if not permissions.can_view_return(request.user, ret) or not permissions.signs_off(request.user, ret):
        raise PermissionDenied
    return ret


@login_required
@require_http_methods(["GET", "POST"])
def sign_off(request, pk: int):
    """The directorate's signer signs a return off: the corporate team then receives it."""
    ret = _awaiting(request, pk)
    error = ""
    if request.method == "POST":
        try:
            services.sign_off_return(ret, request.user)
        except services.RoundStateError as problem:
            error = str(problem)
        else:
            messages.success(request, f"You signed off the return for {ret.activity}: the corporate team has it now.")
            return redirect("monitoring:return_detail", ret.pk)
    elif ret.state != Return.State.AWAITING_SIGN_OFF:
        error = f"This return is {ret.get_state_display().lower()}: there is nothing to sign off."
    return confirm_page(
        request,
        title=f"Sign off the return for {ret.activity.ref}. {ret.activity.title}?",
        caption=f"{ret.round.label} monitoring return · {ret.activity.directorate}",
        back=reverse("monitoring:return_detail", args=[ret.pk]),
        button="Sign it off",
        lines=(
            f"The corporate policy team receives it as {ret.activity.directorate}'s return for {ret.round.label}.",
            "Your sign-off is recorded in the return's history with your name.",
            "If something needs checking first, send it back to its lead officer with a query instead.",
        ),
        error=error,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sign_off_send_back(request, pk: int):
    """The directorate's signer sends a return back to its lead officer with a query."""
    ret = _awaiting(request, pk)
    form = SendBackForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            if apply(form, lambda: services.send_back_for_sign_off(ret, request.user, form.cleaned_data["query"])):
                from .reminders import send_query

                sent = send_query(ret, request.build_absolute_uri("/"), by_directorate=True)
                told = f" and e-mailed to {sent}" if sent else " (nobody could be e-mailed: no address)"
                messages.success(request, f"The return for {ret.activity} is back with its lead officer{told}.")
                return redirect("monitoring:return_detail", ret.pk)
        except services.RoundStateError as problem:
            error = str(problem)
    return confirm_page(
        request,
        title=f"Send the return for {ret.activity.ref}. {ret.activity.title} back?",
        caption=f"{ret.round.label} monitoring return · {ret.activity.directorate}",
        back=reverse("monitoring:return_detail", args=[ret.pk]),
        button="Send it back",
        lines=(
            "It becomes a draft again: its lead officer and nominated colleagues see your query on the form, "
            "change what is needed and submit it again, to you for sign-off.",
        ),
        error=error,
        form=form,
    )


@login_required
@require_safe
def return_history(request, pk: int):
    ret = selectors.get_return(pk)
    if ret is None:
        raise Http404("No such return")
    if not permissions.can_view_return_history(request.user, ret):
        raise PermissionDenied
    context = {"ret": ret, "entries": selectors.return_history(ret, get_vocabularies())}
    return render(request, "monitoring/return_history.html", context)
