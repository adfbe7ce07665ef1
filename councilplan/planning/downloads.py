"""The long documents of planning made by the worker (councilplan.documents.jobs) and kept once per version of
their data: the long-list analysis, the long list's scorecards and the plan documents."""

from __future__ import annotations

from councilplan.core.models import Directorate, Outcome, User, VocabularyTerm
from councilplan.documents import jobs
from councilplan.documents.formats import CONTENT_TYPES, FORMAT_NAMES, Output
from councilplan.plan.models import Activity, Plan

from . import selectors
from .documents import build_long_list_report, build_plan_document, build_scorecards
from .documents import render as render_document
from .models import Criterion, PlanningCycle, Score, Submission, Theme

# What every planning document also shows: outcomes, directorates, the vocabularies' wording, people's names.
_SHARED = (Outcome, Directorate, VocabularyTerm, User)


def cycle_version(cycle: PlanningCycle) -> tuple:
    return jobs.latest_change(
        PlanningCycle.history.filter(id=cycle.pk),
        Criterion,
        Theme,
        Submission.history.filter(cycle_id=cycle.pk),
        Score,
        *_SHARED,
    )


def plan_version(plan: Plan) -> tuple:
    return jobs.latest_change(Plan.history.filter(id=plan.pk), Activity.history.filter(plan_id=plan.pk), *_SHARED)


def _output(document, fmt: str) -> Output:
    return Output(render_document(document, fmt), f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])


@jobs.maker
def cycle_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """The long-list analysis (`params["what"] == "analysis"`) or the long list's scorecards of a cycle."""
    cycle = PlanningCycle.objects.select_related("plan", "cross_cutting_outcome").get(pk=params["cycle"])
    progress(1, 3, "Reading the submissions and their scores")
    data = selectors.cycle_data(cycle)
    progress(2, 3, f"Laying out the {FORMAT_NAMES[fmt]} file")
    if params["what"] == "analysis":
        return _output(build_long_list_report(data), fmt)
    return _output(build_scorecards(data, [row.number for row in data.submissions if row.record.in_long_list]), fmt)


@jobs.maker
def plan_file(params: dict, fmt: str, progress: jobs.Progress) -> Output:
    """A plan document (`params["version"]`: one of planning.documents.VERSIONS)."""
    plan = Plan.objects.get(pk=params["plan"])
    progress(1, 3, "Reading the plan's activities")
    data = selectors.plan_data(plan, params["include_exempt"])
    progress(2, 3, f"Laying out the {FORMAT_NAMES[fmt]} file")
    return _output(build_plan_document(data, params["version"]), fmt)
