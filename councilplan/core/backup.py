"""Backing up the whole database to one JSON file, and restoring it (docs/operations.md#backups).

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
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

FORMAT = "councilplan-backup"
FORMAT_VERSION = 1
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


def backup(path: str | Path, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Write the whole database to `path` (gzip-compressed when it ends in .gz); returns the rows per model.

    Read in one repeatable-read snapshot on PostgreSQL, so that a backup taken while people work is consistent.
    The file is written beside `path` and renamed into place when complete: a failed backup leaves no half file.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder")
    connection = connections[using]
    handle, temporary = tempfile.mkstemp(prefix=".backup-", dir=folder)
    os.close(handle)
    temporary = Path(temporary)
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    try:
        with transaction.atomic(using=using):
            if snapshot:  # the transaction's first statement
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = row_counts(using)
            header = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "database": connection.vendor,
                "migrations": applied_migrations(using),
                "counts": counts,
            }
            with _open(temporary, "w", compressed=path.suffix == ".gz") as out:
                out.write(json.dumps(header, indent=1)[:-2])
                out.write(',\n "objects": [\n')
                first = True
                for chunk in _serialized(using):
                    if not first:
                        out.write(",\n")
                    out.write(chunk)
                    first = False
                out.write("\n ]\n}\n")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return counts


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
    data = _load(Path(path))
    return {key: value for key, value in data.items() if key != "objects"}


def _load(path: Path) -> dict:
    try:
        with _open(path, "r", compressed=_is_gzip(path)) as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist") from None
    except (OSError, ValueError, EOFError, zlib.error) as error:
        raise BackupError(f"{path} cannot be read as a councilplan backup ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("objects"), list):
        raise BackupError(f"{path} is not a councilplan backup")
    if data.get("version") != FORMAT_VERSION:
        raise BackupError(f"{path} is a backup of format {data.get('version')}; this councilplan reads format 1")
    return data


@dataclass
class Restored:
    counts: dict[str, int]
    header: dict
    warnings: list[str] = field(default_factory=list)


def restore(path: str | Path, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> Restored:
    """Replace the database's contents with the backup at `path`.

    The database must be migrated (`councilplan migrate`) and must know every migration the backup's had.
    Refuses when the database holds data, unless `force`: then that data is replaced.
    """
    path = Path(path)
    data = _load(path)
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
    finally:
        fixture.unlink(missing_ok=True)
        fixture_dir.rmdir()
    return Restored(counts, header, warnings)
