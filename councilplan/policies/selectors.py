"""Reading the strategy and policy register, as plain records, in a fixed number of queries. Exempt entries are
left out for people not cleared for them (`visible_to`), and for the public (`None`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from councilplan.analysis import policies as rules

from .models import Policy, Review, Section, StatusChange


@dataclass(frozen=True)
class Ref:
    number: int
    title: str
    status: str = ""


@dataclass(frozen=True)
class ActivityRef:
    id: int
    ref: str
    title: str
    plan: str


@dataclass(frozen=True)
class ChangeRecord:
    status: str
    status_label: str
    timing: str
    on: dt.date
    agreed_by: str
    decision_reference: str
    note: str
    recorded_by: str


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    reviewed_on: dt.date
    outcome: str
    outcome_label: str
    note: str
    next_review_date: dt.date | None
    decision_reference: str
    recorded_by: str


@dataclass
class PolicyRecord:
    id: int
    number: int
    title: str
    section: str
    doc_type: str
    doc_type_label: str
    owner_kind: str
    policy_framework: bool
    status: str
    forthcoming_kind: str
    close_timing: str
    close_reason: str
    close_note: str
    expected_close: str
    expected_close_by: dt.date | None
    replaced_by: Ref | None
    replacement_note: str
    endorsed_on: dt.date | None
    endorsement_reference: str
    purpose: str
    statutory_kind: str
    statutory_basis: str
    start_date: dt.date | None
    decision_maker: str
    decision_body: str
    key_decision: bool | None
    decision_reference: str
    publication: str
    end_date: dt.date | None
    review_date: dt.date | None
    accountable_officer: str
    accountable_officer_id: int | None
    cabinet_member: str
    front_sheet_approved_on: dt.date | None
    executive_summary: bool
    document_url: str
    document_file: str
    exempt: bool
    exempt_paragraph: int | None
    version: int
    replaces: list[Ref] = field(default_factory=list)
    dependencies: list[Ref] = field(default_factory=list)
    depended_on_by: list[Ref] = field(default_factory=list)
    activities: list[ActivityRef] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return rules.STATUSES[self.status]

    @property
    def timing_label(self) -> str:
        return rules.TIMINGS.get(self.close_timing, "")

    @property
    def reason_label(self) -> str:
        return rules.REASONS.get(self.close_reason, "")

    @property
    def owner_label(self) -> str:
        return rules.OWNER_KINDS.get(self.owner_kind, "")

    @property
    def statutory_label(self) -> str:
        return rules.STATUTORY_KINDS.get(self.statutory_kind, "")

    @property
    def publication_label(self) -> str:
        return rules.PUBLICATION.get(self.publication, "")

    @property
    def forthcoming_label(self) -> str:
        return rules.FORTHCOMING_KINDS.get(self.forthcoming_kind, "")

    @property
    def replacement_text(self) -> str:
        """The replacement as the paper names it: the entry, or the document's name."""
        if self.replaced_by is not None:
            return f"{self.replaced_by.number}. {self.replaced_by.title}"
        return self.replacement_note

    def dates(self) -> rules.Dates:
        return rules.Dates(
            self.number, self.status, self.review_date, self.end_date, self.expected_close_by, self.close_timing
        )

    def front_sheet(self) -> list[tuple[str, str]]:
        """The nine fields of the front sheet (principle 5), in order, as words."""

        def day(value):
            return value.strftime("%-d %B %Y") if value else "Not recorded"

        maker = self.decision_maker or "Not recorded"
        extras = [
            x for x in (self.decision_body, self.decision_reference and f"decision {self.decision_reference}") if x
        ]
        if extras:
            maker += f" ({', '.join(extras)})"
        key = {True: "Key decision", False: "Not a key decision"}.get(self.key_decision, "Key decision: not recorded")
        statutory = self.statutory_basis or "Not recorded"
        if self.statutory_label:
            statutory = f"{self.statutory_label}. {statutory}" if self.statutory_basis else self.statutory_label
        depends = "; ".join(f"{d.number}. {d.title}" for d in self.dependencies) or "None recorded"
        if self.end_date or self.review_date:
            end = f"Ends {day(self.end_date).lower() if not self.end_date else day(self.end_date)}; "
            end += f"review {day(self.review_date).lower() if not self.review_date else day(self.review_date)}"
        else:
            end = "Not recorded"
        return [
            (rules.FRONT_SHEET[0], self.title),
            (rules.FRONT_SHEET[1], self.purpose or "Not recorded"),
            (rules.FRONT_SHEET[2], statutory),
            (rules.FRONT_SHEET[3], day(self.start_date)),
            (rules.FRONT_SHEET[4], f"{maker}. {key}. {self.owner_label or 'Ownership not recorded'}."),
            (rules.FRONT_SHEET[5], depends),
            (rules.FRONT_SHEET[6], self.publication_label or "Not recorded"),
            (rules.FRONT_SHEET[7], end),
            (rules.FRONT_SHEET[8], self.accountable_officer or "Not named"),
        ]


