"""Reading contract management as plain records, in a fixed number of queries whatever the number of rows.

Pages, documents, exports and the command read through here; figures are then worked out by
`councilplan.analysis.contracts`. Every read for a person passes their user so exempt contracts and reviews
(Schedule 12A) reach only people cleared for them; `user=None` is the public.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from councilplan.analysis import contracts as rules
from councilplan.analysis import performance as kpi_rules
from councilplan.core.exempt import hidden
from councilplan.core.permissions import can_see_exempt
from councilplan.performance.models import Indicator, Result, Standard
from councilplan.performance.selectors import indicator_record
from councilplan.plan.models import Activity

from .framework import DESCRIPTORS
from .models import (
    Attestation,
    Contract,
    Finding,
    MaturityReport,
    PerformanceAssessment,
    ProgressReport,
    Review,
    ReviewBody,
    Saving,
)

# --- records ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupplierRecord:
    name: str
    trading_name: str = ""
    legal_form: str = ""
    company_number: str = ""
    charity_number: str = ""
    charity_register: str = ""
    sme: bool | None = None
    vcse: bool | None = None
    address: str = ""


@dataclass(frozen=True)
class LinkedActivity:
    id: int
    ref: str
    title: str
    plan: str


@dataclass(frozen=True)
class LinkedRisk:
    code: str
    title: str


@dataclass(frozen=True)
class LinkedIndicator:
    ref: str
    description: str


@dataclass(frozen=True)
class AssessmentRecord:
    period_end: dt.date
    assessed_on: dt.date
    rating: str
    summary: str = ""
    assessed_by: str = ""

    @property
    def rating_label(self) -> str:
        return rules.RATINGS.get(self.rating, self.rating)


@dataclass(frozen=True)
class ContractRecord:
    id: int
    reference: str
    title: str
    department: str = ""
    description: str = ""
    geographic_coverage: str = ""
    supplier: SupplierRecord | None = None
    total_value: int | None = None
    annual_value: int | None = None
    current_year_value: int | None = None
    whole_life_cost: int | None = None
    whole_life_cost_npv: int | None = None
    irrecoverable_vat: int | None = None
    awarded_on: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    review_date: dt.date | None = None
    route: str = ""
    extension_options: str = ""
    contract_manager: str = ""
    contract_manager_id: int | None = None
    commissioning_lead: str = ""
    commissioning_lead_id: int | None = None
    tier: str = ""
    risk_grade: str = ""
    complexity: str = ""
    published: bool = True
    exempt: bool = False
    version: int = 1
    activities: tuple[LinkedActivity, ...] = ()
    risks: tuple[LinkedRisk, ...] = ()
    indicators: tuple[LinkedIndicator, ...] = ()
    assessments: tuple[AssessmentRecord, ...] = ()  # oldest first

    @property
    def route_label(self) -> str:
        return dict(Contract.Route.choices).get(self.route, "")

    @property
    def tier_label(self) -> str:
        return rules.TIERS.get(self.tier, "Not tiered")

    @property
    def supplier_name(self) -> str:
        return self.supplier.name if self.supplier else ""

    def status(self, today: dt.date) -> str:
        return rules.contract_status(self.start_date, self.end_date, today)

    @property
    def last_assessed(self) -> dt.date | None:
        return self.assessments[-1].assessed_on if self.assessments else None

    def warnings(self, today: dt.date) -> list[rules.KpiWarning]:
        return rules.kpi_warnings(
            self.total_value, len(self.indicators), self.last_assessed, today, self.start_date, self.end_date
        )


@dataclass(frozen=True)
class RatingRecord:
    activity: str
    current: int | None
    target: int | None
    evidence: str = ""
    comments: str = ""

    @property
    def label(self) -> str:
        return rules.ACTIVITY_LABELS.get(self.activity, self.activity)

    def point(self) -> rules.RatingPoint:
        return rules.RatingPoint(self.activity, self.current, self.target)


@dataclass(frozen=True)
class AttestationRecord:
    owner_name: str
    position: str
    attested_on: dt.date
    owner_since: dt.date
    choices: dict[str, bool]

    @property
    def statements(self) -> list[tuple[str, bool]]:
        """(the statement as chosen, whether it gives assurance), in template order."""
        return [
            (rules.statement_text(s.code, self.choices[s.code]), self.choices[s.code] == s.assuring)
            for s in rules.STATEMENTS
        ]

    @property
    def concerns(self) -> list[str]:
        return rules.attestation_concerns(self.choices)


@dataclass(frozen=True)
class ReportRecord:
    id: int
    state: str
    answers: dict[str, str]
    management_cost: int | None
    overall_current: int | None
    overall_target: int | None
    overall_comments: str
    management_plan: str
    handbook: str
    ratings: tuple[RatingRecord, ...]
    attestation: AttestationRecord | None
    version: int
    submitted_at: dt.datetime | None = None

    @property
    def submitted(self) -> bool:
        return self.state == MaturityReport.State.SUBMITTED

    def rating(self, code: str) -> RatingRecord | None:
        return next((r for r in self.ratings if r.activity == code), None)

    @property
    def range(self) -> tuple[int | None, int | None]:
        return rules.rating_range(r.point() for r in self.ratings)


@dataclass(frozen=True)
class FindingRecord:
    id: int
    review_id: int
    review_title: str
    review_date: dt.date | None
    kind: str
    activity: str
    text: str
    recommendation: str
    owner: str
    owner_id: int | None
    due_on: dt.date | None
    status: str
    progress: str
    checked_at: str = ""
    checked_at_id: int | None = None
    version: int = 1

    @property
    def kind_label(self) -> str:
        return rules.FINDING_KINDS.get(self.kind, self.kind)

    @property
    def activity_label(self) -> str:
        return rules.ACTIVITY_LABELS.get(self.activity, "")

    @property
    def status_label(self) -> str:
        return rules.FINDING_STATUSES.get(self.status, self.status)

    def point(self) -> rules.FindingPoint:
        return rules.FindingPoint(self.review_id, self.kind, self.activity, self.status, self.due_on)

    def overdue(self, today: dt.date) -> bool:
        return self.status not in rules.CLOSED_FINDING_STATUSES and bool(self.due_on and self.due_on < today)


@dataclass(frozen=True)
class SavingRecord:
    annual_amount: int
    percent: Decimal | None
    approximate: bool
    note: str
    contract: str = ""
    review: str = ""

    def point(self) -> rules.SavingPoint:
        return rules.SavingPoint(self.annual_amount, self.percent)

    @property
    def annual_text(self) -> str:
        return ("circa " if self.approximate else "") + rules.pounds_text(self.annual_amount)

    @property
    def implied_annual_value(self) -> int | None:
        return rules.implied_annual_value(self.annual_amount, self.percent) if self.percent else None


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    title: str
    meeting_date: dt.date | None
    status: str
    presenters: tuple[str, ...]
    contracts: tuple[tuple[int, str, str], ...]  # (id, reference, title)
    reasons: tuple[str, ...] = ()
    revisits_id: int | None = None
    revisits: str = ""
    outcome: str = ""
    feedback_sent_on: dt.date | None = None
    feedback_to: tuple[str, ...] = ()
    referred_to_audit: bool = False
    deferred_reason: str = ""
    exempt: bool = False
    lead_officer_ids: frozenset[int] = frozenset()
    manager_ids: frozenset[int] = frozenset()  # the contracts' managers
    report: ReportRecord | None = None
    findings: tuple[FindingRecord, ...] = ()
    savings: tuple[SavingRecord, ...] = ()
    version: int = 1

    @property
    def status_label(self) -> str:
        return rules.REVIEW_STATUSES.get(self.status, self.status)

    @property
    def reason_labels(self) -> list[str]:
        return [rules.REASONS.get(r, r) for r in self.reasons]

    @property
    def date_text(self) -> str:
        return f"{self.meeting_date.day} {self.meeting_date:%B %Y}" if self.meeting_date else "TBC"

    def point(self) -> rules.ReviewPoint:
        return rules.ReviewPoint(
            self.id, self.meeting_date, self.status, self.title, self.presenters, tuple(c[1] for c in self.contracts)
        )

    def assessment(self) -> rules.AssessmentPoint | None:
        if self.report is None:
            return None
        return rules.AssessmentPoint(
            self.id, self.meeting_date, tuple(r.point() for r in self.report.ratings), self.report.overall_current
        )


@dataclass(frozen=True)
class BodyRecord:
    id: int
    code: str
    name: str
    parent: str
    chair: str
    vice_chair: str
    convened_on: dt.date | None
    terms_of_reference: str
    reporting: str
    periods: tuple[tuple[str, str, str, str, dt.date, dt.date | None], ...]  # name, parent, chair, vice, from, to
    members: tuple[tuple[str, str, dt.date | None, dt.date | None], ...]  # role, person, from, to
    risk_controls: tuple[tuple[str, str, str], ...]  # risk code, control, owner

    def members_on(self, day: dt.date) -> list[tuple[str, str, dt.date | None, dt.date | None]]:
        return [m for m in self.members if (m[2] is None or m[2] <= day) and (m[3] is None or m[3] >= day)]

    def period_on(self, day: dt.date):
        found = [p for p in self.periods if p[4] <= day and (p[5] is None or p[5] >= day)]
        return found[-1] if found else None


@dataclass(frozen=True)
class ProgressReportRecord:
    id: int
    title: str
    committee: str
    meeting_date: dt.date
    period_start: dt.date
    period_end: dt.date
    overall: str
    contracts_reviewed_to_date: int | None
    contracts_reviewed_words: str
    training: str
    recommendation: str
    exempt: bool
    points: tuple[tuple[str, str, str], ...]  # kind, activity, text
    savings: tuple[SavingRecord, ...] = ()

    def points_of(self, kind: str) -> list[str]:
        return [text for k, _, text in self.points if k == kind]


@dataclass(frozen=True)
class Programme:
    """Everything the annual summary to committee and the programme pages show, for one body."""

    body: BodyRecord
    reviews: tuple[ReviewRecord, ...]
    reports: tuple[ProgressReportRecord, ...]
    findings: tuple[FindingRecord, ...] = field(default=())


# --- helpers ---------------------------------------------------------------------------------------------


def _person(user) -> str:
    return str(user) if user is not None else ""


def cleared(user) -> bool:
    return user is not None and can_see_exempt(user)


def _supplier(supplier) -> SupplierRecord | None:
    if supplier is None:
        return None
    return SupplierRecord(
        supplier.name,
        supplier.trading_name,
        supplier.legal_form,
        supplier.company_number,
        supplier.charity_number,
        supplier.charity_register,
        supplier.sme,
        supplier.vcse,
        supplier.address,
    )


def visible_contracts(user):
    """The contracts `user` may read (`None`: the public, who see only published, non-exempt ones)."""
    contracts = Contract.objects.visible_to(user)
    if user is None:
        contracts = contracts.filter(published=True)
    return contracts


def register_queryset(user):
    """The register as the list page pages through it (two joins, no per-row query)."""
    return visible_contracts(user).select_related("supplier", "directorate", "contract_manager", "commissioning_lead")


def _contract_queryset(contracts, user):
    from councilplan.risks.models import Risk

    # The activities and risks linked to a contract, without the exempt ones for `user` not cleared for them.
    activities = Activity.objects.visible_to(user).select_related("plan").order_by("plan__name", "sort_key")
    return contracts.select_related(
        "supplier", "directorate", "contract_manager", "commissioning_lead"
    ).prefetch_related(
        Prefetch("activities", queryset=activities),
        Prefetch("risks", queryset=Risk.objects.visible_to(user)),
        Prefetch("indicators", queryset=Indicator.objects.order_by("ref")),
        Prefetch(
            "assessments", queryset=PerformanceAssessment.objects.select_related("assessed_by").order_by("period_end")
        ),
    )


def contract_record(contract: Contract) -> ContractRecord:
    return ContractRecord(
        id=contract.pk,
        reference=contract.reference,
        title=contract.title,
        department=contract.directorate.name if contract.directorate_id else "",
        description=contract.description,
        geographic_coverage=contract.geographic_coverage,
        supplier=_supplier(contract.supplier),
        total_value=contract.total_value,
        annual_value=contract.annual_value,
        current_year_value=contract.current_year_value,
        whole_life_cost=contract.whole_life_cost,
        whole_life_cost_npv=contract.whole_life_cost_npv,
        irrecoverable_vat=contract.irrecoverable_vat,
        awarded_on=contract.awarded_on,
        start_date=contract.start_date,
        end_date=contract.end_date,
        review_date=contract.review_date,
        route=contract.route,
        extension_options=contract.extension_options,
        contract_manager=_person(contract.contract_manager),
        contract_manager_id=contract.contract_manager_id,
        commissioning_lead=_person(contract.commissioning_lead),
        commissioning_lead_id=contract.commissioning_lead_id,
        tier=contract.tier,
        risk_grade=contract.risk_grade,
        complexity=contract.complexity,
        published=contract.published,
        exempt=contract.exempt,
        version=contract.version,
        activities=tuple(LinkedActivity(a.pk, a.ref, a.title, a.plan.name) for a in contract.activities.all()),
        risks=tuple(LinkedRisk(r.code, r.title) for r in sorted(contract.risks.all(), key=lambda r: r.code)),
        indicators=tuple(LinkedIndicator(i.ref, i.description) for i in contract.indicators.all()),
        assessments=tuple(
            AssessmentRecord(a.period_end, a.assessed_on, a.rating, a.summary, _person(a.assessed_by))
            for a in contract.assessments.all()
        ),
    )


def contract_records(user, contracts=None) -> list[ContractRecord]:
    """Every contract `user` may read, with its links and assessments (seven queries)."""
    queryset = visible_contracts(user) if contracts is None else contracts
    return [contract_record(c) for c in _contract_queryset(queryset, user).order_by("reference")]


def get_contract(reference: str, user) -> Contract | None:
    return visible_contracts(user).filter(reference=reference).first() if user is not None else None


def contract_kpis(contract: Contract) -> list[kpi_rules.KpiRow]:
    """The contract's KPIs at their latest results (three queries), for its page and the maturity report."""
    indicators = (
        Indicator.objects.filter(contracts=contract)
        .select_related("service_area__directorate", "paired_with")
        .prefetch_related(
            Prefetch("standards", queryset=Standard.objects.order_by("year")),
            Prefetch("results", queryset=Result.objects.order_by("period")),
        )
        .order_by("ref")
    )
    rows = []
    for indicator in indicators:
        record = indicator_record(indicator, "")
        latest = max((r.period for r in record.results), default=None)
        rows.append(kpi_rules.kpi_row(record, latest or dt.date.today().replace(day=1)))
    return rows


