"""Issue 20: each system's exceptions (what /overview/ and the quarterly pack open with) for risks, budget
monitoring, assurance and customer feedback: the record that meets the rule is listed with its reason and link,
the one just short of it is not, exempt records stay with the readers cleared for them, and the readers the
system does not serve get nothing. Rules from spec/risk.md, finance.md, assurance.md and feedback.md; the
figures are worked out by hand in each test."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from councilplan.core.models import User

pytestmark = pytest.mark.django_db

D = dt.date


def _reader(username="vic.viewer", role=User.Role.VIEWER, **fields):
    user, _ = User.objects.get_or_create(username=username, defaults={"name": username.title(), "role": role, **fields})
    return user


# --- risks: open, above target and rising at the latest review ---------------------------------------------


def test_a_risk_above_target_that_rose_is_an_exception_and_one_that_fell_is_not():
    from risk_support import make_register, make_risk

    from councilplan.risks import services
    from councilplan.risks.links import exceptions

    register = make_register()
    rising = make_risk(register, code="CRR0001", title="Safeguarding", current=(4, 5), target=(3, 4))
    services.record_review(rising, reviewed_on=D(2017, 12, 11), current=(5, 5), target=(3, 4), user=None)
    falling = make_risk(register, code="CRR0002", title="Budget", current=(4, 5), target=(3, 4))
    services.record_review(falling, reviewed_on=D(2017, 12, 11), current=(3, 5), target=(3, 4), user=None)
    # Rose, but only to its target: 3×4 = 12 is not above a target of 12.
    at_target = make_risk(register, code="CRR0003", title="Workforce", current=(2, 4), target=(3, 4))
    services.record_review(at_target, reviewed_on=D(2017, 12, 11), current=(3, 4), target=(3, 4), user=None)

    items = exceptions(_reader())
    assert [i.what for i in items] == ["CRR0001 Safeguarding"]
    # 5×5 = 25 now, 4×5 = 20 before, target 3×4 = 12.
    assert items[0].reason == "score 25 is above its target of 12 and rose from 20 at its latest review " + (
        "(Corporate Risk Register)"
    )
    assert items[0].link == "/risks/CRR0001/"
    assert exceptions(None) == []


def test_an_exempt_rising_risk_is_only_for_readers_cleared_for_exempt_information():
    from risk_support import make_register, make_risk

    from councilplan.risks import services
    from councilplan.risks.links import exceptions

    risk = make_risk(make_register(), code="CRR0009", title="Secret land deal")
    risk.exempt = True
    risk.save()
    services.record_review(risk, reviewed_on=D(2017, 12, 11), current=(5, 5), target=(3, 4), user=None)
    assert exceptions(_reader()) == []
    cleared = _reader("cleo.cleared", cleared_for_exempt=True)
    assert [i.what for i in exceptions(cleared)] == ["CRR0009 Secret land deal"]
    assert [i.what for i in exceptions(_reader("cora", role=User.Role.CORPORATE))] == ["CRR0009 Secret land deal"]


# --- budget monitoring: forecast overspend over the threshold in the latest reported position ----------------


def _forecast(position, code, *, overspend_pounds):
    from councilplan.finance import services

    line = position.lines.get(line__code=code)
    services.save_forecast(
        line,
        gross=line.gross + overspend_pounds * 100,
        income=line.income,
        user=None,
        version=line.version,
        finance=True,
    )


def test_an_overspend_over_the_threshold_in_the_reported_position_is_an_exception(settings):
    from finance_support import small_budget

    from councilplan.finance import services
    from councilplan.finance.links import exceptions

    settings.COUNCILPLAN_OVERSPEND_THRESHOLD = 100_000
    _, _, _, position = small_budget()
    _forecast(position, "L1", overspend_pounds=150_000)  # over the threshold
    _forecast(position, "L2", overspend_pounds=100_000)  # at it: not over
    _forecast(position, "L3", overspend_pounds=-900_000)  # an underspend
    reader = _reader()
    assert exceptions(reader) == []  # not reported yet: the open position's forecasts are still moving
    services.report_position(position, reported_to="Cabinet", reported_on=D(2017, 10, 23), user=None)

    items = exceptions(reader)
    assert [i.what for i in items] == ["Line one"]
    # £150,000 = £0.150m, to three decimal places as the Cabinet report writes it.
    assert items[0].reason.startswith("a pressure of +£0.150m forecast in ")
    assert items[0].reason.endswith("over the £100,000 threshold")
    assert items[0].link == "/budget/lines/L1/"
    assert exceptions(None) == []


def test_the_overspend_threshold_is_the_organisations_setting(settings):
    from finance_support import small_budget

    from councilplan.finance import services
    from councilplan.finance.links import exceptions

    _, _, _, position = small_budget()
    _forecast(position, "L1", overspend_pounds=150_000)
    services.report_position(position, reported_to="Cabinet", reported_on=D(2017, 10, 23), user=None)
    settings.COUNCILPLAN_OVERSPEND_THRESHOLD = 200_000
    assert exceptions(_reader()) == []
    settings.COUNCILPLAN_OVERSPEND_THRESHOLD = 149_999
    assert [i.what for i in exceptions(_reader())] == ["Line one"]


# --- assurance: open recommendations past their due date ---------------------------------------------------


def test_a_recommendation_past_its_due_date_and_still_open_is_an_exception():
    from assurance_support import make_world

    from councilplan.assurance import services
    from councilplan.assurance.links import exceptions

    world = make_world()  # its recommendation was due 31 October 2017, long past
    review = world["review"]
    services.add_recommendation(
        review, text="Not due yet", owner=world["users"]["lead"], due_on=timezone.localdate(), user=None
    )
    done = services.add_recommendation(
        review, text="Done already", owner=world["users"]["lead"], due_on=D(2017, 9, 30), user=None
    )
    services.follow_up(done, status="done", progress="Route agreed", user=None)

    items = exceptions(world["users"]["viewer"])
    assert [i.what for i in items] == ["Javelin Way: Set out the procurement route"]
    assert items[0].reason == "recommendation due 31 October 2017, still open"
    assert items[0].link == f"/assurance/recommendations/{world['recommendation'].pk}/"
    assert exceptions(None) == []


# --- customer feedback: open complaints whose reply is late -------------------------------------------------


def test_a_late_complaint_is_an_exception_for_those_who_may_see_the_case():
    from feedback_support import log_complaint, make_world

    from councilplan.feedback.links import exceptions

    world = make_world()
    late = log_complaint(world)  # received 15 December 2017: its reply is years late
    log_complaint(world, received=timezone.localdate(), summary="Received today")  # not late
    for reader in (world["team"], world["coordinator"]):
        items = exceptions(reader)
        assert [i.what for i in items] == [f"{late.reference} (Highways)"]
        assert items[0].reason.endswith(": late") and "was due" in items[0].reason
        assert items[0].link == f"/feedback/records/{late.reference}/"
    # Someone with no part in the Highways service does not see its cases, nor their exceptions.
    assert exceptions(world["outsider"]) == []
    assert exceptions(None) == []
