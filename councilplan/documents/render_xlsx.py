"""Excel: the document's workbook-only tables first (a report's "Report" and "Figures" sheets, say), then every
table of the document on its own sheet (or the sheet it names), then the commentary people entered.

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

from councilplan.core.tabular import text_cell, xml_safe

from .model import Document, Table
from .words import commentary_plain

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
    columns = max(max(len(t.header), max((len(r) for r in t.rows[:200]), default=0)) for t in tables)
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
    if alone and tables[0].header:
        sheet.freeze_panes = "A2"
    for table in tables:
        if not alone:
            sheet.append([_bold(sheet, table.caption)])
        if table.header:
            sheet.append([_bold(sheet, h) for h in table.header])
        ticks = table.ticks
        for row in table.rows:
            cells = [_value(sheet, value, i in ticks) for i, value in enumerate(row)]
            if table.row_headers and row and isinstance(row[0], str):
                cells[0] = _bold(sheet, row[0])
            sheet.append(cells)
        if not alone:
            sheet.append([])


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for table in document.workbook_first:
        _write_tables(workbook, table.sheet or table.caption, [table], taken)
    sheets: dict[str, list[Table]] = {}
    for table in document.tables:
        sheets.setdefault(table.sheet or table.caption, []).append(table)
    for name, tables in sheets.items():
        _write_tables(workbook, name, tables, taken)
    if document.commentary:
        sheet = workbook.create_sheet(_sheet_name("Commentary", taken))
        sheet.column_dimensions["A"].width = 16
        sheet.column_dimensions["B"].width = 100
        sheet.append([_bold(sheet, "Section"), _bold(sheet, "Commentary")])
        for section, text in document.commentary:
            sheet.append([text_cell(sheet, section), _value(sheet, commentary_plain(text), False)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
