"""The life of an evidence file beyond its page: deleted with its row (by `remove`, or with its return or risk
review) once the deletion commits, kept when it is rolled back; files without a row found and deleted by
`evidence-orphans`; and every file in the backup, put back byte for byte by the restore, which refuses a
tampered archive without changing anything."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import time

import backup_support
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from evidence_support import PDF, PNG, upload
from risk_support import make_register, make_risk, make_user

from councilplan.core.backup import row_counts
from councilplan.core.evidence import evidence_storage
from councilplan.core.models import User
from councilplan.monitoring import services
from councilplan.monitoring.models import Return, ReturnEvidence, Round
from councilplan.risks import services as risk_services
from councilplan.risks.models import ReviewEvidence

WORD = b"PK\x03\x04" + b"not really, but the backup does not look"  # never checked: written to the storage as is


def _use_storage(settings, folder):
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    folder = tmp_path / "evidence"
    _use_storage(settings, folder)
    return folder


def _files(folder) -> dict[str, bytes]:
    """Every file under the folder, read from the disc (not through the code under test)."""
    if not folder.exists():
        return {}
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _return(plan) -> Return:
    round_ = Round.objects.create(
        plan=plan,
        label="2019-20 Q3",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=9),
        state=Round.State.OPEN,
    )
    return Return.objects.create(round=round_, activity=plan.activities.get(ref="1"), state=Return.State.SUBMITTED)


@pytest.fixture
def team(db):
    return User.objects.create(username="team", role=User.Role.CORPORATE, name="Pat Policy")


# --- deleted with the row, after the commit -------------------------------------------------------------------


@pytest.mark.django_db
def test_remove_deletes_the_file_when_the_deletion_commits(
    small_plan, team, evidence_dir, django_capture_on_commit_callbacks
):
    ret = _return(small_plan)
    item = services.attach_return_evidence(ret, upload("a.pdf", PDF), team)
    kept = services.attach_return_evidence(ret, upload("b.pdf", PDF), team)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.remove_return_evidence(item, team)
    assert (evidence_dir / item.file.name).exists()  # not before the commit
    for callback in callbacks:
        callback()
    assert not (evidence_dir / item.file.name).exists()
    assert list(_files(evidence_dir)) == [kept.file.name]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_removal_keeps_the_file(small_plan, team, evidence_dir):
    ret = _return(small_plan)
    item = services.attach_return_evidence(ret, upload("a.pdf", PDF), team)
    pk = item.pk
    with pytest.raises(RuntimeError), transaction.atomic():
        services.remove_return_evidence(item, team)
        raise RuntimeError("something later in the same transaction failed")
    assert ReturnEvidence.objects.filter(pk=pk).exists()
    assert _files(evidence_dir) == {item.file.name: PDF}
    # Committed (autocommit, a real transaction here): gone.
    services.remove_return_evidence(ReturnEvidence.objects.get(pk=pk), team)
    assert _files(evidence_dir) == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deleting_a_return_or_a_risk_review_deletes_their_files(small_plan, team, evidence_dir):
    ret = _return(small_plan)
    other = Return.objects.create(round=ret.round, activity=small_plan.activities.get(ref="2"))
    for name in ("a.pdf", "b.png"):
        services.attach_return_evidence(ret, upload(name, PDF if name.endswith("pdf") else PNG), team)
    stays = services.attach_return_evidence(other, upload("c.pdf", PDF), team)
    risk = make_risk(make_register())
    review = risk.reviews.get()
    on_review = risk_services.attach_review_evidence(review, upload("r.pdf", PDF), make_user("corp", role="corporate"))
    assert len(_files(evidence_dir)) == 4

    # A cascade that is rolled back keeps every file.
    with pytest.raises(RuntimeError), transaction.atomic():
        Return.objects.filter(pk=ret.pk).delete()
        raise RuntimeError("rolled back")
    assert len(_files(evidence_dir)) == 4

    Return.objects.filter(pk=ret.pk).delete()
    assert sorted(_files(evidence_dir)) == sorted([stays.file.name, on_review.file.name])
    review.delete()
    assert list(_files(evidence_dir)) == [stays.file.name]
    assert not ReviewEvidence.objects.exists()


# --- files without a row -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_evidence_orphans_lists_files_without_a_row_and_deletes_them_when_asked(small_plan, team, evidence_dir, capsys):
    ret = _return(small_plan)
    item = services.attach_return_evidence(ret, upload("a.pdf", PDF), team)
    storage = evidence_storage()
    lost = storage.save("returns/999/lost.pdf", ContentFile(b"x" * 2048))
    also = storage.save("stray.txt", ContentFile(b"y"))
    new = storage.save("returns/998/being-attached.pdf", ContentFile(b"z"))
    an_hour_ago = time.time() - 2 * 3600
    for name in (lost, also, item.file.name):
        os.utime(evidence_dir / name, (an_hour_ago, an_hour_ago))

    call_command("evidence_orphans")
    out = capsys.readouterr().out
    assert "returns/999/lost.pdf (2.0\xa0KB)" in out and "stray.txt (1\xa0byte)" in out
    assert "2 file(s) without a row" in out and "--delete" in out
    assert item.file.name not in out and "being-attached" not in out  # a row's; one written in the last hour
    assert set(_files(evidence_dir)) == {item.file.name, lost, also, new}  # listing deletes nothing

    call_command("evidence_orphans", delete=True)
    assert "Deleted 2 file(s)" in capsys.readouterr().out
    assert set(_files(evidence_dir)) == {item.file.name, new}

    call_command("evidence_orphans", delete=True, min_age_hours=0)
    assert set(_files(evidence_dir)) == {item.file.name}
    call_command("evidence_orphans")
    assert "No files without a row" in capsys.readouterr().out


# --- backups hold the files -------------------------------------------------------------------------------------


def _scene(plan):
    team = User.objects.create(username="team", role=User.Role.CORPORATE, name="Pat Policy")
    ret = _return(plan)
    first = services.attach_return_evidence(ret, upload("Board minutes.pdf", PDF), team, publish=True)
    second = services.attach_return_evidence(ret, upload("Chart.png", PNG), team)
    return ret, {first.file.name: PDF, second.file.name: PNG}


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_holds_the_files_and_restores_them_byte_for_byte_on_a_new_server(
    small_plan, evidence_dir, tmp_path, settings, capsys
):
    ret, stored = _scene(small_plan)
    counts = row_counts()
    backup = tmp_path / "councilplan.tar.gz"
    call_command("backup", output=str(backup))
    assert "and 2 evidence files" in capsys.readouterr().out
    with open(backup, "rb") as handle:
        assert handle.read(2) == b"\x1f\x8b"  # gzip, as before
    inside = backup_support.members(backup)
    assert {name: inside[f"files/evidence/{name}"] for name in stored} == stored
    listed = {f["name"]: (f["size"], f["sha256"]) for f in backup_support.data(backup)["files"]}
    assert listed == {name: (len(content), _sha(content)) for name, content in stored.items()}

    # A new server: an empty database and an empty evidence storage.
    new_storage = tmp_path / "new-server-evidence"
    _use_storage(settings, new_storage)
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(backup))
    assert "and 2 evidence files" in capsys.readouterr().out
    assert row_counts() == counts
    assert _files(new_storage) == stored
    restored = ReturnEvidence.objects.filter(ret_id=ret.pk).order_by("pk")
    assert [(e.original_name, e.size, e.publish) for e in restored] == [
        ("Board minutes.pdf", len(PDF), True), ("Chart.png", len(PNG), False),
    ]  # fmt: skip
    with evidence_storage().open(restored[0].file.name, "rb") as handle:
        assert handle.read() == PDF

    # Again over what is there (--force): the same files, none doubled.
    call_command("restore", str(backup), force=True)
    assert _files(new_storage) == stored


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("tamper", ["changed", "missing", "size", "unlisted"])
def test_a_tampered_archive_is_refused_naming_the_file_and_changes_nothing(
    small_plan, evidence_dir, tmp_path, settings, tamper
):
    _, stored = _scene(small_plan)
    backup = tmp_path / "b.tar"
    call_command("backup", output=str(backup))
    victim = sorted(stored)[1]
    files = backup_support.members(backup)
    data = json.loads(files[backup_support.DATA])
    if tamper == "changed":  # same size, other bytes
        content = files[f"files/evidence/{victim}"]
        files[f"files/evidence/{victim}"] = content[:-1] + bytes([content[-1] ^ 1])
        message = f"{victim} in .* does not match its checksum"
    elif tamper == "missing":
        del files[f"files/evidence/{victim}"]
        message = f"missing the evidence file {victim}"
    elif tamper == "size":
        files[f"files/evidence/{victim}"] += b"more"
        message = f"{victim} in .* is {len(stored[victim]) + 4} bytes"
    else:  # the file and its line in the list both gone: the row still names it
        del files[f"files/evidence/{victim}"]
        data["files"] = [f for f in data["files"] if f["name"] != victim]
        message = f"no copy of the evidence file {victim}"
    files[backup_support.DATA] = json.dumps(data).encode()
    backup_support.write(backup, files)

    new_storage = tmp_path / "new-server-evidence"
    _use_storage(settings, new_storage)
    call_command("flush", interactive=False, verbosity=0)
    before = row_counts()
    with pytest.raises(CommandError, match=message + ".*Nothing was changed"):
        call_command("restore", str(backup))
    assert row_counts() == before and not ReturnEvidence.objects.exists()
    assert _files(new_storage) == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failure_writing_the_files_rolls_everything_back(small_plan, evidence_dir, tmp_path, settings, monkeypatch):
    _, stored = _scene(small_plan)
    backup = tmp_path / "b.tar"
    call_command("backup", output=str(backup))
    new_storage = tmp_path / "new-server-evidence"
    _use_storage(settings, new_storage)
    call_command("flush", interactive=False, verbosity=0)
    before = row_counts()
    from django.core.files.storage import FileSystemStorage

    real_save, saved = FileSystemStorage.save, []

    def save_once(self, name, content, max_length=None):
        if saved:
            raise OSError("disk full")
        saved.append(name)
        return real_save(self, name, content, max_length=max_length)

    monkeypatch.setattr(FileSystemStorage, "save", save_once)
    with pytest.raises(CommandError, match="disk full"):
        call_command("restore", str(backup))
    assert saved  # one file was written, then deleted again
    assert row_counts() == before and _files(new_storage) == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_old_json_only_backup_still_restores(small_plan, evidence_dir, tmp_path, settings, capsys):
    ret, stored = _scene(small_plan)
    counts = row_counts()
    archive = tmp_path / "b.tar"
    call_command("backup", output=str(archive))
    # The file the backup wrote before it held files: the same JSON, format 1, no list of files, gzip-compressed.
    data = backup_support.data(archive)
    data["version"] = 1
    del data["files"], data["missing_files"]
    old = tmp_path / "councilplan-2020-01-31.json.gz"
    old.write_bytes(gzip.compress(json.dumps(data).encode()))

    # On the same server (the files are in its storage): restored, nothing to say about files.
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(old))
    captured = capsys.readouterr()
    assert "Restored" in captured.out and "Warning" not in captured.err
    assert row_counts() == counts and _files(evidence_dir) == stored

    # On a new server: the rows are restored, and the files it could not bring are named.
    _use_storage(settings, tmp_path / "empty")
    call_command("restore", str(old), force=True)
    err = capsys.readouterr().err
    assert "holds no files" in err and all(name in err for name in stored)
    assert ReturnEvidence.objects.filter(ret_id=ret.pk).count() == 2