def indicator_choices() -> list[Indicator]:
    return list(Indicator.objects.filter(active=True, kind="kpi").order_by("ref"))


def activity_choices(user) -> list[Activity]:
    """The activities `user` may link a contract to (the exempt ones only if they are cleared)."""
    return list(Activity.objects.visible_to(user).select_related("plan").order_by("plan__name", "sort_key", "ref"))


def risk_choices(user):
    """The open risks `user` may link a contract to (the exempt ones only if they are cleared)."""
    from councilplan.risks.models import Risk

    return list(Risk.objects.visible_to(user).filter(status="open").order_by("code"))


# --- reviews ---------------------------------------------------------------------------------------------


def _review_queryset(reviews, user):
    """With the review's contracts and savings, but not those of exempt contracts for `user` not cleared."""
    savings = hidden(Saving.objects.select_related("contract"), Contract, "contract", cleared(user))
    return reviews.select_related("revisits", "report", "report__attestation").prefetch_related(
        Prefetch("contracts", queryset=Contract.objects.visible_to(user).order_by("reference")),
        "lead_officers",
        "report__ratings",
        Prefetch(
            "findings",
            queryset=Finding.objects.select_related("owner", "checked_at", "review").order_by("id"),
        ),
        Prefetch("savings", queryset=savings.order_by("id")),
    )


