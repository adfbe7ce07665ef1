"""Evidence: files an officer attaches to a record (a monitoring return, a risk review), one shape for every app.

- `check_evidence_upload` says whether a file may be kept: its size (`MAX_EVIDENCE_BYTES`, as the importers'
  `MAX_IMPORT_BYTES`) and its type, judged by its name *and* by its first bytes (a renamed program is refused),
  never by what the browser says; Word and Excel files (zip files) by what they say they unpack to.
- `Evidence` is the abstract model: the file in the `evidence` storage (settings.STORAGES: the filesystem under
  DATA_DIR by default, any Django storage back end by setting), its original name, size and type, who attached it
  and when, and whether it may be published. Each app's concrete model adds the record it belongs to and its
  history.
- `attach` and `remove` are the services' shared part (the apps' services check who may and call them);
  `evidence_response` is the download, always as an attachment, never shown inline.
- A row deleted in any way (`remove`, or with its record by cascade) has its file deleted from the storage once
  the transaction commits (`delete_files_with_rows`, connected for every concrete model when the apps are
  ready): a delete that is rolled back keeps the file. `orphans` lists the stored files no row names (the
  `evidence-orphans` command; docs/operations.md).
- `EvidenceForm` is the GOV.UK file upload on the record's page.

Nothing here decides who may read a file: the apps' permissions do (an exempt record's files are for the people
cleared for exempt information; the public never, unless the file was chosen for publishing and the record is
published).
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models, router, transaction
from django.db.models.signals import post_delete
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from .uploads import MAX_UNPACKED_BYTES

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 and Excel 97–2003 files


@dataclass(frozen=True)
class Kind:
    """A type of file that may be attached: its extensions, content type and the words for it."""

    extensions: tuple[str, ...]
    content_type: str
    words: str
    starts: tuple[bytes, ...] = ()  # its first bytes, one of these; empty: text (no NUL bytes)
    zip_part: str = ""  # a zip file (Word, Excel) holding a part whose name starts with this


KINDS: tuple[Kind, ...] = (
    Kind((".pdf",), "application/pdf", "a PDF", starts=(b"%PDF-",)),
    Kind(
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "a Word document",
        starts=(b"PK\x03\x04",),
        zip_part="word/",
    ),
    Kind((".doc",), "application/msword", "a Word document", starts=(OLE2,)),
    Kind(
        (".xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "an Excel workbook",
        starts=(b"PK\x03\x04",),
        zip_part="xl/",
    ),
    Kind((".xls",), "application/vnd.ms-excel", "an Excel workbook", starts=(OLE2,)),
    Kind((".csv",), "text/csv", "a CSV file"),
    Kind((".txt",), "text/plain", "a text file"),
    Kind((".png",), "image/png", "a PNG image", starts=(b"\x89PNG\r\n\x1a\n",)),
    Kind((".jpg", ".jpeg"), "image/jpeg", "a JPEG image", starts=(b"\xff\xd8\xff",)),
    Kind((".gif",), "image/gif", "a GIF image", starts=(b"GIF87a", b"GIF89a")),
)
ALLOWED_WORDS = "a PDF, Word, Excel, CSV, text or image (PNG, JPEG, GIF) file"
ACCEPT = ",".join(extension for kind in KINDS for extension in kind.extensions)
NAME_MAX_LENGTH = 200


def max_evidence_bytes() -> int:
    return settings.MAX_EVIDENCE_BYTES


def kind_of(name: str) -> Kind | None:
    extension = PurePath(name.lower()).suffix
    return next((kind for kind in KINDS if extension in kind.extensions), None)


def check_evidence_upload(upload, what: str = "The file") -> Kind:
    """The kind of `upload`, or a ValidationError (in the Design System's words) saying why it may not be kept."""
    name = PurePath((upload.name or "").replace("\\", "/")).name
    kind = kind_of(name)
    if kind is None:
        raise ValidationError(f"{what} must be {ALLOWED_WORDS}")
    if upload.size == 0:
        raise ValidationError(f"{what} is empty")
    if upload.size > max_evidence_bytes():
        raise ValidationError(f"{what} must be smaller than {filesizeformat(max_evidence_bytes())}")
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if kind.starts:
        if not head.startswith(kind.starts):
            raise ValidationError(f"{what} is not {kind.words}, although its name ends {PurePath(name).suffix}")
    elif b"\x00" in head:
        raise ValidationError(f"{what} is not {kind.words}: it holds binary data")
    if kind.zip_part:
        try:
            with zipfile.ZipFile(upload) as archive:
                parts = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ValidationError(f"{what} is damaged: it cannot be opened as {kind.words}") from None
        finally:
            upload.seek(0)
        if not any(part.filename.startswith(kind.zip_part) for part in parts):
            raise ValidationError(f"{what} is not {kind.words}, although its name ends {PurePath(name).suffix}")
        if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
            raise ValidationError(f"{what} is too large once unpacked: split it into smaller files")
    return kind


def evidence_storage():
    """The storage named `evidence` in settings.STORAGES (the filesystem by default, any back end by setting)."""
    return storages["evidence"]


class Evidence(models.Model):
    """A file attached to a record. The concrete model adds the record (a foreign key) and `history`."""

    file = models.FileField(storage=evidence_storage, max_length=300)
    original_name = models.CharField("file name", max_length=NAME_MAX_LENGTH)
    size = models.PositiveBigIntegerField(help_text="In bytes.")
    content_type = models.CharField(max_length=100, help_text="Judged from the file's name and first bytes.")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    publish = models.BooleanField(
        "may be published",
        default=False,
        help_text="Off: only people who may read the record see the file; it is never in anything published.",
    )

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


@dataclass(frozen=True)
class EvidenceRecord:
    """A file attached to a record, as its page lists it."""

    id: int
    name: str
    size: int
    kind: str  # in words: "a PDF"
    uploaded_by: str
    uploaded_at: object  # datetime
    publish: bool


def evidence_records(queryset) -> list[EvidenceRecord]:
    """The files of a concrete Evidence model's queryset, oldest first, in one query."""
    words = {kind.content_type: kind.words for kind in KINDS}
    return [
        EvidenceRecord(
            id=item.pk,
            name=item.original_name,
            size=item.size,
            kind=words.get(item.content_type, item.content_type),
            uploaded_by=(item.uploaded_by.name or str(item.uploaded_by)) if item.uploaded_by else "",
            uploaded_at=item.uploaded_at,
            publish=item.publish,
        )
        for item in queryset.select_related("uploaded_by").order_by("uploaded_at", "pk")
    ]


@dataclass(frozen=True)
class EvidenceRow:
    """A file as the page lists it: the record and the addresses of its download and its removal (empty when the
    reader may not remove it)."""

    item: EvidenceRecord
    download_url: str
    remove_url: str = ""


def evidence_rows(records, download: Callable[[int], str], remove: Callable[[int], str] | None = None):
    """The rows of the list on a record's page (`includes/evidence.html`): `download` and `remove` give a file's
    addresses from its id (`remove` None: the reader may not remove files)."""
    return [EvidenceRow(item, download(item.id), remove(item.id) if remove else "") for item in records]


def _safe_name(name: str) -> str:
    """The name as the person's computer called it, without folders or control characters."""
    name = PurePath((name or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?').strip() or "evidence"
    if len(name) > NAME_MAX_LENGTH:
        suffix = PurePath(name).suffix[:20]
        name = name[: NAME_MAX_LENGTH - len(suffix)] + suffix
    return name


def attach(evidence: Evidence, upload, user, *, folder: str, publish: bool = False, reason: str = "") -> Evidence:
    """Check `upload`, keep it in the evidence storage under `folder` and save `evidence` (an unsaved instance of
    a concrete model, its record set). The stored name is made here, never the one typed by the person."""
    kind = check_evidence_upload(upload)
    extension = PurePath(upload.name.lower()).suffix
    stored = evidence_storage().save(f"{folder}/{uuid.uuid4().hex}{extension}", upload)
    evidence.file.name = stored
    evidence.original_name = _safe_name(upload.name)
    evidence.size = upload.size
    evidence.content_type = kind.content_type
    evidence.uploaded_by = user
    evidence.uploaded_at = timezone.now()
    evidence.publish = publish
    evidence._history_user = user
    evidence._change_reason = (reason or f"Attached {evidence.original_name}")[:100]
    try:
        evidence.save()
    except Exception:
        evidence_storage().delete(stored)
        raise
    return evidence


def remove(evidence: Evidence, user, reason: str = "") -> None:
    """Delete the record of the file (its history keeps who attached and removed it); the file itself goes once
    the transaction commits (`delete_files_with_rows`)."""
    evidence._history_user = user
    evidence._change_reason = (reason or f"Removed {evidence.original_name}")[:100]
    evidence.delete()


def evidence_models() -> list:
    """Every concrete model of evidence (each app's), in a stable order."""
    found = [m for m in apps.get_models() if issubclass(m, Evidence) and not m._meta.abstract]
    return sorted(found, key=lambda m: m._meta.label_lower)


def _delete_file_on_commit(sender, instance, using, **kwargs):
    name = instance.file.name
    if not name:
        return

    def delete():
        # Another row may name the same file (a restore over a copy): keep it then.
        if not any(model._default_manager.using(using).filter(file=name).exists() for model in evidence_models()):
            evidence_storage().delete(name)

    transaction.on_commit(delete, using=using)


def delete_files_with_rows() -> None:
    """Connect the deletion of the file to the deletion of the row, for each concrete model (not for every model:
    a receiver for all would stop Django's fast deletes everywhere). Called by core's AppConfig.ready."""
    for model in evidence_models():
        post_delete.connect(_delete_file_on_commit, sender=model, dispatch_uid=f"evidence-file:{model._meta.label}")


def stored_names() -> set[str]:
    """The names of every file in the evidence storage, through the storage's own listing (any back end)."""
    storage = evidence_storage()
    found: set[str] = set()
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        found.update(f"{folder}/{name}" if folder else name for name in files)
        folders.extend(f"{folder}/{name}" if folder else name for name in subfolders)
    return found


def referenced_names(using: str | None = None) -> set[str]:
    """The files the rows of every evidence model name."""
    names: set[str] = set()
    for model in evidence_models():
        db = using or router.db_for_read(model)
        names.update(model._default_manager.using(db).exclude(file="").values_list("file", flat=True))
    return names


@dataclass(frozen=True)
class Orphan:
    name: str
    size: int | None


def orphans(min_age: timedelta = timedelta(hours=1)) -> list[Orphan]:
    """The files in the evidence storage that no row names, oldest name first. A file newer than `min_age` is
    left out: it may be one being attached now, whose row is not yet committed (a storage that cannot say when
    a file was written: every file counts)."""
    storage = evidence_storage()
    named = referenced_names()
    now = timezone.now()
    found = []
    for name in sorted(stored_names() - named):
        try:
            written = storage.get_modified_time(name)
        except (NotImplementedError, OSError):
            written = None
        if written is not None and now - written < min_age:
            continue
        try:
            size = storage.size(name)
        except (NotImplementedError, OSError):
            size = None
        found.append(Orphan(name, size))
    return found


def evidence_response(evidence: Evidence) -> FileResponse:
    """The file as a download (never shown in the browser: it is whatever an officer attached)."""
    response = FileResponse(
        evidence_storage().open(evidence.file.name, "rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class EvidenceForm(forms.Form):
    """The GOV.UK file upload for a piece of evidence; the checks are `check_evidence_upload`'s."""

    file = forms.FileField(
        label="Attach a file",
        error_messages={"required": "Choose a file to attach", "empty": "The file is empty"},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    publish = forms.BooleanField(
        label="It may be published with the report",
        required=False,
        help_text="Unticked, only the people who may read this page can download it, and it is left out of "
        "everything published.",
    )

    def __init__(self, *args, publishable: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = (
            f"{ALLOWED_WORDS[0].upper()}{ALLOWED_WORDS[1:]}, smaller than {filesizeformat(max_evidence_bytes())}."
        )
        if not publishable:
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_evidence_upload(upload)
        return upload
