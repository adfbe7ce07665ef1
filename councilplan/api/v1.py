"""The read-only API, version 1 (/api/v1/; the schema at /api/v1/openapi.json, its page at /api/v1/docs).

Every endpoint reads through a system's selectors and asks that system's permission functions, as its pages do:
a personal API token reads what its owner may read on the pages; nobody signed in (the public) reads exactly what
the public pages show and never anything exempt (Schedule 12A), or gets 401 where the public pages show nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import Http404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError
from ninja.openapi.docs import ABS_TPL_PATH, Swagger

from councilplan.assurance import permissions as assurance_permissions
from councilplan.assurance import selectors as assurance_selectors
from councilplan.contracts import permissions as contracts_permissions
from councilplan.contracts import selectors as contracts_selectors
from councilplan.contracts.exports import transparency_records
from councilplan.core import selectors as core_selectors
from councilplan.core.exempt import cleared
from councilplan.feedback import permissions as feedback_permissions
from councilplan.feedback.documents import report_inputs as feedback_inputs
from councilplan.finance import permissions as finance_permissions
from councilplan.finance import selectors as finance_selectors
from councilplan.governance import permissions as governance_permissions
from councilplan.governance import selectors as governance_selectors
from councilplan.monitoring import selectors as monitoring_selectors
from councilplan.performance import permissions as performance_permissions
from councilplan.performance import selectors as performance_selectors
from councilplan.plan import selectors as plan_selectors
from councilplan.policies import permissions as policies_permissions
from councilplan.policies import selectors as policies_selectors
from councilplan.reports import permissions as reports_permissions
from councilplan.reports import selectors as report_selectors
from councilplan.risks import permissions as risks_permissions
from councilplan.risks import selectors as risks_selectors

from .common import LICENCE, MAX_LIMIT, Format, Reader, page, page_of, reader, signed_in_reader


class CouncilplanAPI(NinjaAPI):
    """The API, whose schema also documents the refusals every operation can answer (ninja documents only the
    answers an endpoint declares), so that clients and the schema test know them."""

    REFUSALS = {
        401: "The token sent is unknown, revoked or expired, or the records need a token.",
        404: "No such record, or not one the reader may see.",
        422: "A parameter was not valid (the answer names it).",
    }

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, words in self.REFUSALS.items():
                    responses.setdefault(status, {"description": words})
        return schema


class LocalSwagger(Swagger):
    """The docs page with the Swagger UI django-ninja ships (served from our static files), not its CDN copy:
    ninja picks the CDN template when it is not an installed app, and it is not one (settings.NINJA_DIR)."""

    template_cdn = str(ABS_TPL_PATH / "swagger.html")


api = CouncilplanAPI(
    title="councilplan API",
    version="1",
    description=(
        "Read-only access to the council's plan, monitoring rounds, KPIs, risks, budget, assurance, contracts, "
        "committees, policies and feedback figures. Send a personal API token as `Authorization: Bearer <token>`; "
        "without one you read the public slice (what the public pages show). Every list is paged (`limit`, "
        "`offset`) and answers `?format=csv` for Power BI and Excel. " + LICENCE + "."
    ),
    auth=Reader(),
    urls_namespace="api",
    docs_url="/docs",
    docs=LocalSwagger(),
)


class Paging(Schema):
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="The most records on one page (1 to 1000).")
    offset: int = Field(0, ge=0, le=10_000_000, description="How many records to skip.")
    format: Format = Field(Format.json, description="`json` (paged) or `csv` (every matching record).")


class Dates(Schema):
    since: dt.date | None = Field(None, description="Only records on or after this date (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="Only records on or before this date (YYYY-MM-DD).")


def _in_dates(value: dt.date | dt.datetime | None, dates: Dates) -> bool:
    if dates.since is None and dates.until is None:
        return True
    if value is None:
        return False
    if isinstance(value, dt.datetime):
        value = value.date()
    return (dates.since is None or value >= dates.since) and (dates.until is None or value <= dates.until)


# --- the organisation --------------------------------------------------------------------------------------


class OrganisationOut(Schema):
    name: str = Field(..., description="The organisation's name.")
    gss_code: str = Field(..., description="Its ONS GSS code (E10000016: Kent County Council); empty if not set.")
    licence: str = Field(..., description="The licence of the data.")


@api.get("/organisation", response=OrganisationOut, tags=["organisation"], summary="The organisation")
def organisation(request):
    found = core_selectors.organisation()
    return {"name": found.name, "gss_code": found.gss_code, "licence": LICENCE}


# --- plans and activities ----------------------------------------------------------------------------------


class PlanOut(Schema):
    id: int = Field(..., description="The plan's stable identifier.")
    name: str = Field(..., description="The plan's name.")
    description: str = Field(..., description="What the plan is.")
    published: bool = Field(..., description="Whether its summary is on the public pages.")


class ActivityOut(Schema):
    id: int = Field(..., description="The activity's stable identifier.")
    plan_id: int = Field(..., description="The plan it belongs to.")
    ref: str = Field(..., description="The activity number within its plan (unique in the plan).")
    title: str = Field(..., description="The activity's title.")
    outcome: str = Field(..., description="The strategic outcome it serves.")
    activity_type: str = Field(..., description="The activity type's code.")
    directorate: str = Field(..., description="The lead directorate; empty if none.")
    lead_officer: str = Field(..., description="The lead officer's name; empty if none.")
    start_date: dt.date | None = Field(None, description="When it starts.")
    end_date: dt.date = Field(..., description="Its original end date.")
    exempt: bool = Field(..., description="Exempt information (Schedule 12A): only ever true for cleared readers.")


@api.get("/plans", response=page_of(PlanOut), tags=["plan"], summary="Plans")
def plans(request, paging: Query[Paging]):
    """Every plan for people signed in; for the public, the plans whose summary is published."""
    found = plan_selectors.plans(published_only=reader(request) is None)
    return page(PlanOut, found, paging.limit, paging.offset, paging.format, "plans")


def _plan(request, plan_id: int):
    found = next((p for p in plan_selectors.plans(published_only=reader(request) is None) if p.pk == plan_id), None)
    if found is None:
        raise Http404("No such plan")
    return found


def activity_rows(plan, user, directorate: str = "") -> list[dict]:
    """The plan's activities `user` may read (None: the public) as the API and the open data files give them."""
    return [
        {
            "id": a.pk,
            "plan_id": a.plan_id,
            "ref": a.ref,
            "title": a.title,
            "outcome": a.outcome.title,
            "activity_type": a.activity_type,
            "directorate": a.directorate.name if a.directorate_id else "",
            "lead_officer": str(a.lead_officer) if a.lead_officer_id else "",
            "start_date": a.start_date,
            "end_date": a.end_date,
            "exempt": a.exempt,
        }
        for a in plan_selectors.plan_activities(plan, user, directorate)
    ]


