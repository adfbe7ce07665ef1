"""Changing contract management's records. Every change goes through here and is saved with who made it, so the
history says who changed what and when.

- Records people edit (a contract, a review, a maturity report, a finding) carry a version: a save based on an
  older version is refused (one conditional UPDATE), never silently overwriting someone else's.
- A review is held only on a date that has come; a maturity report is submitted only with every activity rated
  (current and target) and the attestation signed; once submitted it is the group's record and no longer edited.
- The register's import reads the whole file and writes nothing unless every row is right.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from councilplan.analysis import contracts as rules
from councilplan.core.exchange import ImportFailed, Mapping, RowReader, check_header, file_error, mapped_rows
from councilplan.core.services import directorates_by_name, find_or_create_person
from councilplan.core.tabular import TableError, read_table
from councilplan.performance import services as performance_services
from councilplan.plan.models import Activity, Plan
from councilplan.risks.models import Risk

from .models import (
    Attestation,
    BodyPeriod,
    Contract,
    ContractSettings,
    Finding,
    MaturityReport,
    Membership,
    PerformanceAssessment,
    ProgressReport,
    Rating,
    Review,
    ReviewBody,
    Saving,
    SummaryPoint,
    Supplier,
)


class StaleEdit(ValidationError):
    """Someone saved the record after the form was opened."""


def _stale(noun: str) -> StaleEdit:
    return StaleEdit(
        f"Someone else changed this {noun} after you opened it. Your changes have not been saved: open it again "
        "to see theirs, then make yours."
    )


def _claim(model, obj, expected_version: int | None, noun: str) -> None:
    """The version check: one conditional UPDATE, so two saves racing cannot both pass it."""
    if expected_version is None:
        expected_version = obj.version
    claimed = model.objects.filter(pk=obj.pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise _stale(noun)
    obj.version = expected_version + 1


def _save(instance, user, exclude: Sequence[str] = ()):
    instance.full_clean(exclude=list(exclude) or None)
    instance._history_user = user
    instance.save()
    return instance


def get_settings() -> ContractSettings:
    found = ContractSettings.objects.order_by("pk").first()
    return found or ContractSettings.objects.create()


# --- suppliers and contracts -----------------------------------------------------------------------------

SUPPLIER_FIELDS = (
    "trading_name",
    "legal_form",
    "company_number",
    "charity_number",
    "charity_register",
    "sme",
    "vcse",
    "address",
)
CONTRACT_FIELDS = (
    "title",
    "directorate",
    "description",
    "geographic_coverage",
    "supplier",
    "total_value",
    "annual_value",
    "current_year_value",
    "whole_life_cost",
    "whole_life_cost_npv",
    "irrecoverable_vat",
    "awarded_on",
    "start_date",
    "end_date",
    "review_date",
    "route",
    "extension_options",
    "contract_manager",
    "commissioning_lead",
    "tier",
    "risk_grade",
    "complexity",
    "published",
    "exempt_paragraph",
    "exempt_reason",
    "public_interest_test",
)


@transaction.atomic
def save_supplier(name: str, *, user=None, **fields) -> Supplier:
    """The supplier of this legal name, created or updated with `fields` (only those given)."""
    name = name.strip()
    supplier = Supplier.objects.filter(name__iexact=name).first() or Supplier(name=name)
    changed = supplier.pk is None
    for key, value in fields.items():
        if key not in SUPPLIER_FIELDS:
            raise TypeError(f"save_supplier() got an unexpected field {key!r}")
        if getattr(supplier, key) != value:
            setattr(supplier, key, value)
            changed = True
    if changed:
        _save(supplier, user)
    return supplier


def _check_contract(contract: Contract) -> None:
    errors = {}
    if contract.start_date and contract.end_date and contract.end_date < contract.start_date:
        errors["end_date"] = "The end date must be on or after the start date."
    if contract.tier == "" and contract.risk_grade and contract.complexity:
        contract.tier = (
            rules.tier_for(contract.total_value, contract.risk_grade, contract.complexity, get_settings().tier_rule())
            or ""
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_contract(*, reference: str, title: str, user=None, **fields) -> Contract:
    reference = reference.strip()
    if Contract.objects.filter(reference__iexact=reference).exists():
        raise ValidationError({"reference": f"{reference} is already on the register."})
    contract = Contract(reference=reference, title=title.strip())
    for key, value in fields.items():
        if key not in CONTRACT_FIELDS:
            raise TypeError(f"create_contract() got an unexpected field {key!r}")
        setattr(contract, key, value.strip() if isinstance(value, str) else value)
    _check_contract(contract)
    return _save(contract, user)


@transaction.atomic
def update_contract(contract: Contract, *, user=None, expected_version: int | None = None, **fields) -> Contract:
    """Change the contract's details (not its reference: it is the ocid's tail and the address of its page)."""
    for key, value in fields.items():
        if key not in CONTRACT_FIELDS:
            raise TypeError(f"update_contract() got an unexpected field {key!r}")
        setattr(contract, key, value.strip() if isinstance(value, str) else value)
    _check_contract(contract)
    contract.full_clean(exclude=["version"])
    _claim(Contract, contract, expected_version, "contract")
    contract._history_user = user
    contract.save()
    return contract


def _touch(instance, user) -> None:
    """Save once more so the history records a change of links (m2m) with who made it."""
    instance._history_user = user
    instance.save()


@transaction.atomic
def set_links(
    contract: Contract,
    *,
    user=None,
    activities: Iterable[Activity] | None = None,
    risks: Iterable[Risk] | None = None,
    indicators: Iterable | None = None,
) -> Contract:
    """The plan activities, risks and KPIs the contract is linked to (each given replaces the old set)."""
    if activities is not None:
        contract.activities.set(list(activities))
    if risks is not None:
        contract.risks.set(list(risks))
    if indicators is not None:
        contract.indicators.set(list(indicators))
    _touch(contract, user)
    return contract


@transaction.atomic
def add_contract_kpi(
    contract: Contract,
    *,
    ref: str,
    description: str,
    user=None,
    unit: str = "percentage",
    polarity: str = "higher",
    frequency: str = "quarterly",
    target=None,
    floor=None,
    year: int | None = None,
    service_area_name: str = "Contracts",
):
    """A new KPI of this contract, made in the performance system (through its services) and linked here. Its
    owner is the contract manager, who enters its results; `target` and `floor` set the year's standards."""
    directorate = contract.directorate.name if contract.directorate_id else "Strategic Commissioning"
    area = performance_services.service_area_for(directorate, service_area_name)
    standards = []
    if target is not None or floor is not None:
        standards.append({"year": year or rules.financial_year(timezone.localdate()), "target": target, "floor": floor})
    indicator = performance_services.create_indicator(
        ref=ref,
        description=description,
        service_area=area,
        user=user,
        unit=unit,
        polarity=polarity,
        frequency=frequency,
        owner=contract.contract_manager,
        standards=standards,
    )
    contract.indicators.add(indicator)
    _touch(contract, user)
    return indicator


