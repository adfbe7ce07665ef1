"""Checks on an uploaded import file before anything reads it as a table (docs/security.md).

The type is judged by the name and by the first bytes, not by what the browser says; the size by
`MAX_IMPORT_BYTES`; and an Excel workbook (a zip file) by how large it says it unpacks to, so that a small
file cannot unpack into gigabytes. The importers still check every row and write nothing unless all are right.
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

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