def _finding_record(f: Finding) -> FindingRecord:
    return FindingRecord(
        id=f.pk,
        review_id=f.review_id,
        review_title=f.review.title,
        review_date=f.review.meeting_date,
        kind=f.kind,
        activity=f.activity,
        text=f.text,
        recommendation=f.recommendation,
        owner=f.owner_name or _person(f.owner),
        owner_id=f.owner_id,
        due_on=f.due_on,
        status=f.status,
        progress=f.progress,
        checked_at=str(f.checked_at) if f.checked_at_id else "",
        checked_at_id=f.checked_at_id,
        version=f.version,
    )


def _saving_record(s: Saving) -> SavingRecord:
    return SavingRecord(
        s.annual_amount,
        s.percent,
        s.approximate,
        s.note,
        s.contract.reference if s.contract_id else "",
        str(s.review) if s.review_id else "",
    )


def _report_record(review: Review) -> ReportRecord | None:
    try:
        report = review.report
    except MaturityReport.DoesNotExist:
        return None
    try:
        a = report.attestation
        attestation = AttestationRecord(a.owner_name, a.position, a.attested_on, a.owner_since, a.choices())
    except Attestation.DoesNotExist:
        attestation = None
    order = {code: i for i, code in enumerate(rules.ACTIVITY_CODES)}
    return ReportRecord(
        id=report.pk,
        state=report.state,
        answers=dict(report.answers),
        management_cost=report.management_cost,
        overall_current=report.overall_current,
        overall_target=report.overall_target,
        overall_comments=report.overall_comments,
        management_plan=report.management_plan,
        handbook=report.handbook,
        ratings=tuple(
            RatingRecord(r.activity, r.current, r.target, r.evidence, r.comments)
            for r in sorted(report.ratings.all(), key=lambda r: order.get(r.activity, 99))
        ),
        attestation=attestation,
        version=report.version,
        submitted_at=report.submitted_at,
    )


