"""The quarterly pack: one document, in every reading format, for a committee or the Corporate Management Team,
assembling the systems' parts for a chosen quarter (the SDP analysis, the QPR, the corporate risk register, the
budget position, the assurance summary, the forward plan) with a title page, a contents page and, first, the
exceptions: what needs the reader's attention across every system, each with its reason and link.

Each system says what it contributes through its `SystemConfig.pack_sections` hook and what needs attention
through `exceptions` (core/systems.py); this module only lays them out, in `PackSection.order`. The systems' data
run to different dates (the sample's SDP rounds are 2019-20, its QPR and budget months 2017), so every section
says its basis. `user` None makes the public version, which holds nothing exempt (each hook's rule), and lists
no exceptions (every system gives them only to its signed-in readers).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from django.conf import settings

from councilplan.analysis.figures import parse_round_label, quarter_months
from councilplan.core.systems import ExceptionItem, PackSection, Quarter, systems
from councilplan.documents import formats, jobs
from councilplan.documents.formats import FORMAT_NAMES, READING, Output
from councilplan.documents.model import Block, Document, Heading, PageBreak, Table
from councilplan.documents.words import para, plural

FORMATS = READING  # html, pdf, docx: a pack is read and printed
TITLE = "Quarterly pack"
_QUARTER = re.compile(r"^\s*(\d{4})-(\d{2})[-\s]?[Qq]([1-4])\s*$")


def parse_quarter(text: str) -> Quarter:
    """'2019-20-Q2' (or '2019-20 Q2') → the quarter from 1 July to 30 September 2019; ValueError saying what is
    wrong otherwise."""
    found = _QUARTER.match(text or "")
    if found is None:
        raise ValueError(f"A quarter is YYYY-YY-Qn, for example 2019-20-Q2, not {text!r}.")
    label = f"{found[1]}-{found[2]} Q{found[3]}"
    parsed = parse_round_label(label)  # checks the financial year
    month = 4 + 3 * (parsed.quarter - 1)
    year = parsed.start_year + (month > 12)
    month = month - 12 if month > 12 else month
    end_year, end_month = (year, month + 2) if month + 2 <= 12 else (year + 1, month + 2 - 12)
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return Quarter(label, dt.date(year, month, 1), end)


def quarter_param(quarter: Quarter) -> str:
    """The quarter as the command line and the page's address give it: '2019-20-Q2'."""
    return quarter.label.replace(" ", "-")


@dataclasses.dataclass(frozen=True)
class PackParts:
    quarter: Quarter
    public: bool
    exceptions: tuple[ExceptionItem, ...]
    sections: tuple[PackSection, ...]


def gather(quarter: Quarter, user) -> PackParts:
    """Every system's exceptions and sections for `user` (None: the public version). A fixed number of queries
    whatever the number of rows: each hook's own count."""
    found: list[ExceptionItem] = []
    sections: list[PackSection] = []
    for system in systems():
        exceptions = system.hook("exceptions")
        if exceptions is not None and user is not None:
            found.extend(exceptions(user))
        pack_sections = system.hook("pack_sections")
        if pack_sections is not None:
            sections.extend(pack_sections(quarter, user))
    sections.sort(key=lambda s: s.order)
    return PackParts(quarter, user is None, tuple(found), tuple(sections))


def _link(url: str) -> str:
    if not url or not url.startswith("/"):
        return url
    return settings.COUNCILPLAN_SITE_URL.rstrip("/") + url


def _within(blocks: tuple, number: int) -> list[Block]:
    """A section's blocks inside the pack: its headings under the section's (level 3 at most), their anchors
    prefixed so that two sections' anchors never meet."""
    placed: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            anchor = f"s{number}-{block.anchor}" if block.anchor else ""
            block = dataclasses.replace(block, level=max(block.level, 3), anchor=anchor)
        placed.append(block)
    return placed


