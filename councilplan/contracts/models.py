"""Contract management (spec/contracts.md): the contracts register, the review group and its programme of
reviews against the NAO framework, each review's maturity report and attestation, findings and their follow-up,
savings, the group's progress reports to committee, and each contract's KPIs and yearly performance assessment.

Every model keeps its history (django-simple-history) and changes only through `services.py`. Money is held in
whole pence. A contract or a review can be exempt information (Schedule 12A, `core.exempt.Exemptable`): a review's
findings and maturity report follow their review.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import contracts as rules
from councilplan.core.exempt import Exemptable
from councilplan.core.models import Directorate
from councilplan.performance.models import Indicator
from councilplan.plan.models import Activity
from councilplan.risks.models import Control, Risk

LEVEL = [MinValueValidator(1), MaxValueValidator(5)]
PENCE = {"null": True, "blank": True}


def _choices(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return list(mapping.items())


class ContractSettings(models.Model):
    """The organisation's publishing details and tiering rule. One row (made when first needed)."""

    organisation_name = models.CharField(max_length=200, default="Kent County Council")
    ocid_prefix = models.CharField(
        "OCID prefix",
        max_length=30,
        default="ocds-kcc001",
        help_text="The prefix the Open Contracting Partnership registered for the council (ocds- and six "
        "characters). Every contract's ocid is this prefix, a hyphen and the contract's reference.",
    )
    buyer_scheme = models.CharField(
        "buyer identifier scheme", max_length=20, default="GB-LAE", help_text="org-id.guide list code."
    )
    buyer_identifier = models.CharField(max_length=50, default="KEN")
    publisher_uri = models.URLField("publisher address", blank=True, default="")
    medium_value_from = models.PositiveBigIntegerField(
        "tiering: value scores 2 from (pence)", default=rules.TierRule.medium_value_from
    )
    high_value_from = models.PositiveBigIntegerField(
        "tiering: value scores 3 from (pence)", default=rules.TierRule.high_value_from
    )
    gold_from = models.PositiveSmallIntegerField("tiering: gold from score", default=rules.TierRule.gold_from)
    silver_from = models.PositiveSmallIntegerField("tiering: silver from score", default=rules.TierRule.silver_from)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "contract settings"

    def __str__(self):
        return f"Contract settings of {self.organisation_name}"

    def tier_rule(self) -> rules.TierRule:
        return rules.TierRule(self.medium_value_from, self.high_value_from, self.gold_from, self.silver_from)


