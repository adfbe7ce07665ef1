"""A chart is drawn once (documents.charts): the same chart again, on a page or in another document, comes from
the cache; a changed figure is a new chart, drawn afresh."""

from dataclasses import dataclass

from councilplan.documents import charts
from councilplan.documents.model import Chart, Series, Table

DRAWN: list[str] = []


@dataclass(frozen=True)
class CountedChart(Chart):
    """A bar chart whose drawer counts how often it draws."""


@charts.draws(CountedChart)
def _draw(chart):
    DRAWN.append(chart.title)
    return charts.bar_chart(chart)


def chart(value: int) -> CountedChart:
    return CountedChart(
        key="kept",
        title="Activities by status",
        categories=("On track", "Off track"),
        series=(Series("Q2", (value, 3)),),
        alt=f"{value} on track, 3 off track",
        table=Table("Activities by status", ("Status", "Q2"), (("On track", value), ("Off track", 3))),
    )


def test_the_same_chart_is_drawn_once_and_a_changed_one_again():
    DRAWN.clear()
    first = charts.svg(chart(12))
    again = charts.svg(chart(12))
    assert first == again and first.startswith("<svg")
    assert len(DRAWN) == 1

    changed = charts.svg(chart(13))
    assert len(DRAWN) == 2
    assert ">13<" in changed and ">13<" not in first  # the bar's value label

    # The prefix is applied to the kept drawing: two charts on a page still have their own ids.
    other = charts.svg(chart(12), prefix="other-")
    assert len(DRAWN) == 2
    assert 'id="other-' in other and 'id="other-' not in first

    png = charts.png(chart(12))
    assert png.startswith(b"\x89PNG") and len(DRAWN) == 3
    assert charts.png(chart(12)) == png and len(DRAWN) == 3