@transaction.atomic
def record_assessment(
    contract: Contract, *, period_end: dt.date, assessed_on: dt.date, rating: str, summary: str = "", user=None
) -> PerformanceAssessment:
    """The yearly Procurement Act 2023 assessment of the contract's performance against its KPIs."""
    if rating not in rules.RATINGS:
        raise ValidationError({"rating": "Select Good, Approaching target, Requires improvement or Inadequate."})
    if assessed_on < period_end:
        raise ValidationError({"assessed_on": "The assessment is made once the period it assesses has ended."})
    if PerformanceAssessment.objects.filter(contract=contract, period_end=period_end).exists():
        raise ValidationError({"period_end": "This period has been assessed already."})
    assessment = PerformanceAssessment(
        contract=contract,
        period_end=period_end,
        assessed_on=assessed_on,
        rating=rating,
        summary=summary.strip(),
        assessed_by=user,
    )
    return _save(assessment, user)


# --- the register's import -------------------------------------------------------------------------------

REGISTER_COLUMNS = [
    "reference",
    "title",
    "department",
    "description",
    "supplier_name",
    "supplier_trading_name",
    "company_number",
    "charity_number",
    "sme",
    "vcse",
    "total_value",
    "annual_value",
    "current_year_value",
    "irrecoverable_vat",
    "award_date",
    "start_date",
    "end_date",
    "review_date",
    "route",
    "extension_options",
    "contract_manager",
    "commissioning_lead",
    "tier",
    "risk",
    "complexity",
    "published",
    "activities",
    "risks",
]
REQUIRED_REGISTER_COLUMNS = ["reference", "title", "supplier_name", "total_value", "start_date", "end_date"]
ROUTE_WORDS = {
    "quote": "quote",
    "invitation to quote": "quote",
    "itq": "quote",
    "tender": "tender",
    "published invitation to tender": "tender",
    "invitation to tender": "tender",
    "itt": "tender",
    "neither": "neither",
    "direct award": "neither",
    "call-off": "neither",
    "framework call-off": "neither",
}
MONEY = re.compile(r"^£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")
MAX_PENCE = 10**15