def register_queryset(user):
    return Policy.objects.visible_to(user).select_related("section", "accountable_officer", "replaced_by")


def _ref(p: Policy) -> Ref:
    return Ref(p.number, p.title, p.status)


def records(user, queryset=None) -> list[PolicyRecord]:
    """The entries `user` may read (of `queryset`, by default all), with their links: five queries."""
    visible = Policy.objects.visible_to(user).only("id", "number", "title", "status", "exempt_paragraph")
    queryset = (queryset if queryset is not None else register_queryset(user)).visible_to(user)
    queryset = queryset.select_related("section", "accountable_officer", "replaced_by").prefetch_related(
        Prefetch("replaces", queryset=visible.order_by("number"), to_attr="replaces_list"),
        Prefetch("dependencies", queryset=visible.order_by("number"), to_attr="dependencies_list"),
        Prefetch("depended_on_by", queryset=visible.order_by("number"), to_attr="depended_list"),
        "activities__plan",
    )
    found = []
    for p in queryset:
        successor = p.replaced_by
        if successor is not None and successor.exempt and not _clear(user):
            successor = None
        found.append(
            PolicyRecord(
                id=p.pk,
                number=p.number,
                title=p.title,
                section=p.section.name,
                doc_type=p.doc_type,
                doc_type_label=rules.DOC_TYPES.get(p.doc_type, p.doc_type),
                owner_kind=p.owner_kind,
                policy_framework=p.policy_framework,
                status=p.status,
                forthcoming_kind=p.forthcoming_kind,
                close_timing=p.close_timing,
                close_reason=p.close_reason,
                close_note=p.close_note,
                expected_close=p.expected_close,
                expected_close_by=p.expected_close_by,
                replaced_by=_ref(successor) if successor is not None else None,
                replacement_note=p.replacement_note,
                endorsed_on=p.endorsed_on,
                endorsement_reference=p.endorsement_reference,
                purpose=p.purpose,
                statutory_kind=p.statutory_kind,
                statutory_basis=p.statutory_basis,
                start_date=p.start_date,
                decision_maker=p.decision_maker,
                decision_body=p.decision_body,
                key_decision=p.key_decision,
                decision_reference=p.decision_reference,
                publication=p.publication,
                end_date=p.end_date,
                review_date=p.review_date,
                accountable_officer=str(p.accountable_officer) if p.accountable_officer_id else "",
                accountable_officer_id=p.accountable_officer_id,
                cabinet_member=p.cabinet_member,
                front_sheet_approved_on=p.front_sheet_approved_on,
                executive_summary=p.executive_summary,
                document_url=p.document_url,
                document_file=p.document_file.name if p.document_file else "",
                exempt=p.exempt,
                exempt_paragraph=p.exempt_paragraph,
                version=p.version,
                replaces=[_ref(r) for r in p.replaces_list],
                dependencies=[_ref(r) for r in p.dependencies_list],
                depended_on_by=[_ref(r) for r in p.depended_list],
                activities=[
                    ActivityRef(a.pk, a.ref, a.title, a.plan.name)
                    for a in sorted(p.activities.all(), key=lambda a: (a.plan_id, a.sort_key, a.ref))
                ],
            )
        )
    return found