def build_pack(parts: PackParts, organisation: str = "") -> Document:
    quarter = parts.quarter
    version = "Public version" if parts.public else "For the council's officers"
    blocks: list[Block] = [
        Heading(f"{TITLE}: {quarter.label}", 1, "pack"),
        para(f"{organisation + ': ' if organisation else ''}{quarter_months(quarter.label)}", style="lead"),
        para(
            f"{version}. The Strategic Delivery Plan analysis, the Quarterly Performance Report, the corporate risk "
            "register, the budget position, the assurance summary and the forward plan in one document, each from "
            "its own system. The systems' data run to different dates: each section says what it is based on."
        ),
    ]
    if parts.public:
        blocks.append(para("Information exempt under Schedule 12A is left out of this version.", style="note"))
    blocks += [PageBreak(), Heading("Contents", 2, "contents")]
    contents = [(1, "Exceptions", "What needs attention across every system, today")]
    contents += [(n, s.title, s.basis) for n, s in enumerate(parts.sections, start=2)]
    blocks.append(Table("Contents", ("Section", "Title", "Basis"), tuple(contents), numeric=frozenset({0})))

    blocks += [PageBreak(), Heading("1. Exceptions", 2, "exceptions")]
    if parts.public:
        blocks.append(
            para(
                "The public version lists no exceptions: each system gives them to its signed-in readers, "
                "in the officers' version of this pack and on the exceptions page.",
                style="note",
            )
        )
    elif parts.exceptions:
        counts = {}
        for item in parts.exceptions:
            counts[item.system] = counts.get(item.system, 0) + 1
        blocks.append(
            para(
                f"{plural(len(parts.exceptions), 'item needs', 'items need')} the reader's attention: "
                + "; ".join(f"{system} {count}" for system, count in counts.items())
                + ". Each is listed with its reason and its page."
            )
        )
        blocks.append(
            Table(
                "Exceptions",
                ("System", "Record", "Reason", "Link"),
                tuple((i.system, i.what, i.reason, _link(i.link)) for i in parts.exceptions),
                sheet="Exceptions",
            )
        )
    else:
        blocks.append(para("Nothing needs the reader's attention in any system."))
    blocks.append(
        para(
            "Exceptions are as the systems hold them today: activities not on track in the latest round, KPIs "
            "below their floor, risks above target and rising, overspends over the threshold, overdue "
            "recommendations and late complaints.",
            style="note",
        )
    )

    for number, section in enumerate(parts.sections, start=2):
        blocks += [PageBreak(), Heading(f"{number}. {section.title}", 2, f"section-{number}")]
        blocks.append(para(f"Basis: {section.basis}", style="lead"))
        blocks += _within(section.blocks, number)
    stem = f"quarterly-pack-{quarter_param(quarter)}" + ("-public" if parts.public else "")
    return Document(f"{TITLE}: {quarter.label}", tuple(blocks), stem, subject=f"{TITLE}, {quarter.label}, {version}")


def pack_document(quarter: Quarter, user) -> Document:
    """The pack for `user`; None: the public version."""
    return build_pack(gather(quarter, user), settings.COUNCILPLAN_ORGANISATION)


def data_version() -> tuple:
    """Changes with anything the pack shows: every system with a pack section or exceptions (the latest history
    row of each of their models) and today's date (the exceptions count days: overdue, late)."""
    from django.utils import timezone

    labels = [s.label for s in systems() if s.pack_sections or s.exceptions]
    return (timezone.localdate().isoformat(), *jobs.system_version("plan", *labels))


@jobs.maker
def pack_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """The worker's side of a download: the pack of `params["quarter"]`, for `params["reader"]` or, with
    `params["public"]`, the public version (made for nobody: one kept copy serves everyone)."""
    quarter = parse_quarter(params["quarter"])
    progress(1, 2, "Reading every system's part and its exceptions")
    document = pack_document(quarter, None if params["public"] else jobs.reader(params))
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return formats.output(document, fmt)