@api.get("/plans/{plan_id}/activities", response=page_of(ActivityOut), tags=["plan"], summary="A plan's activities")
def activities(
    request,
    plan_id: int,
    paging: Query[Paging],
    directorate: str = Query("", max_length=200, description="Only the activities of this directorate (its name)."),
):
    """The activities of a plan the reader may read: an exempt activity only for people cleared for it and its
    own officers, never for the public."""
    plan = _plan(request, plan_id)
    found = activity_rows(plan, reader(request), directorate)
    return page(ActivityOut, found, paging.limit, paging.offset, paging.format, f"plan-{plan.pk}-activities")


# --- rounds, returns and figures ---------------------------------------------------------------------------


class RoundOut(Schema):
    id: int = Field(..., description="The round's stable identifier.")
    plan_id: int = Field(..., description="The plan it monitors.")
    plan: str = Field(..., description="The plan's name.")
    label: str = Field(..., description="The round's label, for example 2019-20 Q2.")
    state: str = Field(..., description="draft, open, closed or published.")
    public: bool = Field(..., description="Whether its report is on the public pages.")
    opens_at: dt.datetime | None = Field(None, description="When returns open.")
    closes_at: dt.datetime | None = Field(None, description="When returns close.")


def _readable_rounds(request) -> list:
    user = reader(request)
    return monitoring_selectors.public_rounds() if user is None else report_selectors.readable_rounds(user)


