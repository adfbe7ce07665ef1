"""Words for documents: paragraphs from parts, the commentary markup, plurals, lists in prose, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from councilplan.analysis.figures import Figure

from .model import Block, BulletList, Paragraph, Run


def bold(text: str) -> Run:
    return Run(text, bold=True)


def para(*parts: str | Run, number: str = "", style: str = "") -> Paragraph:
    runs = tuple(Run(p) if isinstance(p, str) else p for p in parts if (p.text if isinstance(p, Run) else p))
    return Paragraph(runs, number=number, style=style)


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*(?:[-*•])\s+")


def inline_runs(text: str) -> tuple[Run, ...]:
    """Commentary's one piece of markup: **bold**. Everything else is text, shown as typed."""
    runs: list[Run] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        runs.append(Run(match.group(1), bold=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs)


def commentary_blocks(text: str) -> list[Block]:
    """The corporate team's text as paragraphs and bullet lists: each line is a paragraph, and lines
    starting with "- ", "* " or "• " make a bullet list. (No HTML, no other markup: it is shown as typed.)"""
    blocks: list[Block] = []
    bullets: list[Paragraph] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            if bullets:
                blocks.append(BulletList(tuple(bullets)))
                bullets = []
            continue
        if _BULLET.match(line):
            bullets.append(Paragraph(inline_runs(_BULLET.sub("", line, count=1).strip())))
            continue
        if bullets:
            blocks.append(BulletList(tuple(bullets)))
            bullets = []
        blocks.append(Paragraph(inline_runs(line.strip())))
    if bullets:
        blocks.append(BulletList(tuple(bullets)))
    return blocks


def text_blocks(text: str, style: str = "") -> list[Paragraph]:
    """A lead officer's free text, one paragraph per line, with no markup at all."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [Paragraph((Run(line),), style=style) for line in lines if line]


def pc(figure: Figure) -> str:
    """ "81% (64)", as the seed writes a figure."""
    if figure.percent is None:
        return f"{figure.count}"
    return f"{figure.percent}% ({figure.count})"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def join_words(items: Sequence[str]) -> str:
    """ "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def long_date(value: dt.date) -> str:
    """ "30 August 2019"."""
    return f"{value.day} {value.strftime('%B %Y')}"


def commentary_plain(text: str) -> str:
    """The commentary's markup as plain text reads (a spreadsheet cell): bold marks dropped, bullets as "•"."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BOLD.sub(r"\1", line)
        lines.append(_BULLET.sub("• ", line, count=1) if _BULLET.match(line) else line)
    return "\n".join(lines).strip()