class Supplier(models.Model):
    class LegalForm(models.TextChoices):
        COMPANY = "company", "Registered company"
        CHARITY = "charity", "Registered charity"
        CHARITABLE_COMPANY = "charitable_company", "Charitable company"
        CIC = "cic", "Community interest company"
        PARTNERSHIP = "partnership", "Partnership or LLP"
        SOLE_TRADER = "sole_trader", "Sole trader"
        PUBLIC_BODY = "public_body", "Public body (NHS, local authority)"
        OTHER = "other", "Other"

    class CharityRegister(models.TextChoices):
        ENGLAND_WALES = "GB-CHC", "Charity Commission for England and Wales"
        SCOTLAND = "GB-SC", "Scottish Charity Regulator"
        NORTHERN_IRELAND = "GB-NIC", "Charity Commission for Northern Ireland"

    name = models.CharField("legal name", max_length=300, unique=True)
    trading_name = models.CharField(max_length=300, blank=True)
    legal_form = models.CharField("how it is constituted", max_length=20, choices=LegalForm.choices, blank=True)
    company_number = models.CharField("registered company number", max_length=20, blank=True)
    charity_number = models.CharField("registered charity number", max_length=20, blank=True)
    charity_register = models.CharField(
        max_length=10, choices=CharityRegister.choices, blank=True, default=CharityRegister.ENGLAND_WALES
    )
    sme = models.BooleanField("small or medium-sized enterprise", null=True, blank=True)
    vcse = models.BooleanField("voluntary or community sector organisation", null=True, blank=True)
    address = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Contract(Exemptable):
    """A contract on the register: the Transparency Code's fields, the maturity report's section 1, and who
    manages it. A group of contracts reviewed together is several contracts on one review."""

    class Route(models.TextChoices):
        QUOTE = "quote", "Invitation to quote"
        TENDER = "tender", "Published invitation to tender"
        NEITHER = "neither", "Neither (for example a direct award or a call-off)"

    class Tier(models.TextChoices):
        GOLD = "gold", "Gold"
        SILVER = "silver", "Silver"
        BRONZE = "bronze", "Bronze"

    class Grade(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    reference = models.CharField("reference number", max_length=60, unique=True)
    title = models.CharField("title of agreement", max_length=300)
    directorate = models.ForeignKey(
        Directorate, null=True, blank=True, on_delete=models.PROTECT, verbose_name="department responsible"
    )
    description = models.TextField("description of the goods or services", blank=True)
    geographic_coverage = models.CharField(max_length=300, blank=True)
    supplier = models.ForeignKey(Supplier, null=True, blank=True, on_delete=models.PROTECT, related_name="contracts")
    total_value = models.PositiveBigIntegerField("sum to be paid over the length of the contract (pence)", **PENCE)
    annual_value = models.PositiveBigIntegerField("estimated annual spending (pence)", **PENCE)
    current_year_value = models.PositiveBigIntegerField("anticipated value in current financial year (pence)", **PENCE)
    whole_life_cost = models.PositiveBigIntegerField("anticipated whole life cost, nominal (pence)", **PENCE)
    whole_life_cost_npv = models.PositiveBigIntegerField("anticipated whole life cost, net present (pence)", **PENCE)
    irrecoverable_vat = models.PositiveBigIntegerField("VAT that cannot be recovered (pence)", **PENCE)
    awarded_on = models.DateField("date of award", null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField("end (expiry) date", null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    route = models.CharField("procurement route", max_length=10, choices=Route.choices, blank=True)
    extension_options = models.TextField("extension options and breakpoints", blank=True)
    contract_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_contracts",
        help_text="The contract owner: day-to-day accountability for the eight activities; completes the maturity "
        "report and signs the attestation.",
    )
    commissioning_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissioned_contracts",
        help_text="The lead officer who presents the contract to the review group.",
    )
    tier = models.CharField(max_length=6, choices=Tier.choices, blank=True)
    risk_grade = models.CharField("risk (for tiering)", max_length=6, choices=Grade.choices, blank=True)
    complexity = models.CharField("complexity (for tiering)", max_length=6, choices=Grade.choices, blank=True)
    published = models.BooleanField(
        "on the public contract register", default=True, help_text="Published with the Transparency Code data."
    )
    activities = models.ManyToManyField(Activity, blank=True, related_name="contracts")
    risks = models.ManyToManyField(Risk, blank=True, related_name="contracts")
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="contracts", help_text="The contract's KPIs in the performance system."
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[activities, risks, indicators])

    class Meta:
        ordering = ["reference"]

    def __str__(self):
        return f"{self.reference} {self.title}"


class ReviewBody(models.Model):
    """The group that holds contract owners to account (the BPDB sub-group, later the Contract Management Review
    Group). Its names, parents and chairs over time are `BodyPeriod`s; its members `Membership`s."""

    code = models.SlugField(max_length=30, unique=True)
    convened_on = models.DateField(null=True, blank=True)
    terms_of_reference = models.TextField(blank=True)
    reporting = models.TextField(
        blank=True, help_text="How it reports: for example every six months to the Cabinet Committee."
    )
    risk_controls = models.ManyToManyField(
        Control, blank=True, related_name="review_bodies", help_text="Risk controls its programme of reviews is."
    )
    history = HistoricalRecords(m2m_fields=[risk_controls])

    def __str__(self):
        current = self.periods.order_by("-starts_on").first()
        return current.name if current else self.code


class BodyPeriod(models.Model):
    body = models.ForeignKey(ReviewBody, on_delete=models.CASCADE, related_name="periods")
    name = models.CharField(max_length=200)
    parent = models.CharField("sub-group of", max_length=200, blank=True)
    chair = models.CharField(max_length=200, blank=True)
    vice_chair = models.CharField(max_length=200, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "starts_on"]

    def __str__(self):
        return f"{self.name} from {self.starts_on:%d/%m/%Y}"


