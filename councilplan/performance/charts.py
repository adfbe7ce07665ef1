"""Charts of an indicator over time: its results as a line, with the target and floor standard as lines (KPIs)
or the expected range as a shaded band between the thresholds (activity indicators).

A `TrendChart` is a document `Chart` (councilplan.documents.model), so every renderer lays it out like any other
chart, with its data table beside it. The drawing is matplotlib, in the documents' chart style, registered as
the drawer of `TrendChart` (`councilplan.documents.charts.draws`).

Readable without colour: the result is a solid line with round markers and each value printed, the target a
dashed line, the floor a dotted line, the band bounded by dashed lines, and the key names each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from councilplan.documents import charts as document_charts
from councilplan.documents.model import Chart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_INCHES = document_charts.WIDTH_INCHES
HEIGHT_INCHES = 2.9
RESULT = {"color": "#1d70b8", "linestyle": "-", "marker": "o", "linewidth": 2.0, "markersize": 4}
TARGET = {"color": "#00703c", "linestyle": "--", "linewidth": 1.5}
FLOOR = {"color": "#d4351c", "linestyle": ":", "linewidth": 1.8}
BAND = {"facecolor": "#dee0e2", "edgecolor": "none", "linewidth": 0.0}


@dataclass(frozen=True)
class TrendChart(Chart):
    """Series by role: "result" (the line), "target" and "floor" (KPIs) or "lower" and "upper" (the band).
    A missing value is NaN: the line breaks there. `percent`: values are percentages (axis labelled so)."""

    percent: bool = False
    ref: str = ""  # the indicator's reference


def _values(chart: TrendChart, role: str) -> list[float] | None:
    for series in chart.series:
        if series.role == role:
            return [float(v) for v in series.values]
    return None


def _edges(values: list[float]) -> tuple[list[float], list[float]]:
    """A level per category drawn across the whole category (from half a step before it to half a step after),
    so a band or a target line shows even for one result: x and y for `where="post"` steps."""
    xs = [i - 0.5 for i in range(len(values))] + [len(values) - 0.5]
    return xs, [*values, values[-1]] if values else []


def _label(value: float, percent: bool) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if percent else text


@document_charts.draws(TrendChart)
def figure(chart: TrendChart) -> Figure:
    fig = document_charts.new_figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES))
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.2, top=0.84)
    ax = fig.add_subplot()
    positions = list(range(len(chart.categories)))
    result = _values(chart, "result") or []
    lower, upper = _values(chart, "lower"), _values(chart, "upper")
    drawn = [v for v in result if not math.isnan(v)]
    if lower and upper:
        xs, low_edge = _edges(lower)
        _, high_edge = _edges(upper)
        ax.fill_between(
            xs, low_edge, high_edge, step="post", label="Expected range (thresholds)", interpolate=False, **BAND
        )
        ax.step(xs, high_edge, where="post", color="#505a5f", linewidth=0.8, linestyle="--")
        ax.step(xs, low_edge, where="post", color="#505a5f", linewidth=0.8, linestyle="--")
        drawn += [v for v in (*lower, *upper) if not math.isnan(v)]
    for role, style, name in (("target", TARGET, "Target"), ("floor", FLOOR, "Floor standard")):
        values = _values(chart, role)
        if values and any(not math.isnan(v) for v in values):
            ax.step(*_edges(values), where="post", label=name, **style)
            drawn += [v for v in values if not math.isnan(v)]
    name = next((s.name for s in chart.series if s.role == "result"), "Result")
    ax.plot(positions, result, label=name, **RESULT)
    for x, value in zip(positions, result, strict=False):
        if not math.isnan(value):
            ax.annotate(
                _label(value, chart.percent),
                (x, value),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
            )
    if drawn:
        low, high = min(drawn), max(drawn)
        room = (high - low) * 0.15 or max(abs(high) * 0.05, 1)
        ax.set_ylim(low - room, high + room * 1.6)
    ax.set_xticks(positions, chart.categories, rotation=45, ha="right", fontsize=7)
    ax.set_xlim(-0.5, max(len(positions) - 0.5, 0.5))
    ax.set_ylabel(chart.value_label)
    ax.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncols=4, frameon=False, fontsize=8)
    return fig
