"""Backing up the whole database and the evidence files to one archive, and restoring it (docs/operations.md#backups).

The backup is a tar archive (gzip-compressed when its name ends in .gz) holding every file of the `evidence`
storage that an evidence row names (`files/evidence/<its stored name>`) and, last, `councilplan-backup.json`: the
database as JSON, whose header lists each file with its size and SHA-256. Backups made before they held files
(a JSON file, plain or gzip-compressed) are still read.

The file holds every row of every model, history included, with its primary key, so that history rows still
point at what they are the history of. Content types and permissions are not in it (`migrate` makes them, with
ids that differ between databases); the few references to them (admin log entries, permissions given to people
or groups) are written by their natural keys instead. Sessions are left out: a restore signs everyone out.

The file also records the migrations the database had, so a backup is never restored into a database whose
code does not know them (a backup from a newer version), and the number of rows per model, which the restore
checks after loading.

Restoring replaces everything: it empties every table (`flush`), loads the rows (`loaddata`, which keeps their
keys, does not write new history, and resets PostgreSQL's sequences) in one transaction, and checks the counts.
It refuses to run over a database that holds data unless told to (`force=True`).

The files are checked before anything is changed: every file the header lists must be in the archive with its
size and checksum, and every evidence row must have its file there; one that is not refuses the whole restore,
naming it. They are written back through the storage's API (any Django storage back end) inside the database's
transaction: if writing one fails, the ones written are deleted and the database is rolled back.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files import File
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

from .evidence import evidence_models, evidence_storage

FORMAT = "councilplan-backup"
FORMAT_VERSION = 2  # 2: an archive holding the evidence files; 1: the database alone, as JSON
READS = (1, 2)
DATA_MEMBER = "councilplan-backup.json"
FILES_FOLDER = "files/evidence/"
CHUNK = 1024 * 1024
LEFT_OUT = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
# Rows the data migrations write into a new database: a database holding only these is empty. The teams the
# systems declare (`SystemConfig.teams`) are made on migrate too.
SEEDED = {
    "core.vocabularyterm",
    "risks.riskscale",
    "risks.riskband",
    "risks.scorelabel",
    "core.team",
    "core.historicalteam",
}


class BackupError(Exception):
    """The backup cannot be made or restored; the message says why and what to do."""


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, keeping times to the microsecond (it rounds them to the millisecond)."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class _Serializer(JSONSerializer):
    """Django's JSON serializer, with natural keys for references to content types and permissions only."""

    NATURAL = (ContentType, Permission)

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, self.NATURAL)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, self.NATURAL)
        super().handle_m2m_field(obj, field)