def review_record(review: Review) -> ReviewRecord:
    contracts = list(review.contracts.all())
    return ReviewRecord(
        id=review.pk,
        title=review.title,
        meeting_date=review.meeting_date,
        status=review.status,
        presenters=tuple(review.presenters),
        contracts=tuple((c.pk, c.reference, c.title) for c in contracts),
        reasons=tuple(review.reasons),
        revisits_id=review.revisits_id,
        revisits=str(review.revisits) if review.revisits_id else "",
        outcome=review.outcome,
        feedback_sent_on=review.feedback_sent_on,
        feedback_to=tuple(review.feedback_to),
        referred_to_audit=review.referred_to_audit,
        deferred_reason=review.deferred_reason,
        exempt=review.exempt,
        lead_officer_ids=frozenset(u.pk for u in review.lead_officers.all()),
        manager_ids=frozenset(c.contract_manager_id for c in contracts if c.contract_manager_id),
        report=_report_record(review),
        findings=tuple(_finding_record(f) for f in review.findings.all()),
        savings=tuple(_saving_record(s) for s in review.savings.all()),
        version=review.version,
    )


def review_records(user, reviews=None) -> list[ReviewRecord]:
    """The reviews `user` may read, with their contracts, reports, findings and savings (ten queries)."""
    queryset = Review.objects.visible_to(user) if reviews is None else reviews
    return [review_record(r) for r in _review_queryset(queryset, user)]


