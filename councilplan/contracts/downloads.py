"""The contracts system's documents made by the worker (councilplan.documents.jobs) and kept once per version of
its data: a maturity review's report and the progress reports to the committee."""

from __future__ import annotations

import datetime as dt

from councilplan.documents import jobs
from councilplan.documents.formats import FORMAT_NAMES, Output, output


def version() -> tuple:
    return jobs.system_version("contracts", "performance")


@jobs.maker
def contracts_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """`params["what"]`: "review" (a maturity review, `params["review"]`) or "progress" (a progress report,
    `params["report"]`), as `params["reader"]` may read it."""
    from . import selectors
    from .documents import review_document, summary_document

    user = jobs.reader(params)
    progress(1, 2, "Reading the contracts and their reviews")
    if params["what"] == "review":
        review = selectors.get_review(params["review"], user)
        if review is None:  # no longer readable by this person: nothing is made for them
            raise LookupError("The review is not there to read")
        document = review_document(review, user)
    else:
        document = summary_document(user, report_id=params["report"], today=dt.date.fromisoformat(params["today"]))
        if document is None:
            raise LookupError("The progress report is not there to read")
    progress(2, 2, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return output(document, fmt)