def backed_up_models() -> list:
    """Every concrete model with its own table, in a stable order."""
    found = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in LEFT_OUT:
            continue
        found.append(model)
    return sorted(found, key=lambda m: m._meta.label_lower)


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.using(using).count() for m in backed_up_models()}


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections[using]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def data_held(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """The models with rows beyond what a new database has: empty means nothing would be lost."""
    return {label: n for label, n in row_counts(using).items() if n and label not in SEEDED}


def _open(path: Path, mode: str, compressed: bool):
    if compressed:
        return gzip.open(path, mode + "t", encoding="utf-8")
    return open(path, mode, encoding="utf-8")  # noqa: SIM115 - the caller closes it


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


class _Hashing(io.RawIOBase):
    """A file read through once, counting its bytes and their SHA-256 on the way."""

    def __init__(self, handle):
        self.handle, self.sha256, self.size = handle, hashlib.sha256(), 0

    def readable(self):
        return True

    def read(self, n=-1):
        data = self.handle.read(n)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _evidence_names(using: str) -> list[str]:
    names: set[str] = set()
    for model in evidence_models():
        names.update(model._default_manager.using(using).exclude(file="").values_list("file", flat=True))
    return sorted(names)


def _add_files(archive: tarfile.TarFile, using: str) -> tuple[list[dict], list[str]]:
    """Put every file an evidence row names into the archive; returns what was put (name, size, SHA-256) and the
    names of the files the storage does not have."""
    storage = evidence_storage()
    files, missing = [], []
    now = dt.datetime.now(dt.UTC).timestamp()
    for name in _evidence_names(using):
        if not storage.exists(name):
            missing.append(name)
            continue
        info = tarfile.TarInfo(FILES_FOLDER + name)
        info.size, info.mtime, info.mode = storage.size(name), now, 0o600
        with storage.open(name, "rb") as handle:
            hashing = _Hashing(handle)
            archive.addfile(info, hashing)
        files.append({"name": name, "size": hashing.size, "sha256": hashing.sha256.hexdigest()})
    return files, missing


@dataclass
class BackedUp:
    counts: dict[str, int]
    files: int = 0
    file_bytes: int = 0
    missing_files: list[str] = field(default_factory=list)


def backup(path: str | Path, using: str = DEFAULT_DB_ALIAS) -> BackedUp:
    """Write the whole database and every evidence file to `path` (gzip-compressed when it ends in .gz).

    Read in one repeatable-read snapshot on PostgreSQL, so that a backup taken while people work is consistent.
    The archive is written beside `path` and renamed into place when complete: a failed backup leaves no half
    file. A file a row names that the storage does not have is listed in the header (`missing_files`) and
    returned, so that the command can say so; the backup is still made.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder")
    connection = connections[using]
    handle, temporary = tempfile.mkstemp(prefix=".backup-", dir=folder)
    os.close(handle)
    temporary = Path(temporary)
    handle, data_file = tempfile.mkstemp(prefix=".backup-data-", dir=folder)
    os.close(handle)
    data_file = Path(data_file)
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    try:
        with transaction.atomic(using=using):
            if snapshot:  # the transaction's first statement
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = row_counts(using)
            with tarfile.open(temporary, "w:gz" if path.suffix == ".gz" else "w", format=tarfile.PAX_FORMAT) as out:
                files, missing = _add_files(out, using)
                header = {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "database": connection.vendor,
                    "migrations": applied_migrations(using),
                    "counts": counts,
                    "files": files,
                    "missing_files": missing,
                }
                with open(data_file, "w", encoding="utf-8") as data:
                    data.write(json.dumps(header, indent=1)[:-2])
                    data.write(',\n "objects": [\n')
                    first = True
                    for chunk in _serialized(using):
                        if not first:
                            data.write(",\n")
                        data.write(chunk)
                        first = False
                    data.write("\n ]\n}\n")
                info = out.gettarinfo(str(data_file), arcname=DATA_MEMBER)
                info.mode = 0o600
                with open(data_file, "rb") as data:
                    out.addfile(info, data)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
        data_file.unlink(missing_ok=True)
    return BackedUp(counts, len(files), sum(f["size"] for f in files), missing)


def _serialized(using: str) -> Iterator[str]:
    """Each model's rows as the inside of a JSON list, in primary key order."""
    for model in backed_up_models():
        queryset = model._default_manager.using(using).order_by("pk")
        if not queryset.exists():
            continue
        many = [f.name for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]
        if many:
            queryset = queryset.prefetch_related(*many)
        text = _Serializer().serialize(queryset.iterator(chunk_size=2000), cls=_Encoder)
        inner = text.strip()[1:-1].strip()
        if inner:
            yield inner


def read_header(path: str | Path) -> dict:
    data, archive = _load(Path(path))
    if archive is not None:
        archive.close()
    return {key: value for key, value in data.items() if key != "objects"}


def _is_archive(path: Path) -> bool:
    try:
        return tarfile.is_tarfile(path)
    except (OSError, EOFError, zlib.error, tarfile.TarError):
        return False


def _load(path: Path) -> tuple[dict, tarfile.TarFile | None]:
    """The backup's data and, for an archive, the archive (open: the caller closes it)."""
    archive = None
    try:
        if _is_archive(path):
            archive = tarfile.open(path, "r:*")  # noqa: SIM115 - returned open; the caller closes it
            try:
                member = archive.getmember(DATA_MEMBER)
            except KeyError:
                raise BackupError(f"{path} is not a councilplan backup (it has no {DATA_MEMBER})") from None
            with archive.extractfile(member) as raw:
                data = json.load(io.TextIOWrapper(raw, encoding="utf-8"))
        else:
            with _open(path, "r", compressed=_is_gzip(path)) as handle:
                data = json.load(handle)
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist") from None
    except BackupError:
        if archive is not None:
            archive.close()
        raise
    except (OSError, ValueError, EOFError, zlib.error, tarfile.TarError) as error:
        if archive is not None:
            archive.close()
        raise BackupError(f"{path} cannot be read as a councilplan backup ({error})") from None
    problem = ""
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("objects"), list):
        problem = f"{path} is not a councilplan backup"
    elif data.get("version") not in READS:
        problem = (
            f"{path} is a backup of format {data.get('version')}; this councilplan reads formats "
            f"{', '.join(map(str, READS))}"
        )
    elif archive is None and data.get("version") != 1:
        problem = f"{path} is a backup of format {data.get('version')} but not an archive: it is damaged"
    if problem:
        if archive is not None:
            archive.close()
        raise BackupError(problem)
    return data, archive


