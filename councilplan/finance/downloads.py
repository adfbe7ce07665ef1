"""Budget monitoring's documents made by the worker (councilplan.documents.jobs) and kept once per version of its
data: the Cabinet report of a position and a committee's extract, in every format."""

from __future__ import annotations

from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, Output, output


def version() -> tuple:
    return jobs.system_version("finance")


@jobs.maker
def finance_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """`params["position"]`'s Cabinet report, or with `params["committee"]` (a directorate's code) the extract
    for that committee's remit, as `params["reader"]` may read it (exempt schemes and company figures only for a
    reader cleared for them)."""
    from .models import Directorate, Position
    from .report import cabinet_report, committee_extract

    user = jobs.reader(params)
    progress(1, 2, "Reading the position, its capital and reserves")
    position = Position.objects.select_related("year").filter(pk=params["position"]).first()
    if position is None:
        raise LookupError("The position is not there to read")
    if params.get("committee"):
        directorate = Directorate.objects.filter(code=params["committee"]).first()
        if directorate is None:
            raise LookupError("The directorate is not there to read")
        document = committee_extract(position, user, directorate)
    else:
        document = cabinet_report(position, user)
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return output(document, fmt)
