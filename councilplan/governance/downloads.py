"""Governance's documents made by the worker (councilplan.documents.jobs) and kept once per version of its data:
a body's report, and a meeting's agenda pack (with its minutes and decisions once made) as the reader may see it
or as published.

Exempt information (Schedule 12A) is decided by the parameters, never by the kept file's luck: a pack asked for
as published (`public`) is read for nobody (`reader` None) and leaves the exempt part out, so the one kept copy is
shared by every member of the public; a signed-in reader's pack is made for them and shows the exempt part only
if they are cleared for it."""

from __future__ import annotations

import datetime as dt

from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, Output, output


def version() -> tuple:
    return jobs.system_version("governance")


@jobs.maker
def governance_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """`params["what"]`: "body" (`params["body"]`'s report on `params["today"]`) or "pack" (`params["meeting"]`'s
    agenda pack; `params["public"]`: as published; `params["work_programme"]`: with the work programme paper)."""
    from . import selectors
    from .documents import agenda_pack, body_report, pack_work_programme

    user = jobs.reader(params)
    progress(1, 2, "Reading the meetings, items and decisions")
    if params["what"] == "body":
        body = selectors.get_body(params["body"])
        if body is None:
            raise LookupError("The body is not there to read")
        document = body_report(user, body, dt.date.fromisoformat(params["today"]))
    else:
        public = bool(params.get("public"))
        record = selectors.meeting_record(params["meeting"], None if public else user, public=public)
        if record is None:  # not published, or no longer readable by this person: nothing is made for them
            raise LookupError("The meeting is not there to read")
        programme = pack_work_programme(record, None if public else user) if params.get("work_programme") else None
        document = agenda_pack(
            record, public=public or user is None or not selectors.cleared(user), work_programme=programme
        )
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return output(document, fmt)
