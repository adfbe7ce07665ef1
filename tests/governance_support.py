"""Shared set-up for the committee governance tests: people in each role, and the sample (the plan and its
returns, then governance's own sample) without the other systems' samples."""

import datetime as dt

import pytest

from councilplan.core.models import Team, User

D = dt.date
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script>\x07"


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, teams=(), **fields) -> User:
    user = User.objects.create(username=username, name=username.replace(".", " ").title(), role=role, **fields)
    for code in teams:
        Team.objects.get_or_create(code=code, defaults={"name": code})[0].members.add(user)
    return user


@pytest.fixture(scope="module")
def governance_sample(django_db_setup, django_db_blocker):
    """The plan and the governance sample, loaded once for the module in a transaction rolled back after it;
    each test runs in a savepoint of its own inside it."""
    from django.db import transaction

    from councilplan.governance.sample import load_sample
    from councilplan.sample.loader import load_plan_and_returns

    with django_db_blocker.unblock(), transaction.atomic():
        load_plan_and_returns()
        yield load_sample()
        transaction.set_rollback(True)
