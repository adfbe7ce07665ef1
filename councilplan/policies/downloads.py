"""The policy register's papers made by the worker (councilplan.documents.jobs) and kept once per version of its
data: the register update and the close-down paper, as the register stood on a date."""

from __future__ import annotations

import datetime as dt

from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, Output, output


def version() -> tuple:
    return jobs.system_version("policies")


@jobs.maker
def paper_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """`params["paper"]`: "register" (since `params["since"]`, if given) or "close-down", as the register stood on
    `params["on"]`, as `params["reader"]` may read it."""
    from . import selectors
    from .documents import closedown_document, register_document

    progress(1, 2, "Reading the register as it stood")
    at = selectors.register_at(jobs.reader(params), dt.date.fromisoformat(params["on"]))
    if params["paper"] == "close-down":
        document = closedown_document(at)
    else:
        since = params.get("since")
        document = register_document(at, since=dt.date.fromisoformat(since) if since else None)
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return output(document, fmt)
