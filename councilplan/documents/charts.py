"""The documents' charts: matplotlib, drawn from a document `Chart` and nothing else, as SVG (HTML and PDF)
or PNG (Word).

Each kind of chart is a `Chart` subclass with a drawing function registered for it (`draws`): bar charts are
drawn here; a system with a chart of its own (performance's lines against target and floor) registers its
drawer beside its chart class, and every renderer draws it.

Readable in black and white and by people who do not see colour: the previous round is blue hatched one way,
this round solid red (as in seed 000), anything else grey hatched the other way, and every bar carries its
value. Every format also prints the chart's data table next to it.

A chart is drawn once: its SVG and PNG are kept in the cache under a digest of everything the chart holds
(its class, every label and value), so a page shown again, or the same chart in another document, costs no
drawing, and a changed figure is a new chart and drawn afresh. Nothing can be stale: the key is the content.
"""

from __future__ import annotations

import hashlib
import io
import re
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from .model import Chart

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def new_figure(**options) -> Figure:
    """A matplotlib figure, matplotlib imported only now: a page or command that draws no chart never loads it
    (it is most of a command's start-up)."""
    import matplotlib

    matplotlib.use("Agg")  # no display: before anything imports pyplot
    from matplotlib.figure import Figure

    return Figure(**options)


def rc_context(rc: dict):
    from matplotlib import rc_context as context

    return context(rc)


_DRAWERS: dict[type, Callable[[Chart], Figure]] = {}


def draws(kind: type) -> Callable:
    """Register the decorated function as the drawer of charts of class `kind` (and its subclasses)."""

    def register(function: Callable[[Chart], Figure]) -> Callable[[Chart], Figure]:
        _DRAWERS[kind] = function
        return function

    return register


def figure(chart: Chart) -> Figure:
    """The chart drawn by the drawer of its class (the nearest registered class it derives from)."""
    for kind in type(chart).__mro__:
        if kind in _DRAWERS:
            return _DRAWERS[kind](chart)
    raise TypeError(f"no drawer is registered for {type(chart).__name__}")


STYLE = {
    "previous": {"color": "#1d70b8", "hatch": "///"},
    "current": {"color": "#d4351c", "hatch": ""},
    "other": {"color": "#505a5f", "hatch": "\\\\\\"},
}
RC = {
    # Text in labels is plain text: without this a "$" in a label would start matplotlib's maths mode.
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "hatch.color": "white",
    "hatch.linewidth": 1.2,
    "svg.fonttype": "none",  # real <text>: smaller files, selectable and found by search in the PDF
    "svg.hashsalt": "councilplan",  # the same chart gives the same file
    "axes.spines.top": False,
    "axes.spines.right": False,
}
WIDTH_INCHES = 6.3  # A4 text width with 2 cm margins


@draws(Chart)
def bar_chart(chart: Chart) -> Figure:
    categories = [textwrap.fill(c, 30) for c in chart.categories]
    series = chart.series
    n, s = len(categories), max(len(series), 1)
    lines = sum(c.count("\n") + 1 for c in categories)
    height = max(2.0, 0.62 + 0.2 * n * s + 0.08 * lines)
    fig = new_figure(figsize=(WIDTH_INCHES, height))
    # Margins worked out from the labels rather than by matplotlib's constrained layout, which takes most
    # of the time of drawing a chart: about 0.07 inch per character of a 9-point label.
    widest = max((len(line) for c in categories for line in c.split("\n")), default=1)
    left = min(0.5, (0.07 * widest + 0.2) / WIDTH_INCHES)
    legend = 0.35 if len(series) > 1 else 0.0  # room above the bars for the key
    height += legend
    fig.set_size_inches(WIDTH_INCHES, height)
    fig.subplots_adjust(left=left, right=0.97, bottom=0.5 / height, top=1 - (0.12 + legend) / height)
    ax = fig.add_subplot()
    bar = 0.8 / s
    top = max((value for item in series for value in item.values), default=0) or 1
    for i, item in enumerate(series):
        style = STYLE.get(item.role, STYLE["other"])
        # Categories run top to bottom in the document's order; series top to bottom within a category.
        positions = [k + (i - (s - 1) / 2) * bar for k in range(n)]
        bars = ax.barh(
            positions,
            item.values,
            height=bar * 0.92,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="black",
            linewidth=0.6,
            label=item.name,
        )
        ax.bar_label(bars, labels=[f"{value:g}" for value in item.values], padding=3, fontsize=8)
    ax.set_yticks(range(n), categories)
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel(chart.value_label)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#b1b4b6", linewidth=0.5)
    ax.set_axisbelow(True)
    if len(series) > 1:
        # Above the bars, so that it never hides one.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncols=len(series), frameon=False, fontsize=8)
    return fig


def _kept(chart: Chart, form: str, draw: Callable[[], bytes | str]) -> bytes | str:
    """`draw()`, kept in the cache under the chart's content: the chart's class and repr (every field of the
    frozen dataclass), the form it is drawn in, and the version of councilplan that drew it."""
    from django.core.cache import cache

    from councilplan import __version__

    kind = type(chart)
    content = f"{__version__}|{kind.__module__}.{kind.__qualname__}|{form}|{chart!r}"
    key = "chart:" + hashlib.sha256(content.encode()).hexdigest()
    drawn = cache.get(key)
    if drawn is None:
        drawn = draw()
        cache.set(key, drawn, timeout=24 * 3600)
    return drawn


def png(chart: Chart, dpi: int = 150) -> bytes:
    def draw() -> bytes:
        with rc_context(RC):
            buffer = io.BytesIO()
            figure(chart).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        return buffer.getvalue()

    return _kept(chart, f"png{dpi}", draw)


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|xlink:href="#|href="#)([^")]+)')


def svg(chart: Chart, prefix: str = "") -> str:
    """The chart as an <svg> element to put inline in HTML: no XML prologue, its ids prefixed so that several
    charts on one page do not share ids, and labelled for screen readers with the chart's alt text.

    The text in it comes from the chart's labels, which matplotlib escapes as XML."""

    def draw() -> str:
        with rc_context(RC):
            buffer = io.StringIO()
            figure(chart).savefig(
                buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
            )
        drawn = buffer.getvalue()
        drawn = drawn[drawn.index("<svg") :]
        return re.sub(r"<metadata>.*?</metadata>\s*", "", drawn, flags=re.S)

    text = _kept(chart, "svg", draw)
    prefix = prefix or f"chart-{chart.key}-"
    text = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", text)
    # Scale with the page: the viewBox keeps the drawing's proportions.
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="app-chart__image"', text, count=1)
    return text
