"""Budget monitoring's forms for capital, reserves and activity data: each refuses bad entries with the GOV.UK
error summary and keeps what was typed; each is open only to its role (and to nobody once the position is
reported: frozen, a change makes a new version); each save is in the history with its reason; a save over
someone else's newer one is refused. Figures are worked by hand from the spec's examples (New Ways of Working:
+2.127 real, funded 0.483 + 1.5 + 0.084 + 0.060)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from finance_support import M, P, make_user, small_budget

from councilplan.core.models import User
from councilplan.finance import services
from councilplan.finance.models import ActivityTable, CapitalAdjustment, CapitalPosition, Position, Reserve

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return {
        "finance": make_user("fin", teams=("finance",)),
        "manager": make_user("manager"),
        "director": make_user("director"),
        "viewer": make_user("reader", role=User.Role.VIEWER),
        "other": make_user("other"),
    }


@pytest.fixture
def budget(people):
    year, units, lines, position = small_budget(manager=people["manager"], director=people["director"])
    scheme = services.create_capital_line(
        code="NWOW", title="New Ways of Working", directorate=units[0].directorate, division="Property"
    )
    reserve = services.create_reserve(
        position, code="earmarked", name="Earmarked Reserves", opening=163 * M, projected=127 * M, user=None
    )
    table = services.save_activity_table(
        position,
        ref="2.1",
        user=None,
        line=lines[0],
        title="Nursing and residential care",
        measure="clients",
        budget_a=10 * M,
        budget_b=-2 * M,
        forecast_a=10 * M,
        forecast_b=-2 * M,
    )
    return {"year": year, "units": units, "lines": lines, "position": position, "scheme": scheme}, reserve, table


def _report(position):
    services.report_position(position, reported_to="Cabinet", reported_on=position.month, user=None)


def _post(client, user, url, data):
    client.force_login(user)
    return client.post(url, data)


CAPITAL = {
    "budget": "10,000,000",
    "forecast": "9,127,000",
    "real": "2127000",
    "rephasing": "-3000000",
    "explanation": "Higher construction costs",
    "funding_source_1": "Modernisation of Assets",
    "funding_amount_1": "483000",
    "funding_source_2": "Capital receipts",
    "funding_amount_2": "1500000",
    "funding_source_3": "Salix",
    "funding_amount_3": "84000",
    "funding_source_4": "External",
    "funding_amount_4": "60000",
}


def test_capital_forecast_splits_real_and_rephasing_and_its_funding_adds_up(client, budget, people):
    data, _, _ = budget
    position, url = data["position"], reverse("finance:capital_forecast", args=[data["position"].pk, "NWOW"])
    # real + rephasing (2.127 − 3.000 = −0.873) must be the variance: 9.000 − 10.000 = −1.000 is not
    response = _post(client, people["finance"], url, {**CAPITAL, "forecast": "9000000", "version": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page and "must add up to the variance" in page and 'value="9000000"' in page
    assert "(forecast − working budget = −£1,000,000); they add up to −£873,000" in page
    # funding short by 60,000
    response = client.post(url, {**CAPITAL, "funding_amount_4": "", "funding_source_4": "", "version": ""})
    assert response.status_code == 400 and "The funding must add up to the real variance" in response.content.decode()
    response = client.post(url, {**CAPITAL, "version": ""})
    assert response.status_code == 302
    capital = CapitalPosition.objects.get(position=position)
    assert (capital.budget, capital.real, capital.rephasing) == (10 * M, 2_127_000 * P, -3 * M)
    assert sorted(f.amount for f in capital.funding.all()) == [60_000 * P, 84_000 * P, 483_000 * P, 1_500_000 * P]
    assert capital.history.latest().history_change_reason == "Capital forecast saved"
    assert capital.history.latest().history_user == people["finance"]
    # a second save from the form as first read (no version, so made before the first save) is refused
    stale = client.post(url, {**CAPITAL, "rephasing": "-4000000", "forecast": "8127000", "version": ""})
    assert stale.status_code == 400 and "Someone else saved" in stale.content.decode()
    again = client.post(url, {**CAPITAL, "rephasing": "-4000000", "forecast": "8127000", "version": capital.version})
    assert again.status_code == 302
    assert CapitalPosition.objects.get(position=position).rephasing == -4 * M


def test_a_real_variance_needs_its_reason(budget, people):
    data, _, _ = budget
    with pytest.raises(ValidationError, match="real variance needs its reason"):
        services.save_capital_forecast(
            data["position"],
            line=data["scheme"],
            budget=M,
            forecast=0,
            real=-M,
            rephasing=0,
            version=None,
            user=None,
        )


def test_capital_adjustment_checks_its_fields_and_is_removed_with_a_reason(client, budget, people):
    data, _, _ = budget
    position, scheme = data["position"], data["scheme"]
    url = reverse("finance:capital_adjustment_add", args=[position.pk])
    bad = {"line": scheme.pk, "amount": "0", "year": "2017-19", "funding": "", "reason": "Scheme dropped"}
    response = _post(client, people["finance"], url, {**bad, "agreed_on-day": "31", "agreed_on-month": "2"})
    page = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in page
    assert "must include a year" in page and 'value="2017-19"' in page and "Scheme dropped" in page
    response = client.post(url, bad)  # the service's checks
    page = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in page
    assert "other than nil" in page and "not a financial year" in page and "Say which funding" in page
    good = {**bad, "amount": "-1000000", "year": "2017-18", "funding": "Grant"}
    date = {"agreed_on-day": "11", "agreed_on-month": "12", "agreed_on-year": "2017"}
    assert client.post(url, {**good, **date}).status_code == 302
    adjustment = CapitalAdjustment.objects.get()
    assert adjustment.amount == -M and adjustment.agreed_on.isoformat() == "2017-12-11"
    assert adjustment.history.latest().history_change_reason == "Cash limit adjustment: Scheme dropped"
    remove = reverse("finance:capital_adjustment_remove", args=[position.pk, adjustment.pk])
    assert client.post(remove, {"reason": ""}).status_code == 400
    assert client.post(remove, {"reason": "Entered twice"}).status_code == 302
    assert not CapitalAdjustment.objects.exists()
    assert CapitalAdjustment.history.filter(history_type="-").get().history_change_reason == "Removed: Entered twice"


def test_reserves_balances_and_movements(client, budget, people):
    data, reserve, _ = budget
    position = data["position"]
    edit = reverse("finance:reserve_edit", args=[position.pk, reserve.pk])
    response = _post(client, people["finance"], edit, {"name": "Earmarked", "opening": "x", "projected": "1"})
    assert response.status_code == 400 and 'value="x"' in response.content.decode()
    assert "Say why" in response.content.decode() or "This field is required" in response.content.decode()
    ok = {"name": "Earmarked Reserves", "opening": "163200000", "projected": "126500000", "reason": "Half year"}
    assert client.post(edit, {**ok, "version": reserve.version}).status_code == 302
    reserve.refresh_from_db()
    assert reserve.projected - reserve.opening == -36_700_000 * P
    assert reserve.history.latest().history_change_reason == "Half year"
    stale = client.post(edit, {**ok, "version": 1})
    assert stale.status_code == 400 and "Someone else saved" in stale.content.decode()

    add = reverse("finance:reserve_item_add", args=[position.pk, reserve.pk])
    assert client.post(add, {"description": "", "amount": "0"}).status_code == 400
    assert client.post(add, {"description": "Drawdown for the budget", "amount": "-30000000"}).status_code == 302
    page = client.get(reverse("finance:reserves", args=[position.pk])).content.decode()
    # −30.000 listed against a movement of −36.700: the page says they differ
    assert "add up to £-30.000m, not the movement of £-36.700m" in page
    assert client.post(add, {"description": "Other drawdowns", "amount": "-6700000"}).status_code == 302
    page = client.get(reverse("finance:reserves", args=[position.pk])).content.decode()
    assert "not the movement" not in page

    new = reverse("finance:reserve_add", args=[position.pk])
    duplicate = {"code": "earmarked", "name": "Again", "opening": "1", "projected": "1"}
    response = client.post(new, duplicate)
    assert response.status_code == 400 and "already has a reserve earmarked" in response.content.decode()
    assert client.post(new, {**duplicate, "code": "general", "name": "General Fund"}).status_code == 302
    assert Reserve.objects.filter(position=position).count() == 2


ACTIVITY = {
    "budget_a": "10000000",
    "budget_b": "-2000000",
    "forecast_a": "11850001",
    "forecast_b": "-2088108",
    "ytd_budget_a": "5000000",
    "ytd_budget_b": "0",
    "ytd_actual_a": "4900000",
    "ytd_actual_b": "0",
    "activity_budget": "1038",
    "activity_forecast": "1079",
    "activity_ytd_budget": "1038",
    "activity_ytd_actual": "1061",
    "demand": "1349999",
    "unit_cost": "875216",
    "other": "-375214",
    "reasons": "More clients than budgeted",
}


def test_activity_data_beside_the_money(client, budget, people):
    data, _, table = budget
    position = data["position"]
    url = reverse("finance:activity_edit", args=[position.pk, table.pk])
    page = _post(client, people["manager"], url, {}).content.decode()
    assert "cash limit net £8000000" in client.get(url).content.decode()  # the line's money beside
    # 1,349,999 + 875,216 − 375,215 is a pound short of the gross variance 1,850,001 (seed 004 table 2.1)
    response = client.post(url, {**ACTIVITY, "other": "-375215", "activity_forecast": "-1", "version": table.version})
    page = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in page
    assert "must add up to the gross variance" in page and 'value="-375215"' in page
    response = client.post(url, {**ACTIVITY, "version": table.version})
    assert response.status_code == 302
    table.refresh_from_db()
    assert table.forecast_a == 11_850_001 * P and table.activity_forecast == 1079 and table.other == -375_214 * P
    assert table.history.latest().history_change_reason == "Activity data saved"
    assert table.history.latest().history_user == people["manager"]
    stale = client.post(url, {**ACTIVITY, "version": 1})
    assert stale.status_code == 400 and "Someone else saved" in stale.content.decode()


ROLES = ["finance", "manager", "director", "viewer", "other", None]


@pytest.mark.parametrize("role", ROLES)
def test_each_form_by_role(client, budget, people, role):
    data, reserve, table = budget
    position = data["position"]
    user = people.get(role) if role else None
    if user is not None:
        client.force_login(user)
    for url in (reverse(f"finance:{name}", args=[position.pk]) for name in ("capital", "reserves", "activity")):
        assert client.get(url).status_code == (302 if user is None else 200), url
    allowed = {
        reverse("finance:capital_forecast", args=[position.pk, "NWOW"]): {"finance"},
        reverse("finance:capital_adjustment_add", args=[position.pk]): {"finance"},
        reverse("finance:reserve_add", args=[position.pk]): {"finance"},
        reverse("finance:reserve_edit", args=[position.pk, reserve.pk]): {"finance"},
        reverse("finance:reserve_item_add", args=[position.pk, reserve.pk]): {"finance"},
        reverse("finance:activity_edit", args=[position.pk, table.pk]): {"finance", "manager"},
    }
    for url, roles in allowed.items():
        expected = 302 if user is None else (200 if role in roles else 403)
        assert client.get(url).status_code == expected, (url, role)
        if user is not None and role not in roles:
            assert client.post(url, {}).status_code == 403, (url, role)


def test_the_budget_manager_enters_activity_only_while_the_position_is_open(client, budget, people):
    data, _, table = budget
    position = data["position"]
    services.set_state(position, state=Position.State.CLOSED, user=None)
    client.force_login(people["manager"])
    assert client.get(reverse("finance:activity_edit", args=[position.pk, table.pk])).status_code == 403
    client.force_login(people["finance"])
    assert client.get(reverse("finance:activity_edit", args=[position.pk, table.pk])).status_code == 200


def test_frozen_once_reported_and_a_new_version_takes_the_change(client, budget, people):
    data, reserve, table = budget
    position, scheme = data["position"], data["scheme"]
    _report(position)
    client.force_login(people["finance"])
    for url in (
        reverse("finance:capital_forecast", args=[position.pk, "NWOW"]),
        reverse("finance:capital_adjustment_add", args=[position.pk]),
        reverse("finance:reserve_edit", args=[position.pk, reserve.pk]),
        reverse("finance:reserve_item_add", args=[position.pk, reserve.pk]),
        reverse("finance:activity_edit", args=[position.pk, table.pk]),
    ):
        assert client.get(url).status_code == 403, url
    for change in (
        lambda: services.save_capital_forecast(
            position, line=scheme, budget=M, forecast=M, real=0, rephasing=0, version=None, user=None
        ),
        lambda: services.record_capital_adjustment(
            position, line=scheme, amount=M, year="2017-18", funding="Grant", reason="r", user=None
        ),
        lambda: services.save_reserve(
            reserve, name="R", opening=0, projected=0, version=reserve.version, reason="r", user=None
        ),
        lambda: services.add_reserve_item(reserve, description="d", amount=M, user=None),
        lambda: services.update_activity_table(table, user=None, version=table.version, finance=True, reasons="r"),
    ):
        with pytest.raises(ValidationError, match="frozen"):
            change()
    copy = services.restate_position(position, reason="A correction", user=people["finance"])
    new_table = ActivityTable.objects.get(position=copy)
    url = reverse("finance:activity_edit", args=[copy.pk, new_table.pk])
    assert client.post(url, {**ACTIVITY, "version": new_table.version}).status_code == 302
    assert ActivityTable.objects.get(pk=table.pk).forecast_a == 10 * M  # the reported one as it was
    assert ActivityTable.objects.get(pk=new_table.pk).forecast_a == 11_850_001 * P
