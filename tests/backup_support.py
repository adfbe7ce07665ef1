"""Reading and rewriting backup archives in the tests, with tarfile itself (not the code under test)."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

DATA = "councilplan-backup.json"


def members(path: Path) -> dict[str, bytes]:
    """Every file in the archive, by its name, in the archive's order."""
    with tarfile.open(path, "r:*") as archive:
        return {m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}


def data(path: Path) -> dict:
    return json.loads(members(path)[DATA])


def write(path: Path, files: dict[str, bytes], gz: bool | None = None) -> None:
    """An archive holding `files`, in that order."""
    gz = path.suffix == ".gz" if gz is None else gz
    with tarfile.open(path, "w:gz" if gz else "w") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))


def rewrite_data(path: Path, change) -> None:
    """The archive again, its JSON changed by `change(data)`."""
    files = members(path)
    content = json.loads(files[DATA])
    change(content)
    files[DATA] = json.dumps(content).encode()
    write(path, files)
