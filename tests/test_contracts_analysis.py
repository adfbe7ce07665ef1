"""Contract management's rules and figures, against numbers typed from spec/contracts.md and hand-worked cases
(hypothesis where a rule has many inputs). No database."""

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from councilplan.analysis import contracts as rules
from councilplan.contracts.framework import DESCRIPTORS

D = dt.date


def test_the_framework_counts_what_the_spec_counts():
    counts = rules.descriptor_counts(DESCRIPTORS)
    assert (counts["activities"], counts["levels"], counts["cells"], counts["descriptors"]) == (8, 5, 40, 160)
    assert counts["by_activity"] == {
        "planning_governance": [5, 4, 5, 3, 3],
        "people": [6, 5, 6, 4, 2],
        "administration": [4, 4, 5, 2, 2],
        "relationships": [3, 3, 4, 4, 2],
        "performance": [7, 6, 6, 4, 2],
        "payment_incentives": [4, 6, 7, 3, 3],
        "risk": [4, 4, 5, 3, 1],
        "contract_development": [5, 4, 5, 3, 2],
    }
    assert counts["by_level"] == [38, 36, 43, 26, 17]


def test_the_template_counts_what_the_spec_counts():
    assert rules.template_counts() == {
        "sections": 12,
        "contract_detail_fields": 6,
        "attestation_statements": 7,
        "annexes": 2,
    }
    assert [a.label for a in rules.ACTIVITIES][5] == "Payment and incentives"  # the template's label
    assert "remedies" in rules.ACTIVITIES[5].hint
    assert list(rules.LEVELS.values()) == ["Ad-hoc", "Informal", "Standardised", "Monitored", "Optimised"]


def test_the_saving_of_the_fixture_implies_about_12_9m():
    implied = rules.implied_annual_value(1_100_000_00, Decimal("8.5"))
    assert implied == 1_294_117_647  # £12,941,176.47
    assert rules.pounds_text(1_100_000_00) == "£1.1m"
    assert rules.pounds_text(implied) == "£12.9m"


def test_cost_of_contract_management_as_a_share_of_annual_value():
    assert rules.cost_of_management_percent(45_000_00, 1_500_000_00) == Decimal("3.0")
    assert rules.cost_of_management_percent(1_00, 3_00) == Decimal("33.3")
    assert rules.cost_of_management_percent(1_00, None) is None
    assert rules.cost_of_management_percent(None, 3_00) is None


@given(
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**12)),
    st.sampled_from(["low", "medium", "high"]),
    st.sampled_from(["low", "medium", "high"]),
)
def test_tier_by_brute_force(value, risk, complexity):
    rule = rules.TierRule()
    score = 1
    if value is not None and value >= rule.medium_value_from:
        score = 2
    if value is not None and value >= rule.high_value_from:
        score = 3
    score += {"low": 1, "medium": 2, "high": 3}[risk] + {"low": 1, "medium": 2, "high": 3}[complexity]
    expected = "gold" if score >= 7 else "silver" if score >= 5 else "bronze"
    assert rules.tier_for(value, risk, complexity) == expected


def test_tier_hand_worked():
    assert rules.tier_for(6_000_000_00, "high", "medium") == "gold"  # 3 + 3 + 2
    assert rules.tier_for(600_000_00, "medium", "low") == "silver"  # 2 + 2 + 1
    assert rules.tier_for(10_000_00, "low", "low") == "bronze"
    assert rules.tier_for(10_000_00, "", "low") is None


def test_transparency_threshold_is_over_5000():
    assert not rules.over_transparency_threshold(5_000_00)
    assert rules.over_transparency_threshold(5_000_01)
    assert not rules.over_transparency_threshold(None)


