"""Reading what a report needs: a round's plan data, vocabularies, commentary and details, in a fixed number
of queries whatever the number of activities (seven)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone

from councilplan.analysis import records
from councilplan.analysis.monitoring import RoundAnalysis, analyse_round, listed_status, ref_sort_key, status_label
from councilplan.analysis.records import PlanData, Vocabularies
from councilplan.analysis.report_extras import ReportExtras, report_extras
from councilplan.core.models import Outcome, VocabularyTerm
from councilplan.core.selectors import get_vocabularies
from councilplan.monitoring.models import Return, Round
from councilplan.monitoring.questions import RECORD_FIELDS
from councilplan.monitoring.selectors import activity_records, scope_activities, to_record
from councilplan.plan.models import Activity

from .models import Commentary
from .permissions import can_read_report
from .round_report import ReportMeta


@dataclass
class ReportInputs:
    round: Round
    outcome: Outcome | None
    plan: PlanData
    vocab: Vocabularies
    analysis: RoundAnalysis
    extras: ReportExtras
    commentary: dict[str, str]  # section -> text, tailored text winning over the full report's
    meta: ReportMeta


def readable_rounds(user) -> list[Round]:
    """The rounds whose reports `user` may read, newest first within each plan (one query)."""
    rounds = Round.objects.select_related("plan").order_by("plan__name", "-label")
    return [r for r in rounds if can_read_report(user, r)]


def get_round(round_id: int) -> Round | None:
    return Round.objects.select_related("plan").filter(pk=round_id).first()


def plan_outcomes(round_: Round) -> list[Outcome]:
    """The outcomes of the round's plan, in the plan's order: the choices for a tailored report."""
    return list(Outcome.objects.filter(activities__plan=round_.plan_id).distinct().order_by("order", "title"))


def commentary_texts(round_: Round, outcome: Outcome | None, include_exempt: bool = True) -> dict[str, str]:
    """Section -> text for the report version. A tailored report uses its own text for a section where the
    team wrote one, the full report's otherwise (one query). Sections marked exempt only with `include_exempt`."""
    wanted = Q(outcome__isnull=True) if outcome is None else Q(outcome__isnull=True) | Q(outcome=outcome)
    rows = Commentary.objects.filter(wanted, round=round_)
    if not include_exempt:
        rows = rows.filter(exempt=False)
    full: dict[str, str] = {}
    tailored: dict[str, str] = {}
    for row in rows.only("section", "outcome_id", "text"):
        (tailored if row.outcome_id else full)[row.section] = row.text
    return {**full, **{k: t for k, t in tailored.items() if t.strip()}}


def own_commentary(round_: Round, outcome: Outcome | None) -> tuple[dict[str, str], object]:
    """The texts stored for exactly this version (no fall-back), and when any of them last changed."""
    rows = Commentary.objects.filter(round=round_, outcome=outcome)
    texts = dict(rows.values_list("section", "text"))
    return texts, rows.aggregate(latest=Max("updated_at"))["latest"]


def previous_contact(round_: Round) -> str:
    """The contact details of the plan's latest earlier round: they rarely change between rounds."""
    row = (
        Commentary.objects.filter(
            round__plan=round_.plan_id, round__label__lt=round_.label, section="contact", outcome__isnull=True
        )
        .exclude(text="")
        .order_by("-round__label")
        .first()
    )
    return row.text if row else ""


def _meta(round_: Round, outcome: Outcome | None, outcomes: tuple[str, ...]) -> ReportMeta:
    number = None
    if outcome is not None and outcome.title in outcomes:
        number = outcomes.index(outcome.title) + 1
    return ReportMeta(
        organisation=settings.COUNCILPLAN_ORGANISATION,
        report_version=round_.report_version,
        opens_at=timezone.localtime(round_.opens_at).date() if round_.opens_at else None,
        closes_at=timezone.localtime(round_.closes_at).date() if round_.closes_at else None,
        published=round_.state == Round.State.PUBLISHED,
        outcome_number=number,
    )


# What a report needs of the rounds before the previous one: the status shown in the scorecards' history (with
# the dates the late-on-track rule looks at) and whether the activity left monitoring. Not the free text, the
# milestones or the lists, whose JSON decoding is most of the cost of reading a return.
HISTORY_FIELDS = [
    "round_id",
    "activity__ref",
    "delivery_status",
    "new_end_date",
    "new_go_live_date",
    "project_status",
    "remain_in_monitoring",
]


