"""Shared set-up for the policy register's tests: people in each role, a section and entries in each state."""

import datetime as dt

from councilplan.analysis import policies as rules
from councilplan.core.models import Team, User
from councilplan.policies import services

D = dt.date
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script>"


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, teams=(), **fields) -> User:
    user = User.objects.create(username=username, name=username.replace(".", " ").title(), role=role, **fields)
    for code in teams:
        Team.objects.get_or_create(code=code, defaults={"name": code})[0].members.add(user)
    return user


def make_policy(title="Customer Service Policy (2015-2018)", section=None, **fields):
    section = section or services.section("Corporate and Strategic Relationships")
    fields.setdefault("doc_type", "policy")
    fields.setdefault("on", D(2017, 6, 27))
    return services.create_policy(title=title, section=section, **fields)


def world_of_entries():
    users = {
        "viewer": make_user("vic.viewer", "viewer"),
        "lead": make_user("lee.lead"),
        "owner": make_user("olly.owner", email="olly@kent.example"),
        "sprca": make_user("sam.sprca", teams=("sprca",)),
        "administrator": make_user("ada.admin", "administrator"),
    }
    active = make_policy(number=20, accountable_officer=users["owner"], review_date=D(2018, 3, 31))
    successor = make_policy(
        "Business Continuity Policy (2017)", number=140, status=rules.FORTHCOMING, forthcoming_kind="replacement"
    )
    waiting = make_policy("Business Continuity Policy (2015)", number=25)
    services.agree_close_down(
        waiting,
        timing=rules.PLANNED,
        reason=rules.REPLACED,
        agreed_by="Cabinet Member",
        on=D(2017, 9, 1),
        replaced_by=successor,
        expected_close="Sept 2017",
        expected_close_by=D(2017, 9, 30),
    )
    exempt = make_policy(
        "Commercially confidential strategy", number=99, exempt_paragraph=3, exempt_reason="Bidders' affairs"
    )
    return {"users": users, "active": active, "successor": successor, "waiting": waiting, "exempt": exempt}