@api.get("/rounds", response=page_of(RoundOut), tags=["monitoring"], summary="Monitoring rounds")
def rounds(
    request,
    paging: Query[Paging],
    dates: Query[Dates],
    plan: int | None = Query(None, description="Only this plan's rounds (its id)."),
):
    """The rounds whose reports the reader may read; for the public, those published to the public. `since` and
    `until` filter on the date returns close."""
    found = [
        {
            "id": r.pk,
            "plan_id": r.plan_id,
            "plan": r.plan.name,
            "label": r.label,
            "state": r.state,
            "public": r.public,
            "opens_at": r.opens_at,
            "closes_at": r.closes_at,
        }
        for r in _readable_rounds(request)
        if (plan is None or r.plan_id == plan) and _in_dates(r.closes_at, dates)
    ]
    return page(RoundOut, found, paging.limit, paging.offset, paging.format, "rounds")


def _round(request, round_id: int):
    found = next((r for r in _readable_rounds(request) if r.pk == round_id), None)
    if found is None:
        raise Http404("No such round")
    return found


class ReturnOut(Schema):
    id: int = Field(..., description="The return's stable identifier.")
    round_id: int = Field(..., description="Its round.")
    activity_id: int = Field(..., description="Its activity.")
    activity_ref: str = Field(..., description="The activity number.")
    activity_title: str = Field(..., description="The activity's title.")
    directorate: str = Field(..., description="The activity's directorate.")
    state: str = Field(..., description="draft or submitted.")
    delivery_status: str = Field(..., description="The delivery status code (on_track, remedial_action, …).")
    progress: str = Field(..., description="The description of progress.")
    new_end_date: dt.date | None = Field(None, description="A revised end date, if given.")
    new_go_live_date: dt.date | None = Field(None, description="A revised 'Go Live' date, if given.")
    issues: list[str] = Field(..., description="The issue theme codes named.")
    mitigations: bool = Field(..., description="Whether mitigating actions or escalations are in place.")
    risk_registers: list[str] = Field(..., description="The risk register levels named.")
    project_status: str = Field(..., description="The project status code.")
    submitted_at: dt.datetime | None = Field(None, description="When it was submitted.")
    late: bool = Field(..., description="Submitted after the window closed.")


@api.get("/rounds/{round_id}/returns", response=page_of(ReturnOut), tags=["monitoring"], summary="A round's returns")
def returns(
    request,
    round_id: int,
    paging: Query[Paging],
    directorate: str = Query("", max_length=200, description="Only returns of this directorate's activities."),
):
    """The returns of a round the reader may see (the monitoring pages' rule). Not public: 401 without a token."""
    user = signed_in_reader(request)
    round_ = _round(request, round_id)
    found = [
        {
            "id": r.pk,
            "round_id": r.round_id,
            "activity_id": r.activity_id,
            "activity_ref": r.activity.ref,
            "activity_title": r.activity.title,
            "directorate": r.activity.directorate.name if r.activity.directorate_id else "",
            "state": r.state,
            "delivery_status": r.delivery_status,
            "progress": r.progress,
            "new_end_date": r.new_end_date,
            "new_go_live_date": r.new_go_live_date,
            "issues": [str(i) for i in (r.issues or [])],
            "mitigations": r.mitigations,
            "risk_registers": [str(i) for i in (r.risk_registers or [])],
            "project_status": r.project_status,
            "submitted_at": r.submitted_at,
            "late": r.late,
        }
        for r in monitoring_selectors.round_returns(round_, user, directorate)
    ]
    return page(ReturnOut, found, paging.limit, paging.offset, paging.format, f"round-{round_.pk}-returns")