def parse_pounds(text: str) -> int | None:
    """'£1,234.56' or '1234.5' → pence; None when it is not a sum of money."""
    text = text.strip()
    if not MONEY.match(text):
        return None
    try:
        pounds = Decimal(text.lstrip("£").strip().replace(",", ""))
    except InvalidOperation:
        return None
    pence = int(pounds * 100)
    return pence if pence < MAX_PENCE else None


@dataclass
class RegisterImport:
    created: int
    updated: int
    unchanged: int
    warnings: list[str]


def _money(read: RowReader, column: str, required: bool = False) -> int | None:
    text = read.text(column)
    if not text:
        if required:
            read.error(column, text, "is required (a sum in pounds, for example 125000 or £125,000.00)")
        return None
    pence = parse_pounds(text)
    if pence is None:
        read.error(column, text, "is not a sum of money in pounds (for example 125000 or £125,000.00)")
    return pence


def _yes_no_unknown(read: RowReader, column: str) -> bool | None:
    return None if read.is_blank(column) else read.boolean(column)


def import_register(
    path: str | Path, *, user=None, plan: Plan | None = None, mapping: Mapping | None = None
) -> RegisterImport:
    """The council's register spreadsheet (CSV or Excel, docs/data-format.md): every row or none. A contract
    whose reference exists is updated; suppliers are matched by name; people by e-mail or name (created without a
    password when new, as the plan import does); `activities` are refs in `plan` (by default the newest plan),
    `risks` risk codes."""
    mapping = mapping or Mapping()
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    columns, errors = check_header(table, mapping, REGISTER_COLUMNS, REQUIRED_REGISTER_COLUMNS)
    if errors:
        raise ImportFailed(errors)
    plan = plan or Plan.objects.order_by("-id").first()
    activities = {a.ref.lower(): a for a in Activity.objects.filter(plan=plan)} if plan else {}
    risks = {r.code.lower(): r for r in Risk.objects.all()}
    tiers = {"gold", "silver", "bronze"}
    grades = {"low", "medium", "high"}
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        reference = read.text("reference", required=True, max_length=60)
        if reference.lower() in seen:
            read.error("reference", reference, f"appears twice (also row {seen[reference.lower()]})")
        elif reference:
            seen[reference.lower()] = number
        row = {
            "number": number,
            "reference": reference,
            "title": read.text("title", required=True, max_length=300),
            "department": read.text("department", max_length=200),
            "description": read.text("description", max_length=20_000),
            "supplier_name": read.text("supplier_name", required=True, max_length=300),
            "supplier_trading_name": read.text("supplier_trading_name", max_length=300),
            "company_number": read.text("company_number", max_length=20),
            "charity_number": read.text("charity_number", max_length=20),
            "sme": _yes_no_unknown(read, "sme"),
            "vcse": _yes_no_unknown(read, "vcse"),
            "total_value": _money(read, "total_value", required=True),
            "annual_value": _money(read, "annual_value"),
            "current_year_value": _money(read, "current_year_value"),
            "irrecoverable_vat": _money(read, "irrecoverable_vat"),
            "awarded_on": read.date("award_date"),
            "start_date": read.date("start_date", required=True),
            "end_date": read.date("end_date", required=True),
            "review_date": read.date("review_date"),
            "route": read.code(
                "route", lambda t: ROUTE_WORDS.get(t.lower()), "procurement route (quote, tender or neither)"
            ),
            "extension_options": read.text("extension_options", max_length=5_000),
            "contract_manager": read.text("contract_manager", max_length=200),
            "commissioning_lead": read.text("commissioning_lead", max_length=200),
            "tier": read.code(
                "tier", lambda t: t.lower() if t.lower() in tiers else None, "tier (gold, silver or bronze)"
            ),
            "risk_grade": read.code(
                "risk", lambda t: t.lower() if t.lower() in grades else None, "grade (low, medium or high)"
            ),
            "complexity": read.code(
                "complexity", lambda t: t.lower() if t.lower() in grades else None, "grade (low, medium or high)"
            ),
            "published": True if read.is_blank("published") else read.boolean("published"),
            "activities": read.codes(
                "activities", lambda t: t.lower() if t.lower() in activities else None, "activity number in the plan"
            ),
            "risks": read.codes("risks", lambda t: t.lower() if t.lower() in risks else None, "risk code"),
        }
        if row["start_date"] and row["end_date"] and row["end_date"] < row["start_date"]:
            read.error("end_date", row["end_date"].isoformat(), "is before the start date")
        if read.ok:
            rows.append(row)
    if not rows and not errors:
        raise ImportFailed([file_error(path, "has no contracts under the header")])
    if errors:
        raise ImportFailed(errors)
    return _write_register(rows, activities, risks, user)