def get_review(pk: int, user) -> Review | None:
    return Review.objects.visible_to(user).filter(pk=pk).first()


def contract_reviews(contract: Contract, user) -> list[ReviewRecord]:
    return review_records(user, Review.objects.visible_to(user).filter(contracts=contract))


def findings_queryset(user):
    """Findings of the reviews `user` may read, for the follow-up list."""
    return (
        Finding.objects.filter(review__in=Review.objects.visible_to(user))
        .select_related("review", "owner", "checked_at")
        .order_by("due_on", "id")
    )


def finding_records(user) -> list[FindingRecord]:
    return [_finding_record(f) for f in findings_queryset(user)]


def findings_owned_by(user) -> list[FindingRecord]:
    return [
        _finding_record(f)
        for f in findings_queryset(user).filter(owner=user).exclude(status__in=rules.CLOSED_FINDING_STATUSES)
    ]


# --- the body and its programme --------------------------------------------------------------------------


def body_record(body: ReviewBody) -> BodyRecord:
    periods = sorted(body.periods.all(), key=lambda p: p.starts_on)
    current = periods[-1] if periods else None
    return BodyRecord(
        id=body.pk,
        code=body.code,
        name=current.name if current else body.code,
        parent=current.parent if current else "",
        chair=current.chair if current else "",
        vice_chair=current.vice_chair if current else "",
        convened_on=body.convened_on,
        terms_of_reference=body.terms_of_reference,
        reporting=body.reporting,
        periods=tuple((p.name, p.parent, p.chair, p.vice_chair, p.starts_on, p.ends_on) for p in periods),
        members=tuple((m.role, m.person, m.starts_on, m.ends_on) for m in body.memberships.all()),
        risk_controls=tuple((c.risk.code, c.title, c.owner) for c in body.risk_controls.all()),
    )