class FigureOut(Schema):
    key: str = Field(..., description="The figure's key (docs/reports.md names each).")
    definition: str = Field(..., description="What it counts, in words.")
    out_of: str = Field(..., description="What it is out of, in words.")
    count: int = Field(..., description="The count.")
    of: int = Field(..., description="The total it is out of.")
    percent: int | None = Field(None, description="The rounded percentage; null when the total is 0.")
    previous_count: int | None = Field(None, description="The same figure at the previous round, if any.")


def figure_rows(round_, user, outcome=None) -> list[dict]:
    """The figures of the round's analysis (for `outcome`'s activities, if given) as `user` may read them: the
    exempt activities left out unless `user` is cleared for them (None: the public, never)."""
    from councilplan.analysis.monitoring import definition_of

    inputs = report_selectors.report_inputs(round_, outcome, include_exempt=cleared(user))
    analysis = inputs.analysis
    statuses = [t.code for t in inputs.vocab.terms.get("delivery_status", ())]
    previous = analysis.previous_figures or {}
    found = []
    for key, figure in analysis.figures.items():
        definition = definition_of(key, statuses)
        found.append(
            {
                "key": key,
                "definition": definition.counts if definition else "",
                "out_of": definition.out_of if definition else "",
                "count": figure.count,
                "of": figure.of,
                "percent": figure.percent,
                "previous_count": previous[key].count if key in previous else None,
            }
        )
    return found


@api.get("/rounds/{round_id}/figures", response=page_of(FigureOut), tags=["monitoring"], summary="A round's figures")
def figures(
    request,
    round_id: int,
    paging: Query[Paging],
    outcome: str = Query("", max_length=300, description="Only this outcome's activities (its title)."),
):
    """The figures of the round's analysis report, as its report computes them: without the exempt activities for
    readers not cleared for them and for the public (who see only rounds published to the public)."""
    user = reader(request)
    round_ = _round(request, round_id)
    if user is not None and not reports_permissions.can_read_report(user, round_):
        raise Http404("No such round")
    chosen = None
    if outcome:
        chosen = next((o for o in report_selectors.plan_outcomes(round_) if o.title.lower() == outcome.lower()), None)
        if chosen is None:
            raise Http404("That outcome is not one of the plan's")
    found = figure_rows(round_, user, chosen)
    return page(FigureOut, found, paging.limit, paging.offset, paging.format, f"round-{round_.pk}-figures")


# --- KPIs -----------------------------------------------------------------------------------------------


class KpiOut(Schema):
    ref: str = Field(..., description="The indicator's reference (stable).")
    description: str = Field(..., description="What it measures.")
    area: str = Field(..., description="Its service area.")
    unit: str = Field(..., description="Its unit.")
    polarity: str = Field(..., description="Whether higher or lower is better.")
    frequency: str = Field(..., description="How often it is reported.")
    period: dt.date | None = Field(None, description="The month of its latest result this financial year.")
    latest: Decimal | None = Field(None, description="The latest result.")
    rag: str | None = Field(None, description="Its RAG rating against target and floor (green, amber, red).")
    direction: str | None = Field(None, description="The direction of travel.")
    target: Decimal | None = Field(None, description="This year's target.")
    floor: Decimal | None = Field(None, description="This year's floor.")
    ytd: Decimal | None = Field(None, description="The year-to-date figure; null for a snapshot measure.")
    ytd_rag: str | None = Field(None, description="The year-to-date RAG rating.")
    previous_year: Decimal | None = Field(None, description="The result for the same month a year earlier.")


