"""JSON: a report's own machine-readable form when it has one (`Document.data`), otherwise its blocks as data:
headings, paragraphs as text, lists, and tables as lists of rows keyed by their column headings."""

from __future__ import annotations

import datetime as dt
import json

from .model import BulletList, Chart, Document, Heading, Paragraph, Table


def _value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _table(table: Table) -> dict:
    return {
        "caption": table.caption,
        "rows": [{h: _value(v) for h, v in zip(table.header, row, strict=False)} for row in table.rows],
    }


def blocks_data(document: Document) -> dict:
    blocks: list[dict] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            blocks.append({"heading": block.text, "level": block.level})
        elif isinstance(block, Paragraph):
            blocks.append({"paragraph": block.text})
        elif isinstance(block, BulletList):
            blocks.append({"list": [item.text for item in block.items]})
        elif isinstance(block, Chart):
            blocks.append({"chart": block.title, "table": _table(block.table)})
        elif isinstance(block, Table):
            blocks.append({"table": _table(block)})
    return {"title": document.title, "subject": document.subject, "blocks": blocks}


def render_json(document: Document) -> bytes:
    data = document.data if document.data is not None else blocks_data(document)
    return (json.dumps(data, ensure_ascii=False, indent=2, default=_value) + "\n").encode("utf-8")
