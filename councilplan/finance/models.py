"""Budget monitoring (spec/finance.md): the budget (directorates, reporting units, divisions, budget lines with
their cash limits and every change to them), monthly positions kept whole (each line's forecast, the corporate
directors' adjustments, finance's narrative, roll forwards, school reserves), capital schemes with their
variances split real / rephasing, revenue reserves, company dividends, activity data and the asylum appendix.

Money is held in whole pence (`BigIntegerField`), never floats; it is rounded only when shown
(`councilplan.analysis.finance`). A position once reported to Cabinet is frozen: a change after that makes a new
version of the month's position (services.restate_position), and the frozen one stays as it was reported.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.core.exempt import Exemptable
from councilplan.core.models import Directorate as OrganisationDirectorate
from councilplan.plan.models import Activity
from councilplan.risks.models import Risk


def money(verbose_name: str = "", **options) -> models.BigIntegerField:
    """An amount in whole pence."""
    return models.BigIntegerField(verbose_name or None, default=0, help_text=options.pop("help_text", "In pence."))


class FinancialYear(models.Model):
    label = models.CharField(max_length=7, unique=True, help_text="For example 2017-18.")
    starts_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return self.label


class Directorate(models.Model):
    """A directorate as budget monitoring reports it, or Financing Items (corporate budgets)."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200, help_text="As the report prints it: Growth, Environment & Transport.")
    organisation = models.ForeignKey(
        OrganisationDirectorate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budget_directorates",
        help_text="The organisation's directorate (empty for Financing Items).",
    )
    corporate_director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budget_directorates",
        help_text="Enters the directorate's adjustments and chooses the issues the report highlights.",
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class ReportingUnit(models.Model):
    """A row of Table 1: a directorate's unit (CYPE - Asylum) or the directorate itself; Schools below the line."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="units")
    order = models.PositiveIntegerField(default=0)
    schools = models.BooleanField(
        default=False, help_text="Schools' delegated budgets: reported below the line, variance from school reserves."
    )
    label = models.CharField(max_length=200, blank=True, help_text="A row label other than the usual one.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["directorate__order", "order", "code"]

    def __str__(self):
        return f"{self.directorate.name} - {self.name}"


class Division(models.Model):
    """A grouping of lines within a directorate in Appendix 1 (Specialist Children's Services)."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="divisions")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["directorate__order", "order"]

    def __str__(self):
        return self.name


class BudgetLine(models.Model):
    """A budget book heading (the A-to-Z service line) in one unit. It keeps its code and history when it moves
    between units or is renamed."""

    code = models.SlugField(max_length=30, unique=True, help_text="Fixed once created.")
    heading = models.CharField("budget book heading", max_length=300)
    unit = models.ForeignKey(ReportingUnit, on_delete=models.PROTECT, related_name="lines")
    division = models.ForeignKey(Division, null=True, blank=True, on_delete=models.SET_NULL, related_name="lines")
    high_risk = models.BooleanField(default=False, help_text="Marked ** in Appendix 1: activity data reported.")
    budget_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="budget_lines"
    )
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="budget_lines")
    risks = models.ManyToManyField(Risk, blank=True, related_name="budget_lines")
    # Corporate assurance (councilplan.assurance) is being built beside this system: until its projects are on
    # main, the project a line funds is held by its reference, to become a foreign key to assurance.Project.
    project_reference = models.CharField(
        "assurance project reference", max_length=100, blank=True, help_text="The assurance project's code."
    )
    history = HistoricalRecords(m2m_fields=[activities, risks])

    class Meta:
        ordering = ["unit__directorate__order", "unit__order", "order", "code"]

    def __str__(self):
        return self.heading


class CashLimit(models.Model):
    """A line's cash limit for a year: gross spend and income (negative); net = gross + income."""

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="cash_limits")
    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="cash_limits")
    gross = money()
    income = money()
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["line", "year"], name="unique_cash_limit")]

    def __str__(self):
        return f"{self.line.code} {self.year}"

    @property
    def net(self) -> int:
        return self.gross + self.income


class CashLimitChange(models.Model):
    """A change to cash limits: a virement (under the constitution's virement rules) or a technical adjustment
    (no change in policy: allocating grants or previously unallocated budget). Its entries add to the lines."""

    class Kind(models.TextChoices):
        VIREMENT = "virement", "Virement"
        TECHNICAL = "technical", "Technical adjustment"
        BUDGET = "budget", "Budget set by County Council"

    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    made_on = models.DateField()
    reason = models.TextField()
    approved_by = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "made_on", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.made_on:%d/%m/%Y}"