@transaction.atomic
def _write_register(rows: list[dict], activities: dict, risks: dict, user) -> RegisterImport:
    directorates = directorates_by_name(sorted({r["department"] for r in rows if r["department"]}))
    people: dict = {}
    existing = {c.reference.lower(): c for c in Contract.objects.all()}
    created = updated = unchanged = 0
    warnings: list[str] = []
    for row in rows:
        supplier = save_supplier(
            row["supplier_name"],
            user=user,
            **{
                k: v
                for k, v in (
                    ("trading_name", row["supplier_trading_name"]),
                    ("company_number", row["company_number"]),
                    ("charity_number", row["charity_number"]),
                    ("sme", row["sme"]),
                    ("vcse", row["vcse"]),
                )
                if v not in ("", None)
            },
        )
        values = {
            "title": row["title"],
            "directorate": directorates[row["department"]] if row["department"] else None,
            "description": row["description"],
            "supplier": supplier,
            **{k: row[k] for k in ("total_value", "annual_value", "current_year_value", "irrecoverable_vat")},
            **{k: row[k] for k in ("awarded_on", "start_date", "end_date", "review_date", "route")},
            "extension_options": row["extension_options"],
            "contract_manager": find_or_create_person(row["contract_manager"], people)
            if row["contract_manager"]
            else None,
            "commissioning_lead": (
                find_or_create_person(row["commissioning_lead"], people) if row["commissioning_lead"] else None
            ),
            "tier": row["tier"],
            "risk_grade": row["risk_grade"],
            "complexity": row["complexity"],
            "published": row["published"],
        }
        contract = existing.get(row["reference"].lower())
        if contract is None:
            contract = create_contract(reference=row["reference"], user=user, **values)
            created += 1
        elif any(getattr(contract, k) != v for k, v in values.items()):
            update_contract(contract, user=user, **values)
            updated += 1
        else:
            unchanged += 1
        wanted_activities = {activities[a].pk for a in row["activities"]}
        wanted_risks = {risks[r].pk for r in row["risks"]}
        if (
            set(contract.activities.values_list("pk", flat=True)) != wanted_activities
            or set(contract.risks.values_list("pk", flat=True)) != wanted_risks
        ):
            set_links(
                contract,
                user=user,
                activities=[activities[a] for a in row["activities"]],
                risks=[risks[r] for r in row["risks"]],
            )
        if not rules.over_transparency_threshold(row["total_value"]):
            warnings.append(
                f"{row['reference']}: £5,000 or less, so it is on the register but not in the Transparency Code data."
            )
    return RegisterImport(created, updated, unchanged, warnings)