def _clear(user) -> bool:
    from councilplan.core.permissions import can_see_exempt

    return user is not None and can_see_exempt(user)


def get_policy(number: int, user) -> Policy | None:
    return register_queryset(user).filter(number=number).first()


def record(number: int, user) -> PolicyRecord | None:
    found = records(user, Policy.objects.filter(number=number))
    return found[0] if found else None


def changes(policy: Policy) -> list[ChangeRecord]:
    return [
        ChangeRecord(
            c.status,
            rules.STATUSES[c.status],
            c.timing,
            c.on,
            c.agreed_by,
            c.decision_reference,
            c.note,
            str(c.recorded_by) if c.recorded_by_id else "",
        )
        for c in policy.changes.select_related("recorded_by").order_by("-on", "-pk")
    ]


def reviews(policy: Policy) -> list[ReviewRecord]:
    return [
        ReviewRecord(
            r.pk,
            r.reviewed_on,
            r.outcome,
            rules.REVIEW_OUTCOMES[r.outcome],
            r.note,
            r.next_review_date,
            r.decision_reference,
            str(r.recorded_by) if r.recorded_by_id else "",
        )
        for r in Review.objects.filter(policy=policy).select_related("recorded_by")
    ]


def section_names() -> list[str]:
    return list(Section.objects.order_by("order", "name").values_list("name", flat=True))


def stock_take(user, on: dt.date) -> rules.StockTake:
    """The register's summary at `on` (three queries)."""
    visible = Policy.objects.visible_to(user)
    entries = [
        rules.Entry(number, section, kind)
        for number, section, kind in visible.values_list("number", "section__name", "forthcoming_kind")
    ]
    dated = [
        rules.Change(number, status, day, timing, pk)
        for number, status, day, timing, pk in StatusChange.objects.filter(policy__in=visible).values_list(
            "policy__number", "status", "on", "timing", "pk"
        )
    ]
    return rules.stock_take(entries, dated, on, section_names())


def status_on(user, on: dt.date) -> dict[int, rules.Change]:
    visible = Policy.objects.visible_to(user)
    dated = [
        rules.Change(number, status, day, timing, pk)
        for number, status, day, timing, pk in StatusChange.objects.filter(policy__in=visible).values_list(
            "policy__number", "status", "on", "timing", "pk"
        )
    ]
    return rules.status_at(dated, on)


def owned_by(user) -> list[Policy]:
    if user is None or not getattr(user, "pk", None):
        return []
    return list(
        Policy.objects.filter(accountable_officer=user)
        .exclude(status__in=[rules.CLOSED, rules.FORTHCOMING])
        .order_by("number")
    )


def lead_days() -> int:
    from .models import RegisterSettings

    found = RegisterSettings.objects.order_by("pk").values_list("review_lead_days", flat=True).first()
    return found if found is not None else rules.DEFAULT_REVIEW_LEAD_DAYS


def register_at(user, on: dt.date):
    """The register as it stood on `on`, for the reports (a fixed number of queries)."""
    from .documents import RegisterAt

    return RegisterAt(on, stock_take(user, on), status_on(user, on), records(user), lead_days())


def public_records() -> list[PolicyRecord]:
    """The public register's entries: published, not internal, not exempt (what /public/policies/ shows)."""
    from councilplan.analysis import policies as policy_rules

    published = Policy.objects.filter(status__in=policy_rules.PUBLISHED).exclude(publication="internal")
    return [r for r in records(None, published) if not r.exempt]