@api.get("/kpis", response=page_of(KpiOut), tags=["performance"], summary="KPIs with their results and RAG")
def kpis(
    request,
    paging: Query[Paging],
    period: str = Query("", max_length=7, description="The month to report at, YYYY-MM (default: the latest)."),
    directorate: str = Query("", max_length=200, description="Only this directorate's KPIs (its name)."),
):
    """Every active KPI at a month, as the performance dashboard rates it. Not public: 401 without a token."""
    user = signed_in_reader(request)
    if not performance_permissions.can_read_performance(user):
        raise Http404("Not found")
    month = performance_selectors.parse_period(period) if period else performance_selectors.latest_period()
    if period and month is None:
        raise Http404("No such month")
    if month is None:
        return page(KpiOut, [], paging.limit, paging.offset, paging.format, "kpis")
    chosen = None
    if directorate:
        chosen, _ = performance_selectors.find_scope_name(directorate)
        if chosen is None:
            raise Http404("No such directorate")
    inputs = performance_selectors.report_inputs(
        performance_selectors.ReportScope(performance_selectors.DASHBOARD, month, chosen)
    )
    found = [
        {**{name: getattr(row, name) for name in KpiOut.model_fields if name != "area"}, "area": area.area.name}
        for area in inputs.performance.areas
        for row in area.kpis
    ]
    return page(KpiOut, found, paging.limit, paging.offset, paging.format, "kpis")


# --- risks --------------------------------------------------------------------------------------------------


class RiskOut(Schema):
    id: int = Field(..., description="The risk's stable identifier.")
    code: str = Field(..., description="The risk's code on its register.")
    title: str = Field(..., description="The risk's title.")
    register_id: int = Field(..., description="The register it is on (its id).")
    register_name: str = Field(..., description="The register's name.")
    level: str = Field(..., description="The register's level code.")
    status: str = Field(..., description="open or withdrawn (only open risks are listed).")
    current_likelihood: int = Field(..., description="Current likelihood, 1 to 5.")
    current_impact: int = Field(..., description="Current impact, 1 to 5.")
    current_score: int = Field(..., description="Current score: likelihood × impact.")
    current_band: str = Field(..., description="The band of the current score on the organisation's scale.")
    target_likelihood: int = Field(..., description="Target likelihood, 1 to 5.")
    target_impact: int = Field(..., description="Target impact, 1 to 5.")
    target_score: int = Field(..., description="Target score: likelihood × impact.")
    target_band: str = Field(..., description="The band of the target score.")


@api.get("/risks", response=page_of(RiskOut), tags=["risks"], summary="Risks with their scores")
def risks(
    request,
    paging: Query[Paging],
    register_id: int | None = Query(None, description="Only this register's risks (its id)."),
    directorate: str = Query("", max_length=200, description="Only the registers of this directorate (its name)."),
):
    """The open risks of every register; the exempt ones only for readers cleared for them. Not public."""
    user = signed_in_reader(request)
    if not risks_permissions.can_read_risks(user):
        raise Http404("Not found")
    scale = risks_selectors.get_scale()
    found = []
    for record, held in risks_selectors.register_list(include_exempt=cleared(user)):
        if register_id is not None and record.id != register_id:
            continue
        if directorate and (record.directorate or "").lower() != directorate.lower():
            continue
        for r in held:
            found.append(
                {
                    "id": r.id,
                    "code": r.code,
                    "title": r.title,
                    "register_id": r.register_id,
                    "register_name": r.register,
                    "level": r.level,
                    "status": r.status,
                    "current_likelihood": r.current_likelihood,
                    "current_impact": r.current_impact,
                    "current_score": r.current_score,
                    "current_band": scale.band(r.current_score).label,
                    "target_likelihood": r.target_likelihood,
                    "target_impact": r.target_impact,
                    "target_score": r.target_score,
                    "target_band": scale.band(r.target_score).label,
                }
            )
    return page(RiskOut, found, paging.limit, paging.offset, paging.format, "risks")


# --- budget ---------------------------------------------------------------------------------------------


