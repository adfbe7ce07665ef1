"""Shared set-up for the budget monitoring tests: the sample loaded once per module (it takes a few seconds),
people in each role, and a small budget of two units for rules and pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from councilplan.core.models import Team, User
from councilplan.finance import services
from councilplan.finance.models import FinancialYear

D = dt.date
P = 100  # pence in a pound
M = 1_000_000 * P  # £1m in pence


@pytest.fixture(scope="module")
def finance_sample(django_db_setup, django_db_blocker):
    """The whole sample (plan, returns, risks, budget), loaded once for the module and rolled back after it.

    Rolled back, not flushed: a flush would also empty the rows the data migrations wrote (the vocabularies),
    which every later test expects. Each test's own transaction nests inside this one as a savepoint."""
    from councilplan.sample.loader import load_sample

    with django_db_blocker.unblock(), transaction.atomic():
        load_sample()
        yield
        transaction.set_rollback(True)


def make_user(username: str, role: str = User.Role.LEAD_OFFICER, teams=(), **fields) -> User:
    user = User.objects.create(username=username, name=username.replace("-", " ").title(), role=role, **fields)
    user.set_password("pass")
    user.save()
    for code in teams:
        Team.objects.get_or_create(code=code, defaults={"name": code.title()})[0].members.add(user)
    return user


def small_budget(manager=None, director=None):
    """A year, two directorates (one with two units), three lines, and an open position."""
    year = FinancialYear.objects.first() or services.create_year(label="2017-18", starts_on=D(2017, 4, 1))
    alpha = services.create_directorate(code="ALPHA", name="Alpha Directorate", order=1, corporate_director=director)
    beta = services.create_directorate(code="BETA", name="Beta Directorate", order=2)
    one = services.create_unit(code="A1", name="First", directorate=alpha, order=1)
    two = services.create_unit(code="A2", name="Second", directorate=alpha, order=2)
    three = services.create_unit(code="B1", name="Only", directorate=beta, order=1)
    lines = [
        services.create_line(
            code="L1",
            heading="Line one",
            unit=one,
            year=year,
            gross=10 * M,
            income=-2 * M,
            budget_manager=manager,
            order=1,
        ),
        services.create_line(code="L2", heading="Line two", unit=two, year=year, gross=5 * M, income=0, order=2),
        services.create_line(
            code="L3", heading="Line three", unit=three, year=year, gross=3 * M, income=-1 * M, order=3
        ),
    ]
    position = services.open_position(year=year, month=D(2017, 9, 1), user=None)
    return year, (one, two, three), lines, position