def _bodies():
    return ReviewBody.objects.prefetch_related("periods", "memberships", "risk_controls__risk")


def get_body(code: str | None = None) -> ReviewBody | None:
    bodies = _bodies()
    return (bodies.filter(code=code) if code else bodies.order_by("id")).first()


def _progress_record(report: ProgressReport) -> ProgressReportRecord:
    return ProgressReportRecord(
        id=report.pk,
        title=report.title,
        committee=report.committee,
        meeting_date=report.meeting_date,
        period_start=report.period_start,
        period_end=report.period_end,
        overall=report.overall,
        contracts_reviewed_to_date=report.contracts_reviewed_to_date,
        contracts_reviewed_words=report.contracts_reviewed_words,
        training=report.training,
        recommendation=report.recommendation,
        exempt=report.exempt,
        points=tuple((p.kind, p.activity, p.text) for p in report.points.all()),
        savings=tuple(_saving_record(s) for s in report.savings.all()),
    )


def programme(body: ReviewBody, user) -> Programme:
    """The body, every review `user` may read (oldest first, TBC last) and its progress reports (fourteen
    queries)."""
    reviews = review_records(user, Review.objects.visible_to(user).filter(body=body))
    reports = ProgressReport.objects.filter(body=body).prefetch_related(
        "points", Prefetch("savings", queryset=Saving.objects.select_related("contract", "review").order_by("id"))
    )
    if not cleared(user):
        reports = reports.filter(exempt=False)
    return Programme(
        body=body_record(body),
        reviews=tuple(reviews),
        reports=tuple(_progress_record(r) for r in reports.order_by("meeting_date")),
        findings=tuple(f for r in reviews for f in r.findings),
    )


def descriptors() -> dict[str, tuple[tuple[str, ...], ...]]:
    return DESCRIPTORS


def reviews_for_people(user) -> list[Review]:
    """The reviews whose maturity report this person completes (the contract manager of one of its contracts, or
    a lead officer) and that are not yet held."""
    return list(
        Review.objects.visible_to(user)
        .filter(Q(contracts__contract_manager=user) | Q(lead_officers=user))
        .exclude(status=Review.Status.HELD)
        .distinct()
        .order_by("meeting_date", "id")
    )


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    who: str
    what: str
    changes: tuple[str, ...] = ()


_QUIET = {"version"}


def history_entries(records) -> list[HistoryEntry]:
    """A record's history rows (newest first) as what changed: one query for the rows, each compared with the one
    before it in memory."""
    rows = list(records.select_related("history_user").order_by("history_date", "history_id"))
    entries = []
    previous = None
    for row in rows:
        changes: list[str] = []
        if previous is not None and row.history_type == "~":
            delta = row.diff_against(previous)
            for change in delta.changes:
                if change.field in _QUIET:
                    continue
                field = row.instance._meta.get_field(change.field)
                label = str(field.verbose_name)
                changes.append(f"{label[:1].upper()}{label[1:]}: {_text(change.old)} → {_text(change.new)}")
        what = {"+": "Added", "-": "Removed"}.get(row.history_type, "Changed")
        if row.history_type == "~" and not changes:
            what = "Saved (links or status)"
        entries.append(HistoryEntry(row.history_date, _person(row.history_user), what, tuple(changes)))
        previous = row
    return list(reversed(entries))


def _text(value) -> str:
    if value in (None, "", [], {}):
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)[:200]