class PositionOut(Schema):
    id: int = Field(..., description="The position's stable identifier.")
    month: dt.date = Field(..., description="The month it reports (its first day).")
    version: int = Field(..., description="Its version (a month can be reported again).")
    state: str = Field(..., description="Its state code (reported: sent to Cabinet).")
    state_label: str = Field(..., description="Its state in words.")
    year: str = Field(..., description="The financial year.")
    reported_to: str = Field(..., description="The meeting it was reported to.")
    reported_on: dt.date | None = Field(None, description="When it was reported.")
    summary: str = Field(..., description="The headline summary.")
    superseded: bool = Field(..., description="A later version of the same month replaced it.")


@api.get("/budget/positions", response=page_of(PositionOut), tags=["budget"], summary="Budget monitoring positions")
def positions(request, paging: Query[Paging], dates: Query[Dates]):
    """The monthly budget positions; the public reads the positions reported to Cabinet (what the public page
    shows). `since` and `until` filter on the month."""
    user = reader(request)
    if user is not None and not finance_permissions.can_read(user):
        user = None
    found = [
        p for p in finance_selectors.position_list() if (user is not None or p.frozen) and _in_dates(p.month, dates)
    ]
    return page(PositionOut, found, paging.limit, paging.offset, paging.format, "budget-positions")


# --- assurance ------------------------------------------------------------------------------------------


class ProjectOut(Schema):
    id: int = Field(..., description="The project's stable identifier.")
    reference: str = Field(..., description="Its reference (other systems name it by this).")
    name: str = Field(..., description="Its name.")
    portfolio: str = Field(..., description="Its portfolio's code.")
    state: str = Field(..., description="Its state code.")
    stage: str = Field(..., description="Its stage code.")
    tier: str = Field(..., description="Its assurance tier.")
    theme: str = Field(..., description="Its theme's code.")
    identified_on: dt.date | None = Field(None, description="When it was identified.")
    approved_on: dt.date | None = Field(None, description="When it was approved to start.")
    closed_on: dt.date | None = Field(None, description="When it closed.")
    forecast_end: dt.date | None = Field(None, description="Its forecast end.")


@api.get("/assurance/projects", response=page_of(ProjectOut), tags=["assurance"], summary="Assurance projects")
def projects(
    request,
    paging: Query[Paging],
    dates: Query[Dates],
    portfolio: str = Query("", max_length=40, description="Only this portfolio's projects (its code)."),
):
    """The projects under assurance. Not public (the public pages publish the analysis reports only).
    `since` and `until` filter on when each was identified."""
    user = signed_in_reader(request)
    if not assurance_permissions.can_read(user):
        raise Http404("Not found")
    found = [
        p
        for p in assurance_selectors.project_list()
        if (not portfolio or p.portfolio.lower() == portfolio.lower()) and _in_dates(p.identified_on, dates)
    ]
    return page(ProjectOut, found, paging.limit, paging.offset, paging.format, "assurance-projects")


# --- contracts ------------------------------------------------------------------------------------------


class ContractOut(Schema):
    id: int = Field(..., description="The contract's stable identifier.")
    reference: str = Field(..., description="Its reference on the contract register.")
    title: str = Field(..., description="Its title.")
    department: str = Field(..., description="The directorate responsible.")
    supplier: str = Field(..., description="The supplier's name.")
    total_value: int | None = Field(None, description="Its total value in pounds.")
    annual_value: int | None = Field(None, description="Its annual value in pounds.")
    start_date: dt.date | None = Field(None, description="When it starts.")
    end_date: dt.date | None = Field(None, description="When it ends.")
    review_date: dt.date | None = Field(None, description="When it is to be reviewed.")
    route: str = Field(..., description="The procurement route code.")
    tier: str = Field(..., description="Its management tier.")
    exempt: bool = Field(..., description="Exempt information: only ever true for readers cleared for it.")