# --- the review group ------------------------------------------------------------------------------------


@transaction.atomic
def create_body(
    *, code: str, user=None, convened_on=None, terms_of_reference: str = "", reporting: str = ""
) -> ReviewBody:
    body = ReviewBody(code=code, convened_on=convened_on, terms_of_reference=terms_of_reference, reporting=reporting)
    return _save(body, user)


@transaction.atomic
def add_period(body: ReviewBody, *, name: str, starts_on: dt.date, user=None, **fields) -> BodyPeriod:
    """A new name, parent or chair from `starts_on`: the period before it ends the day before."""
    previous = body.periods.filter(ends_on__isnull=True, starts_on__lt=starts_on).order_by("-starts_on").first()
    if previous is not None:
        previous.ends_on = starts_on - dt.timedelta(days=1)
        _save(previous, user)
    return _save(BodyPeriod(body=body, name=name, starts_on=starts_on, **fields), user)


@transaction.atomic
def add_member(body: ReviewBody, *, role: str, user=None, **fields) -> Membership:
    order = body.memberships.count()
    return _save(Membership(body=body, role=role, order=order, **fields), user)


@transaction.atomic
def set_risk_controls(body: ReviewBody, controls, *, user=None) -> ReviewBody:
    body.risk_controls.set(list(controls))
    _touch(body, user)
    return body


def _check_reasons(reasons: Sequence[str]) -> list[str]:
    unknown = [r for r in reasons if r not in rules.REASONS]
    if unknown:
        raise ValidationError({"reasons": f"Not a reason for selection: {', '.join(unknown)}."})
    return list(dict.fromkeys(reasons))


def _clean_names(names: Iterable[str]) -> list[str]:
    return [n.strip() for n in names if n and n.strip()]


@transaction.atomic
def plan_review(
    body: ReviewBody,
    *,
    title: str,
    meeting_date: dt.date | None,
    contracts: Iterable[Contract] = (),
    presenters: Sequence[str] = (),
    reasons: Sequence[str] = (),
    revisits: Review | None = None,
    lead_officers: Iterable = (),
    user=None,
) -> Review:
    """A review on the group's forward plan (date None: TBC)."""
    review = Review(
        body=body,
        title=title.strip(),
        meeting_date=meeting_date,
        presenters=_clean_names(presenters),
        reasons=_check_reasons(reasons),
        revisits=revisits,
    )
    _save(review, user)
    review.contracts.set(list(contracts))
    review.lead_officers.set(list(lead_officers))
    if contracts or lead_officers:
        _touch(review, user)
    return review


REVIEW_FIELDS = ("title", "meeting_date", "presenters", "reasons", "revisits", "outcome", "feedback_to")


