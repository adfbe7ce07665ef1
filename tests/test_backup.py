"""`councilplan backup` and `councilplan restore`: the whole database, history included, round trip on whichever
database the suite runs on (SQLite, or PostgreSQL in CI); a database holding data is not overwritten unless
--force; a backup from a newer version, or a file that is not a backup, is refused with a clear message."""

from __future__ import annotations

import backup_support
import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from councilplan.core.backup import SEEDED, data_held, row_counts
from councilplan.core.models import User, VocabularyTerm
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.services import save_return
from councilplan.plan.models import Activity


def _snapshot() -> dict:
    """A few values that must survive, beside the counts: a return with its versions and who saved them."""
    ret = Return.objects.filter(round__label="2019-20 Q2").order_by("pk").first()
    history = list(ret.history.order_by("history_id").values_list("history_id", "version", "progress", "history_user"))
    activity = Activity.objects.filter(colleagues__isnull=False).order_by("pk").first()
    editor = User.objects.get(username="backup.editor")
    return {
        "return": (ret.pk, ret.progress, ret.version, ret.updated_at, ret.milestones, ret.submitted_by_id),
        "history": history,
        "colleagues": (activity.pk, sorted(activity.colleagues.values_list("pk", flat=True))),
        "password": (editor.pk, editor.password, editor.role),
        "term": list(VocabularyTerm.objects.filter(code="on_track").values_list("pk", "label")),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_then_restore_into_an_empty_database_gives_back_everything(tmp_path, capsys):
    from councilplan.sample.loader import load_sample

    # Systems of every kind of record (history, many-to-many, money, exempt), not every system's sample: the
    # backup is generic over the models, and the feedback sample alone is 75,000 rows with its history.
    load_sample(only=("risks", "performance", "planning", "contracts", "finance"))
    editor = User.objects.create(username="backup.editor", role=User.Role.CORPORATE, name="Ed Itor")
    editor.set_password("correct horse battery staple")
    editor.save()
    activity = Activity.objects.order_by("pk").first()
    activity.colleagues.add(editor)
    ret = Return.objects.filter(round__label="2019-20 Q2").order_by("pk").first()
    # A change with a person's name in the history, a relabelled term: data the sample does not have.
    save_return(ret, {"progress": "Changed by the editor, <b>not</b> bold & =1+1"}, editor, ret.version)
    VocabularyTerm.objects.filter(code="on_track").update(label="On track (renamed)")
    counts, values = row_counts(), _snapshot()
    assert counts["monitoring.historicalreturn"] > counts["monitoring.return"] > 0

    backup = tmp_path / "councilplan.tar.gz"
    call_command("backup", output=str(backup))
    assert "Backed up" in capsys.readouterr().out
    header = backup_support.data(backup)
    assert header["format"] == "councilplan-backup" and header["counts"] == counts

    # Over a database that holds data: refused, and nothing changes.
    with pytest.raises(CommandError, match="The database is not empty .* run again with --force"):
        call_command("restore", str(backup))
    assert row_counts() == counts

    # Into an empty database. What the cache kept before is gone: its keys' data versions are history row
    # numbers, which the restored database numbers again.
    call_command("flush", interactive=False, verbosity=0)
    assert not data_held()
    cache.set("report-page:kept-before", "the page of the data replaced", timeout=None)
    call_command("restore", str(backup))
    assert "Restored" in capsys.readouterr().out
    assert cache.get("report-page:kept-before") is None
    assert row_counts() == counts
    assert _snapshot() == values

    # The database carries on: new rows get new keys (PostgreSQL's sequences were moved past the restored ones).
    newcomer = User.objects.create(username="after.restore")
    assert newcomer.pk > editor.pk
    ret = Return.objects.get(pk=values["return"][0])
    save_return(ret, {"progress": "After the restore"}, newcomer, ret.version)
    assert ret.history.count() == len(values["history"]) + 1

    # Over data with --force: replaced by the backup's.
    call_command("restore", str(backup), force=True)
    assert row_counts() == counts
    assert not User.objects.filter(username="after.restore").exists()
    assert _snapshot() == values


@pytest.mark.django_db
def test_a_new_database_counts_as_empty():
    """Only the rows the data migrations write are there: a restore needs no --force."""
    assert not data_held()
    assert {label for label, n in row_counts().items() if n} <= SEEDED


@pytest.mark.django_db
def test_a_backup_from_a_newer_version_is_refused(tmp_path):
    backup = tmp_path / "b.tar"
    call_command("backup", output=str(backup))
    backup_support.rewrite_data(backup, lambda data: data["migrations"]["monitoring"].append("0099_from_the_future"))
    with pytest.raises(CommandError, match="made by a newer councilplan .*monitoring.0099_from_the_future"):
        call_command("restore", str(backup))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "cannot be read as a councilplan backup"),
        (b'[{"model": "core.user", "pk": 1, "fields": {}}]', "is not a councilplan backup"),
        (b'{"format": "councilplan-backup", "version": 7, "objects": []}', "backup of format 7"),
        # A header of the archive's format in a JSON file alone: its files are not there.
        (b'{"format": "councilplan-backup", "version": 2, "objects": []}', "format 2 but not an archive"),
        (b"\x1f\x8b\x08 not really gzip", "cannot be read as a councilplan backup"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, content, message):
    path = tmp_path / "b.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path))


@pytest.mark.django_db
def test_a_backup_to_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("backup", output=str(tmp_path / "no" / "such" / "b.json"))
    assert not list(tmp_path.iterdir())


@pytest.mark.django_db
def test_a_backup_leaves_no_half_file_behind(tmp_path, monkeypatch):
    import councilplan.core.backup as module

    def broken(using):
        yield "{}"
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "_serialized", broken)
    with pytest.raises(RuntimeError):
        module.backup(tmp_path / "b.json")
    assert not list(tmp_path.iterdir())
    assert Round.objects.count() == 0