def _safe_file_name(name) -> bool:
    parts = str(name).split("/")
    return bool(name) and isinstance(name, str) and not name.startswith("/") and ".." not in parts and "" not in parts


def _check_files(path: Path, data: dict, archive: tarfile.TarFile | None) -> tuple[list[dict], list[str]]:
    """The files to put back, each checked against the archive (present, its size, its SHA-256), and warnings.
    Refuses, naming the file, if one is not there or not as the header says, or an evidence row has no file."""
    labels = {model._meta.label_lower for model in evidence_models()}
    named = {
        row.get("fields", {}).get("file")
        for row in data["objects"]
        if isinstance(row, dict) and row.get("model") in labels and row.get("fields", {}).get("file")
    }
    storage = evidence_storage()
    if archive is None:  # a backup made before backups held files
        absent = sorted(name for name in named if not storage.exists(name))
        warnings = []
        if absent:
            warnings.append(
                f"The backup holds no files (it was made before backups did): {len(absent)} evidence file(s) its "
                f"rows name are not in the evidence storage ({', '.join(absent[:5])}{' …' if len(absent) > 5 else ''})."
                " Copy them from the old server's evidence folder, or run `councilplan evidence-orphans` after."
            )
        return [], warnings
    files = data.get("files")
    missing = data.get("missing_files") or []
    if not isinstance(files, list) or not all(isinstance(f, dict) for f in files) or not isinstance(missing, list):
        raise BackupError(f"{path} is damaged: its list of files cannot be read. Nothing was changed.")
    listed = {f.get("name") for f in files}
    for name in sorted(named - listed - set(missing)):
        raise BackupError(f"{path} has no copy of the evidence file {name}, which a row names. Nothing was changed.")
    members = {member.name: member for member in archive.getmembers() if member.isfile()}
    for entry in files:
        name = entry.get("name")
        if not _safe_file_name(name):
            raise BackupError(f"{path} names a file {name!r} outside the evidence storage. Nothing was changed.")
        member = members.get(FILES_FOLDER + name)
        if member is None:
            raise BackupError(f"{path} is missing the evidence file {name}. Nothing was changed.")
        if member.size != entry.get("size"):
            raise BackupError(
                f"The evidence file {name} in {path} is {member.size:,} bytes, not the {entry.get('size')} "
                "the backup recorded: the backup is damaged or was changed. Nothing was changed."
            )
        sha256 = hashlib.sha256()
        with archive.extractfile(member) as handle:
            while chunk := handle.read(CHUNK):
                sha256.update(chunk)
        if sha256.hexdigest() != entry.get("sha256"):
            raise BackupError(
                f"The evidence file {name} in {path} does not match its checksum: the backup is damaged or was "
                "changed. Nothing was changed."
            )
    warnings = []
    if missing:
        warnings.append(
            f"{len(missing)} evidence file(s) were already missing from the storage when the backup was made "
            f"({', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}): their rows are restored without them."
        )
    return files, warnings