@transaction.atomic
def update_review(
    review: Review,
    *,
    user=None,
    expected_version: int | None = None,
    contracts: Iterable[Contract] | None = None,
    **fields,
) -> Review:
    for key, value in fields.items():
        if key not in REVIEW_FIELDS:
            raise TypeError(f"update_review() got an unexpected field {key!r}")
        if key == "reasons":
            value = _check_reasons(value)
        elif key in ("presenters", "feedback_to"):
            value = _clean_names(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(review, key, value)
    if review.status == Review.Status.HELD and review.meeting_date is None:
        raise ValidationError({"meeting_date": "A review that has been held has a date."})
    review.full_clean(exclude=["version"])
    _claim(Review, review, expected_version, "review")
    review._history_user = user
    review.save()
    if contracts is not None:
        review.contracts.set(list(contracts))
        _touch(review, user)
    return review


@transaction.atomic
def hold_review(review: Review, *, user=None, outcome: str = "", today: dt.date | None = None) -> Review:
    """Record that the review took place (on its date, which must have come)."""
    today = today or timezone.localdate()
    if review.status == Review.Status.HELD:
        raise ValidationError("This review has been recorded as held already.")
    if review.meeting_date is None:
        raise ValidationError({"meeting_date": "Give the review's date before recording that it was held."})
    if review.meeting_date > today:
        raise ValidationError({"meeting_date": "The review's date has not come yet."})
    review.status = Review.Status.HELD
    review.deferred_reason = ""
    if outcome:
        review.outcome = outcome.strip()
    return _save(review, user)


@transaction.atomic
def defer_review(review: Review, *, reason: str, user=None, new_date: dt.date | None = None) -> Review:
    """Take the review off its date (to a new one, or TBC), with the reason."""
    if review.status == Review.Status.HELD:
        raise ValidationError("A review that has been held cannot be deferred.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the review is deferred."})
    review.status = Review.Status.DEFERRED if new_date is None else Review.Status.PLANNED
    review.deferred_reason = reason.strip()
    review.meeting_date = new_date
    return _save(review, user)


@transaction.atomic
def record_feedback(
    review: Review, *, sent_on: dt.date, to: Sequence[str], user=None, referred_to_audit: bool = False
) -> Review:
    """The group's written feedback to the Corporate Director(s) and Cabinet Member(s) after a review."""
    if review.status != Review.Status.HELD:
        raise ValidationError("Feedback follows a review that has been held.")
    names = _clean_names(to)
    if not names:
        raise ValidationError({"to": "Name who the feedback letter went to."})
    review.feedback_sent_on, review.feedback_to, review.referred_to_audit = sent_on, names, referred_to_audit
    return _save(review, user)


# --- the maturity report ---------------------------------------------------------------------------------


@transaction.atomic
def start_report(review: Review, *, user=None) -> MaturityReport:
    report = MaturityReport.objects.filter(review=review).first()
    if report is None:
        report = _save(MaturityReport(review=review), user)
    return report


def _level(value) -> int | None:
    if value in (None, ""):
        return None
    level = int(value)
    if level not in rules.LEVELS:
        raise ValidationError(f"{value} is not a maturity level (1 to 5).")
    return level