def report_plan_data(round_: Round, include_exempt: bool = True) -> PlanData:
    """The plan as the report of `round_` reads it: every round up to `round_`, with all of the answers of
    `round_` and the round before (the figures compare the two) and, for earlier rounds, only what scope and
    status history need. The same records as `monitoring.selectors.plan_data` for R and P, at a fraction of
    the cost for a plan with many rounds. Five queries: rounds, two of returns, activities, outcomes.

    Without `include_exempt`, the activities marked exempt (Schedule 12A) and their returns are left out, as if
    they were not in the plan: nothing of them reaches the figures, tables or scorecards."""
    plan = round_.plan
    rounds = [r for r in plan.rounds.order_by("label") if r.label <= round_.label]
    full_ids = {r.id for r in rounds[-2:]}
    by_round: dict[int, list[records.Return]] = {r.id: [] for r in rounds}
    submitted = Return.objects.filter(state=Return.State.SUBMITTED).order_by("activity__sort_key", "activity__ref")
    for row in submitted.filter(round__in=full_ids).values(*RECORD_FIELDS).iterator(chunk_size=2000):
        by_round[row["round_id"]].append(to_record(row, row["activity__ref"]))
    earlier = [r.id for r in rounds if r.id not in full_ids]
    if earlier:
        for row in submitted.filter(round__in=earlier).values(*HISTORY_FIELDS).iterator(chunk_size=5000):
            by_round[row["round_id"]].append(
                records.Return(
                    ref=row["activity__ref"],
                    delivery_status=row["delivery_status"],
                    new_end_date=row["new_end_date"],
                    new_go_live_date=row["new_go_live_date"],
                    project_status=row["project_status"],
                    remain_in_monitoring=row["remain_in_monitoring"],
                )
            )
    outcomes = tuple(
        Outcome.objects.filter(activities__plan=plan)
        .order_by("order", "title")
        .distinct()
        .values_list("title", flat=True)
    )
    activities = activity_records(plan)
    if not include_exempt:
        exempt = {a.ref for a in activities if a.exempt}
        activities = tuple(a for a in activities if a.ref not in exempt)
        by_round = {key: [r for r in returns if r.ref not in exempt] for key, returns in by_round.items()}
    return PlanData(
        name=plan.name,
        activities=activities,
        rounds=tuple(records.Round(r.label, tuple(by_round[r.id])) for r in rounds),
        outcomes=outcomes,
    )


def report_inputs(round_: Round, outcome: Outcome | None = None, include_exempt: bool = True) -> ReportInputs:
    """Everything the report of `round_` (tailored to `outcome` if given) is built from; without
    `include_exempt`, the version for people not cleared for exempt information, and for the public."""
    data = report_plan_data(round_, include_exempt)
    vocab = get_vocabularies()
    analysis = analyse_round(
        data,
        round_.label,
        vocab,
        outcome=outcome.title if outcome else None,
        late_on_track_rule=settings.COUNCILPLAN_LATE_ON_TRACK_RULE,
    )
    return ReportInputs(
        round=round_,
        outcome=outcome,
        plan=data,
        vocab=vocab,
        analysis=analysis,
        extras=report_extras(data, analysis),
        commentary=commentary_texts(round_, outcome, include_exempt),
        meta=_meta(round_, outcome, data.outcomes),
    )


def scorecard_list(round_: Round, outcome: Outcome | None = None, include_exempt: bool = True) -> list[dict]:
    """The scorecards list: each activity in the round's scope (of `outcome` only, if given; without the exempt
    ones unless `include_exempt`) in activity number order, with its delivery status as the report shows it
    (`ref`, `title`, `outcome`, `code`: the status code or "none", `status`: its words).

    The same rows as the report's summary (`report_inputs(...).analysis.activities`), without reading every
    round's returns or working out the report: the scope as a query (`monitoring.selectors.scope_activities`),
    the activities, and the round's submitted returns' status and revised dates. Three queries."""
    scope = scope_activities(round_)
    if outcome is not None:
        scope = scope.filter(outcome=outcome)
    if not include_exempt:
        scope = scope.exclude(exempt=True)
    activities = {
        row["id"]: row for row in scope.values("id", "ref", "title", "outcome__title", "activity_type", "end_date")
    }
    submitted = Return.objects.filter(round=round_, state=Return.State.SUBMITTED, activity__in=scope.values("pk"))
    returns = {
        row["activity_id"]: records.Return(
            ref="",
            delivery_status=row["delivery_status"],
            new_end_date=row["new_end_date"],
            new_go_live_date=row["new_go_live_date"],
        )
        for row in submitted.values("activity_id", "delivery_status", "new_end_date", "new_go_live_date")
    }
    vocab = get_vocabularies()
    rule = settings.COUNCILPLAN_LATE_ON_TRACK_RULE
    rows = []
    for pk, a in sorted(activities.items(), key=lambda item: ref_sort_key(item[1]["ref"])):
        activity = records.Activity(a["ref"], a["title"], a["outcome__title"], a["activity_type"], a["end_date"])
        code = listed_status(returns.get(pk), activity, rule)
        rows.append(
            {
                "ref": a["ref"],
                "title": a["title"],
                "outcome": a["outcome__title"],
                "code": code or "none",
                "status": status_label(vocab, code),
            }
        )
    return rows


def data_version(round_: Round) -> tuple:
    """Changes whenever anything the round's report shows changes: the returns of this and earlier rounds, the
    commentary, the rounds, the plan's activities, the outcomes and the vocabularies' wording (every change of
    each is a new history row). One query per kind."""

    def latest(model, **where) -> int:
        return model.history.filter(**where).aggregate(latest=Max("history_id"))["latest"] or 0

    return (
        latest(Return, round__plan_id=round_.plan_id, round__label__lte=round_.label),
        latest(Commentary, round_id=round_.pk),
        latest(Round, plan_id=round_.plan_id),
        latest(Activity, plan_id=round_.plan_id),
        latest(Outcome),
        latest(VocabularyTerm),
    )