def test_procurement_act_warnings():
    today = D(2024, 6, 1)
    big = 5_000_000_01
    assert rules.kpi_warnings(5_000_000_00, 0, None, today) == []  # £5m exactly: not over
    codes = [w.code for w in rules.kpi_warnings(big, 2, None, today, D(2022, 4, 1), D(2030, 1, 1))]
    assert codes == ["too_few_kpis", "assessment_due"]
    assert [w.code for w in rules.kpi_warnings(big, 3, D(2023, 7, 1), today, D(2022, 4, 1))] == []
    assert [w.code for w in rules.kpi_warnings(big, 3, D(2023, 5, 1), today, D(2022, 4, 1))] == ["assessment_due"]
    assert rules.kpi_warnings(big, 0, None, today, D(2020, 1, 1), D(2023, 1, 1)) == []  # expired


@given(st.lists(st.sampled_from(["green", "amber", "red", None]), max_size=12))
def test_suggested_rating_by_brute_force(rags):
    rated = [r for r in rags if r]
    red = rated.count("red")
    if not rated:
        expected = None
    elif red > len(rated) / 2:
        expected = "inadequate"
    elif red:
        expected = "requires_improvement"
    elif "amber" in rated:
        expected = "approaching"
    else:
        expected = "good"
    assert rules.suggested_rating(rags) == expected


def test_attestation_concerns():
    good = {s.code: s.assuring for s in rules.STATEMENTS}
    assert rules.attestation_concerns(good) == []
    bad = dict(good, rights_waived=True, read_contract=False)
    assert rules.attestation_concerns(bad) == ["read_contract", "rights_waived"]
    assert rules.statement_text("provisions_breached", False).startswith(
        "The main/material provisions of the contract(s) have not"
    )


def _programme():
    """The fixture's 2019 programme, as plain records (spec lines: 10 held on 9 dates; 11 planned on 6 dates + TBC)."""
    held = [
        (D(2019, 3, 26), ["Dave Hughes"]),
        (D(2019, 4, 9), ["Karen Sharp"]),
        (D(2019, 4, 25), ["Karen Sharp"]),
        (D(2019, 5, 15), ["Karen Sharp"]),
        (D(2019, 6, 25), ["Clare Maynard"]),
        (D(2019, 6, 25), ["Clare Maynard"]),
        (D(2019, 7, 10), ["Clare Maynard"]),
        (D(2019, 7, 22), ["Karen Sharp"]),
        (D(2019, 9, 3), ["Andrew Loosemore"]),
        (D(2019, 10, 1), ["Phil Lightowler"]),
    ]
    planned = [
        D(2019, 11, 29),
        D(2019, 12, 3),
        D(2020, 1, 7),
        D(2020, 2, 4),
        D(2020, 2, 4),
        D(2020, 3, 3),
        D(2020, 3, 3),
        D(2020, 4, 7),
        D(2020, 4, 7),
        None,
        None,
    ]
    points = [rules.ReviewPoint(i, d, "held", f"h{i}", tuple(p)) for i, (d, p) in enumerate(held)]
    points += [rules.ReviewPoint(100 + i, d, "planned", f"p{i}", ("x",)) for i, d in enumerate(planned)]
    return points


def test_programme_figures_of_the_fixture():
    points = _programme()
    held = rules.held_between(points, D(2019, 3, 26), D(2019, 10, 1))
    figures = rules.programme_figures(held)
    assert (figures.entries, figures.dates, figures.tbc) == (10, 9, 0)
    assert figures.by_presenter == {
        "Karen Sharp": 4,
        "Clare Maynard": 3,
        "Andrew Loosemore": 1,
        "Dave Hughes": 1,
        "Phil Lightowler": 1,
    }
    plan = rules.forward_plan(points, D(2019, 10, 31))
    figures = rules.programme_figures(plan)
    assert (figures.entries, figures.dates, figures.tbc) == (11, 6, 2)
    assert plan[-1].meeting_date is None and plan[0].meeting_date == D(2019, 11, 29)


