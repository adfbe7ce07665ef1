"""Shared set-up for the contract management tests: people in each role, a review group, contracts and reviews."""

import datetime as dt

from councilplan.contracts import services
from councilplan.core.models import Team, User

D = dt.date
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script>\x07"


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, teams=(), **fields) -> User:
    user = User.objects.create(username=username, name=username.replace(".", " ").title(), role=role, **fields)
    for code in teams:
        Team.objects.get_or_create(code=code, defaults={"name": code})[0].members.add(user)
    return user


def make_body():
    body = services.create_body(code="cmrg", convened_on=D(2016, 9, 1), terms_of_reference="Review contracts.")
    services.add_period(
        body, name="Contract Management Review Group", parent="Budget Delivery Group", starts_on=D(2016, 9, 1)
    )
    return body


def make_contract(reference="C-001", title="Home care", **fields):
    defaults = {"total_value": 6_000_000_00, "start_date": D(2019, 4, 1), "end_date": D(2030, 3, 31)}
    defaults.update(fields)
    return services.create_contract(reference=reference, title=title, **defaults)


def full_ratings(current=2, target=3):
    from councilplan.analysis.contracts import ACTIVITY_CODES

    return {
        code: {"current": current, "target": target, "comments": "ok", "evidence": "plan"} for code in ACTIVITY_CODES
    }


def all_assuring():
    from councilplan.analysis.contracts import STATEMENTS

    return {s.code: s.assuring for s in STATEMENTS}