@transaction.atomic
def save_report(
    report: MaturityReport,
    *,
    user=None,
    expected_version: int | None = None,
    ratings: dict[str, dict] | None = None,
    answers: dict[str, str] | None = None,
    management_cost: int | None = None,
    overall_current: int | None = None,
    overall_target: int | None = None,
    overall_comments: str | None = None,
    management_plan: str | None = None,
    handbook: str | None = None,
) -> MaturityReport:
    """Save the contract owner's draft: ratings {activity code: {current, target, evidence, comments}}, the
    sections' answers {question key: text}, the cost of contract management and the overall judgement."""
    if report.state == MaturityReport.State.SUBMITTED:
        raise ValidationError("This maturity report has been submitted to the review group: it is no longer edited.")
    if answers is not None:
        unknown = set(answers) - set(rules.QUESTION_KEYS)
        if unknown:
            raise ValidationError(f"Not a question of the template: {', '.join(sorted(unknown))}.")
        report.answers = {key: (answers.get(key) or "").strip() for key in rules.QUESTION_KEYS if answers.get(key)}
    if management_cost is not None or answers is not None:
        report.management_cost = management_cost
    for name, value in (("overall_current", overall_current), ("overall_target", overall_target)):
        setattr(report, name, _level(value))
    for name, value in (
        ("overall_comments", overall_comments),
        ("management_plan", management_plan),
        ("handbook", handbook),
    ):
        if value is not None:
            setattr(report, name, value.strip())
    report.full_clean(exclude=["version"])
    _claim(MaturityReport, report, expected_version, "maturity report")
    report._history_user = user
    report.save()
    if ratings is not None:
        current = {r.activity: r for r in report.ratings.all()}
        for code, values in ratings.items():
            if code not in rules.ACTIVITY_CODES:
                raise ValidationError(f"{code} is not one of the framework's activities.")
            rating = current.get(code) or Rating(report=report, activity=code)
            new = {
                "current": _level(values.get("current")),
                "target": _level(values.get("target")),
                "evidence": (values.get("evidence") or "").strip(),
                "comments": (values.get("comments") or "").strip(),
            }
            if rating.pk is None or any(getattr(rating, k) != v for k, v in new.items()):
                for k, v in new.items():
                    setattr(rating, k, v)
                _save(rating, user)
    return report


@transaction.atomic
def attest(
    report: MaturityReport,
    *,
    owner_name: str,
    position: str,
    attested_on: dt.date,
    owner_since: dt.date,
    choices: dict[str, bool],
    owner=None,
    user=None,
) -> Attestation:
    """Section 3: the contract owner signs the seven fixed statements, each one of its two wordings."""
    if report.state == MaturityReport.State.SUBMITTED:
        raise ValidationError("This maturity report has been submitted: its attestation stands as signed.")
    missing = [code for code in rules.STATEMENT_CODES if not isinstance(choices.get(code), bool)]
    if missing:
        raise ValidationError(dict.fromkeys(missing, "Choose one of the two statements."))
    if owner_since > attested_on:
        raise ValidationError({"owner_since": "The date you became the contract owner must be on or before today."})
    attestation = Attestation.objects.filter(report=report).first() or Attestation(report=report)
    attestation.owner = owner
    attestation.owner_name, attestation.position = owner_name.strip(), position.strip()
    attestation.attested_on, attestation.owner_since = attested_on, owner_since
    for code in rules.STATEMENT_CODES:
        setattr(attestation, code, choices[code])
    return _save(attestation, user)


def report_problems(report: MaturityReport) -> list[str]:
    """What stops the report being submitted, in words."""
    problems = []
    rated = {r.activity: r for r in report.ratings.all()}
    for activity in rules.ACTIVITIES:
        rating = rated.get(activity.code)
        if rating is None or rating.current is None or rating.target is None:
            problems.append(f"Rate {activity.label.lower()}: current and target levels.")
    if report.overall_current is None:
        problems.append("Give your overall judgement of the current level.")
    if not Attestation.objects.filter(report=report).exists():
        problems.append("Sign the attestation (section 3).")
    return problems


@transaction.atomic
def submit_report(report: MaturityReport, *, user=None) -> MaturityReport:
    if report.state == MaturityReport.State.SUBMITTED:
        raise ValidationError("This maturity report has been submitted already.")
    problems = report_problems(report)
    if problems:
        raise ValidationError(problems)
    report.state = MaturityReport.State.SUBMITTED
    report.submitted_at, report.submitted_by = timezone.now(), user
    _claim(MaturityReport, report, None, "maturity report")
    report._history_user = user
    report.save()
    return report


@transaction.atomic
def reopen_report(report: MaturityReport, *, user=None) -> MaturityReport:
    """The contracts team sends a submitted report back to its owner (before the review is held)."""
    if report.state != MaturityReport.State.SUBMITTED:
        raise ValidationError("Only a submitted report can be sent back.")
    if report.review.status == Review.Status.HELD:
        raise ValidationError("The review has been held: its report is the record of it.")
    report.state = MaturityReport.State.DRAFT
    _claim(MaturityReport, report, None, "maturity report")
    report._history_user = user
    report.save()
    return report


