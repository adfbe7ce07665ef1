"""Makers for the jobs' tests, run by the real worker (in the test's process or in a worker process of its own):
one that fails while a file says so, one that waits to be stopped part way."""

from __future__ import annotations

import time
from pathlib import Path

from councilplan.documents import jobs
from councilplan.documents.formats import Output


@jobs.maker
def flaky(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """Fails, as a real maker would on data it cannot read, while the file `params["fail_while"]` exists."""
    progress(1, 2, "Reading the figures")
    if Path(params["fail_while"]).exists():
        raise ValueError("The figures for round 7 could not be read")
    return Output(b"The figures, at last.", "flaky.txt", "text/plain")


@jobs.maker
def slow(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """On its first attempt says it has begun (the file `params["begun"]`) and then takes far longer than any
    test waits, so that the test can stop its worker part way; on a later attempt it is quick."""
    progress(1, 2, "Laying out the pages")
    begun = Path(params["begun"])
    if not begun.exists():
        begun.write_text("begun")
        time.sleep(120)
    return Output(b"%PDF-1.7 every page", "slow.pdf", "application/pdf")
