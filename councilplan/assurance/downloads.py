"""The assurance system's documents made by the worker (councilplan.documents.jobs) and kept once per version of
its data: the bi-annual analysis report, the same for the corporate team and, once published, the public."""

from __future__ import annotations

from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, Output, output


def version() -> tuple:
    return jobs.system_version("assurance")


@jobs.maker
def report_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """The analysis report `params["report"]` (it holds no exempt information: its figures are counts)."""
    from . import selectors
    from .documents import report_document
    from .models import AnalysisReport

    progress(1, 2, "Reading the projects, reviews and snapshots")
    found = AnalysisReport.objects.select_related("previous").get(pk=params["report"])
    document = report_document(selectors.report_inputs(found))
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return output(document, fmt)
