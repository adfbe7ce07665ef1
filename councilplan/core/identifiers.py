"""Identifiers others use, in every export: the organisation's ONS GSS code (E10000016: Kent County Council).

Every file councilplan writes from a table (a list's CSV, Excel and JSON download, the export commands, the API's
CSV, the open data files) ends each row with a `gss_code` column through `with_gss_code`, so that analysts joining
several councils' files in Power BI or Excel know whose each row is. The importers ignore that column
(`core.exchange.check_header`), so an exported file still goes back in as it came out.
"""

from __future__ import annotations

from collections.abc import Sequence

GSS_COLUMN = "gss_code"


def gss_code() -> str:
    """The organisation's GSS code, from its settings (empty until it is set)."""
    from .selectors import organisation

    return organisation().gss_code


def with_gss_code(header: Sequence[str], rows: Sequence[Sequence[object]], code: str | None = None):
    """(header, rows) with the `gss_code` column last: the organisation's code (or `code`) on every row."""
    code = gss_code() if code is None else code
    return [*header, GSS_COLUMN], [[*row, code] for row in rows]


def is_gss_column(heading: object) -> bool:
    return str(heading or "").strip().lower() == GSS_COLUMN
