"""The corporate team's pages for running rounds: the rounds of each plan, a new round and its window, opening,
closing and publishing, reopening a return, the completion tracker and reminders.

Every view is for the corporate team only (`can_run_rounds`); anyone else signed in is refused (403) and
anyone signed out is sent to sign in. Views are thin: the rules are in `services`, what is read in
`selectors`, and reminders in `reminders`. Anything that changes a round is a POST from a confirmation page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.text import slugify
from django.utils.timezone import localdate
from django.views.decorators.http import require_http_methods, require_safe

from councilplan.core.lists import Column, Filter, list_page
from councilplan.core.pages import apply, confirm_page, edit_page
from councilplan.plan.models import Activity, Plan

from . import selectors, services
from .forms_rounds import (
    PublishForm,
    ReportVersionForm,
    RoundForm,
    SendBackForm,
    WindowForm,
    WithdrawForm,
)
from .models import Return, Round
from .permissions import can_run_rounds
from .reminders import ReminderError, reminder_message, send_query, send_reminders, who_to_remind
from .selectors import TRACKER_STATES
from .templatetags.round_tags import when


def corporate_only(view: Callable) -> Callable:
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_run_rounds(request.user):
            raise PermissionDenied("Only the corporate policy team runs monitoring rounds.")
        return view(request, *args, **kwargs)

    return wrapped


def _round(pk: int) -> Round:
    round_ = selectors.get_round_with_plan(pk)
    if round_ is None:
        raise Http404("No such round")
    return round_


def _is(round_: Round) -> str:
    """ "2019-20 Q3 is closed": how a refusal starts."""
    return f"{round_.label} is {round_.get_state_display().lower()}"


def _confirm(request, context: dict):
    """The confirmation page; a refused POST answers 409 Conflict (the round is not in a state for it)."""
    refused = bool(context["problem"]) and request.method == "POST"
    return render(request, "monitoring/round_confirm.html", context, status=409 if refused else 200)


def _report_url(round_: Round) -> str | None:
    """The round's report page, once the reports app serves one."""
    try:
        return reverse("reports:round", args=[round_.pk])
    except NoReverseMatch:
        return None


@corporate_only
@require_safe
def index(request):
    return render(request, "monitoring/round_list.html", {"plans": selectors.rounds_by_plan()})


@corporate_only
@require_http_methods(["GET", "POST"])
def create(request, plan_pk: int):
    plan = get_object_or_404(Plan, pk=plan_pk)
    form = RoundForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(
                plan,
                form.cleaned_data["label"],
                form.cleaned_data["opens_at"],
                form.cleaned_data["closes_at"],
                form.cleaned_data["allow_late"],
                request.user,
            )
        except services.RoundStateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{round_.label} created as a draft. Open it when you are ready.")
            return redirect("rounds:detail", round_.pk)
    return render(request, "monitoring/round_form.html", {"form": form, "plan": plan, "round": None})


@corporate_only
@require_safe
def detail(request, pk: int):
    round_ = _round(pk)
    history = round_.history.select_related("history_user").order_by("-history_date", "-history_id")[:20]
    context = {
        "round": round_,
        "history": history,
        "report_url": _report_url(round_),
        "can_edit_window": round_.state in (Round.State.DRAFT, Round.State.OPEN),
    }
    return render(request, "monitoring/round_detail.html", context)


@corporate_only
@require_http_methods(["GET", "POST"])
def edit_window(request, pk: int):
    round_ = _round(pk)
    if round_.state not in (Round.State.DRAFT, Round.State.OPEN):
        messages.error(request, f"{_is(round_)}: its window cannot change.")
        return redirect("rounds:detail", round_.pk)
    form = WindowForm(request.POST or None, round_=round_)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_window(
                round_,
                form.cleaned_data["opens_at"],
                form.cleaned_data["closes_at"],
                form.cleaned_data["allow_late"],
                request.user,
            )
        except services.RoundStateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{round_.label}'s window changed: it closes at {when(round_.closes_at)}.")
            return redirect("rounds:detail", round_.pk)
    return render(request, "monitoring/round_form.html", {"form": form, "plan": round_.plan, "round": round_})


