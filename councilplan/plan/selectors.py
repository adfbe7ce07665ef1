"""Reading the plan register: plans found by name, a plan as the exchange format's activities table."""

from __future__ import annotations

from councilplan.core.exchange import ImportFailed, file_error
from councilplan.core.services import person_reference

from .columns import ACTIVITY_COLUMNS
from .models import Plan


def find_plan(name: str | None) -> Plan:
    """The named plan, or the only plan when no name is given."""
    if name:
        plan = Plan.objects.filter(name=name).first()
        if plan is None:
            known = ", ".join(Plan.objects.values_list("name", flat=True)) or "none yet"
            raise ImportFailed([file_error("--plan", f"no plan is called {name!r} (plans: {known})")])
        return plan
    plans = list(Plan.objects.all()[:2])
    if len(plans) == 1:
        return plans[0]
    message = "there is no plan yet: import one first" if not plans else "there is more than one plan: name it"
    raise ImportFailed([file_error("--plan", message)])


def plan_rows(plan: Plan) -> tuple[list[str], list[list[object]]]:
    """The plan as the exchange format's activities table."""
    activities = plan.activities.select_related("outcome", "directorate", "lead_officer").order_by("sort_key", "ref")
    rows = [
        [
            a.ref,
            a.title,
            a.outcome.title,
            a.activity_type,
            a.start_date,
            a.end_date,
            a.directorate.name if a.directorate else "",
            person_reference(a.lead_officer),
            a.description,
        ]
        for a in activities
    ]
    return ACTIVITY_COLUMNS, rows


# --- the register as plain records (the API, the open data files) ---------------------------------------


def plans(published_only: bool = False) -> list[Plan]:
    """Every plan (`published_only`: those whose summary is on the public pages), by name (one query)."""
    found = Plan.objects.filter(published=True) if published_only else Plan.objects.all()
    return list(found.order_by("name", "pk"))


def plan_activities(plan: Plan, user, directorate: str = "") -> list:
    """The plan's activities `user` may read (None: the public, never an exempt one), in ref order, with their
    outcome, directorate and lead officer (three queries, whatever the number of activities)."""
    from .models import Activity
    from .permissions import can_read_activity

    found = (
        Activity.objects.filter(plan=plan)
        .select_related("outcome", "directorate", "lead_officer")
        .prefetch_related("colleagues")
        .order_by("sort_key", "ref")
    )
    if directorate:
        found = found.filter(directorate__name__iexact=directorate)
    if user is None:
        return list(found.filter(exempt=False))
    return [a for a in found if can_read_activity(user, a)]