def _put_files(archive: tarfile.TarFile, files: list[dict]) -> list[str]:
    """Write the files into the evidence storage under their own names; returns the names written (those that
    were there with the same content are left). On failure, deletes what it wrote and raises."""
    storage = evidence_storage()
    written: list[str] = []
    try:
        for entry in files:
            name = entry["name"]
            if storage.exists(name):
                sha256 = hashlib.sha256()
                with storage.open(name, "rb") as there:
                    while chunk := there.read(CHUNK):
                        sha256.update(chunk)
                if sha256.hexdigest() == entry["sha256"]:
                    continue
                storage.delete(name)
            with archive.extractfile(FILES_FOLDER + name) as handle:
                saved = storage.save(name, File(handle, name=name))
            written.append(saved)
            if saved != name:
                raise BackupError(f"The evidence storage kept {name} as {saved}: nothing was changed.")
    except Exception:
        for name in written:
            storage.delete(name)
        raise
    return written


@dataclass
class Restored:
    counts: dict[str, int]
    header: dict
    warnings: list[str] = field(default_factory=list)
    files: int = 0


def restore(path: str | Path, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> Restored:
    """Replace the database's contents with the backup at `path`.

    The database must be migrated (`councilplan migrate`) and must know every migration the backup's had.
    Refuses when the database holds data, unless `force`: then that data is replaced.
    """
    path = Path(path)
    data, archive = _load(path)
    try:
        return _restore(path, data, archive, force, using)
    finally:
        if archive is not None:
            archive.close()


def _restore(path: Path, data: dict, archive, force: bool, using: str) -> Restored:
    known = applied_migrations(using)
    unknown = [
        f"{app}.{name}"
        for app, names in data.get("migrations", {}).items()
        for name in names
        if name not in known.get(app, [])
    ]
    if unknown:
        raise BackupError(
            f"{path} was made by a newer councilplan (its database had migrations this one has not applied: "
            f"{', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}). Run `councilplan migrate` first, or "
            "restore with the version of councilplan that made it."
        )
    newer = [
        f"{app}.{name}"
        for app, names in known.items()
        for name in names
        if name not in data.get("migrations", {}).get(app, [])
    ]
    warnings = []
    if newer:
        warnings.append(
            f"The backup was made before {len(newer)} migration(s) this database has ({', '.join(newer[:3])}"
            f"{' …' if len(newer) > 3 else ''}): its rows were loaded into the newer tables, but data migrations "
            "among those were not applied to them. Restoring with the version that made the backup, then "
            "upgrading, is safer."
        )
    header = {key: value for key, value in data.items() if key != "objects"}
    held = data_held(using)
    if held and not force:
        shown = ", ".join(f"{n:,} {label}" for label, n in sorted(held.items(), key=lambda x: -x[1])[:5])
        raise BackupError(
            f"The database is not empty (it holds {shown} …): restoring would replace all of it. "
            "Restore into a new, migrated database, or run again with --force to replace what is there."
        )
    files, file_warnings = _check_files(path, data, archive)
    warnings.extend(file_warnings)
    expected = {label: int(n) for label, n in data.get("counts", {}).items()}
    fixture_dir = Path(tempfile.mkdtemp(prefix="councilplan-restore-"))
    fixture = fixture_dir / "backup.json"
    try:
        with open(fixture, "w", encoding="utf-8") as handle:
            json.dump(data["objects"], handle)
        del data
        with transaction.atomic(using=using):
            call_command("flush", interactive=False, verbosity=0, database=using)
            # Loading writes no history of its own: the backup's history rows are the history. (Saving rows
            # skips it by itself; setting many-to-many links would otherwise add a version.)
            with override_settings(SIMPLE_HISTORY_ENABLED=False):
                call_command("loaddata", str(fixture), verbosity=0, database=using)
            counts = row_counts(using)
            wrong = {
                label: (expected.get(label, 0), counts.get(label, 0))
                for label in set(expected) | set(counts)
                if expected.get(label, 0) != counts.get(label, 0) and label in expected
            }
            if wrong:
                detail = ", ".join(
                    f"{label}: {want} in the backup, {got} loaded" for label, (want, got) in wrong.items()
                )
                raise BackupError(f"The restore did not load every row ({detail}); nothing was changed.")
            if files:
                _put_files(archive, files)
        # What the cache kept is keyed by versions made of history row numbers, which the restored database
        # numbers again from the backup's: kept pages of the data replaced could be taken for the new data's.
        cache.clear()
    finally:
        fixture.unlink(missing_ok=True)
        fixture_dir.rmdir()
    return Restored(counts, header, warnings, len(files))
