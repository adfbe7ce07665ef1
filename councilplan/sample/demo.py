"""The demo sign-ins: one per role of the monitoring framework, and each system's own (`SystemConfig.demo_users`)."""

from __future__ import annotations

import secrets

from django.db import transaction

from councilplan.core.models import Directorate, Team, User
from councilplan.core.systems import DemoUser, systems
from councilplan.plan.models import Activity

FRAMEWORK_USERS = [
    DemoUser("lead", "Demo Lead Officer", User.Role.LEAD_OFFICER, what="fills in returns"),
    DemoUser("corporate", "Demo Corporate Policy Officer", User.Role.CORPORATE, what="runs rounds, publishes"),
    DemoUser("viewer", "Demo Member (viewer)", User.Role.VIEWER, what="reads reports"),
    DemoUser("admin", "Demo Administrator", User.Role.ADMINISTRATOR, what="configures everything"),
]


def demo_users() -> list[DemoUser]:
    found = list(FRAMEWORK_USERS)
    for system in systems():
        declared = system.hook("demo_users")
        if declared:
            found.extend(declared() if callable(declared) else declared)
    return found


@transaction.atomic
def create_demo_users() -> list[tuple[DemoUser, str]]:
    """Each demo user with a fresh random password (returned, to print)."""
    made = []
    for demo in demo_users():
        user, _ = User.objects.get_or_create(username=demo.username, defaults={"name": demo.name, "role": demo.role})
        user.name, user.role, user.email = demo.name, demo.role, f"{demo.username}@demo.invalid"
        user.is_staff = demo.role == User.Role.ADMINISTRATOR
        if demo.directorate:
            user.directorate = Directorate.objects.filter(name=demo.directorate).first()
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.save()
        for code in demo.teams:
            team = Team.objects.filter(code=code).first()
            if team is not None:
                team.members.add(user)
        made.append((demo, password))
    # The demo lead officer is a nominated colleague on the first outcome's activities.
    lead = User.objects.get(username="lead")
    first = Activity.objects.order_by("outcome__order", "sort_key").first()
    if first is not None:
        for activity in Activity.objects.filter(plan=first.plan, outcome=first.outcome):
            activity.colleagues.add(lead)
    return made
