"""The formats every document comes in, and the one way from a document to a file: `render(document, fmt)`.

Each renderer takes only the document. They are imported when used: each pulls in a large library
(WeasyPrint, python-docx, openpyxl, matplotlib), which a page or command that makes no file should not load.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from .model import Document


@dataclass(frozen=True)
class Format:
    code: str
    name: str  # what people call it: "Word", "Excel"
    content_type: str
    renderer: str  # "module:function" in this package, taking a Document and returning bytes


FORMATS: dict[str, Format] = {
    f.code: f
    for f in (
        Format("html", "HTML", "text/html; charset=utf-8", "render_html:render_html_file"),
        Format("pdf", "PDF", "application/pdf", "render_pdf:render_pdf"),
        Format(
            "docx",
            "Word",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "render_docx:render_docx",
        ),
        Format(
            "xlsx",
            "Excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "render_xlsx:render_xlsx",
        ),
        Format("json", "JSON", "application/json", "render_json:render_json"),
    )
}
ALL = tuple(FORMATS)
FORMAT_NAMES = {code: f.name for code, f in FORMATS.items()}
CONTENT_TYPES = {code: f.content_type for code, f in FORMATS.items()}
# Pages to read and print (scorecards, plan documents): no spreadsheet or data form.
READING = ("html", "pdf", "docx")


class UnknownFormat(ValueError):
    pass


def check(fmt: str, allowed: tuple[str, ...] | list[str] = ALL, what: str = "This document comes") -> None:
    if fmt not in allowed or fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r}: {what} as {', '.join(allowed)}")


def render(document: Document, fmt: str) -> bytes:
    """`document` as a file in format `fmt`."""
    check(fmt)
    module, function = FORMATS[fmt].renderer.split(":")
    return getattr(import_module(f"{__package__}.{module}"), function)(document)


@dataclass(frozen=True)
class Output:
    content: bytes
    filename: str
    content_type: str


def output(document: Document, fmt: str) -> Output:
    """The file with its name (the document's file stem) and content type."""
    return Output(render(document, fmt), f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])