class CashLimitEntry(models.Model):
    change = models.ForeignKey(CashLimitChange, on_delete=models.CASCADE, related_name="entries")
    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="cash_limit_entries")
    gross = money()
    income = money()
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.line.code} {self.gross + self.income}p"


class Position(models.Model):
    """A month's monitoring position, kept whole. Budget managers forecast while it is open; corporate directors
    adjust and finance writes the narrative while it is closed; reported to Cabinet, it is frozen."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open for forecasts"
        CLOSED = "closed", "Closed for adjustment and narrative"
        REPORTED = "reported", "Reported (frozen)"

    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="positions")
    month = models.DateField(help_text="The month end monitored, as its first day.")
    version = models.PositiveIntegerField(default=1)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    reported_to = models.CharField(max_length=200, blank=True)
    reported_on = models.DateField(null=True, blank=True)
    capital_headline_basis = models.CharField(
        max_length=10,
        choices=[("movement", "Movements since the last report"), ("variance", "Variances")],
        default="movement",
    )
    summary = models.TextField("covering summary", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "-version"]
        constraints = [models.UniqueConstraint(fields=["month", "version"], name="unique_position_version")]

    def __str__(self):
        return f"{self.month:%B %Y}" + (f" (version {self.version})" if self.version > 1 else "")

    @property
    def frozen(self) -> bool:
        return self.state == self.State.REPORTED


class PositionUnit(models.Model):
    """A unit in one position: its directorate then, and finance's narrative for it."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="units")
    unit = models.ForeignKey(ReportingUnit, on_delete=models.PROTECT, related_name="+")
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField("reasons for the movement", blank=True)
    headlines = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "directorate__order", "unit__order"]
        constraints = [models.UniqueConstraint(fields=["position", "unit"], name="unique_position_unit")]

    def __str__(self):
        return f"{self.unit.code} in {self.position}"


class PositionLine(models.Model):
    """A line in one position: where it was, its cash limit then, and the budget manager's forecast."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="positions")
    heading = models.CharField(max_length=300)
    unit = models.ForeignKey(ReportingUnit, on_delete=models.PROTECT, related_name="+")
    division = models.ForeignKey(Division, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField(default=0)
    gross = money("cash limit gross")
    income = money("cash limit income")
    forecast_gross = money()
    forecast_income = money()
    forecast_note = models.TextField(blank=True)
    forecast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    forecast_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["position", "line"], name="unique_position_line")]

    def __str__(self):
        return f"{self.heading} in {self.position}"


class Adjustment(models.Model):
    """A corporate director's adjustment to a unit's forecast, with its reason."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="adjustments")
    unit = models.ForeignKey(ReportingUnit, on_delete=models.PROTECT, related_name="+")
    amount = money(help_text="In pence; negative reduces the forecast pressure.")
    reason = models.TextField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "unit", "id"]

    def __str__(self):
        return f"{self.unit.code} {self.amount}p: {self.reason[:60]}"


class RollForward(models.Model):
    class Kind(models.TextChoices):
        COMMITTED = "committed", "Committed"
        REPHASED = "rephased", "Re-phased"
        BID = "bid", "Bid"

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="roll_forwards")
    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="roll_forwards")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    amount = money()
    reason = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.line.code} {self.get_kind_display()} {self.amount}p"


class SchoolReserveMovement(models.Model):
    """The school reserves in a position: the balance brought forward (kind "brought_forward") and each forecast
    movement, for individual schools' balances and the central schools reserve."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="school_reserves")
    brought_forward = models.BooleanField(default=False)
    reason = models.CharField(max_length=300)
    individual = money("individual school reserves")
    central = money("central schools reserve")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "-brought_forward", "order", "id"]

    def __str__(self):
        return self.reason


class Saving(models.Model):
    """A saving in a line's budget. An unachieved saving is part of the line's forecast variance, never added."""

    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="savings")
    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="savings")
    description = models.CharField(max_length=300)
    amount = money()
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices, default=Rag.AMBER)
    slips_to = models.CharField("slips to", max_length=7, blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return self.description


class CompanyDividend(Exemptable):
    """A wholly owned company's dividend or contribution in a position (a company's trading can be exempt under
    Schedule 12A paragraph 3)."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="dividends")
    company = models.CharField(max_length=200)
    budget = money()
    forecast = money()
    from_trading = money("from trading surplus")
    from_reserves = money("from reserves")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.company


