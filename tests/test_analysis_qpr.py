"""The QPR's figures on hand-worked cases (no database): quarters, counts per area and in total, the summary
table's cells, and the cover's and executive summary's sentences for positive, negative and level nets."""

import datetime as dt
from decimal import Decimal

import pytest

from councilplan.analysis import performance as rules
from councilplan.analysis import qpr

D = Decimal
SEP, JUN = dt.date(2017, 9, 1), dt.date(2017, 6, 1)


def kpi(ref, area, q1, q2, target=90, floor=80, polarity=rules.HIGHER):
    results = tuple(rules.Result(p, D(str(v))) for p, v in ((JUN, q1), (SEP, q2)) if v is not None)
    return rules.Indicator(
        ref,
        ref,
        area,
        frequency=rules.QUARTERLY,
        polarity=polarity,
        year_to_date=rules.SNAPSHOT,
        standards=(rules.Standard(2017, D(target), D(floor)),),
        results=results,
    )


def test_quarters():
    assert qpr.parse_quarter("2017-Q1") == dt.date(2017, 6, 1)
    assert qpr.parse_quarter(" 2017-q3 ") == dt.date(2017, 12, 1)
    assert qpr.parse_quarter("2017-Q4") == dt.date(2018, 3, 1)
    assert qpr.parse_quarter("2017-09") is None
    assert qpr.quarter_name(dt.date(2018, 3, 1)) == "2017-Q4"
    assert qpr.quarter_label(SEP) == "Quarter 2, 2017/18"
    with pytest.raises(ValueError):
        qpr.quarter_name(dt.date(2017, 8, 1))


def test_counts_by_area_and_total_worked_by_hand():
    areas = [qpr.AreaInput("a", "Area A"), qpr.AreaInput("b", "Area B"), qpr.AreaInput("c", "Empty")]
    indicators = [
        kpi("A1", "a", 85, 95),  # green (95 ≥ 90), improved
        kpi("A2", "a", 95, 85),  # amber (80 ≤ 85 < 90), worsened
        kpi("A3", "a", 70, 70),  # red, same
        kpi("B1", "b", 20, 15, target=18, floor=25, polarity=rules.LOWER),  # lower is better: green, improved
        kpi("B2", "b", None, 85),  # amber, no earlier result: no arrow
        kpi("B3", "b", 85, None),  # no result this quarter... the Q1 result is the latest: amber, no arrow
    ]
    report = qpr.analyse(areas, indicators, SEP)
    a, b, c = (r.counts for r in report.areas)
    assert (a.green, a.amber, a.red, a.improved, a.same, a.worsened) == (1, 1, 1, 1, 1, 1)
    assert (b.green, b.amber, b.red, b.improved, b.same, b.worsened, b.no_direction) == (1, 2, 0, 1, 0, 0, 2)
    assert c.kpis == 0
    assert report.total.as_dict() == {
        "green": 2, "amber": 3, "red": 1, "improved": 2, "same": 1, "worsened": 1,
        "kpis": 6, "unrated": 0, "no_direction": 2,
    }  # fmt: skip
    assert qpr.summary_rows(report) == [
        ("Area A", "1", "1", "1", "1", "1", "1"),
        ("Area B", "1", "2", "", "1", "", ""),
        ("Empty", "", "", "", "", "", ""),
        ("TOTAL", "2", "3", "1", "2", "1", "1"),
    ]


def test_cover_sentences_follow_the_net():
    negative = qpr.Counts(green=1, amber=1, red=0, improved=0, same=1, worsened=1, kpis=2)
    words = qpr.cover_sentences(negative)
    assert words["rag_lines"][0] == "1 is rated Green – target achieved or exceeded"
    assert words["direction"] == (
        "Net Direction of Travel in the quarter was negative with 0 indicators improving, 1 showing a fall in "
        "performance and 1 with no change."
    )
    assert qpr.headline_sentence(negative, 3).startswith(
        "More indicators for Quarter 3 are rated Green than any other rating, but not a majority"
    )
    level = qpr.Counts(green=0, amber=2, red=1, improved=1, same=1, worsened=1, kpis=3)
    assert (
        "was level, with as many indicators improving as falling: 1 indicator improving"
        in (qpr.cover_sentences(level)["direction"])
    )
    assert qpr.headline_sentence(level, 1) == (
        "Fewer indicators for Quarter 1 are rated Green than Amber or Red and Net Direction of Travel was level "
        "with as many indicators showing improvement as showing decline."
    )