class Membership(models.Model):
    body = models.ForeignKey(ReviewBody, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("member (by role)", max_length=200)
    person = models.CharField(max_length=200, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "order", "id"]

    def __str__(self):
        return self.role


class Review(Exemptable):
    """One contract (or group of contracts) coming to the review group on a date (or TBC). The date and
    presenters are held here; a link to a governance meeting can be added beside them later."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        DEFERRED = "deferred", "Deferred"

    body = models.ForeignKey(ReviewBody, on_delete=models.PROTECT, related_name="reviews")
    title = models.CharField(max_length=300, help_text="As the programme prints it: 'Microsoft and Oracle contracts'.")
    meeting_date = models.DateField(null=True, blank=True, help_text="Empty: to be confirmed (TBC).")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    contracts = models.ManyToManyField(Contract, blank=True, related_name="reviews")
    presenters = models.JSONField(
        "lead officers presenting", default=list, blank=True, help_text="Names as the programme prints them."
    )
    lead_officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="contract_reviews_led", help_text="Their accounts."
    )
    reasons = models.JSONField("reasons for selection", default=list, blank=True)
    revisits = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisited_by",
        help_text="An earlier review whose progress this one checks.",
    )
    outcome = models.TextField("summary of the review", blank=True)
    feedback_sent_on = models.DateField("feedback letter sent", null=True, blank=True)
    feedback_to = models.JSONField(
        "feedback letter to", default=list, blank=True, help_text="Corporate Directors and Cabinet Members."
    )
    referred_to_audit = models.BooleanField("referred to Internal Audit", default=False)
    deferred_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[contracts, lead_officers])

    class Meta:
        ordering = [models.F("meeting_date").asc(nulls_last=True), "id"]

    def __str__(self):
        when = f"{self.meeting_date:%d/%m/%Y}" if self.meeting_date else "TBC"
        return f"{self.title} ({when})"


class MaturityReport(models.Model):
    """The contract owner's maturity report for one review: the template's sections 4–12 as answers, the annual
    cost of contract management (section 4) and the annexes; the ratings are `Rating`s, the attestation an
    `Attestation`."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted to the review group"

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="report")
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    answers = models.JSONField(default=dict, blank=True, help_text="Sections 4–12: question key → text.")
    management_cost = models.PositiveBigIntegerField("total annual cost of contract management (pence)", **PENCE)
    overall_current = models.PositiveSmallIntegerField(validators=LEVEL, null=True, blank=True)
    overall_target = models.PositiveSmallIntegerField(validators=LEVEL, null=True, blank=True)
    overall_comments = models.TextField(blank=True)
    management_plan = models.TextField("annex: contract management plan", blank=True)
    handbook = models.TextField("annex: contract handbook", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    def __str__(self):
        return f"Maturity report: {self.review}"


class Rating(models.Model):
    report = models.ForeignKey(MaturityReport, on_delete=models.CASCADE, related_name="ratings")
    activity = models.CharField(max_length=30, choices=[(a.code, a.label) for a in rules.ACTIVITIES])
    current = models.PositiveSmallIntegerField("current level", validators=LEVEL, null=True, blank=True)
    target = models.PositiveSmallIntegerField("target level", validators=LEVEL, null=True, blank=True)
    evidence = models.TextField(blank=True)
    comments = models.TextField("comments and rationale", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "activity"], name="unique_rating_per_activity")]

    def __str__(self):
        return f"{rules.ACTIVITY_LABELS.get(self.activity, self.activity)}: {self.current}/{self.target}"


class Attestation(models.Model):
    """Section 3: the contract owner's attestation. Each of the seven statements is a choice between its two
    fixed wordings (True: the first, "have/are/is"), never free text."""

    report = models.OneToOneField(MaturityReport, on_delete=models.CASCADE, related_name="attestation")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    owner_name = models.CharField(max_length=200)
    position = models.CharField(max_length=200)
    attested_on = models.DateField()
    owner_since = models.DateField("contract owner since")
    read_contract = models.BooleanField()
    meets_requirements = models.BooleanField()
    changes_in_writing = models.BooleanField()
    rights_waived = models.BooleanField()
    performance_reported = models.BooleanField()
    provisions_breached = models.BooleanField()
    payments_reflect_performance = models.BooleanField()
    history = HistoricalRecords()

    def __str__(self):
        return f"Attestation by {self.owner_name} on {self.attested_on:%d/%m/%Y}"

    def choices(self) -> dict[str, bool]:
        return {code: getattr(self, code) for code in rules.STATEMENT_CODES}