def test_heat_map_hand_worked():
    a = rules.AssessmentPoint(1, D(2019, 1, 1), (rules.RatingPoint("people", 2, 3), rules.RatingPoint("risk", 1, 3)))
    b = rules.AssessmentPoint(2, D(2019, 2, 1), (rules.RatingPoint("people", 3, 4), rules.RatingPoint("risk", None, 3)))
    c = rules.AssessmentPoint(3, D(2019, 3, 1), ())
    heat = rules.heat_map([a, b, c])
    assert heat.reviews == 2
    assert heat.counts["people"] == (0, 1, 1, 0, 0)
    assert heat.counts["risk"] == (1, 0, 0, 0, 0)
    assert heat.counts["administration"] == (0, 0, 0, 0, 0)
    assert heat.mean["people"] == Decimal("2.5") and heat.median["people"] == Decimal("2.5")
    assert heat.mean["administration"] is None


@given(st.lists(st.lists(st.integers(min_value=1, max_value=5), min_size=8, max_size=8), max_size=10))
def test_heat_map_counts_by_brute_force(matrix):
    points = [
        rules.AssessmentPoint(
            i,
            None,
            tuple(rules.RatingPoint(code, level, 5) for code, level in zip(rules.ACTIVITY_CODES, row, strict=True)),
        )
        for i, row in enumerate(matrix)
    ]
    heat = rules.heat_map(points)
    for k, code in enumerate(rules.ACTIVITY_CODES):
        for level in range(1, 6):
            assert heat.counts[code][level - 1] == sum(1 for row in matrix if row[k] == level)
        assert sum(heat.counts[code]) == len(matrix)


def test_a_contracts_reviews_compared_over_time():
    first = rules.AssessmentPoint(1, D(2017, 1, 10), (rules.RatingPoint("people", 2, 4),), overall=2)
    second = rules.AssessmentPoint(
        2, D(2019, 4, 9), (rules.RatingPoint("people", 3, 4), rules.RatingPoint("risk", 2, 3)), overall=3
    )
    third = rules.AssessmentPoint(3, D(2020, 1, 7), (rules.RatingPoint("people", 3, 4),), overall=2)
    comparison = rules.compare([third, first, second])
    assert comparison.dates == (D(2017, 1, 10), D(2019, 4, 9), D(2020, 1, 7))
    assert comparison.levels["people"] == (2, 3, 3)
    assert comparison.changes["people"] == (None, 1, 0)
    assert comparison.levels["risk"] == (None, 2, None)
    assert comparison.changes["risk"] == (None, None, None)
    assert comparison.changes["overall"] == (None, 1, -1)


def test_recurring_findings_and_follow_up():
    findings = [
        rules.FindingPoint(1, "finding", "performance", "open", D(2019, 1, 1)),
        rules.FindingPoint(2, "finding", "performance", "implemented", D(2019, 1, 1)),
        rules.FindingPoint(2, "issue", "people", "in_progress", D(2030, 1, 1)),
        rules.FindingPoint(3, "strength", "people", "open"),
        rules.FindingPoint(3, "finding", "people", "open"),
    ]
    assert rules.recurring_activities(findings) == {"performance": 2, "people": 2}
    counts = rules.findings_by_status(findings, D(2020, 1, 1))
    assert counts == {"open": 3, "in_progress": 1, "implemented": 1, "not_implemented": 0, "overdue": 1}


def test_choose_for_review_ranks_by_weighted_criteria():
    candidates = [
        ("A", {"value": 3, "risk": 1}),
        ("B", {"value": 1, "member_suggestion": 1}),
        ("C", {"risk": 3, "proximity_to_expiry": 2}),
    ]
    assert rules.choose_for_review(candidates, 2) == ["C", "A"]
    assert rules.choose_for_review(candidates, 1, {"member_suggestion": 10}) == ["B"]


def test_financial_years():
    assert rules.financial_year(D(2019, 3, 31)) == 2018
    assert rules.financial_year(D(2019, 4, 1)) == 2019
    assert rules.financial_year_name(2019) == "2019/20"
