"""Corporate assurance of change projects and programmes (spec/assurance.md): change portfolios and their
projects, each project's tier decided from its DECA assessment (dated, with the method), its money with every
change dated and explained, the assurance team's reviews with findings and recommendations followed up until
closed, the monthly snapshots of the portfolios, and the bi-annual analysis report with its narrative.

Every model keeps its history (django-simple-history) and changes only through `services.py`. Money is held in
whole pence. A decision that approves a stage is held by its committee reference ('17/00123') until governance's
decisions are on main (then a foreign key).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import assurance as rules
from councilplan.plan.models import Activity
from councilplan.risks.models import Risk

PENCE = {"null": True, "blank": True}


def _choices(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return list(mapping.items())


class Portfolio(models.Model):
    """A change portfolio, run by its Portfolio Delivery Manager (PDM). A portfolio can be retired or merged into
    another; its projects and history stay."""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=200)
    manager_name = models.CharField("Portfolio Delivery Manager", max_length=200, blank=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assurance_portfolios",
        help_text="The PDM's account: they keep their portfolio's projects up to date.",
    )
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)
    retired_on = models.DateField(null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged")
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class Theme(models.Model):
    """The predominant kind of change (one per project). The seed names two; the list is the council's."""

    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.label


class DecaFactor(models.Model):
    """A factor of the NAO's Delivery Environment Complexity Analytic, rated high, medium or low (the same
    twelve as the planning cycle's by default)."""

    code = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.label


class TierSetting(models.Model):
    """What assurance effort a tier brings ('proportionate'), and how often its projects are reviewed."""

    tier = models.CharField(max_length=3, choices=_choices(rules.TIERS), unique=True)
    effort = models.TextField("assurance effort", blank=True)
    review_every_months = models.PositiveSmallIntegerField(
        "review every (months)", null=True, blank=True, help_text="Empty: no regular review; reminders follow it."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["tier"]

    def __str__(self):
        return rules.TIERS.get(self.tier, self.tier)


class Project(models.Model):
    """A project or programme (a programme has child projects) in a portfolio. Its tier is the latest
    `TierDecision` (kept here for lists); its lifecycle runs potential → current → completed, stopped or
    transferred (or replaced by its successors when split or merged)."""

    class State(models.TextChoices):
        POTENTIAL = "potential", "Potential"
        CURRENT = "current", "Current"
        COMPLETED = "completed", "Completed"
        STOPPED = "stopped", "Stopped"
        TRANSFERRED = "transferred", "Transferred to business as usual or divisional management"
        REPLACED = "replaced", "Replaced by its successors"

    reference = models.CharField(
        max_length=100,
        unique=True,
        help_text="How other systems name the project (the budget's capital schemes hold it); fixed once added.",
    )
    name = models.CharField(max_length=300)
    portfolio = models.ForeignKey(Portfolio, on_delete=models.PROTECT, related_name="projects")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name="programme",
        help_text="The programme this project is part of.",
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.POTENTIAL)
    stage = models.CharField(max_length=8, choices=_choices(rules.STAGES), blank=True)
    tier = models.CharField(max_length=3, choices=_choices(rules.TIERS), default="tbc")
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.PROTECT, related_name="projects")
    under_oversight = models.BooleanField(
        "under corporate assurance oversight",
        default=False,
        help_text="Kept when the tier drops (Business Services Centre moved to Tier 2 and stays under oversight).",
    )
    senior_responsible_owner = models.CharField(max_length=200, blank=True)
    sponsor = models.CharField(max_length=200, blank=True)
    project_manager = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    forecast_end = models.DateField("forecast end date", null=True, blank=True, help_text="Empty: TBC.")
    identified_on = models.DateField("known as a potential project from", null=True, blank=True)
    approved_on = models.DateField("current from", null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_note = models.TextField("why it closed", blank=True)
    status_note = models.TextField(
        blank=True, help_text="A temporary pause that keeps the project current is a note, not a closure."
    )
    cost = models.BigIntegerField("forecast cost (pence)", **PENCE)
    cost_text = models.CharField("forecast cost in words", max_length=200, blank=True)
    cost_external = models.BigIntegerField("of which external funding (pence)", **PENCE)
    benefit_kind = models.CharField(max_length=16, choices=_choices(rules.BENEFIT_KINDS), default="tbc")
    benefit = models.BigIntegerField("financial benefit (pence)", **PENCE)
    benefit_text = models.CharField("benefit in words", max_length=200, blank=True)
    milestones = models.TextField("next key milestones", blank=True)
    lessons = models.TextField("lessons learnt (closure report)", blank=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="assurance_projects")
    risks = models.ManyToManyField(Risk, blank=True, related_name="assurance_projects")
    predecessors = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="successors",
        help_text="Projects it was split or merged from.",
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[activities, risks, predecessors])

    class Meta:
        ordering = ["portfolio__order", "name"]

    def __str__(self):
        return self.name


class TierDecision(models.Model):
    """The tier decided for a project on a date, with its method; a DECA assessment's ratings beside it. The
    seeds give no formula from ratings to tier: the tier is the decision recorded, the profile shown with it."""

    class Method(models.TextChoices):
        COST_BENEFIT = "cost_benefit", rules.TIER_METHODS["cost_benefit"]
        DECA = "deca", rules.TIER_METHODS["deca"]

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tier_decisions")
    decided_on = models.DateField()
    tier = models.CharField(max_length=3, choices=[(k, v) for k, v in rules.TIERS.items() if k != "tbc"])
    method = models.CharField(max_length=12, choices=Method.choices, default=Method.DECA)
    assessor = models.CharField(max_length=200, blank=True)
    ratings = models.JSONField("DECA ratings", default=dict, blank=True, help_text="factor code → high/medium/low")
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "decided_on", "id"]

    def __str__(self):
        return f"{self.project}: {rules.TIERS[self.tier]} from {self.decided_on:%d/%m/%Y}"


