"""What committee governance shows on other pages: an activity's items, work programme entries and decisions, the
public index, the home page's things to do, and the demo sign-ins."""

from __future__ import annotations

from django.urls import reverse

from councilplan.core.models import User
from councilplan.core.systems import DemoUser, Link, LinkGroup, PackSection

from . import permissions, selectors
from .models import AgendaItem, Decision, Meeting, WorkProgrammeEntry

DEMO_USERS = (
    DemoUser(
        "democratic.services",
        "Demo Democratic Services Officer",
        User.Role.LEAD_OFFICER,
        teams=("democratic_services",),
        what="keeps committees, publishes agendas, records minutes and decisions",
    ),
)


def activity_links(activity, user) -> list[LinkGroup]:
    show = selectors.cleared(user)
    items = AgendaItem.objects.filter(activities=activity).select_related("meeting__body").order_by("meeting__date")
    if not show:
        items = items.filter(exempt_paragraph__isnull=True)
    item_links = tuple(
        Link(
            f"{i.meeting.body.name}, {i.meeting.date:%-d %B %Y}: item {i.number} {i.title}",
            reverse("governance:meeting", args=[i.meeting_id]),
            "exempt" if i.exempt else "",
        )
        for i in items
    )
    entries = selectors.entries_queryset(user).filter(activities=activity)
    entry_links = tuple(
        Link(
            f"{e.body.name} work programme: {e.title}",
            reverse("governance:work_programme", args=[e.body.code, e.year]),
            f"{e.meeting.date:%-d %B %Y}" if e.meeting_id else e.get_slot_display(),
        )
        for e in entries
    )
    decisions = Decision.objects.filter(activities=activity).order_by("reference")
    decision_links = tuple(
        Link(f"{d.reference} {d.subject}", reverse("governance:decision", args=[d.reference]), d.get_state_display())
        for d in decisions
    )
    return [
        LinkGroup("Committee items", item_links + entry_links, "Not on any committee agenda or work programme."),
        LinkGroup("Decisions", decision_links, "No records of decision are linked to this activity."),
    ]


def scope_links(scope, user) -> list[LinkGroup]:
    """The committee items, work programme entries and decisions about any of the scope's activities (three
    queries)."""
    ids = list(scope.activity_ids)
    items = (
        AgendaItem.objects.filter(activities__in=ids)
        .distinct()
        .select_related("meeting__body")
        .order_by("meeting__date", "number")
    )
    if not selectors.cleared(user):
        items = items.filter(exempt_paragraph__isnull=True)
    item_links = tuple(
        Link(
            f"{i.meeting.body.name}, {i.meeting.date:%-d %B %Y}: item {i.number} {i.title}",
            reverse("governance:meeting", args=[i.meeting_id]),
            "exempt" if i.exempt else "",
        )
        for i in items
    )
    entries = selectors.entries_queryset(user).filter(activities__in=ids).distinct()
    entry_links = tuple(
        Link(
            f"{e.body.name} work programme: {e.title}",
            reverse("governance:work_programme", args=[e.body.code, e.year]),
            f"{e.meeting.date:%-d %B %Y}" if e.meeting_id else e.get_slot_display(),
        )
        for e in entries
    )
    decisions = Decision.objects.filter(activities__in=ids).distinct().order_by("reference")
    decision_links = tuple(
        Link(f"{d.reference} {d.subject}", reverse("governance:decision", args=[d.reference]), d.get_state_display())
        for d in decisions
    )
    return [
        LinkGroup("Committee items", item_links + entry_links, "Not on any committee agenda or work programme."),
        LinkGroup("Decisions", decision_links, "No records of decision are linked to these activities."),
    ]


def public_links() -> list[Link]:
    return [
        Link(
            "Committee meetings",
            reverse("public:governance_public:meetings"),
            "Agendas, papers and minutes of the council's committees (exempt items are not published)",
        ),
        Link("Records of decision", reverse("public:governance_public:decisions"), "Decisions taken and published"),
    ]


def home_links(user) -> list[Link]:
    if not permissions.can_manage(user):
        return []
    found = []
    for meeting in Meeting.objects.filter(state=Meeting.State.PLANNED).select_related("body").order_by("date")[:5]:
        found.append(
            Link(
                f"Publish the agenda: {meeting}",
                reverse("governance:meeting", args=[meeting.pk]),
                f"{meeting.items.count()} items",
            )
        )
    open_entries = WorkProgrammeEntry.objects.filter(
        state=WorkProgrammeEntry.State.PLANNED, meeting__state__in=[Meeting.State.HELD, Meeting.State.APPROVED]
    ).count()
    if open_entries:
        found.append(
            Link(
                f"{open_entries} work programme entr{'ies' if open_entries != 1 else 'y'} not taken",
                reverse("governance:index"),
                "defer or drop them",
            )
        )
    return found


def pack_sections(quarter, user) -> list[PackSection]:
    """The quarterly pack's forward plan: what the committees are to take at their meetings in the three months
    after the quarter (their work programmes' entries) and the records of decision not yet taken by its end, with
    their decision maker and date. `user` None: the public version (no exempt entry; only published decisions, as
    the public pages show)."""
    import datetime as dt

    from councilplan.analysis.performance import add_months
    from councilplan.documents.model import Table
    from councilplan.documents.words import para

    if user is not None and not permissions.can_read(user):
        return []
    until = add_months(quarter.end.replace(day=1), 4) - dt.timedelta(days=1)
    entries = (
        selectors.entries_queryset(user)
        .filter(meeting__date__gt=quarter.end, meeting__date__lte=until)
        .exclude(state__in=(WorkProgrammeEntry.State.DROPPED, WorkProgrammeEntry.State.DEFERRED))
        .order_by("meeting__date", "body__name", "id")
    )
    entry_rows = tuple((e.meeting.date, e.body.name, e.title, e.lead_officer) for e in entries)
    decisions = (
        selectors.decisions_queryset(user)
        .exclude(state=Decision.State.WITHDRAWN)
        .exclude(taken_on__lte=quarter.end)
        .exclude(state__in=(Decision.State.TAKEN, Decision.State.PUBLISHED), taken_on__isnull=True)
        .order_by("reference")
    )
    decision_rows = tuple(
        (d.reference, d.subject, selectors.maker(d), "Yes" if d.key else "No", d.planned_on or d.taken_on)
        for d in decisions
    )
    after = f"{quarter.end + dt.timedelta(days=1):%-d %B %Y} to {until:%-d %B %Y}"
    blocks: list = [
        para(
            f"{len(entry_rows)} items are planned for the committees' meetings from {after}, and "
            f"{len(decision_rows)} records of decision were not yet taken at the end of {quarter.label}."
        )
    ]
    if entry_rows:
        blocks.append(
            Table(
                f"Items planned for meetings from {after}",
                ("Meeting date", "Body", "Item", "Lead officer"),
                entry_rows,
                sheet="Forward plan",
            )
        )
    if decision_rows:
        blocks.append(
            Table(
                "Decisions to be taken",
                ("Decision number", "Subject", "Decision maker", "Key decision", "To be taken on or after"),
                decision_rows,
                sheet="Forward plan",
            )
        )
    basis = (
        f"The committees' work programmes and the records of decision as they stand, for the meetings after "
        f"{quarter.end:%-d %B %Y}."
    )
    return [PackSection("Forward plan", basis, tuple(blocks), order=60)]