@dataclass(frozen=True)
class _Change:
    """A change of a round's state: its confirmation page's words and the service that makes it."""

    verb: str  # the button: "Open round"
    question: str  # the page's heading, with {label}
    consequences: tuple[str, ...]  # what will happen, one sentence each, with {label} and {public_url}
    done: str  # the success message, with {label}
    act: Callable  # (round, user, the confirmation form's cleaned data) -> Round
    problem: Callable[[Round], str | None]
    asks: str = ""  # "responses": publishing, which first says how many returns are in; "reason": withdrawing


def _state_problem(state: str, rule: str) -> Callable[[Round], str | None]:
    """Why the change cannot be made, when the round is not in `state`: "2019-20 Q2 is published: {rule}"."""

    def problem(round_: Round) -> str | None:
        return None if round_.state == state else f"{_is(round_)}: {rule}."

    return problem


def _public_problem(public: bool, rule: str) -> Callable[[Round], str | None]:
    def problem(round_: Round) -> str | None:
        if round_.state != Round.State.PUBLISHED:
            return f"{_is(round_)}: {rule}."
        if round_.public != public:
            return f"{round_.label} is {'not ' if public else ''}on the public pages."
        return None

    return problem


CHANGES = {
    "open": _Change(
        verb="Open round",
        question="Open {label} for returns?",
        consequences=(
            "Lead officers and their nominated colleagues can fill in and submit their returns.",
            "If the window's opening time is still to come, the window opens now instead.",
        ),
        done="{label} is open for returns.",
        act=lambda r, user, data: services.open_round(r, user),
        problem=services.open_round_problem,
    ),
    "close": _Change(
        verb="Close round",
        question="Close {label}?",
        consequences=(
            "Every return becomes read-only. You can reopen a single return from the tracker.",
            "Returns that are still drafts are not counted in the report.",
            "If the window's closing time is still to come, the window closes now instead.",
        ),
        done="{label} is closed. Its returns are read-only.",
        act=lambda r, user, data: services.close_round(r, user),
        problem=_state_problem(Round.State.OPEN, "only an open round can be closed"),
    ),
    "publish": _Change(
        verb="Publish to members",
        question="Publish {label} to members?",
        consequences=(
            "Everyone who signs in to councilplan can read its report, scorecards and dashboard figures: the "
            "Corporate Management Team, Corporate Board, members and lead officers. Exempt information stays with "
            "the people cleared for it.",
            "The public cannot read it yet: putting it on the public pages is a separate step.",
            "Returns you reopened are locked again, so that the published report does not change.",
            "You can withdraw it later, giving a reason.",
        ),
        done="{label} is published to members. It is not on the public pages.",
        act=lambda r, user, data: services.publish_round(r, user, confirmed_missing=data.get("confirm_missing")),
        problem=_state_problem(Round.State.CLOSED, "only a closed round can be published"),
        asks="responses",
    ),
    "publish_public": _Change(
        verb="Publish to the public",
        question="Put {label}'s report on the public pages?",
        consequences=(
            "Anyone, without signing in, can read the report and download it as a PDF at {public_url}.",
            "Exempt information is left out (Schedule 12A): no exempt activity, risk or section, nor any figure "
            "counted from one.",
            "You can take it off the public pages later, giving a reason.",
        ),
        done="{label}'s report is on the public pages.",
        act=lambda r, user, data: services.publish_to_public(r, user, confirmed_missing=data.get("confirm_missing")),
        problem=_public_problem(False, "publish it to members before the public"),
        asks="responses",
    ),
    "withdraw_public": _Change(
        verb="Take it off the public pages",
        question="Take {label}'s report off the public pages?",
        consequences=(
            "The public can no longer read it. Members and everyone signed in still can.",
            "The reason is kept in the round's history.",
        ),
        done="{label}'s report is off the public pages.",
        act=lambda r, user, data: services.withdraw_from_public(r, user, data["reason"]),
        problem=_public_problem(True, "it is not published"),
        asks="reason",
    ),
    "withdraw": _Change(
        verb="Withdraw from members",
        question="Withdraw {label}?",
        consequences=(
            "It becomes a closed round again: only the corporate team can read its report, until you publish it again.",
            "If it is on the public pages, it is taken off them too.",
            "The reason is kept in the round's history.",
        ),
        done="{label} is withdrawn: only the corporate team can read it.",
        act=lambda r, user, data: services.withdraw_round(r, user, data["reason"]),
        problem=_state_problem(Round.State.PUBLISHED, "only a published round can be withdrawn"),
        asks="reason",
    ),
}


