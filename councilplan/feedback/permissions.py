"""Who may see or change what in customer feedback. Every view asks these functions; none decides on its own.

- Everyone signed in may log feedback a customer gave them (any channel is accepted, so any officer may take it)
  and read the figures (the quarterly return, the annual report): counts only, no people.
- The customer feedback team (team `customer_feedback`) sees and handles every record: assigns handlers, imports
  and exports the log, runs the retention and subject access exports, sends reminders, feeds the KPI.
- A service's feedback coordinators (and its manager) see and handle that service's records.
- A record's handler sees and handles it.
- Nobody else sees a record, its person's details or its reply: a record's page and every download of records
  check `can_handle`. Administrators have every team's rights. The public sees the published figures only.
"""

from __future__ import annotations

from councilplan.core.permissions import in_team, signed_in

TEAM = "customer_feedback"


def can_read(user) -> bool:
    """The figures and one's own caseload."""
    return signed_in(user)


def can_log(user) -> bool:
    return signed_in(user)


def is_team(user) -> bool:
    return in_team(user, TEAM)


def service_ids(user) -> frozenset[int]:
    """The services whose queue this person handles (coordinator or manager). Read once per request."""
    if not signed_in(user) or user.pk is None:
        return frozenset()
    cached = getattr(user, "_feedback_service_ids", None)
    if cached is None:
        from .models import Service

        cached = frozenset(Service.objects.filter(coordinators=user).values_list("pk", flat=True)) | frozenset(
            Service.objects.filter(manager=user).values_list("pk", flat=True)
        )
        user._feedback_service_ids = cached
    return cached


def can_see_queues(user) -> bool:
    return is_team(user) or bool(service_ids(user))


def can_handle(user, case) -> bool:
    """See the record with the person's details, and change it: the team, the service's coordinators and
    manager, its handler. `case`: a Case (or anything with service_id and handler_id)."""
    if not signed_in(user):
        return False
    return is_team(user) or case.service_id in service_ids(user) or (user.pk is not None and case.handler_id == user.pk)


def can_manage(user) -> bool:
    """Import, export of the whole log, retention, subject access, settings, the KPI feed."""
    return is_team(user)
