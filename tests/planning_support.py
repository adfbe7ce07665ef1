"""Helpers for the planning tests: a small cycle, people in each role, and a submission's answers."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from helpers import date_parts

from councilplan.core.models import Directorate, Outcome, User
from councilplan.planning import services as cycle_services


def person(username: str, role: str = User.Role.LEAD_OFFICER, directorate=None, name: str = "") -> User:
    user = User(
        username=username,
        role=role,
        name=name or username.replace(".", " ").title(),
        email=f"{username}@example.gov.uk",
        directorate=directorate,
    )
    user.set_unusable_password()  # the tests sign people in with force_login: no slow password hashing
    user.save()
    return user


def outcomes() -> list[Outcome]:
    titles = ["Best start in life", "Economic growth", "Safe and supported", "Corporate enabling"]
    return [Outcome.objects.get_or_create(title=t, defaults={"order": n})[0] for n, t in enumerate(titles, start=1)]


def make_cycle(name: str = "SDP 2020-21", *, open_now: bool = True, **fields):
    """A cycle whose call for activity is open now (or closed yesterday)."""
    now = timezone.now()
    found = outcomes()
    if open_now:
        opens, closes = now - dt.timedelta(days=1), now + dt.timedelta(days=41)
    else:
        opens, closes = now - dt.timedelta(days=43), now - dt.timedelta(days=1)
    values = {
        "name": name,
        "plan_name": f"Plan {name}",
        "opens_at": opens,
        "closes_at": closes,
        "cross_cutting_outcome": found[3],
        **fields,
    }
    return cycle_services.create_cycle(**values)


def answers(**overrides) -> dict:
    """A complete submission, as the services take it."""
    found = outcomes()
    directorate, _ = Directorate.objects.get_or_create(name="Growth, Environment and Transport")
    data = {
        "title": "Library strategy",
        "headline": "A library service fit for the next ten years.",
        "outcome": found[1],
        "activity_type": "strategy_policy",
        "directorate": directorate,
        "division": "Libraries",
        "lead_officer": None,
        "corporate_director": "Corporate Director, Growth",
        "cabinet_member": "Cabinet Member for Communities",
        "start_date": dt.date(2020, 4, 1),
        "end_date": dt.date(2021, 3, 31),
        "in_delivery": True,
        "part_of_programme": False,
        "programme": "",
        "key_decision": "yes",
        "decision_authority": "Cabinet Member",
        "governance_route": "Cabinet Members Meeting",
        "capital_cost": None,
        "revenue_cost": None,
        "savings": None,
        "income": None,
        "funding_source": "",
        "capacity": "unsure",
        "support_needed": ["strategic_commissioning"],
        "support_other": "",
        "eqia_status": "not_started",
        "dpia_status": "in_progress",
    }
    data.update(overrides)
    return data


def form_data(**overrides) -> dict:
    """A complete submission as the form posts it."""
    found = outcomes()
    directorate, _ = Directorate.objects.get_or_create(name="Growth, Environment and Transport")
    data = {
        "title": "Library strategy",
        "headline": "A library service fit for the next ten years.",
        "outcome": str(found[1].pk),
        "activity_type": "strategy_policy",
        "directorate": str(directorate.pk),
        "division": "",
        "lead_officer": "Ann Officer",
        "corporate_director": "",
        "cabinet_member": "",
        "start_date": "01/04/2020",
        "end_date": "31/03/2021",
        "in_delivery": "yes",
        "part_of_programme": "no",
        "programme": "",
        "key_decision": "not_known",
        "decision_authority": "",
        "governance_route": "",
        "capital_cost": "",
        "revenue_cost": "£1.5m",
        "savings": "250,000",
        "income": "",
        "funding_source": "",
        "capacity": "in_place",
        "support_needed": ["finance", "legal"],
        "support_other": "",
        "eqia_status": "completed",
        "dpia_status": "not_required",
    }
    data.update(overrides)
    for name in ("start_date", "end_date"):  # GOV.UK date inputs: day, month and year
        data.update(date_parts(name, data.pop(name)))
    return data