class MoneyChange(models.Model):
    """A change to a project's forecast cost or benefit: the report's 'variation' column."""

    class Measure(models.TextChoices):
        COST = "cost", "Forecast cost"
        BENEFIT = "benefit", "Financial benefit"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="money_changes")
    measure = models.CharField(max_length=8, choices=Measure.choices)
    change = models.BigIntegerField("change (pence)")
    amount_after = models.BigIntegerField("amount after the change (pence)", **PENCE)
    changed_on = models.DateField()
    reason = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "changed_on", "id"]

    def __str__(self):
        return f"{self.get_measure_display()} {rules.signed_money(self.change)}"


class StageApproval(models.Model):
    """The decision that approved a project's stage. Governance's decisions are built beside this system: until
    they are on main the decision is held by its reference (shape checked), to become a foreign key."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="approvals")
    stage = models.CharField(max_length=8, choices=_choices(rules.STAGES))
    decision_reference = models.CharField(max_length=20, help_text="The decision's reference, such as 17/00123.")
    approved_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "approved_on", "id"]

    def __str__(self):
        return f"{self.decision_reference}: {rules.STAGES.get(self.stage, self.stage)}"


class AssuranceActivity(models.Model):
    """A piece of assurance work on a project: a checkpoint review against the five cases, iterative assurance or
    support on a business case, informal attendance, oversight. Planned, then held."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assurance")
    kind = models.CharField(max_length=12, choices=_choices(rules.ACTIVITY_KINDS))
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField("date", null=True, blank=True, help_text="Empty: not yet dated.")
    product = models.CharField("product assessed", max_length=30, choices=_choices(rules.PRODUCTS), blank=True)
    led_by = models.CharField(max_length=200, blank=True)
    feedback_to = models.CharField("feedback given to", max_length=300, blank=True)
    summary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("held_on").desc(nulls_first=True), "-id"]
        verbose_name_plural = "assurance activities"

    def __str__(self):
        return f"{rules.ACTIVITY_KINDS.get(self.kind, self.kind)}: {self.project}"


class Finding(models.Model):
    """What a review found, per case of the business case."""

    activity = models.ForeignKey(AssuranceActivity, on_delete=models.CASCADE, related_name="findings")
    case = models.CharField(max_length=12, choices=_choices(rules.CASES))
    text = models.TextField("finding")
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "id"]

    def __str__(self):
        return self.text[:80]


class Recommendation(models.Model):
    """A recommendation of a review with its owner, due date and status, followed up until closed (done or not
    accepted), and the later review that checked it."""

    activity = models.ForeignKey(AssuranceActivity, on_delete=models.CASCADE, related_name="recommendations")
    case = models.CharField(max_length=12, choices=_choices(rules.CASES), blank=True)
    text = models.TextField("recommendation")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assurance_actions"
    )
    owner_name = models.CharField("owner (as named)", max_length=200, blank=True)
    due_on = models.DateField("due", null=True, blank=True)
    status = models.CharField(max_length=12, choices=_choices(rules.RECOMMENDATION_STATUSES), default="open")
    progress = models.TextField(blank=True)
    checked_at = models.ForeignKey(
        AssuranceActivity, null=True, blank=True, on_delete=models.SET_NULL, related_name="checked"
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "id"]

    def __str__(self):
        return self.text[:80]


class Snapshot(models.Model):
    """The portfolios at a month's end, kept so any month can be reported. Taken from the projects by the
    system, or recorded from a report of the time (the months before the system)."""

    class Method(models.TextChoices):
        TAKEN = "taken", "Taken from the projects"
        RECORDED = "recorded", "Recorded from a report of the time"

    month = models.DateField(unique=True, help_text="The month's first day.")
    method = models.CharField(max_length=8, choices=Method.choices)
    taken_on = models.DateField()
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["month"]

    def __str__(self):
        return f"{self.month:%B %Y}"


class SnapshotCount(models.Model):
    """One count of a snapshot: a portfolio's (or, with no portfolio, one given only in total) current projects,
    current by tier, potential, or closed in the month."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="counts")
    portfolio = models.ForeignKey(Portfolio, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    measure = models.CharField(max_length=10, choices=[(m, m) for m in rules.MEASURES])
    value = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["snapshot", "portfolio", "measure"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "portfolio", "measure"], name="unique_snapshot_count"),
            models.UniqueConstraint(
                fields=["snapshot", "measure"],
                condition=models.Q(portfolio__isnull=True),
                name="unique_snapshot_total",
            ),
        ]

    def __str__(self):
        return f"{self.snapshot} {self.portfolio or 'all'} {self.measure} {self.value}"


class AnalysisReport(models.Model):
    """The bi-annual Corporate Assurance analysis report for a period: its narrative (written by the assurance
    team) and, once issued, its figures as they were, which the next report compares with."""

    title = models.CharField(max_length=300)
    period_start = models.DateField("period from (first month)")
    period_end = models.DateField("period to (as at)")
    committee = models.CharField(max_length=200, blank=True, default="Policy and Resources Cabinet Committee")
    meeting_date = models.DateField(null=True, blank=True)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_reports")
    achievements = models.TextField(blank=True)
    development = models.TextField("areas for development", blank=True)
    consideration = models.TextField("areas for consideration", blank=True)
    activity_done = models.TextField("assurance activity this period", blank=True)
    activity_planned = models.TextField("assurance activity next period", blank=True)
    issued_on = models.DateField(null=True, blank=True)
    figures = models.JSONField("figures as issued", default=dict, blank=True)
    published = models.BooleanField("on the public pages", default=False)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end"]

    def __str__(self):
        return self.title
