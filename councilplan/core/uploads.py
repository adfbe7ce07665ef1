"""Checks on an uploaded import file before anything reads it as a table (docs/security.md).

The type is judged by the name and by the first bytes, not by what the browser says; the size by
`MAX_IMPORT_BYTES`; and an Excel workbook (a zip file) by how large it says it unpacks to, so that a small
file cannot unpack into gigabytes. The importers still check every row and write nothing unless all are right.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from .exchange import nothing_imported

# The problems an import page lists (includes/import_problems.html); it says how many more there are.
PROBLEMS_SHOWN = 500

# A workbook whose parts unpack to more than this is refused (a 10 MB workbook unpacks to well under 200 MB).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def check_import_upload(upload, what: str = "The file") -> None:
    """Raise a ValidationError (in the Design System's words) unless `upload` may be given to an importer."""
    name = (upload.name or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise ValidationError(f"{what} must be a CSV or an Excel (.xlsx) file")
    if upload.size == 0:
        raise ValidationError(f"{what} is empty")
    if upload.size > settings.MAX_IMPORT_BYTES:
        raise ValidationError(f"{what} must be smaller than {filesizeformat(settings.MAX_IMPORT_BYTES)}")
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if name.endswith(".xlsx"):
        if not head.startswith(b"PK\x03\x04"):
            raise ValidationError(f"{what} is not an Excel workbook: save it from Excel as 'Excel Workbook (.xlsx)'")
        try:
            with zipfile.ZipFile(upload) as archive:
                unpacked = sum(part.file_size for part in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ValidationError(f"{what} is damaged: it cannot be opened as an Excel workbook") from None
        finally:
            upload.seek(0)
        if unpacked > MAX_UNPACKED_BYTES:
            raise ValidationError(f"{what} is too large once unpacked: split it into smaller workbooks")
    elif b"\x00" in head:
        raise ValidationError(f"{what} is not a text file: save it from Excel as 'CSV UTF-8 (comma delimited)'")


@contextmanager
def upload_on_disk(upload) -> Iterator[Path]:
    """The upload written to a temporary folder for an importer, which reads a path; removed afterwards.

    The file keeps the name the user chose (the extension in lower case, which the importers go by), so the
    importer's errors name the user's own file, not a temporary one.
    """
    name = Path(upload.name or "").name
    # Not Path.suffix: a file called ".csv" has no suffix to pathlib, but it is a CSV file to the user.
    suffix = next((known for known in (".csv", ".xlsx") if name.lower().endswith(known)), Path(name).suffix.lower())
    stem = name[: len(name) - len(suffix)][:80] or "import"
    with tempfile.TemporaryDirectory(prefix="councilplan-import-") as folder:
        path = Path(folder) / f"{stem}{suffix}"
        with open(path, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        yield path


def refused(errors: list) -> str:
    """The error summary's line for an import refused; the table (includes/import_problems.html) lists them."""
    return f"{nothing_imported(len(errors))}, listed below."


def import_problems(errors: list) -> dict:
    """The context includes/import_problems.html reads: the first PROBLEMS_SHOWN of an import's errors
    (core.exchange.RowError) and how many more there are."""
    return {"errors": errors[:PROBLEMS_SHOWN], "more": max(0, len(errors) - PROBLEMS_SHOWN)}
