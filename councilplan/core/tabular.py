"""Reading and writing the exchange format's tables (spec/monitoring.md §4) as CSV or XLSX.

Rows stream from the file so a 10,000-row import does not hold the workbook in memory.
Row numbers are as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import defusedxml  # noqa: F401 - openpyxl parses the sheets' XML with it when it is installed (see _read_xlsx)

# A CSV cell starting with one of these is run as a formula when a spreadsheet opens the file
# (OWASP "CSV injection"). Exported CSV text gets a leading single quote, which spreadsheets
# show as text; our own import takes it off again. XLSX cells are typed as text instead.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class TableError(Exception):
    """The file cannot be read as a table at all (wrong type, no header, damaged)."""


@dataclass(frozen=True)
class Table:
    name: str  # file name, for messages
    header: list[str]
    rows: Iterator[tuple[int, dict[str, object]]]  # (row number, {column: raw value})


def _cell_text(value: object) -> object:
    """Keep dates as dates (XLSX gives them typed); everything else as trimmed text."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # The text the app stores (`clean_text`): no NUL (PostgreSQL cannot store it) nor other control characters.
    return unguard(clean_text(str(value)).strip())


def read_table(path: str | Path) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise TableError("expected a .csv or .xlsx file")


# Python's csv module refuses a cell longer than this (131,072 characters): far more than any answer needs.
CSV_CELL_LIMIT = csv.field_size_limit()


def _csv_problem(error: csv.Error) -> TableError:
    if "field larger than field limit" in str(error):
        return TableError(f"a cell holds more than {CSV_CELL_LIMIT:,} characters; no cell may be that long")
    return TableError(f"cannot be read as CSV ({error})")


def _read_csv(path: Path) -> Table:
    handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the generator
    try:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        handle.close()
        raise TableError("the file is empty; the first row must name the columns") from None
    except UnicodeDecodeError:
        handle.close()
        raise TableError("not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as error:
        handle.close()
        raise _csv_problem(error) from None

    def rows():
        with handle:
            try:
                for number, values in enumerate(reader, start=2):
                    if not any(v.strip() for v in values):
                        continue
                    yield number, _row_dict(header, [_cell_text(v) for v in values])
            except UnicodeDecodeError:
                raise TableError("not UTF-8 text; save the CSV as UTF-8") from None
            except csv.Error as error:
                raise _csv_problem(error) from None

    return Table(path.name, header, rows())


def _damaged(error: Exception) -> TableError:
    return TableError(
        f"cannot be read as an Excel workbook: its sheet is damaged or not allowed ({type(error).__name__})"
    )


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # here, not at start-up: most commands and pages never read Excel
    from openpyxl import load_workbook

    # openpyxl reads each sheet's XML as it streams it, with defusedxml (installed with councilplan): a sheet
    # that declares a document type or an entity (an external file, a "billion laughs" expansion) is refused,
    # never resolved; a truncated or malformed one fails to parse. Either way the import lists the problem.
    if not openpyxl.DEFUSEDXML:
        raise TableError("Excel files cannot be read safely here (defusedxml is missing or turned off)")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TableError(f"cannot be opened as an Excel workbook ({error})") from None
    try:
        sheet = workbook.worksheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header = [str(_cell_text(h)) for h in next(iterator)]
    except (StopIteration, IndexError):
        workbook.close()
        raise TableError("the sheet is empty; the first row must name the columns") from None
    except Exception as error:  # the sheet's XML: ParseError, defusedxml's refusals, a damaged zip member
        workbook.close()
        raise _damaged(error) from None
    while header and header[-1] == "":
        header.pop()

    def rows():
        try:
            for number, values in enumerate(iterator, start=2):
                cells = [_cell_text(v) for v in values]
                if not any(c != "" for c in cells):
                    continue
                yield number, _row_dict(header, cells)
        except TableError:
            raise
        except Exception as error:  # the sheet's XML turned out damaged or hostile part-way
            raise _damaged(error) from None
        finally:
            workbook.close()

    return Table(path.name, header, rows())


def _row_dict(header: list[str], values: Sequence[object]) -> dict[str, object]:
    row = {column: (values[i] if i < len(values) else "") for i, column in enumerate(header)}
    extra = [v for v in values[len(header) :] if v not in ("", None)]
    if extra:
        row[""] = extra[0]  # a value under no heading: reported as an unknown column
    return row


# Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, unpaired surrogates,
# U+FFFE/U+FFFF). Word and Excel files are XML: such a character in a return's text would make python-docx
# or openpyxl refuse to write the file, so those renderers drop them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def clean_text(text: str) -> str:
    """Text as councilplan stores it, from every entry point (forms, imports): without the control characters
    other than tab and line breaks, which nobody means to type and which XML (Word, Excel) cannot hold."""
    return _NOT_XML.sub("", text)


def safe_cell(value: object) -> object:
    """Text as it may go into a CSV cell: it never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unguard(value: str) -> str:
    """Undo `safe_cell`, so that export → import gives back what was typed."""
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def text_cell(sheet, value: object) -> object:
    """An XLSX cell for a write-only sheet: strings are stored as text, never as formulas, without the characters
    XML cannot hold (openpyxl would refuse the whole file for one)."""
    if isinstance(value, str):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=xml_safe(value))
        cell.data_type = "s"
        return cell
    return value


def write_table(path: str | Path, header: list[str], rows: list[list[object]], sheet_title: str = "data") -> None:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow([_csv_value(v) for v in row])
    elif path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(sheet_title[:31])
        sheet.append([text_cell(sheet, h) for h in header])
        for row in rows:
            sheet.append([text_cell(sheet, _xlsx_value(v)) for v in row])
        workbook.save(path)
    else:
        raise TableError("the output must end in .csv or .xlsx")


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return safe_cell(str(value))


def _xlsx_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()  # ISO text, so that a re-import reads the same date everywhere
    return value


def csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue().encode("utf-8")
