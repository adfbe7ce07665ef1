"""Customer feedback's report made by the worker (councilplan.documents.jobs) and kept once per version of its
data and day (the quarter and year it reports default to the last ended)."""

from __future__ import annotations

import datetime as dt

from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, Output, output


def version() -> tuple:
    return (jobs.system_version("feedback", "performance"), dt.date.today().isoformat())


@jobs.maker
def report_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """The quarterly return and annual report for `params["quarter"]` / `params["year"]` (None: the defaults);
    `params["public"]`: the published version, without the records' lessons (free text written about cases)."""
    from .documents import report_document, report_inputs

    progress(1, 2, "Counting the complaints, comments and compliments")
    quarter = dt.date.fromisoformat(params["quarter"]) if params.get("quarter") else None
    inputs = report_inputs(quarter, params.get("year"))
    if params.get("public"):
        inputs = type(inputs)(inputs.quarterly, inputs.annual, inputs.kpi, [], inputs.compensation)
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return output(report_document(inputs), fmt)