@api.get("/contracts", response=page_of(ContractOut), tags=["contracts"], summary="The contract register")
def contracts(
    request,
    paging: Query[Paging],
    dates: Query[Dates],
    directorate: str = Query("", max_length=200, description="Only this directorate's contracts (its name)."),
):
    """The contracts the reader may read; the public reads the transparency register (published, over £5,000,
    not exempt), as on the public page. `since` and `until` filter on the start date."""
    user = reader(request)
    if user is not None and not contracts_permissions.can_read(user):
        user = None
    records = contracts_selectors.contract_records(user)
    if user is None:
        records = transparency_records(records)
    found = [
        {
            "id": c.id,
            "reference": c.reference,
            "title": c.title,
            "department": c.department,
            "supplier": c.supplier_name,
            "total_value": c.total_value,
            "annual_value": c.annual_value,
            "start_date": c.start_date,
            "end_date": c.end_date,
            "review_date": c.review_date,
            "route": c.route,
            "tier": c.tier,
            "exempt": c.exempt,
        }
        for c in records
        if (not directorate or c.department.lower() == directorate.lower()) and _in_dates(c.start_date, dates)
    ]
    return page(ContractOut, found, paging.limit, paging.offset, paging.format, "contracts")


# --- committees, meetings, decisions -------------------------------------------------------------------


class CommitteeOut(Schema):
    id: int = Field(..., description="The body's stable identifier.")
    code: str = Field(..., description="Its code (fixed once created).")
    name: str = Field(..., description="Its current name.")
    kind: str = Field(..., description="Its kind code (council, executive, committee, …).")
    formal: bool = Field(..., description="A formal body (its meetings are published).")
    seats: int | None = Field(None, description="How many seats it has.")
    parent: str = Field(..., description="The body it reports to.")


def _governance_reader(request):
    user = reader(request)
    return user if user is not None and governance_permissions.can_read(user) else None


@api.get("/committees", response=page_of(CommitteeOut), tags=["governance"], summary="Committees and boards")
def committees(request, paging: Query[Paging]):
    """The bodies; the public reads the formal ones (as on the public pages)."""
    user = _governance_reader(request)
    found = governance_selectors.bodies(public=user is None)
    return page(CommitteeOut, found, paging.limit, paging.offset, paging.format, "committees")


class MeetingOut(Schema):
    id: int = Field(..., description="The meeting's stable identifier.")
    committee: str = Field(..., description="The body meeting.")
    committee_code: str = Field(..., description="The body's code.")
    date: dt.date = Field(..., description="The date of the meeting.")
    start_time: dt.time | None = Field(None, description="When it starts.")
    venue: str = Field(..., description="Where it meets.")
    state: str = Field(..., description="planned, published (agenda), held or minuted.")
    published_on: dt.date | None = Field(None, description="When the agenda was published.")


@api.get("/meetings", response=page_of(MeetingOut), tags=["governance"], summary="Meetings")
def meetings(
    request,
    paging: Query[Paging],
    dates: Query[Dates],
    committee: str = Query("", max_length=40, description="Only this body's meetings (its code)."),
):
    """Meetings, newest first; the public reads formal bodies' meetings whose agenda is published."""
    user = _governance_reader(request)
    body = None
    if committee:
        body = governance_selectors.get_body(committee, public=user is None)
        if body is None:
            raise Http404("No such committee")
    found = [
        {
            "id": m.pk,
            "committee": m.body.name,
            "committee_code": m.body.code,
            "date": m.date,
            "start_time": m.start_time,
            "venue": m.venue,
            "state": m.state,
            "published_on": m.published_on,
        }
        for m in governance_selectors.meetings(user, body, public=user is None)
        if _in_dates(m.date, dates)
    ]
    return page(MeetingOut, found, paging.limit, paging.offset, paging.format, "meetings")


class DecisionOut(Schema):
    id: int = Field(..., description="The decision's stable identifier.")
    reference: str = Field(..., description="The decision number, for example 19/00077 (stable).")
    subject: str = Field(..., description="What it is about.")
    maker: str = Field(..., description="Who takes it (a portfolio or a body).")
    key: bool = Field(..., description="A key decision.")
    state: str = Field(..., description="proposed, considered, taken, published or withdrawn.")
    taken_on: dt.date | None = Field(None, description="When it was taken.")


