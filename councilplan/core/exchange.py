"""Reading values of the exchange format (spec/monitoring.md §4), collecting every error.

Each parser takes the raw cell and either returns the clean value or records a `RowError`
and returns None. An importer reads the whole file, and writes nothing unless no row erred.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .identifiers import is_gss_column
from .tabular import Table, TableError

TRUE_WORDS = {"yes", "true", "y", "1"}
FALSE_WORDS = {"no", "false", "n", "0", ""}
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MAX_ERRORS_SHOWN = 1000


@dataclass(frozen=True)
class RowError:
    file: str
    row: int
    column: str
    value: str
    message: str

    def __str__(self):
        if self.row == 0:
            return f"{self.file}: {self.message}"
        where = f"{self.file} row {self.row}" + (f", column {self.column}" if self.column else "")
        value = f" (value {self.value!r})" if self.value != "" else ""
        return f"{where}{value}: {self.message}"


# An importer's progress callback: called with the row number every so many rows.
Progress = Callable[[int], None]


@dataclass
class ImportResult:
    created: int
    updated: int
    warnings: list[str]


def nothing_imported(count: int) -> str:
    """The first words of every refused import, on a page or a terminal."""
    return f"Nothing was imported: {count:,} problem{'' if count == 1 else 's'} found"


class ImportFailed(Exception):
    """Nothing was written; `errors` says every row and column that is wrong."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        shown = "\n".join(f"  {e}" for e in errors[:MAX_ERRORS_SHOWN])
        more = f"\n  … and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
        super().__init__(f"{nothing_imported(len(errors))}.\n{shown}{more}")


@dataclass
class Mapping:
    """How another file's headings and wordings map onto ours (a council's MS Forms export).

    JSON: {"columns": {"Their heading": "our_column" or null to ignore it},
           "values": {"our_column": {"Their answer": "our code"}}}
    """

    columns: dict[str, str | None] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None) -> Mapping:
        if not path:
            return cls()
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ImportFailed([file_error(path, f"cannot read the mapping file: {error}")]) from None
        if not isinstance(data, dict) or not set(data) <= {"columns", "values"}:
            raise ImportFailed([file_error(path, 'the mapping must be {"columns": {...}, "values": {...}}')])
        values = {
            column: {k.strip().lower(): v for k, v in words.items()} for column, words in data.get("values", {}).items()
        }
        return cls(columns=data.get("columns", {}), values=values)

    def column(self, heading: str) -> str | None:
        return self.columns.get(heading, heading) if heading in self.columns else heading

    def value(self, column: str, text: str) -> str:
        return self.values.get(column, {}).get(text.strip().lower(), text)


class RowReader:
    """Reads one row's cells into clean values, recording an error per bad cell."""

    def __init__(self, table_name: str, number: int, cells: dict[str, object], mapping: Mapping, errors: list):
        self.file = table_name
        self.number = number
        self.cells = cells
        self.mapping = mapping
        self.errors = errors
        self.ok = True

    def error(self, column: str, value: object, message: str) -> None:
        self.ok = False
        self.errors.append(RowError(self.file, self.number, column, _text(value), message))

    def raw(self, column: str) -> object:
        value = self.cells.get(column, "")
        if isinstance(value, str):
            return self.mapping.value(column, value).strip()
        return value

    def text(self, column: str, required: bool = False, max_length: int | None = None) -> str:
        value = self.raw(column)
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if required and not text:
            self.error(column, text, "is required")
        if max_length and len(text) > max_length:
            self.error(column, text[:40] + "…", f"is longer than {max_length} characters")
        return text

    def date(self, column: str, required: bool = False) -> dt.date | None:
        value = self.raw(column)
        if isinstance(value, dt.date):
            return value
        if value == "":
            if required:
                self.error(column, value, "is required (a date: YYYY-MM-DD or DD/MM/YYYY)")
            return None
        parsed = parse_date(str(value))
        if parsed is None:
            self.error(column, value, "is not a real date (use YYYY-MM-DD or DD/MM/YYYY)")
        return parsed

    def boolean(self, column: str) -> bool | None:
        """yes/no; empty is no, except that callers may ask `is_blank` first."""
        value = str(self.raw(column)).lower()
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
        self.error(column, value, "must be yes or no")
        return None

    def is_blank(self, column: str) -> bool:
        return self.raw(column) == ""

    def code(self, column: str, lookup: Callable[[str], str | None], what: str, required: bool = False) -> str:
        value = str(self.raw(column))
        if value == "":
            if required:
                self.error(column, value, f"is required ({what})")
            return ""
        code = lookup(value)
        if code is None:
            self.error(column, value, f"is not a known {what}")
            return ""
        return code

    def codes(self, column: str, lookup: Callable[[str], str | None], what: str) -> list[str]:
        result: list[str] = []
        for item in split_list(str(self.raw(column))):
            code = lookup(self.mapping.value(column, item))
            if code is None:
                self.error(column, item, f"is not a known {what}")
            elif code not in result:
                result.append(code)
        return result

    def integer(self, column: str, low: int, high: int) -> int | None:
        value = str(self.raw(column))
        if value == "":
            return None
        if not re.fullmatch(r"[+-]?\d+", value) or not low <= int(value) <= high:
            self.error(column, value, f"must be a whole number from {low} to {high}")
            return None
        return int(value)


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def file_error(path: str | Path, message: str) -> RowError:
    """An error about the whole file rather than one row."""
    return RowError(Path(path).name, 0, "", "", message)


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    match = ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = UK_DATE.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def split_list(text: str) -> list[str]:
    # MS Forms ends multi-choice answers with a ';', so empty items are dropped.
    return [item.strip() for item in text.split(";") if item.strip()]


def format_list(codes: list[str] | tuple[str, ...]) -> str:
    return ";".join(codes)


def format_bool(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def check_header(table: Table, mapping: Mapping, known: list[str], required: list[str]) -> tuple[dict, list]:
    """Map the file's headings onto our columns. Returns ({their heading: our column}, errors)."""
    errors: list[RowError] = []
    columns: dict[str, str] = {}
    for heading in table.header:
        if is_gss_column(heading):
            continue  # the organisation's GSS code, which every export adds (core.identifiers)
        ours = mapping.column(heading)
        if ours is None:
            continue  # the mapping says to ignore this column
        if ours not in known:
            errors.append(
                RowError(
                    table.name,
                    1,
                    heading,
                    "",
                    "is not a known column"
                    + (f" (mapped to {ours!r})" if ours != heading else "")
                    + f"; the columns are: {', '.join(known)}",
                )
            )
        elif ours in columns.values():
            errors.append(RowError(table.name, 1, heading, "", f"column {ours!r} appears twice"))
        else:
            columns[heading] = ours
    for column in required:
        if column not in columns.values():
            errors.append(RowError(table.name, 1, column, "", "required column is missing"))
    return columns, errors


def mapped_rows(table: Table, columns: dict[str, str], errors: list[RowError]):
    """The table's rows with our column names; a value under no heading is kept under ''.

    A file that turns out unreadable part-way (bad bytes) ends the rows with a file error.
    """
    try:
        for number, row in table.rows:
            cells = {ours: row.get(heading, "") for heading, ours in columns.items()}
            if "" in row:
                cells[""] = row[""]
            yield number, cells
    except TableError as error:
        errors.append(file_error(table.name, str(error)))
