"""Contract management's sample: the review group, its 2019 programme (ten reviews held, eleven planned), the 2017
and 2019 progress reports to committee with their findings and the 2016/17 saving, and the programme's link to
corporate risk CRR0011. See README.md. `load_sample()` is idempotent: what exists is left as it is.
"""

from __future__ import annotations

from django.db import transaction

from councilplan.contracts import services
from councilplan.contracts.models import Contract, ProgressReport, Review, ReviewBody
from councilplan.core.models import User
from councilplan.core.services import directorates_by_name
from councilplan.plan.models import Activity, Plan

from . import programme_2019 as data

PLAN = "KCC Strategic Delivery Plan 2019-20"
DEMO_MANAGER = ("contract.manager", "Demo Contract Manager")
DEMO_MANAGED = ("CM-2019-18", "CM-2019-22")


def _body() -> ReviewBody:
    body = ReviewBody.objects.filter(code=data.BODY["code"]).first()
    if body is not None:
        return body
    body = services.create_body(**data.BODY)
    for period in data.PERIODS:
        services.add_period(body, **period)
    for role, starts_on in data.MEMBERS:
        services.add_member(body, role=role, starts_on=starts_on)
    _link_risk(body)
    return body


def _link_risk(body: ReviewBody) -> None:
    from councilplan.risks.models import Control

    code, words = data.RISK_CONTROL
    control = Control.objects.filter(risk__code=code, title__startswith=words).first()
    if control is not None:
        services.set_risk_controls(body, [control])


def _manager() -> User:
    username, name = DEMO_MANAGER
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, name=name, role=User.Role.LEAD_OFFICER)
        user.set_unusable_password()
        user.save()
    return user


def _contracts() -> dict[str, Contract]:
    existing = {c.reference: c for c in Contract.objects.filter(reference__in=[c[0] for c in data.CONTRACTS])}
    directorates = directorates_by_name(sorted({c[2] for c in data.CONTRACTS}))
    plan = Plan.objects.filter(name=PLAN).first()
    activities = {a.ref: a for a in Activity.objects.filter(plan=plan)} if plan else {}
    manager = _manager()
    for reference, title, department, supplier_name, refs in data.CONTRACTS:
        if reference in existing:
            continue
        supplier = services.save_supplier(supplier_name, **data.SUPPLIERS[supplier_name]) if supplier_name else None
        contract = services.create_contract(
            reference=reference,
            title=title,
            directorate=directorates[department],
            supplier=supplier,
            contract_manager=manager if reference in DEMO_MANAGED else None,
        )
        linked = [activities[ref] for ref in refs if ref in activities]
        if linked:
            services.set_links(contract, activities=linked)
        existing[reference] = contract
    return existing


def _reviews(body: ReviewBody, contracts: dict[str, Contract]) -> int:
    added = 0
    known = set(Review.objects.filter(body=body).values_list("title", "meeting_date"))
    for held, entries in ((True, data.HELD), (False, data.PLANNED)):
        for meeting_date, title, presenters, references in entries:
            if (title, meeting_date) in known:
                continue
            review = services.plan_review(
                body,
                title=title,
                meeting_date=meeting_date,
                presenters=presenters,
                contracts=[contracts[r] for r in references],
            )
            if held:
                services.hold_review(review)
            added += 1
    return added


def _reports(body: ReviewBody) -> None:
    if not ProgressReport.objects.filter(body=body, meeting_date=data.REPORT_2017["meeting_date"]).exists():
        report = services.create_progress_report(body, **data.REPORT_2017)
        for kind, activity, text in data.POINTS_2017:
            services.add_point(report, kind=kind, activity=activity, text=text)
        services.add_saving(report=report, **data.SAVING_2017)
    if not ProgressReport.objects.filter(body=body, meeting_date=data.REPORT_2019["meeting_date"]).exists():
        report = services.create_progress_report(body, **data.REPORT_2019)
        for kind, activity, text in data.POINTS_2019:
            services.add_point(report, kind=kind, activity=activity, text=text)


@transaction.atomic
def load_sample() -> str:
    services.get_settings()
    body = _body()
    if not body.risk_controls.exists():
        _link_risk(body)
    contracts = _contracts()
    added = _reviews(body, contracts)
    _reports(body)
    if not added:
        return f"The sample contract management programme was already loaded ({body.reviews.count()} reviews)."
    return (
        f"Loaded the sample contract management programme: {len(contracts)} contracts, "
        f"{body.reviews.filter(status='held').count()} reviews held and "
        f"{body.reviews.filter(status='planned').count()} "
        "planned, the 2017 and 2019 progress reports."
    )
