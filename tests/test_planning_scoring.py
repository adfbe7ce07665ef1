"""Scores and ranks against hand-worked examples (analysis.planning), and the long list's figures on small
hand-made lists. No database."""

from decimal import Decimal

import pytest

from councilplan.analysis.planning import (
    Criterion,
    Submission,
    deca_profile,
    figures_for,
    gap_figures,
    gaps,
    headline_figures,
    rank,
    stage_counts,
    weighted_score,
)

FOUR = [
    Criterion("strategic_importance", "Strategic importance"),
    Criterion("value", "Value"),
    Criterion("risk", "Risk"),
    Criterion("complexity", "Complexity"),
]


def scores(a, b, c, d):
    return {"strategic_importance": a, "value": b, "risk": c, "complexity": d}


def test_equal_weights_on_one_to_five():
    # 5 + 4 + 3 + 2 = 14, out of 4 × 5 = 20: 70%.
    score = weighted_score(scores(5, 4, 3, 2), FOUR)
    assert (score.total, score.maximum, score.percent) == (14, 20, Decimal("70.0"))
    assert str(score) == "14 out of 20"


def test_a_double_weight():
    # Strategic importance counts twice: 2×5 + 4 + 3 + 2 = 19, out of 2×5 + 5 + 5 + 5 = 25: 76%.
    weighted = [Criterion("strategic_importance", "S", Decimal(2)), *FOUR[1:]]
    score = weighted_score(scores(5, 4, 3, 2), weighted)
    assert (score.total, score.maximum, score.percent) == (19, 25, Decimal("76.0"))


def test_scales_of_different_lengths():
    # 8 on 1–10 and 4 on 1–5: 12 out of 15 = 80%.
    criteria = [Criterion("a", "A", high=10), Criterion("b", "B")]
    score = weighted_score({"a": 8, "b": 4}, criteria)
    assert (score.total, score.maximum, score.percent) == (12, 15, Decimal("80.0"))


def test_a_third_is_rounded_half_up_to_one_place():
    # 1 out of 3 criteria of weight 1 on 0–1... : 1/3 = 33.3%; 2/3 = 66.7%.
    criteria = [Criterion(c, c, low=0, high=1) for c in "abc"]
    assert weighted_score({"a": 1, "b": 0, "c": 0}, criteria).percent == Decimal("33.3")
    assert weighted_score({"a": 1, "b": 1, "c": 0}, criteria).percent == Decimal("66.7")


def test_not_fully_scored_has_no_score():
    assert weighted_score({"strategic_importance": 5}, FOUR) is None
    assert weighted_score({}, []) is None


@pytest.mark.parametrize("bad", [0, 6, 2.5, "4", True])
def test_a_score_off_the_scale_is_an_error(bad):
    with pytest.raises(ValueError, match="whole number from 1 to 5"):
        weighted_score(scores(bad, 3, 3, 3), FOUR)


def test_ranks_highest_first_with_ties_sharing_a_rank():
    # D 18, B 16, A 14, C 14, F 10, E unscored → 1, 2, =3, =3, 5, not ranked.
    by_number = {
        1: scores(5, 4, 3, 2),  # A 14
        2: scores(4, 4, 4, 4),  # B 16
        3: scores(2, 3, 4, 5),  # C 14
        4: scores(5, 5, 4, 4),  # D 18
        5: {"value": 5},  # E not fully scored
        6: scores(1, 2, 3, 4),  # F 10
    }
    ranked = rank((n, weighted_score(s, FOUR)) for n, s in by_number.items())
    assert [(r.number, r.rank_text) for r in ranked] == [
        (4, "1"),
        (2, "2"),
        (1, "=3"),
        (3, "=3"),
        (6, "5"),
        (5, "Not ranked"),
    ]


def test_weights_change_the_order():
    a, b = scores(5, 1, 1, 1), scores(2, 2, 2, 3)
    equal = rank([(1, weighted_score(a, FOUR)), (2, weighted_score(b, FOUR))])
    assert [r.number for r in equal] == [2, 1]  # 8 < 9
    heavy = [Criterion("strategic_importance", "S", Decimal(3)), *FOUR[1:]]
    weighted = rank([(1, weighted_score(a, heavy)), (2, weighted_score(b, heavy))])
    assert [r.number for r in weighted] == [1, 2]  # 3×5 + 3 = 18 > 3×2 + 7 = 13


