"""Shared set-up for the risk register tests: registers at each level and a risk with everything."""

import datetime as dt

from councilplan.core.models import User
from councilplan.risks import services
from councilplan.risks.models import Register, Risk

D = dt.date


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, **fields) -> User:
    return User.objects.create(username=username, name=username.replace(".", " ").title(), role=role, **fields)


def make_register(name: str = "Corporate Risk Register", level: str = "corporate", **fields) -> Register:
    return services.create_register(
        user=None, name=name, level=level, owner=fields.pop("owner", "Corporate Management Team"), **fields
    )


def make_risk(register: Register, code: str = "CRR0001", title: str = "Safeguarding", **fields) -> Risk:
    defaults = {
        "current": (4, 5),
        "target": (3, 4),
        "reviewed_on": D(2017, 7, 31),
        "causes": ["A cause", "Another cause"],
        "event": "Something happens",
        "consequences": ["A consequence"],
        "owners": ["Ann Owner, Director"],
        "cabinet_members": ["Cllr Member, Portfolio"],
    }
    defaults.update(fields)
    user = defaults.pop("user", None)
    risk = services.create_risk(register=register, code=code, title=title, user=user, **defaults)
    services.add_control(risk, title="A control", owner="Control Owner", user=user)
    services.add_action(risk, title="An action", owner="Action Owner", planned="March 2018", user=user)
    return risk
