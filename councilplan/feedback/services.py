"""Changing customer feedback's records. Every change goes through here and is saved with who made it and why
(`history_change_reason`), so a record's history says who did what and when.

- A record carries a version: a save based on an older version is refused (one conditional UPDATE).
- A complaint opens its procedure's first stage on the day it is received; each stage's deadlines are counted in
  working days on the organisation's calendar (`core.calendar`), never by hand. An extension is allowed only
  past the deadline and up to the stage's longest timescale, with its reason and whether the customer was told.
  Escalation opens the next stage only once the current one is answered.
- Retention: a record past its period has its person's details erased, in the record and in its history; the
  counts stay.
- The import reads the whole file and writes nothing unless every row is right.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from councilplan.analysis import feedback as rules
from councilplan.core.calendar import working_calendar
from councilplan.core.exchange import ImportFailed, Mapping, RowReader, check_header, file_error, mapped_rows
from councilplan.core.models import Directorate
from councilplan.core.tabular import TableError, read_table

from .models import Case, FeedbackSettings, Service, Stage

PERSONAL_FIELDS = (
    "customer_name",
    "customer_email",
    "customer_phone",
    "customer_address",
)
ERASED = "(erased at the end of its retention period)"


class StaleEdit(ValidationError):
    """Someone saved the record after the form was opened."""


def get_settings() -> FeedbackSettings:
    found = FeedbackSettings.objects.order_by("pk").first()
    return found or FeedbackSettings.objects.create()


def _today() -> dt.date:
    return timezone.localdate()


def _save(instance, user, reason: str):
    instance._history_user = user
    instance._change_reason = reason
    instance.save()
    return instance


def _claim(case: Case, expected_version: int | None) -> None:
    if expected_version is None:
        expected_version = case.version
    if not Case.objects.filter(pk=case.pk, version=expected_version).update(version=F("version") + 1):
        raise StaleEdit(
            "Someone else changed this record after you opened it. Your changes have not been saved: open it "
            "again to see theirs, then make yours."
        )
    case.version = expected_version + 1


# --- services --------------------------------------------------------------------------------------------


def save_service(name: str, directorate: Directorate | None = None, order: int = 0, user=None) -> Service:
    service = Service.objects.filter(name=name).first()
    if service is None:
        service = Service(name=name, directorate=directorate, order=order)
        _save(service, user, "Service added")
    return service


def set_service_people(service: Service, *, coordinators: Iterable, manager, user=None) -> Service:
    service.manager = manager
    _save(service, user, "Coordinators and manager set")
    service.coordinators.set(list(coordinators))
    return service


# --- logging and changing a record -----------------------------------------------------------------------


def _check(values: dict, received_on: dt.date | None, today: dt.date) -> None:
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    kind = values.get("kind")
    if kind not in rules.KINDS:
        add("kind", "Select whether it is a complaint, a comment or a compliment")
    if received_on is not None and received_on > today:
        add("received_on", "The date received must be today or in the past")
    if kind == rules.COMMENT and values.get("sentiment") not in rules.SENTIMENTS:
        add("sentiment", "Select whether the comment is positive or negative")
    if kind == rules.COMPLAINT and values.get("procedure") not in rules.PROCEDURES:
        add("procedure", "Select the procedure the complaint follows")
    if values.get("anonymous") and any(values.get(f) for f in PERSONAL_FIELDS):
        add("anonymous", "An anonymous record holds no name or contact details: clear them or untick anonymous")
    preference = values.get("contact_preference", "")
    if preference == "email" and not values.get("customer_email") and not values.get("anonymous"):
        add("customer_email", "Enter an email address, or choose another way to contact them")
    if preference == "phone" and not values.get("customer_phone") and not values.get("anonymous"):
        add("customer_phone", "Enter a phone number, or choose another way to contact them")
    if preference == "letter" and not values.get("customer_address") and not values.get("anonymous"):
        add("customer_address", "Enter a postal address, or choose another way to contact them")
    if values.get("raised_by", "customer") != "customer" and values.get("consent_sought") is None:
        add("consent_sought", "Say whether the customer's consent was sought (it was raised on their behalf)")
    if values.get("equalities_issue") and not values.get("equalities_characteristic"):
        add("equalities_characteristic", "Enter the characteristic the equalities issue concerns")
    if values.get("persistent") and not values.get("persistent_decided_on"):
        add("persistent_decided_on", "Enter the date of the decision to treat the customer as persistent")
    if errors:
        raise ValidationError(errors)


CASE_FIELDS = (
    "kind",
    "sentiment",
    "channel",
    "delivered_by",
    "summary",
    "anonymous",
    "raised_by",
    "consent_sought",
    "contact_preference",
    "consent_to_contact",
    "procedure",
    "first_contact",
    "equalities_issue",
    "equalities_characteristic",
    "equalities_action",
    "compensation_pence",
    "lessons",
    "improvements",
    "persistent",
    "persistent_decided_on",
    *PERSONAL_FIELDS,
)


def _stage_values(rule: rules.StageRule, opened_on: dt.date) -> dict:
    found = rules.deadlines(rule, opened_on, working_calendar())
    return {
        "acknowledge_by": found.acknowledge_by,
        "due_on": found.respond_by,
        "longest_by": found.longest_by,
        "in_time_by": found.in_time_by,
    }


@transaction.atomic
def log_case(*, user=None, service: Service, received_on: dt.date, handler=None, today=None, **values) -> Case:
    """A new feedback record. A complaint opens its procedure's first stage on the day received (day 0); one
    resolved at the first point of contact is answered that day. Comments and compliments close on receipt."""
    today = today or _today()
    values = {k: v for k, v in values.items() if k in CASE_FIELDS}
    if values.get("kind") == rules.COMPLAINT:
        values["procedure"] = values.get("procedure") or "corporate"
    else:
        values["procedure"] = ""
    if values.get("kind") != rules.COMMENT:
        values["sentiment"] = ""
    _check(values, received_on, today)
    case = Case(
        reference=f"NEW-{timezone.now().timestamp()}",
        service=service,
        received_on=received_on,
        handler=handler,
        logged_by=user if getattr(user, "pk", None) else None,
        **values,
    )
    if case.kind != rules.COMPLAINT:
        case.closed_on = received_on
    case.full_clean(exclude=["reference"])
    case.skip_history_when_saving = True
    case.save()
    del case.skip_history_when_saving
    case.reference = f"FB{received_on.year}-{case.pk:06d}"
    _save(case, user, f"{rules.KINDS[case.kind]} logged")
    if case.kind == rules.COMPLAINT:
        rule = rules.PROCEDURES[case.procedure].stages[0]
        stage = Stage(case=case, code=rule.code, opened_on=received_on, **_stage_values(rule, received_on))
        if case.first_contact:
            stage.acknowledged_on = stage.responded_on = received_on
            stage.response = "Resolved at the first point of contact."
            case.closed_on = received_on
            _save(case, user, "Resolved at the first point of contact")
        _save(stage, user, f"{rule.label} opened")
    return case


@transaction.atomic
def update_case(case: Case, *, user=None, expected_version: int | None = None, **values) -> Case:
    """Correct or add to a record (its details, person, equalities, lessons, compensation)."""
    values = {k: v for k, v in values.items() if k in CASE_FIELDS or k in ("service", "received_on")}
    if case.anonymised_on:
        values = {k: v for k, v in values.items() if k not in PERSONAL_FIELDS}
    merged = {f: getattr(case, f) for f in CASE_FIELDS} | values
    changes_procedure = case.kind == rules.COMPLAINT and values.get("procedure", case.procedure) != case.procedure
    if changes_procedure and case.stages.exclude(code=rules.PROCEDURES[case.procedure].stages[0].code).exists():
        raise ValidationError({"procedure": "The procedure cannot change once the complaint has been escalated"})
    _check(merged, values.get("received_on", case.received_on), _today())
    _claim(case, expected_version)
    for name, value in values.items():
        setattr(case, name, value)
    case.full_clean()
    _save(case, user, "Record changed")
    if "received_on" in values or "procedure" in values:
        first = case.stages.order_by("opened_on", "id").first()
        if first is not None and first.code == rules.PROCEDURES[case.procedure].stages[0].code:
            rule = rules.PROCEDURES[case.procedure].stage(first.code)
            first.opened_on = case.received_on
            for name, value in _stage_values(rule, case.received_on).items():
                setattr(first, name, value)
            _save(first, user, "Deadlines counted again from the date received")
    return case


@transaction.atomic
def assign(case: Case, handler, *, user=None, expected_version: int | None = None) -> Case:
    _claim(case, expected_version)
    case.handler = handler
    _save(case, user, f"Handler: {handler}" if handler else "Handler removed")
    return case


@transaction.atomic
def set_activities(case: Case, activities, *, user=None) -> Case:
    """The plan activities the feedback is about (shown on each activity's page, counts only to others)."""
    case.version += 1
    _save(case, user, "Activities linked")
    case.activities.set(list(activities))
    return case


def current_stage(case: Case) -> Stage | None:
    return case.stages.order_by("-opened_on", "-id").first()


def _rule(stage: Stage) -> rules.StageRule:
    return rules.PROCEDURES[stage.case.procedure].stage(stage.code)


@transaction.atomic
def acknowledge(stage: Stage, on: dt.date, *, user=None) -> Stage:
    if on < stage.opened_on or on > _today():
        raise ValidationError({"acknowledged_on": "The acknowledgement date must be from the stage's start to today"})
    stage.acknowledged_on = on
    return _save(stage, user, "Acknowledged")


@transaction.atomic
def extend(stage: Stage, *, extended_to: dt.date, reason: str, customer_told: bool, user=None) -> Stage:
    """Put the reply back (a complex case), up to the stage's longest timescale; with the reason and whether
    the customer was told before the deadline (the policy asks that they are)."""
    if stage.responded_on:
        raise ValidationError("This stage has been answered: there is nothing to extend.")
    errors = {}
    problem = rules.check_extension(_rule(stage), stage.opened_on, extended_to, working_calendar())
    if problem:
        errors["extended_to"] = [problem]
    if not reason.strip():
        errors["reason"] = ["Enter why the reply will be later"]
    if errors:
        raise ValidationError(errors)
    stage.extended_to, stage.extension_reason, stage.customer_told = extended_to, reason.strip(), customer_told
    return _save(stage, user, f"Reply put back to {extended_to:%d/%m/%Y}")


@transaction.atomic
def respond(stage: Stage, *, responded_on: dt.date, response: str, outcome: str, user=None) -> Stage:
    """The stage's full reply, dated, with its outcome. The case closes (it reopens if escalated)."""
    errors = {}
    if responded_on < stage.opened_on or responded_on > _today():
        errors["responded_on"] = ["The reply's date must be from the stage's start to today"]
    if outcome not in rules.OUTCOMES:
        errors["outcome"] = ["Select the outcome"]
    elif outcome == rules.PARTLY_UPHELD and not get_settings().offer_partly_upheld:
        errors["outcome"] = ["'Partly upheld' is not an outcome this council uses"]
    if not response.strip():
        errors["response"] = ["Enter the reply (or a summary of it)"]
    if errors:
        raise ValidationError(errors)
    stage.responded_on, stage.response, stage.outcome = responded_on, response.strip(), outcome
    if stage.acknowledged_on is None:
        stage.acknowledged_on = responded_on
    _save(stage, user, "Reply sent")
    case = stage.case
    case.outcome = outcome
    case.closed_on = responded_on
    case.version += 1
    _save(case, user, f"{stage.label} answered: {rules.OUTCOMES[outcome].lower()}")
    return stage


@transaction.atomic
def escalate(case: Case, *, opened_on: dt.date, user=None) -> Stage:
    """Open the procedure's next stage (dated: the written request, the investigation's start, the referral to
    the Ombudsman). Only once the current stage is answered."""
    stage = current_stage(case)
    if stage is None:
        raise ValidationError("Only a complaint has stages to escalate.")
    if stage.responded_on is None:
        raise ValidationError("Answer the current stage before escalating it.")
    following = rules.PROCEDURES[case.procedure].after(stage.code)
    if following is None:
        raise ValidationError("This is the procedure's last stage.")
    if opened_on < stage.responded_on or opened_on > _today():
        raise ValidationError({"opened_on": "The date must be from the last reply to today"})
    new = Stage(case=case, code=following.code, opened_on=opened_on, **_stage_values(following, opened_on))
    _save(new, user, f"Escalated to {following.label}")
    case.closed_on = None
    case.version += 1
    _save(case, user, f"Escalated to {following.label}")
    return new


@transaction.atomic
def record_ombudsman(stage: Stage, *, decided_on: dt.date, decision: str, upheld: bool, user=None) -> Stage:
    if not stage.code == "ombudsman":
        raise ValidationError("Only the Ombudsman stage has the Ombudsman's decision.")
    if decided_on < stage.opened_on or decided_on > _today():
        raise ValidationError({"decided_on": "The decision's date must be from the referral to today"})
    if not decision.strip():
        raise ValidationError({"decision": "Enter what the Ombudsman decided"})
    stage.responded_on, stage.ombudsman_decision, stage.ombudsman_upheld = decided_on, decision.strip(), upheld
    stage.outcome = rules.UPHELD if upheld else rules.NOT_UPHELD
    _save(stage, user, "The Ombudsman's decision")
    case = stage.case
    case.closed_on = decided_on
    case.version += 1
    _save(case, user, "Closed on the Ombudsman's decision")
    return stage


# --- retention -------------------------------------------------------------------------------------------


@dataclass
class RetentionResult:
    erased: list[str]

    def summary(self) -> str:
        if not self.erased:
            return "Customer feedback: no record is past its retention period."
        return f"Customer feedback: erased the personal details of {len(self.erased)} record(s) past their retention."


def past_retention(today: dt.date | None = None) -> list[Case]:
    """Records whose retention period has ended and whose person's details are not yet erased."""
    today = today or _today()
    found = get_settings()
    holding = Case.objects.filter(anonymised_on__isnull=True).exclude(
        customer_name="", customer_email="", customer_phone="", customer_address="", summary=ERASED
    )
    return [
        c
        for c in holding.only("id", "reference", "kind", "received_on", "closed_on")
        if (c.kind != rules.COMPLAINT or c.closed_on)
        and rules.past_retention(c.kind, c.received_on, c.closed_on, today, found.retention_years(c.kind))
    ]


@transaction.atomic
def apply_retention(today: dt.date | None = None, *, user=None) -> RetentionResult:
    """Erase the person's details (name, contact details, what it was about, the replies) of every record past
    its retention period, in the record and in every row of its history and its stages' history. The kind,
    dates, service, channel, outcome and lessons stay, so the counts stay."""
    today = today or _today()
    due = past_retention(today)
    ids = [c.pk for c in due]
    blank = dict.fromkeys(PERSONAL_FIELDS, "")
    erased_text = {"summary": ERASED, "equalities_action": ""}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        Case.history.filter(id__in=chunk).update(**blank, **erased_text)
        Stage.history.filter(case_id__in=chunk).update(response="", extension_reason="", ombudsman_decision="")
        Stage.objects.filter(case_id__in=chunk).update(response="", extension_reason="", ombudsman_decision="")
    for case in Case.objects.filter(pk__in=ids):
        for name, value in (blank | erased_text).items():
            setattr(case, name, value)
        case.anonymised_on = today
        case.version += 1
        _save(case, user, "Personal details erased: retention period ended")
        # The history row just written holds no personal details (they were blanked first).
    return RetentionResult([c.reference for c in due])


# --- the KPI ---------------------------------------------------------------------------------------------

KPI_REF = "CS07"


def feed_kpi(first: dt.date, last: dt.date, *, user=None, ref: str = KPI_REF) -> list[tuple[dt.date, int | None]]:
    """Write the KPI's monthly results (CS07: percentage of complaints responded to in timescale, and the year
    to date) from the log, for each month from `first` to `last`, into the performance system. Returns what was
    written."""
    from councilplan.performance import services as performance
    from councilplan.performance.models import Indicator, Result

    from .selectors import case_points

    indicator = Indicator.objects.filter(ref=ref).first()
    if indicator is None:
        raise ValidationError(f"There is no indicator {ref} in the performance system.")
    months = rules.kpi_months(case_points(), first, last, get_settings().extension_counts_in_time)
    written = []
    for found in months:
        if not found.month.received:
            continue
        existing = Result.objects.filter(indicator=indicator, period=found.period.start).first()
        performance.save_result(
            indicator,
            found.period.start,
            value=Decimal(found.month.percent),
            ytd=Decimal(found.year_to_date.percent) if found.year_to_date.percent is not None else None,
            commentary=existing.commentary if existing else "",
            user=user,
            expected_version=existing.version if existing else None,
        )
        written.append((found.period.start, found.month.percent))
    return written


# --- import ----------------------------------------------------------------------------------------------

IMPORT_COLUMNS = [
    "reference",
    "kind",
    "sentiment",
    "received_on",
    "channel",
    "service",
    "directorate",
    "summary",
    "procedure",
    "responded_on",
    "outcome",
    "first_contact",
    "equalities_issue",
    "equalities_characteristic",
    "compensation",
    "ombudsman_referred_on",
    "ombudsman_upheld",
]
REQUIRED_COLUMNS = ["reference", "kind", "received_on", "channel", "service"]
_WORDS = re.compile(r"[^a-z0-9]+")


def _lookup(mapping: dict[str, str]):
    words = {_WORDS.sub("_", label.lower()).strip("_"): code for code, label in mapping.items()}

    def find(text: str) -> str | None:
        key = _WORDS.sub("_", text.lower()).strip("_")
        return key if key in mapping else words.get(key)

    return find


def _pence(read: RowReader, column: str) -> int:
    text = str(read.raw(column)).replace("£", "").replace(",", "").strip()
    if not text:
        return 0
    if not re.fullmatch(r"\d+(\.\d{1,2})?", text):
        read.error(column, text, "must be a sum in pounds, like 150 or 150.00")
        return 0
    return round(Decimal(text) * 100)


@transaction.atomic
def import_cases(path: str | Path, *, user=None, mapping: Mapping | None = None) -> int:
    """The log as the services keep it (CSV or Excel, docs/data-format.md): counts and dates, no people. Every
    row or none; a row whose reference exists is refused (the import adds, it does not overwrite)."""
    mapping = mapping or Mapping()
    try:
        table = read_table(path)
    except TableError as error:
        raise ImportFailed([file_error(path, str(error))]) from None
    columns, errors = check_header(table, mapping, IMPORT_COLUMNS, REQUIRED_COLUMNS)
    if errors:
        raise ImportFailed(errors)
    services = {s.name.lower(): s for s in Service.objects.all()}
    existing = set(Case.objects.values_list("reference", flat=True))
    rows = []
    seen: dict[str, int] = {}
    today = _today()
    for number, cells in mapped_rows(table, columns, errors):
        read = RowReader(table.name, number, cells, mapping, errors)
        if "" in cells:
            read.error("", cells[""], "a value under no column heading")
        reference = read.text("reference", required=True, max_length=30)
        if reference and (reference in existing or reference.lower() in seen):
            read.error("reference", reference, "is already in the log" if reference in existing else "appears twice")
        seen[reference.lower()] = number
        kind = read.code("kind", _lookup(rules.KINDS), "kind (complaint, comment or compliment)", required=True)
        received = read.date("received_on", required=True)
        if received and received > today:
            read.error("received_on", received, "is in the future")
        service_name = read.text("service", required=True, max_length=200)
        row = {
            "reference": reference,
            "kind": kind,
            "sentiment": read.code("sentiment", _lookup(rules.SENTIMENTS), "sentiment (positive or negative)"),
            "received_on": received,
            "channel": read.code("channel", _lookup(rules.CHANNEL_LABELS), "channel", required=True),
            "service": service_name,
            "directorate": read.text("directorate", max_length=200),
            "summary": read.text("summary", max_length=20_000),
            "procedure": read.code("procedure", _lookup(rules.PROCEDURE_LABELS), "procedure"),
            "responded_on": read.date("responded_on"),
            "outcome": read.code("outcome", _lookup(rules.OUTCOMES), "outcome (upheld, partly upheld, not upheld)"),
            "first_contact": read.boolean("first_contact"),
            "equalities_issue": read.boolean("equalities_issue"),
            "equalities_characteristic": read.text("equalities_characteristic", max_length=100),
            "compensation_pence": _pence(read, "compensation"),
            "ombudsman_on": read.date("ombudsman_referred_on"),
            "ombudsman_upheld": None if read.is_blank("ombudsman_upheld") else read.boolean("ombudsman_upheld"),
        }
        if kind == rules.COMMENT and not row["sentiment"]:
            read.error("sentiment", "", "is required for a comment (positive or negative)")
        if row["responded_on"] and received and row["responded_on"] < received:
            read.error("responded_on", row["responded_on"], "is before the date received")
        if row["ombudsman_on"] and kind != rules.COMPLAINT:
            read.error("ombudsman_referred_on", row["ombudsman_on"], "only a complaint goes to the Ombudsman")
        if read.ok:
            rows.append(row)
    if errors:
        raise ImportFailed(errors)
    directorates = {d.name.lower(): d for d in Directorate.objects.all()}
    for row in rows:
        key = row["service"].lower()
        if key not in services:
            directorate = None
            if row["directorate"]:
                directorate = directorates.get(row["directorate"].lower())
                if directorate is None:
                    directorate = Directorate.objects.create(name=row["directorate"])
                    directorates[row["directorate"].lower()] = directorate
            services[key] = save_service(row["service"], directorate, user=user)
    cases = write_cases(rows, services, user=user)
    return cases


def write_cases(rows: list[dict], services: dict[str, Service], *, user=None, reason: str = "Imported") -> int:
    """Many records at once (an import, the sample), with their first stages and one history row each
    (`reason`). Written with plain INSERTs of the rows' values: the sample is some 19,000 records, and the ORM's
    per-field work would take minutes where this takes seconds. Each row needs a `reference`."""
    calendar = _SpanCalendar(working_calendar(), [row["received_on"] for row in rows])
    now = timezone.now()
    user_id = getattr(user, "pk", None)
    cases = []
    for row in rows:
        kind = row["kind"]
        complaint = kind == rules.COMPLAINT
        cases.append(
            {
                "reference": row["reference"],
                "kind": kind,
                "sentiment": row.get("sentiment", "") if kind == rules.COMMENT else "",
                "received_on": row["received_on"],
                "channel": row["channel"],
                "service_id": services[row["service"].lower()].pk,
                "delivered_by": "",
                "summary": row.get("summary", ""),
                "anonymous": True,
                "raised_by": "customer",
                "consent_sought": None,
                "customer_name": "",
                "customer_email": "",
                "customer_phone": "",
                "customer_address": "",
                "contact_preference": "",
                "consent_to_contact": False,
                "persistent": False,
                "persistent_decided_on": None,
                "procedure": (row.get("procedure") or "corporate") if complaint else "",
                "handler_id": None,
                "first_contact": bool(row.get("first_contact")),
                "outcome": row.get("outcome", "") if complaint else "",
                "equalities_issue": bool(row.get("equalities_issue")),
                "equalities_characteristic": row.get("equalities_characteristic", ""),
                "equalities_action": "",
                "compensation_pence": row.get("compensation_pence", 0),
                "lessons": "",
                "improvements": "",
                "closed_on": row.get("responded_on") if complaint else row["received_on"],
                "anonymised_on": None,
                "logged_by_id": user_id,
                "version": 1,
                "updated_at": now,
            }
        )
    _insert(Case, cases)
    ids = {}
    references = [c["reference"] for c in cases]
    for start in range(0, len(references), 900):
        ids.update(Case.objects.filter(reference__in=references[start : start + 900]).values_list("reference", "id"))
    for case in cases:
        case["id"] = ids[case["reference"]]
    stages = []
    cache: dict[tuple[str, dt.date], rules.Deadlines] = {}
    for case, row in zip(cases, rows, strict=True):
        if case["kind"] != rules.COMPLAINT:
            continue
        rule = rules.PROCEDURES[case["procedure"]].stages[0]
        key = (case["procedure"], case["received_on"])
        if key not in cache:
            cache[key] = rules.deadlines(rule, case["received_on"], calendar)
        found = cache[key]
        responded = row.get("responded_on")
        blank = {"extended_to": None, "extension_reason": "", "customer_told": None, "response": ""}
        stages.append(
            {
                "case_id": case["id"],
                "code": rule.code,
                "opened_on": case["received_on"],
                "acknowledge_by": found.acknowledge_by,
                "acknowledged_on": responded,
                "due_on": found.respond_by,
                "longest_by": found.longest_by,
                "in_time_by": found.in_time_by,
                **blank,
                "responded_on": responded,
                "outcome": row.get("outcome", "") if responded else "",
                "ombudsman_decision": "",
                "ombudsman_upheld": None,
            }
        )
        if row.get("ombudsman_on"):
            stages.append(
                {
                    "case_id": case["id"],
                    "code": rules.OMBUDSMAN.code,
                    "opened_on": row["ombudsman_on"],
                    "acknowledge_by": None,
                    "acknowledged_on": None,
                    "due_on": None,
                    "longest_by": None,
                    "in_time_by": None,
                    **blank,
                    "responded_on": None,
                    "outcome": "",
                    "ombudsman_decision": "",
                    "ombudsman_upheld": row.get("ombudsman_upheld"),
                }
            )
    _insert(Stage, stages)
    stage_ids = _stage_ids([c["id"] for c in cases])
    for stage in stages:
        stage["id"] = stage_ids[(stage["case_id"], stage["code"])]
    history = {"history_date": now, "history_change_reason": reason, "history_type": "+", "history_user_id": user_id}
    _insert(Case.history.model, [c | history for c in cases])
    _insert(Stage.history.model, [s | history for s in stages])
    return len(cases)


class _SpanCalendar:
    """The organisation's calendar, its working days over the rows' span listed once, so that a deadline is a
    look-up (the same count as `add`, thousands of times over)."""

    def __init__(self, calendar, days: list[dt.date]):
        self.calendar = calendar
        first = min(days, default=dt.date.today())
        span = (max(days, default=first) - first).days + 200  # room for 65 working days after the last
        self.days = [d for d in (first + dt.timedelta(days=n) for n in range(span)) if calendar.is_working_day(d)]

    def is_working_day(self, day: dt.date) -> bool:
        return self.calendar.is_working_day(day)

    def add(self, start: dt.date, days: int) -> dt.date:
        if days == 0:
            return start
        index = bisect.bisect_right(self.days, start) + days - 1
        return self.days[index] if index < len(self.days) else self.calendar.add(start, days)


def _stage_ids(case_ids: list[int]) -> dict[tuple[int, str], int]:
    found = {}
    for start in range(0, len(case_ids), 900):
        for pk, case_id, code in Stage.objects.filter(case_id__in=case_ids[start : start + 900]).values_list(
            "id", "case_id", "code"
        ):
            found[(case_id, code)] = pk
    return found


def _insert(model, rows: list[dict]) -> None:
    """INSERT the rows (dicts keyed by column) into the model's table, in one executemany per batch."""
    if not rows:
        return
    from django.db import connection

    columns = [f.column for f in model._meta.concrete_fields if f.column in rows[0]]
    missing = [f.column for f in model._meta.concrete_fields if f.column not in rows[0] and not f.primary_key]
    if missing:
        raise ValueError(f"{model.__name__}: no value for {', '.join(missing)}")
    quote = connection.ops.quote_name
    # Names from the model, values bound as parameters.
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            cursor.executemany(sql, [tuple(r[c] for c in columns) for r in rows[start : start + 2000]])


def cases_for_person(text: str) -> Q:
    """The records of one person (a subject access request): by e-mail address exactly, or by name."""
    text = text.strip()
    if "@" in text:
        return Q(customer_email__iexact=text)
    return Q(customer_name__iexact=text)
