"""Changing risks: reviews set the scores and give the direction, moves keep the code and history, and every
change is in the history with who made it."""

import pytest
from django.core.exceptions import ValidationError
from risk_support import D, make_register, make_risk, make_user

from councilplan.risks import services
from councilplan.risks.models import Movement, Register, Risk
from councilplan.risks.selectors import (
    find_registers,
    get_scale,
    register_data,
    risk_history,
    risk_record,
    risks_for_activities,
    risks_named_by_returns,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def corporate():
    return make_register()


@pytest.fixture
def directorate():
    return make_register("Children's Directorate Risk Register", "directorate", owner="Corporate Director CYPE")


@pytest.fixture
def team():
    return make_user("cora.corporate", role="corporate")


def directions(register):
    data = register_data([register])
    return {code: d.code for code, d in data.figures(get_scale()).directions.items()}


# --- reviews and direction -------------------------------------------------------------------------------


def test_a_new_risk_has_one_review_and_is_new(corporate, team):
    risk = make_risk(corporate, user=team)
    assert risk.reviews.count() == 1
    assert directions(corporate) == {"CRR0001": "new"}


@pytest.mark.parametrize(
    "now, expected",
    [((3, 5), "down"), ((4, 5), "same"), ((5, 4), "same"), ((5, 5), "up")],
)
def test_direction_comes_from_the_reviews(corporate, team, now, expected):
    risk = make_risk(corporate, current=(4, 5), user=team)
    services.record_review(risk, reviewed_on=D(2017, 12, 11), current=now, target=(3, 4), user=team)
    risk.refresh_from_db()
    assert (risk.current_likelihood, risk.current_impact) == now
    assert directions(corporate) == {"CRR0001": expected}


def test_context_changed_review_is_not_compared(corporate, team):
    risk = make_risk(corporate, current=(3, 3), user=team)
    services.record_review(
        risk, reviewed_on=D(2017, 12, 11), current=(3, 3), target=(2, 3), context_changed=True, user=team
    )
    assert directions(corporate) == {"CRR0001": "context_changed"}


def test_a_backdated_review_goes_into_the_history_without_changing_the_scores(corporate, team):
    risk = make_risk(corporate, current=(4, 5), reviewed_on=D(2017, 12, 11), user=team)
    services.record_review(risk, reviewed_on=D(2017, 7, 31), current=(5, 5), target=(3, 4), user=team)
    risk.refresh_from_db()
    assert (risk.current_likelihood, risk.current_impact) == (4, 5)
    assert directions(corporate) == {"CRR0001": "down"}  # 25 in July, 20 in December


def test_bad_scores_are_refused(corporate, team):
    risk = make_risk(corporate, user=team)
    with pytest.raises(ValidationError):
        services.record_review(risk, reviewed_on=D(2018, 1, 1), current=(6, 1), target=(1, 1), user=team)
    with pytest.raises(ValidationError):
        make_risk(corporate, code="CRR0002", current=(0, 3))


# --- codes -----------------------------------------------------------------------------------------------


def test_codes_are_never_reused_even_after_withdrawal(corporate, team):
    risk = make_risk(corporate, user=team)
    services.move_risk(risk, to_register=None, reason="Closed", moved_on=D(2018, 1, 1), user=team)
    with pytest.raises(ValidationError, match="already used"):
        make_risk(corporate, code="crr0001", title="Another risk")


def test_the_code_cannot_be_changed_through_the_details(corporate, team):
    risk = make_risk(corporate, user=team)
    with pytest.raises(TypeError):
        services.update_risk_details(risk, code="CRR9999", user=team)
    with pytest.raises(TypeError):
        services.update_risk_details(risk, register=None, user=team)


# --- escalation, de-escalation, withdrawal ---------------------------------------------------------------


def test_de_escalation_keeps_code_reviews_controls_actions_and_history(corporate, directorate, team):
    # CRR0010: withdrawn from the corporate register "to be managed at directorate level".
    risk = make_risk(corporate, code="CRR0010", user=team)
    services.record_review(risk, reviewed_on=D(2017, 12, 1), current=(3, 3), target=(3, 3), user=team)
    move = services.move_risk(
        risk, to_register=directorate, reason="Managed at directorate level", moved_on=D(2017, 12, 11), user=team
    )
    risk.refresh_from_db()
    assert (move.kind, move.from_register, move.to_register) == (Movement.Kind.DE_ESCALATED, corporate, directorate)
    assert (risk.code, risk.register, risk.status) == ("CRR0010", directorate, Risk.Status.OPEN)
    assert (risk.reviews.count(), risk.controls.count(), risk.actions.count()) == (2, 1, 1)
    assert [r.code for r in register_data([corporate]).risks] == []
    assert [r.code for r in register_data([directorate]).risks] == ["CRR0010"]
    # The history has the risk on both registers, and the move with its reason and who made it.
    assert {h.register_id for h in risk.history.all()} == {corporate.pk, directorate.pk}
    entries = risk_history(risk)
    moved = next(e for e in entries if e.what == "Move added")
    assert moved.who == str(team) and "Managed at directorate level" in moved.changes[0]
    assert any("Register" in change for e in entries if e.what == "Risk changed" for change in e.changes)


def test_escalation_back_up_and_moves_across(corporate, directorate, team):
    other = make_register("Adults' Directorate Risk Register", "directorate")
    risk = make_risk(directorate, code="DIR0001", user=team)
    assert services.move_risk(risk, to_register=other, reason="r", moved_on=D(2018, 1, 1), user=team).kind == (
        Movement.Kind.TRANSFERRED
    )
    assert services.move_risk(risk, to_register=corporate, reason="r", moved_on=D(2018, 2, 1), user=team).kind == (
        Movement.Kind.ESCALATED
    )
    assert list(risk.movements.values_list("kind", flat=True)) == ["transferred", "escalated"]
    assert risk_record(risk).register == "Corporate Risk Register"


def test_withdraw_and_reinstate(corporate, team):
    risk = make_risk(corporate, user=team)
    services.move_risk(risk, to_register=None, reason="Risk has passed", moved_on=D(2018, 4, 1), user=team)
    risk.refresh_from_db()
    assert risk.status == Risk.Status.WITHDRAWN
    assert register_data([corporate]).risks == ()
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.move_risk(risk, to_register=None, reason="again", moved_on=D(2018, 4, 2), user=team)
    move = services.move_risk(risk, to_register=corporate, reason="It is back", moved_on=D(2018, 6, 1), user=team)
    assert move.kind == Movement.Kind.REINSTATED
    assert [r.code for r in register_data([corporate]).risks] == ["CRR0001"]


def test_a_move_needs_a_reason_and_somewhere_new(corporate, team):
    risk = make_risk(corporate, user=team)
    with pytest.raises(ValidationError, match="Say why"):
        services.move_risk(risk, to_register=None, reason="  ", moved_on=D(2018, 1, 1), user=team)
    with pytest.raises(ValidationError, match="already on"):
        services.move_risk(risk, to_register=corporate, reason="r", moved_on=D(2018, 1, 1), user=team)


# --- history ---------------------------------------------------------------------------------------------


def test_every_change_is_in_the_history_with_who_made_it(corporate, team, small_plan):
    owner = make_user("olly.owner")
    risk = make_risk(corporate, user=team)
    services.update_risk_details(risk, title="Safeguarding children", causes=["New cause"], user=owner)
    control = risk.controls.get()
    services.update_control(control, title="A better control", owner="Someone", user=owner)
    action = risk.actions.get()
    services.update_action(action, title="An action", planned="June 2018", status="completed", user=owner)
    services.remove_control(control, user=team)
    services.set_activities(risk, small_plan.activities.filter(ref="1"), user=team)
    services.set_owner_users(risk, [owner], user=team)
    services.record_review(risk, reviewed_on=D(2018, 1, 1), current=(3, 5), target=(3, 4), user=owner)

    entries = risk_history(risk)
    text = [(e.who, e.what, " | ".join(e.changes)) for e in entries]
    assert (
        "Olly Owner",
        "Risk changed",
        "Title: Safeguarding → Safeguarding children | Source / cause of risk: A cause; Another cause → New cause",
    ) in text
    assert (
        "Olly Owner",
        "Control changed",
        "Title: A control → A better control | Owner: Control Owner → Someone",
    ) in text
    status = "Status: Outstanding or partially complete → Completed / closed"
    assert any(e.what == "Action changed" and status in e.changes for e in entries)
    assert any(e.what == "Control removed" and e.who == "Cora Corporate" for e in entries)
    assert any(
        "Linked plan activities: (none) → 1. Schools commissioning plan" in c for e in entries for c in e.changes
    )
    assert any("People who may update it: (none) → Olly Owner" in c for e in entries for c in e.changes)
    assert any(e.what == "Review added" and "current 3×5=15" in e.changes[0] for e in entries)
    assert entries == sorted(entries, key=lambda e: e.when, reverse=True)


# --- links to the plan and to returns --------------------------------------------------------------------


def test_activities_list_their_open_risks(corporate, team, small_plan):
    first, second = small_plan.activities.filter(ref__in=["1", "2"]).order_by("ref")
    a = make_risk(corporate, code="CRR0001", user=team)
    b = make_risk(corporate, code="CRR0002", current=(2, 2), user=team)
    services.set_activities(a, [first, second], user=team)
    services.set_activities(b, [first], user=team)
    found = risks_for_activities([first.pk, second.pk])
    assert [(r.code, r.current_score) for r in found[first.pk]] == [("CRR0001", 20), ("CRR0002", 4)]
    assert [r.code for r in found[second.pk]] == ["CRR0001"]
    services.move_risk(b, to_register=None, reason="closed", moved_on=D(2018, 1, 1), user=team)
    assert [r.code for r in risks_for_activities([first.pk])[first.pk]] == ["CRR0001"]


def test_a_return_names_its_risks(team, sample_plan):
    from councilplan.monitoring.models import Return

    ret = Return.objects.filter(round__label="2019-20 Q2", activity__ref="4").get()
    project = make_register("Project register", "project_programme")
    a = make_risk(project, code="PRJ0001", user=team)
    b = make_risk(project, code="PRJ0002", user=team)
    services.name_return_risks(ret, [a, b], user=team)
    services.name_return_risks(ret, [b], user=team)
    assert risks_named_by_returns([ret.pk]) == {ret.pk: [("PRJ0002", "Safeguarding")]}
    assert any(e.what == "Monitoring return link removed" for e in risk_history(a))


def test_find_registers_by_name_or_level(corporate, directorate):
    make_register("Adults' Directorate Risk Register", "directorate")
    assert find_registers(None) == [corporate]
    assert find_registers("corporate risk register") == [corporate]
    assert [r.name for r in find_registers("Directorate")] == [
        "Adults' Directorate Risk Register",
        "Children's Directorate Risk Register",
    ]
    assert find_registers("no such thing") == []


def test_registers_need_a_known_level():
    with pytest.raises(ValidationError):
        make_register("Odd", "galactic")
    assert not Register.objects.filter(name="Odd").exists()