@corporate_only
@require_http_methods(["GET", "POST"])
def change_state(request, pk: int, change: str):
    round_ = _round(pk)
    action = CHANGES[change]
    problem = action.problem(round_)
    found = services.responses(round_) if action.asks == "responses" and not problem else None
    form_class = {"responses": PublishForm, "reason": WithdrawForm}.get(action.asks)
    form = None
    if form_class is not None:
        form = form_class(request.POST if request.method == "POST" else None, responses=found)
    if request.method == "POST" and not problem and (form is None or form.is_valid()):
        try:
            action.act(round_, request.user, form.cleaned_data if form is not None else {})
        except services.RoundStateError as error:
            if form is not None:
                form.add_error(None, str(error))
            else:
                problem = str(error)
        else:
            messages.success(request, action.done.format(label=round_.label))
            return redirect("rounds:detail", round_.pk)
    public_url = request.build_absolute_uri(reverse("public:report", args=[round_.pk]))
    context = {
        "round": round_,
        "heading": action.question.format(label=round_.label),
        "consequences": [c.format(label=round_.label, public_url=public_url) for c in action.consequences],
        "button": action.verb,
        "problem": problem,
        "form": form,
        "responses": found,
        "warning": action.asks == "reason",
        "cancel_url": reverse("rounds:detail", args=[round_.pk]),
    }
    refused = request.method == "POST" and (problem or (form is not None and form.errors))
    return render(request, "monitoring/round_confirm.html", context, status=409 if refused else 200)


@corporate_only
@require_http_methods(["GET", "POST"])
def report_version(request, pk: int):
    """The line under the report's title: which meeting it is for."""
    round_ = _round(pk)
    form = ReportVersionForm(request.POST or None, initial={"report_version": round_.report_version})
    return edit_page(
        request,
        form,
        lambda: services.set_report_version(round_, request.user, form.cleaned_data["report_version"]),
        done=("Report version saved.", reverse("rounds:detail", args=[pk])),
        title="Report version",
        caption=f"{round_.plan.name} – {round_.label}",
        back=reverse("rounds:detail", args=[pk]),
        intro="Printed under the report's title: the meeting or paper it is for.",
    )


@corporate_only
@require_http_methods(["GET", "POST"])
def send_back(request, pk: int, activity_pk: int):
    """Send a submitted return back to its lead officer with a query (not only reopen it)."""
    round_ = _round(pk)
    ret = get_object_or_404(Return.objects.select_related("activity"), round=round_, activity=activity_pk)
    activity = ret.activity
    form = SendBackForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            if apply(form, lambda: services.send_back_return(ret, request.user, form.cleaned_data["query"])):
                sent = send_query(ret, request.build_absolute_uri("/"))
                told = f" and e-mailed to {sent}" if sent else " (nobody could be e-mailed: no address)"
                messages.success(request, f"The return for {activity} is back with its lead officer{told}.")
                return redirect("rounds:tracker", round_.pk)
        except services.RoundStateError as problem:
            error = str(problem)
    return confirm_page(
        request,
        title=f"Send the return for {activity.ref}. {activity.title} back?",
        caption=f"{round_.plan.name} – {round_.label}",
        back=reverse("rounds:tracker", args=[round_.pk]),
        button="Send it back",
        lines=(
            "It becomes a draft again: its lead officer and nominated colleagues see your query on the form, "
            "change what is needed and submit it again.",
            "It no longer counts as submitted in the tracker and the response rate until they do.",
        )
        + (
            ("The round is closed, so the return is reopened for them; what they submit is marked late.",)
            if round_.state == Round.State.CLOSED
            else ()
        ),
        error=error,
        form=form,
    )


@corporate_only
@require_http_methods(["GET", "POST"])
def reopen(request, pk: int, activity_pk: int):
    round_ = _round(pk)
    activity = get_object_or_404(Activity, pk=activity_pk, plan=round_.plan_id)
    problem = None
    if round_.state != Round.State.CLOSED:
        problem = (
            f"{round_.label} is {round_.get_state_display().lower()}: only a closed round's returns can be reopened."
        )
    if request.method == "POST" and not problem:
        try:
            services.reopen_return(round_, activity, request.user)
        except services.RoundStateError as error:
            problem = str(error)
        else:
            messages.success(request, f"The return for {activity} is open again for its lead officer.")
            return redirect("rounds:tracker", round_.pk)
    context = {
        "round": round_,
        "heading": f"Reopen the return for {activity.ref}. {activity.title}?",
        "consequences": (
            "Its lead officer and nominated colleagues can change and submit it again, although the round is closed.",
            "What they submit now is marked late.",
            "Publishing the round locks it again.",
        ),
        "button": "Reopen return",
        "problem": problem,
        "cancel_url": reverse("rounds:tracker", args=[round_.pk]),
    }
    return render(
        request, "monitoring/round_confirm.html", context, status=409 if problem and request.method == "POST" else 200
    )


