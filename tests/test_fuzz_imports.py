"""Fuzzing the importers (hypothesis): random bytes, random and hostile cells under the right headers. Every file
is either imported or refused with ImportFailed listing its problems; nothing else is ever raised, and a refused
file writes nothing."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from helpers import ACTIVITY_HEADER
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from councilplan.core.backup import row_counts
from councilplan.core.exchange import ImportFailed
from councilplan.monitoring.questions import RETURN_COLUMNS
from councilplan.monitoring.services import import_returns
from councilplan.performance.services import INDICATOR_COLUMNS, RESULT_COLUMNS, import_indicators, import_results
from councilplan.plan.services import import_plan

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "<script>alert(1)</script>",
    "'; DROP TABLE core_user; --",
    "\x00\x01\x02",
    "\ufeff\u202e\u200b",
    "\ud7ff\ue000\U0010ffff",
    "../../etc/passwd",
    "{{ 7*7 }}{% debug %}",
    "31/02/2020",
    "2020-13-45",
    "9" * 400,
    "x" * 5000,
    "",
    " ",
    "1",
    "yes",
]
cell = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.integers(-(10**12), 10**12).map(str),
)

IMPORTERS = {
    "plan": (ACTIVITY_HEADER, lambda path: import_plan(path, "Fuzzed plan")),
    "returns": (RETURN_COLUMNS, lambda path: import_returns(path, "2019-20 Q3", "Test plan")),
    "results": (RESULT_COLUMNS, lambda path: import_results(path)),
    "indicators": (INDICATOR_COLUMNS, lambda path: import_indicators(path)),
}


def _check(importer, path: Path) -> None:
    """Imported, or refused with its problems listed and nothing written."""
    before = row_counts()
    try:
        importer(path)
    except ImportFailed as failure:
        assert failure.errors, "a refusal lists at least one problem"
        assert all(str(error) for error in failure.errors)
        assert row_counts() == before, "a refused file wrote something"


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8", errors="surrogatepass")


def _xlsx(header: list[str], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(content: bytes, suffix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(FUZZ, max_examples=25)
@given(content=st.one_of(st.binary(max_size=2000), st.just(b""), st.just(b"PK\x03\x04" + b"\x00" * 40)))
def test_random_bytes_are_refused_cleanly(small_plan, kind, suffix, content):
    _check(IMPORTERS[kind][1], _write(content, suffix))


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
@FUZZ
@given(data=st.data(), xlsx=st.booleans())
def test_random_and_hostile_cells_under_the_right_header(small_plan, kind, data, xlsx):
    header, importer = IMPORTERS[kind]
    width = len(header)
    rows = data.draw(st.lists(st.lists(cell, min_size=0, max_size=width + 2), min_size=0, max_size=6))
    content = _xlsx(header, rows) if xlsx else _csv(header, rows)
    _check(importer, _write(content, ".xlsx" if xlsx else ".csv"))


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
@FUZZ
@given(header=st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), max_size=8))
def test_random_headers(small_plan, kind, header):
    _check(IMPORTERS[kind][1], _write(_csv(header, [["1"] * len(header)]), ".csv"))


def _hostile_files(header: list[str]) -> dict[str, tuple[bytes, str]]:
    """The shapes issue 21 found: a cell over the csv module's limit, a workbook whose sheet XML is truncated,
    declares an external entity or nests entity expansion, and control characters in cells."""
    from test_security_hostile import HOSTILE_SHEETS, workbook_with_sheet

    files = {
        "huge cell": (_csv(header, [["x" * 140_000] * len(header)]), ".csv"),
        "control characters": (_csv(header, [["a\x01\x0b\x1fb"] * len(header)]), ".csv"),
    }
    for shape, sheet in HOSTILE_SHEETS.items():
        path = workbook_with_sheet(Path(tempfile.mkdtemp(prefix="fuzz-")) / "hostile.xlsx", sheet)
        files[shape] = (path.read_bytes(), ".xlsx")
    return files


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_huge_cells_hostile_workbooks_and_control_characters_are_refused_cleanly(small_plan, kind):
    header, importer = IMPORTERS[kind]
    for content, suffix in _hostile_files(header).values():
        _check(importer, _write(content, suffix))