class Reserve(models.Model):
    """A revenue reserve account at the half year: balance at 31 March and projected at the next 31 March."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="reserves")
    code = models.SlugField(max_length=20)
    name = models.CharField(max_length=200)
    opening = money("balance at 31 March")
    projected = money("projected balance at the next 31 March")
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "order"]

    def __str__(self):
        return self.name


class ReserveItem(models.Model):
    reserve = models.ForeignKey(Reserve, on_delete=models.CASCADE, related_name="items")
    description = models.TextField()
    amount = money()
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reserve", "order"]

    def __str__(self):
        return self.description[:80]


class ActivityTable(models.Model):
    """An Appendix 2 table for a high-risk budget: money (gross / income, or KCC staff / agency) and an activity
    measure, budgeted against forecast, for the year and to date."""

    class Kind(models.TextChoices):
        SERVICE = "service", "Service (gross, income, activity)"
        STAFFING = "staffing", "Staffing (KCC staff, agency, staff numbers)"

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="activity_tables")
    ref = models.CharField(max_length=10)
    line = models.ForeignKey(BudgetLine, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SERVICE)
    measure = models.CharField(max_length=100)
    budget_a = money()
    budget_b = money()
    forecast_a = money()
    forecast_b = money()
    ytd_budget_a = money()
    ytd_budget_b = money()
    ytd_actual_a = money()
    ytd_actual_b = money()
    activity_budget = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    activity_forecast = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    activity_ytd_budget = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    activity_ytd_actual = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    staff_start_kcc = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    staff_start_agency = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    staff_now_kcc = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    staff_now_agency = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    demand = models.BigIntegerField(null=True, blank=True)
    unit_cost = models.BigIntegerField(null=True, blank=True)
    other = models.BigIntegerField(null=True, blank=True)
    reasons = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.ref} {self.title}"


class AsylumStatistics(models.Model):
    """Appendix 3: the asylum service's cost by age group and its activity tables, as entered."""

    position = models.OneToOneField(Position, on_delete=models.CASCADE, related_name="asylum")
    costs = models.JSONField(default=list, help_text="[age group, gross, income, variance gross, variance income]")
    by_age = models.JSONField(default=list)
    eligibility = models.JSONField(default=list)
    referrals = models.JSONField(default=list)
    dispersals = models.JSONField(default=list)
    history = HistoricalRecords()

    def __str__(self):
        return f"Asylum in {self.position}"


class CapitalLine(Exemptable):
    """A capital project or programme (a scheme) of the three-year programme."""

    code = models.SlugField(max_length=30, unique=True)
    title = models.CharField(max_length=300)
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="capital_lines")
    division = models.CharField(max_length=200, blank=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="capital_lines")
    risks = models.ManyToManyField(Risk, blank=True, related_name="capital_lines")
    project_reference = models.CharField(
        "assurance project reference", max_length=100, blank=True, help_text="The assurance project's code."
    )
    history = HistoricalRecords(m2m_fields=[activities, risks])

    class Meta:
        ordering = ["directorate__order", "code"]

    def __str__(self):
        return self.title


class CapitalPosition(models.Model):
    """A scheme in one position: the year's working budget and its variance split real / rephasing."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="capital")
    line = models.ForeignKey(CapitalLine, on_delete=models.PROTECT, related_name="positions")
    budget = money("working budget")
    real = money("real variance")
    rephasing = money("rephasing variance")
    later_real = money("real variance in later years")
    explanation = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "line__directorate__order", "line__code"]
        constraints = [models.UniqueConstraint(fields=["position", "line"], name="unique_capital_position")]

    def __str__(self):
        return f"{self.line.code} in {self.position}"


class CapitalFunding(models.Model):
    """How a real overspend is funded (grant, developer contributions, capital receipts, external, Salix, an
    internal programme): it must add up to the real variance."""

    capital = models.ForeignKey(CapitalPosition, on_delete=models.CASCADE, related_name="funding")
    source = models.CharField(max_length=200)
    amount = money()
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.source} {self.amount}p"


class CapitalAdjustment(models.Model):
    """A cash limit adjustment to the capital programme, for Cabinet to agree."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="capital_adjustments")
    line = models.ForeignKey(CapitalLine, on_delete=models.PROTECT, related_name="adjustments")
    amount = money()
    year = models.CharField(max_length=7)
    funding = models.CharField(max_length=200)
    reason = models.TextField()
    agreed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.line.code} {self.amount}p {self.year}"
