"""What monitoring shows on an activity's page across the systems: its returns, round by round."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse

from councilplan.analysis import vocabulary as v
from councilplan.core.exempt import cleared
from councilplan.core.models import User
from councilplan.core.selectors import get_vocabularies
from councilplan.core.systems import ExceptionItem, Link, LinkGroup
from councilplan.plan.models import Activity

from . import permissions
from .models import Return, Round
from .selectors import my_returns
from .templatetags.round_tags import when


def _status(ret: Return, vocab) -> str:
    """ "Submitted: It requires remedial action", in the vocabulary's words, not its code."""
    if not ret.delivery_status:
        return f"{ret.get_state_display()}, no delivery status given"
    return f"{ret.get_state_display()}: {vocab.label(v.DELIVERY_STATUS, ret.delivery_status)}"


def activity_links(activity, user) -> list[LinkGroup]:
    returns = (
        Return.objects.filter(activity=activity)
        .select_related("round", "activity")
        .prefetch_related("activity__colleagues")
        .order_by("-round__label")
    )
    vocab = get_vocabularies()
    links = tuple(
        Link(
            f"{ret.round.label} return",
            reverse("monitoring:return_detail", args=[ret.pk]),
            _status(ret, vocab),
        )
        for ret in returns
        if permissions.can_view_return(user, ret)
    )
    return [LinkGroup("Monitoring returns", links, "No returns yet.")]


def scope_links(scope, user) -> list[LinkGroup]:
    """Each of the scope's activities at its latest return the reader may see (five queries for them all).

    A directorate's scope has thousands of returns over the rounds: each is read with only what its link and
    the reader's permission need (not the answers), and joined here to its activity and round, read once each,
    rather than one activity and round object per return."""
    ids = list(scope.activity_ids)
    activities = {
        a.id: a
        for a in Activity.objects.filter(id__in=ids)
        .only("id", "plan_id", "ref", "title", "exempt", "directorate_id", "lead_officer_id", "sort_key")
        .prefetch_related(Prefetch("colleagues", queryset=User.objects.only("id")))
    }
    plans = {a.plan_id for a in activities.values()}
    rounds = {r.id: r for r in Round.objects.filter(plan_id__in=plans).only("id", "label", "state")}
    latest: dict[int, Return] = {}
    rows = Return.objects.filter(activity_id__in=ids).values_list(
        "id", "state", "delivery_status", "activity_id", "round_id"
    )
    # Newest round first; a Return is made only for an activity not yet settled (most readers settle each
    # activity at its first row), so thousands of rows cost tuples, not model objects.
    for pk, state, status, activity_id, round_id in sorted(rows, key=lambda r: rounds[r[4]].label, reverse=True):
        if activity_id in latest:
            continue
        ret = Return(id=pk, state=state, delivery_status=status, activity_id=activity_id, round_id=round_id)
        ret.activity, ret.round = activities[activity_id], rounds[round_id]
        if permissions.can_view_return(user, ret):
            latest[activity_id] = ret
    in_order = sorted(latest.values(), key=lambda r: (r.activity.sort_key, r.activity_id))
    vocab = get_vocabularies()
    links = tuple(
        Link(
            f"{ret.activity.ref} {ret.activity.title}: {ret.round.label} return",
            reverse("monitoring:return_detail", args=[ret.pk]),
            _status(ret, vocab),
        )
        for ret in in_order
    )
    return [LinkGroup("Latest monitoring returns", links, "No returns yet.")]


def exceptions(user) -> list[ExceptionItem]:
    """Activities whose return in the latest published (or, for the corporate team, closed) round says they are
    not on track (two queries)."""
    states = [Round.State.PUBLISHED]
    if permissions.can_run_rounds(user):
        states.append(Round.State.CLOSED)
    latest = Round.objects.filter(state__in=states).order_by("-label").first()
    if latest is None or not permissions.signed_in(user):
        return []
    returns = (
        Return.objects.filter(round=latest, state=Return.State.SUBMITTED, delivery_status__in=v.NOT_ON_TRACK)
        .select_related("round", "activity")
        .prefetch_related("activity__colleagues")
        .order_by("activity__sort_key")
    )
    if not cleared(user):
        returns = returns.exclude(activity__exempt=True)
    return [
        ExceptionItem(
            "Monitoring",
            f"{ret.activity.ref} {ret.activity.title}",
            f"{latest.label} return: "
            + ("requires remedial action" if ret.delivery_status == "remedial_action" else "unlikely to be achieved"),
            reverse("monitoring:return_detail", args=[ret.pk]),
        )
        for ret in returns
        if permissions.can_view_return(user, ret)
    ]


def home_links(user) -> list[Link]:
    """On the home page: how many of the person's returns are still to submit, per open round."""
    if not permissions.fills_in_returns(user):
        return []
    links = []
    for mine in my_returns(user):
        if mine.outstanding:
            noun = "return" if mine.outstanding == 1 else "returns"
            closes = f"by {when(mine.round.closes_at)}" if mine.round.closes_at and not mine.window_closed else ""
            links.append(
                Link(
                    f"{mine.outstanding} {noun} to submit for {mine.round.label}",
                    reverse("monitoring:my_returns"),
                    closes,
                )
            )
    return links