@api.get("/decisions", response=page_of(DecisionOut), tags=["governance"], summary="Decisions")
def decisions(request, paging: Query[Paging], dates: Query[Dates]):
    """Records of decision; the public reads the published ones. `since` and `until` filter on when taken."""
    user = _governance_reader(request)
    found = [
        {
            "id": d.pk,
            "reference": d.reference,
            "subject": d.subject,
            "maker": governance_selectors.maker(d),
            "key": d.key,
            "state": d.state,
            "taken_on": d.taken_on,
        }
        for d in governance_selectors.decisions_queryset(user)
        if _in_dates(d.taken_on, dates)
    ]
    return page(DecisionOut, found, paging.limit, paging.offset, paging.format, "decisions")


# --- policies ----------------------------------------------------------------------------------------------


class PolicyOut(Schema):
    id: int = Field(..., description="The entry's stable identifier.")
    number: int = Field(..., description="Its number on the register (stable).")
    title: str = Field(..., description="Its title.")
    section: str = Field(..., description="The register's section.")
    doc_type: str = Field(..., description="The kind of document (code).")
    status: str = Field(..., description="Its status code.")
    endorsed_on: dt.date | None = Field(None, description="When it was endorsed.")
    decision_maker: str = Field(..., description="Who endorses it.")
    exempt: bool = Field(..., description="Exempt information: only ever true for readers cleared for it.")


def policy_rows(user) -> list[dict]:
    """The policy register as the reader may read it (the public: the public register's entries)."""
    records = policies_selectors.public_records() if user is None else policies_selectors.records(user)
    return [
        {
            "id": r.id,
            "number": r.number,
            "title": r.title,
            "section": r.section,
            "doc_type": r.doc_type,
            "status": r.status,
            "endorsed_on": r.endorsed_on,
            "decision_maker": r.decision_maker,
            "exempt": r.exempt,
        }
        for r in records
    ]


@api.get("/policies", response=page_of(PolicyOut), tags=["policies"], summary="The policy register")
def policies(request, paging: Query[Paging]):
    """The register's entries the reader may read; the public reads the published, non-exempt entries."""
    user = reader(request)
    if user is not None and not policies_permissions.can_read(user):
        user = None
    found = policy_rows(user)
    return page(PolicyOut, found, paging.limit, paging.offset, paging.format, "policies")


# --- feedback --------------------------------------------------------------------------------------------


class FeedbackCountOut(Schema):
    service: str = Field(..., description="The service the complaints are about.")
    period: str = Field(..., description="The period's label.")
    start: dt.date = Field(..., description="The period's first day.")
    end: dt.date = Field(..., description="The period's last day.")
    complaints: int = Field(..., description="Complaints received in the period.")


@api.get("/feedback/counts", response=page_of(FeedbackCountOut), tags=["feedback"], summary="Complaints counts")
def feedback_counts(request, paging: Query[Paging]):
    """The quarterly return's complaints by service over its four periods: the same counts as the public page
    (no case, no person, no free text)."""
    user = reader(request)
    if user is not None and not feedback_permissions.can_read(user):
        user = None
    quarterly = feedback_inputs().quarterly
    found = [
        {"service": row.service, "period": p.label, "start": p.start, "end": p.end, "complaints": row.counts[i]}
        for row in quarterly.rows
        for i, p in enumerate(quarterly.periods)
    ]
    return page(FeedbackCountOut, found, paging.limit, paging.offset, paging.format, "feedback-counts")


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    response = api.create_response(
        request, {"detail": "Send a valid personal API token: Authorization: Bearer <token>"}, status=401
    )
    response["WWW-Authenticate"] = 'Bearer realm="councilplan"'
    return response
