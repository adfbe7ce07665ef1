"""Shared set-up for the customer feedback tests: a service with a coordinator and a manager, the team, an
outsider, and a complaint logged through the services."""

import datetime as dt

from councilplan.core.models import Team, User
from councilplan.feedback import services

D = dt.date
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script>"


def make_user(username: str, teams=(), **fields) -> User:
    user = User.objects.create(
        username=username, name=username.replace(".", " ").title(), email=f"{username}@x.example", **fields
    )
    for code in teams:
        Team.objects.get_or_create(code=code, defaults={"name": code})[0].members.add(user)
    return user


def make_world():
    team = make_user("team.member", teams=("customer_feedback",))
    coordinator = make_user("coordinator")
    manager = make_user("manager")
    outsider = make_user("outsider")
    service = services.save_service("Highways")
    services.set_service_people(service, coordinators=[coordinator], manager=manager)
    other = services.save_service("Libraries")
    return {
        "team": team,
        "coordinator": coordinator,
        "manager": manager,
        "outsider": outsider,
        "service": service,
        "other": other,
    }


CHRISTMAS_2017 = D(2017, 12, 15)


def log_complaint(world, received=CHRISTMAS_2017, **fields):
    values = {
        "kind": "complaint",
        "channel": "email",
        "summary": "Pothole on Station Road",
        "customer_name": "Pat Resident",
        "customer_email": "pat@example.com",
        "contact_preference": "email",
    } | fields
    return services.log_case(user=world["team"], service=world["service"], received_on=received, **values)
