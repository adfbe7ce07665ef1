"""Excel: every table of the document on its own sheet, plus a "Figures" sheet with every figure of the
analysis (count, of, percent, and the same for the previous round), a "Report" sheet saying what the
workbook is, and the corporate team's commentary.

Text is always written as a text cell, never as a formula, whatever it starts with (a return's text may
start with "=", "+" or "@"). Dates are real dates; ticks are "Yes" or "No", so they can be filtered.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from councilplan.analysis.monitoring import RoundAnalysis
from councilplan.core.tabular import text_cell

from .document import Document, Table, xml_safe

EXCEL_CELL_LIMIT = 32_767
BOLD = Font(bold=True)


def _value(sheet, value, tick: bool):
    if isinstance(value, bool):
        return text_cell(sheet, "Yes" if value else ("No" if tick else ""))
    if value is None:
        return None
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD/MM/YYYY"
        return cell
    if isinstance(value, int | float):
        return value
    text = xml_safe(str(value))
    if len(text) > EXCEL_CELL_LIMIT:  # Excel's limit for one cell: keep the start and say so
        text = text[: EXCEL_CELL_LIMIT - 30] + " … (cut: too long for Excel)"
    return text_cell(sheet, text)


def _bold(sheet, text: str):
    cell = text_cell(sheet, xml_safe(text))
    cell.font = BOLD
    return cell


_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _NOT_IN_SHEET_NAMES.sub(" ", xml_safe(name)).strip(" '")[:31] or "Sheet"
    candidate, number = base, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def _widths(sheet, tables: list[Table]) -> None:
    columns = max(len(t.header) for t in tables)
    for index in range(columns):
        longest = 8
        for table in tables:
            if index < len(table.header):
                longest = max(longest, len(table.header[index]))
                for row in table.rows[:200]:  # enough to judge; a 5,000-row sheet need not be read twice
                    if index < len(row) and isinstance(row[index], str):
                        longest = max(longest, min(len(row[index]), 80))
        sheet.column_dimensions[_column_letter(index)].width = min(longest + 2, 80)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _write_tables(workbook, name: str, tables: list[Table], taken: set[str]) -> None:
    sheet = workbook.create_sheet(_sheet_name(name, taken))
    _widths(sheet, tables)
    alone = len(tables) == 1
    if alone:
        sheet.freeze_panes = "A2"
    for table in tables:
        if not alone:
            sheet.append([_bold(sheet, table.caption)])
        sheet.append([_bold(sheet, h) for h in table.header])
        ticks = table.ticks
        for row in table.rows:
            sheet.append([_value(sheet, value, i in ticks) for i, value in enumerate(row)])
        if not alone:
            sheet.append([])


def _figures_sheet(workbook, analysis: RoundAnalysis) -> None:
    sheet = workbook.create_sheet("Figures")
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 40
    previous = analysis.previous_figures or {}
    header = ["figure", "count", "of", "percent", "previous count", "previous of", "previous percent"]
    sheet.append([_bold(sheet, h) for h in header])
    for key, figure in analysis.figures.items():
        before = previous.get(key)
        sheet.append(
            [
                text_cell(sheet, key),
                figure.count,
                figure.of,
                figure.percent,
                before.count if before else None,
                before.of if before else None,
                before.percent if before else None,
            ]
        )


def _report_sheet(workbook, document: Document, analysis: RoundAnalysis) -> None:
    sheet = workbook.create_sheet("Report")
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 70
    rating = analysis.form_rating
    before = analysis.previous_form_rating
    rows = [
        ("Report", document.title),
        ("Plan", analysis.plan),
        ("Round", analysis.round),
        ("Previous round", analysis.previous_round or "None"),
        ("Tailored for outcome", analysis.outcome or "No: the full report"),
        ("Late-on-track rule", "On" if analysis.late_on_track_rule else "Off"),
        ("Average form rating", rating.average),
        ("Form ratings given", rating.responses),
        ("Previous average form rating", before.average if before else None),
        ("Previous form ratings given", before.responses if before else None),
    ]
    for label, value in rows:
        sheet.append([_bold(sheet, label), _value(sheet, value, False)])
    sheet.append([])
    sheet.append([text_cell(sheet, "The Figures sheet has every figure; the other sheets are the report's tables.")])


def render_xlsx(document: Document, analysis: RoundAnalysis | None = None) -> bytes:
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    if analysis is not None:
        _report_sheet(workbook, document, analysis)
        _figures_sheet(workbook, analysis)
        taken |= {"report", "figures"}
    sheets: dict[str, list[Table]] = {}
    for table in document.tables:
        sheets.setdefault(table.sheet or table.caption, []).append(table)
    for name, tables in sheets.items():
        _write_tables(workbook, name, tables, taken)
    if document.commentary:
        sheet = workbook.create_sheet(_sheet_name("Commentary", taken))
        sheet.column_dimensions["A"].width = 16
        sheet.column_dimensions["B"].width = 100
        sheet.append([_bold(sheet, "section"), _bold(sheet, "commentary")])
        for section, text in document.commentary:
            sheet.append([text_cell(sheet, section), _value(sheet, text, False)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
