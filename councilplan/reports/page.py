"""The round's report as its page in the app shows it: the report document with its long per-activity tables and
lists summarised (the first PAGE_ROWS rows, then a note with links to the whole report), laid out once per
version of the round's data and per clearance, and kept in the cache.

At 5,000 activities the whole report is 4.5 MB of HTML and over two seconds of work (reading the returns,
working out the figures, drawing the charts, laying out the tables). Its figures, headings, charts and totals are
all on the page; only rows past the first PAGE_ROWS of a table or list are left for the downloads (the same
document in full: HTML, PDF, Word, Excel), one link away. What is kept is keyed by the round, the version
(outcome), whether the reader is cleared for exempt information (Schedule 12A) and the round's data version
(`selectors.data_version`): a reader not cleared never gets what was laid out for one who is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from councilplan.core.models import Outcome
from councilplan.documents.formats import Output
from councilplan.documents.jobs import digest
from councilplan.documents.model import BulletList, Document, Table
from councilplan.documents.render_html import Item, items
from councilplan.monitoring.models import Round

from .output import produce, report_document
from .selectors import data_version, report_inputs

# The rows of a table (or items of a list) the page shows before saying how many more there are. The sample
# plan's longest table has fewer, so its page is the whole report.
PAGE_ROWS = 50


@dataclass(frozen=True)
class Shortened:
    """The note after a table or list the page shortened: it shows `shown` of its `of` rows (or items)."""

    kind: ClassVar[str] = "more"
    shown: int
    of: int
    noun: str  # "rows" or "items"


@dataclass(frozen=True)
class PublicReportPage:
    title: str
    html: SafeString  # the whole document, nothing shortened: the public site has no other web version


@dataclass(frozen=True)
class ReportPage:
    html: SafeString  # the document's part of the page
    flags: int  # data-quality checks to look at
    shortened: int  # tables and lists shortened


def page_items(document: Document, limit: int | None = None) -> list[Item]:
    """The document's items for the page, each table or bullet list of more than `limit` rows (PAGE_ROWS by
    default; a table's total row apart, which stays) cut to its first `limit` and followed by a `Shortened`
    note."""
    limit = PAGE_ROWS if limit is None else limit
    blocks, notes = [], {}
    for number, block in enumerate(document.blocks):
        if isinstance(block, Table):
            body = block.rows[:-1] if block.total_row else block.rows
            if len(body) > limit:
                total = block.rows[-1:] if block.total_row else ()
                block = replace(block, rows=body[:limit] + total)
                notes[number] = Shortened(limit, len(body), "rows")
        elif isinstance(block, BulletList) and len(block.items) > limit:
            notes[number] = Shortened(limit, len(block.items), "items")
            block = replace(block, items=block.items[:limit])
        blocks.append(block)
    shown = []
    for number, item in enumerate(items(replace(document, blocks=tuple(blocks)))):
        shown.append(item)
        if number in notes:
            shown.append(Item(Shortened.kind, notes[number]))
    return shown


def _key(round_: Round, outcome: Outcome | None, include_exempt: bool) -> str:
    version = (
        data_version(round_),
        settings.COUNCILPLAN_LATE_ON_TRACK_RULE,
        settings.COUNCILPLAN_ORGANISATION,
    )
    return f"report-page:{round_.pk}:{outcome.pk if outcome else 0}:{int(include_exempt)}:{digest(version)}"


def report_query(outcome: Outcome | None, **extra) -> str:
    """The query string of a report's pages and downloads: its version for an outcome, and anything more."""
    params = {**({"outcome": outcome.pk} if outcome else {}), **extra}
    return f"?{urlencode(params)}" if params else ""


def download_url(round_: Round, fmt: str, outcome: Outcome | None, **extra) -> str:
    return reverse("reports:download", args=[round_.pk, fmt]) + report_query(outcome, **extra)


def whole_report_links(round_: Round, outcome: Outcome | None) -> dict:
    """Where the whole report is (its HTML and Excel downloads), for the notes after shortened tables."""
    return {fmt: download_url(round_, fmt, outcome) for fmt in ("html", "xlsx")}


def report_page(round_: Round, outcome: Outcome | None, include_exempt: bool) -> ReportPage:
    """The report's part of its page: kept per version of the round's data, version and clearance; made from
    the report's inputs and document on the first request after a change (or by the worker, site/warm.py)."""
    key = _key(round_, outcome, include_exempt)
    page = cache.get(key)
    if page is None:
        inputs = report_inputs(round_, outcome, include_exempt)
        shown = page_items(report_document(inputs))
        # Safe: Django's template escaped every word of the document; only matplotlib's SVG (escaped XML
        # text) passes through unescaped, as on the page before.
        links = whole_report_links(round_, outcome)
        html = mark_safe(render_to_string("documents/_document.html", {"items": shown, "links": links}))  # noqa: S308
        shortened = sum(1 for item in shown if item.kind == Shortened.kind)
        page = ReportPage(html, len(inputs.analysis.data_quality), shortened)
        cache.set(key, page, timeout=None)  # a new version is a new key; the old one ages out
    return page


def public_report_page(round_: Round, outcome: Outcome | None) -> PublicReportPage:
    """The public version's document (never exempt information), kept per version of the round's data like the
    app's page, so that a published report read by many people is worked out once. Not shortened: the public
    site's only other form of the report is its PDF."""
    key = "public-" + _key(round_, outcome, include_exempt=False)
    page = cache.get(key)
    if page is None:
        document = report_document(report_inputs(round_, outcome, include_exempt=False))
        # Safe for the same reason as report_page's: the template escaped every word.
        html = mark_safe(render_to_string("documents/_document.html", {"items": items(document)}))  # noqa: S308
        page = PublicReportPage(document.title, html)
        cache.set(key, page, timeout=None)
    return page


def public_report_pdf(round_: Round, outcome: Outcome | None) -> Output:
    """The public version as a PDF, kept per version of the round's data: anyone downloading it again, or many
    people at once, cost nothing more."""
    key = "public-pdf-" + _key(round_, outcome, include_exempt=False)
    made = cache.get(key)
    if made is None:
        made = produce(round_, "pdf", outcome, include_exempt=False)
        cache.set(key, made, timeout=None)
    return made