@corporate_only
@require_safe
def tracker(request, pk: int):
    round_ = _round(pk)
    board = selectors.round_tracker(round_)
    filters = [Filter("directorate", "Directorate", [(d, d) for d in board.directorates], _of_directorate)]
    if board.lead_officers is not None:  # else too many for a select box: the search finds them
        filters.append(
            Filter(
                "lead_officer",
                "Lead officer",
                [(str(p.id), p.name) for p in board.lead_officers],
                lambda rows, value: rows.led_by(int(value)),
            )
        )
    filters.append(Filter("state", "State", list(TRACKER_STATES.items()), lambda rows, value: rows.in_state(value)))
    # Searched, filtered and paged in the database: only the page's rows are built (a download builds them all).
    page = list_page(
        request,
        board.rows,
        columns=TRACKER_COLUMNS,
        search=lambda rows, text: rows.search(text),
        filters=filters,
        name=f"tracker-{slugify(round_.label)}",
    )
    if isinstance(page, HttpResponse):  # a download of what the search and filters show
        return page
    context = {
        "round": round_,
        "tracker": board,
        "list": page,
        "rows": page.rows,
        "report_url": _report_url(round_),
        "can_remind": round_.state == Round.State.OPEN and bool(board.outstanding_count),
        "can_reopen": round_.state == Round.State.CLOSED,
        "can_send_back": round_.state in (Round.State.OPEN, Round.State.CLOSED),
    }
    return render(request, "monitoring/tracker.html", context)


def _of_directorate(rows, name: str):
    return rows.of_directorate(name)


TRACKER_COLUMNS = [
    Column("Activity", attrgetter("ref")),
    Column("Title", attrgetter("title")),
    Column("Directorate", attrgetter("directorate")),
    Column("Lead officer", lambda r: r.lead_officer.name if r.lead_officer else ""),
    Column("Lead officer e-mail", lambda r: r.lead_officer.email if r.lead_officer else ""),
    Column("Colleagues", lambda r: "; ".join(c.name for c in r.colleagues)),
    Column("State", attrgetter("state_label")),
    Column("Reopened", lambda r: "Yes" if r.reopened else "No"),
    Column("Sent back", lambda r: "Yes" if r.sent_back else "No"),
    Column("Submitted", lambda r: localdate(r.submitted_at) if r.submitted_at else ""),
]


@corporate_only
@require_http_methods(["GET", "POST"])
def remind(request, pk: int):
    round_ = _round(pk)
    if request.method == "POST":
        try:
            result = send_reminders(round_, site_url=request.build_absolute_uri("/"), sent_by=request.user)
        except ReminderError as error:
            messages.error(request, str(error))
            return redirect("rounds:tracker", round_.pk)
        sent = len(result.sent)
        messages.success(request, f"Sent {sent} reminder{'' if sent == 1 else 's'} for {round_.label}.")
        unreachable = result.plan.unreachable + [recipient for recipient, _ in result.failed]
        if unreachable:
            names = ", ".join(r.person.name for r in unreachable)
            messages.warning(request, f"Not reminded by e-mail (chase them another way): {names}.")
        return redirect("rounds:tracker", round_.pk)
    problem = None
    if round_.state != Round.State.OPEN:
        problem = (
            f"{round_.label} is {round_.get_state_display().lower()}: reminders are sent only while a round is open."
        )
    plan = who_to_remind(selectors.round_tracker(round_))
    if not problem and not plan.recipients:
        problem = (
            "Nobody with an outstanding return has an e-mail address."
            if plan.outstanding
            else ("Every return in scope has been submitted: there is nobody to remind.")
        )
    # What the first person will be sent, word for word: the others' differ only in their name and activities.
    example = None
    if plan.recipients:
        example = reminder_message(plan.recipients[0], round_, request.build_absolute_uri("/"))
    context = {"round": round_, "plan": plan, "problem": problem, "example": example}
    return render(request, "monitoring/round_remind.html", context)