def test_decimal_weights_tie_exactly():
    # 1.5×4 + 0.5×2 = 7 and 1.5×3 + 0.5×5 = 7: a tie, not a rounding accident.
    criteria = [Criterion("a", "A", Decimal("1.5")), Criterion("b", "B", Decimal("0.5"))]
    ranked = rank([(1, weighted_score({"a": 4, "b": 2}, criteria)), (2, weighted_score({"a": 3, "b": 5}, criteria))])
    assert [(r.number, r.rank_text) for r in ranked] == [(1, "=1"), (2, "=1")]


def test_deca_profile():
    factors = ["stakeholders", "solution", "timescales", "governance"]
    profile = deca_profile({"stakeholders": "high", "solution": "high", "timescales": "low"}, factors)
    assert (profile.high, profile.medium, profile.low, profile.unrated) == (2, 0, 1, 1)
    assert str(profile) == "2 high, 0 medium, 1 low (1 not rated)"


# --- the long list's figures ---------------------------------------------------------------------------


def record(number, **fields):
    return Submission(number=number, title=f"Activity {number}", **fields)


LIST = [
    record(
        1,
        outcome="A",
        support=("strategic_commissioning", "finance"),
        capacity="unsure",
        decision="short_list",
        review="kept",
        in_delivery=True,
        revenue_cost=Decimal(100),
        eqia="completed",
        dpia="not_started",
    ),
    record(
        2,
        outcome="B",
        support=("finance",),
        capacity="in_place",
        decision="short_list",
        review="kept",
        part_of_programme=True,
        eqia="in_progress",
        dpia="not_required",
    ),
    record(3, outcome="B", support=(), capacity="gap", decision="operating_plan", review="kept", savings=Decimal(5)),
    record(4, outcome="B", capacity="unsure", review="operational"),
]


def test_stage_counts():
    assert stage_counts(LIST) == {"submissions": 4, "long_list": 3, "short_list": 2}


def test_figures_on_one_base():
    f = figures_for(LIST, ["A", "B"], cross_cutting="B")
    assert f["support_any"].as_dict() == {"count": 2, "of": 4, "percent": 50}
    assert f["support_finance"].count == 2 and f["support_strategic_commissioning"].count == 1
    assert f["capacity_unsure"].as_dict() == {"count": 2, "of": 4, "percent": 50}
    assert f["revenue_costs_identified"].count == 1
    assert f["eqia_done_or_in_progress"].count == 2  # completed and in progress
    assert f["dpia_done_or_in_progress"].count == 0  # "not required" is neither
    assert f["outcome_1"].as_dict() == {"count": 1, "of": 4, "percent": 25}
    assert f["outcome_2"].count == 3 and f["cross_cutting"].count == 3


def test_headline_figures_use_their_own_bases():
    f = headline_figures(LIST, ["A", "B"])
    assert f["in_delivery"].as_dict() == {"count": 1, "of": 2, "percent": 50}  # the short list
    assert f["support_strategic_commissioning"].of == 2
    assert f["capacity_unsure"].of == 4  # every submission
    assert f["outcome_2"].as_dict() == {"count": 3, "of": 4, "percent": 75}


def test_an_empty_base_has_no_percentage():
    f = headline_figures([record(1, outcome="A")], ["A"])
    assert f["in_delivery"].as_dict() == {"count": 0, "of": 0, "percent": None}


def test_gaps_per_activity_and_in_total():
    assert gaps(LIST[0]) == ("no_dpia",)
    assert gaps(LIST[1]) == ("no_financial_information",)  # DPIA not required is no gap
    assert gaps(LIST[2]) == ("no_eqia", "no_dpia")  # savings count as financial information
    totals = gap_figures(LIST[:3])
    assert totals["no_financial_information"].count == 1
    assert totals["no_dpia"].count == 2
    assert totals["any_gap"].as_dict() == {"count": 3, "of": 3, "percent": 100}