# --- findings --------------------------------------------------------------------------------------------


@transaction.atomic
def add_finding(
    review: Review,
    *,
    text: str,
    user=None,
    kind: str = "finding",
    activity: str = "",
    recommendation: str = "",
    owner=None,
    owner_name: str = "",
    due_on: dt.date | None = None,
) -> Finding:
    if review.status != Review.Status.HELD:
        raise ValidationError("Findings are recorded once the review has been held.")
    if kind in ("finding", "issue") and recommendation.strip() and due_on is None:
        raise ValidationError({"due_on": "Give the date the recommendation is due."})
    finding = Finding(
        review=review,
        kind=kind,
        activity=activity,
        text=text.strip(),
        recommendation=recommendation.strip(),
        owner=owner,
        owner_name=(owner_name or (str(owner) if owner else "")).strip(),
        due_on=due_on,
    )
    return _save(finding, user)


@transaction.atomic
def follow_up(
    finding: Finding,
    *,
    status: str,
    progress: str = "",
    user=None,
    expected_version: int | None = None,
    checked_at: Review | None = None,
    due_on: dt.date | None = None,
) -> Finding:
    """Record progress on a finding: its status, what was done, and the later review that checked it."""
    if status not in rules.FINDING_STATUSES:
        raise ValidationError({"status": "Select the finding's status."})
    if checked_at is not None:
        if checked_at.pk == finding.review_id:
            raise ValidationError({"checked_at": "A finding is checked at a later review than the one that made it."})
        if (
            finding.review.meeting_date
            and checked_at.meeting_date
            and checked_at.meeting_date < finding.review.meeting_date
        ):
            raise ValidationError({"checked_at": "The review that checked it must come after the one that made it."})
    finding.status = status
    finding.progress = progress.strip()
    finding.checked_at = checked_at
    if due_on is not None:
        finding.due_on = due_on
    finding.full_clean(exclude=["version"])
    _claim(Finding, finding, expected_version, "finding")
    finding._history_user = user
    finding.save()
    return finding


# --- progress reports and savings ------------------------------------------------------------------------


@transaction.atomic
def create_progress_report(
    body: ReviewBody,
    *,
    title: str,
    meeting_date: dt.date,
    period_start: dt.date,
    period_end: dt.date,
    user=None,
    **fields,
) -> ProgressReport:
    if period_end < period_start:
        raise ValidationError({"period_end": "The period must end on or after it starts."})
    return _save(
        ProgressReport(
            body=body,
            title=title,
            meeting_date=meeting_date,
            period_start=period_start,
            period_end=period_end,
            **fields,
        ),
        user,
    )


@transaction.atomic
def add_point(report: ProgressReport, *, kind: str, text: str, activity: str = "", user=None) -> SummaryPoint:
    return _save(
        SummaryPoint(report=report, kind=kind, text=text.strip(), activity=activity, order=report.points.count()), user
    )


@transaction.atomic
def add_saving(
    *,
    annual_amount: int,
    user=None,
    report: ProgressReport | None = None,
    review: Review | None = None,
    contract: Contract | None = None,
    percent: Decimal | None = None,
    approximate: bool = False,
    note: str = "",
) -> Saving:
    if annual_amount <= 0:
        raise ValidationError({"annual_amount": "A saving is a sum above nothing."})
    if percent is not None and not 0 < percent <= 100:
        raise ValidationError({"percent": "The percentage must be above 0 and at most 100."})
    return _save(
        Saving(
            report=report,
            review=review,
            contract=contract,
            annual_amount=annual_amount,
            percent=percent,
            approximate=approximate,
            note=note.strip(),
        ),
        user,
    )