class Finding(models.Model):
    """A finding (or strength, issue, theme) of a review, with its recommendation, owner and due date; followed
    up at a later review (`checked_at`)."""

    class Kind(models.TextChoices):
        FINDING = "finding", "Finding"
        STRENGTH = "strength", "Strength"
        ISSUE = "issue", "Issue to address"
        THEME = "theme", "Theme"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        IMPLEMENTED = "implemented", "Implemented"
        NOT_IMPLEMENTED = "not_implemented", "Not implemented"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FINDING)
    activity = models.CharField(max_length=30, choices=[(a.code, a.label) for a in rules.ACTIVITIES], blank=True)
    text = models.TextField("finding")
    recommendation = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="contract_findings"
    )
    owner_name = models.CharField("owner (as named)", max_length=200, blank=True)
    due_on = models.DateField("due", null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    progress = models.TextField("progress", blank=True)
    checked_at = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="checked_findings"
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "id"]

    def __str__(self):
        return self.text[:80]


class ProgressReport(models.Model):
    """The group's progress report to committee (every six months; by 2019 an exempt bi-annual item): the period
    it covers, what it says in words, and the stated count of contracts reviewed since the start."""

    body = models.ForeignKey(ReviewBody, on_delete=models.PROTECT, related_name="progress_reports")
    title = models.CharField(max_length=300)
    committee = models.CharField(max_length=200, blank=True)
    meeting_date = models.DateField()
    period_start = models.DateField()
    period_end = models.DateField()
    overall = models.TextField("overall standard", blank=True)
    contracts_reviewed_to_date = models.PositiveIntegerField(null=True, blank=True)
    contracts_reviewed_words = models.CharField(
        max_length=100, blank=True, help_text="As stated, when the paper gives no exact count: 'over forty'."
    )
    training = models.TextField(blank=True)
    recommendation = models.TextField(blank=True)
    exempt = models.BooleanField(default=False, help_text="Taken as an exempt item (Schedule 12A).")
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting_date"]

    def __str__(self):
        return self.title


class SummaryPoint(models.Model):
    """A point of a progress report: a strength, an issue to address, a theme for improvement."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(max_length=10, choices=Finding.Kind.choices)
    activity = models.CharField(max_length=30, choices=[(a.code, a.label) for a in rules.ACTIVITIES], blank=True)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "order", "id"]

    def __str__(self):
        return self.text[:80]


class Saving(models.Model):
    """A saving achieved further to a review: a yearly amount and, where stated, the percentage of the contract's
    annual value it is (from which the annual value it implies follows)."""

    report = models.ForeignKey(ProgressReport, null=True, blank=True, on_delete=models.CASCADE, related_name="savings")
    review = models.ForeignKey(Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="savings")
    contract = models.ForeignKey(Contract, null=True, blank=True, on_delete=models.SET_NULL, related_name="savings")
    annual_amount = models.PositiveBigIntegerField("saving a year (pence)")
    percent = models.DecimalField("percentage of annual value", max_digits=5, decimal_places=2, null=True, blank=True)
    approximate = models.BooleanField(default=False, help_text="Stated as 'circa'.")
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return rules.pounds_text(self.annual_amount)


class PerformanceAssessment(models.Model):
    """The yearly assessment of a contract's performance against its KPIs (Procurement Act 2023)."""

    class Rating(models.TextChoices):
        GOOD = "good", "Good"
        APPROACHING = "approaching", "Approaching target"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
        INADEQUATE = "inadequate", "Inadequate"

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="assessments")
    period_end = models.DateField("period assessed ends")
    assessed_on = models.DateField()
    rating = models.CharField(max_length=24, choices=Rating.choices)
    summary = models.TextField("summary of performance", blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "period_end"]
        constraints = [models.UniqueConstraint(fields=["contract", "period_end"], name="unique_assessment_per_period")]

    def __str__(self):
        return f"{self.contract.reference} to {self.period_end:%d/%m/%Y}: {self.get_rating_display()}"
