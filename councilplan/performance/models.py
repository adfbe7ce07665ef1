"""Key performance indicators and activity indicators, their yearly targets and thresholds, and their results.

RAG ratings, directions of travel and activity alerts are not stored: `councilplan.analysis.performance`
derives them from the numbers every time, so they cannot disagree with them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import performance as rules
from councilplan.analysis import vocabulary as vocabularies
from councilplan.core.models import Directorate
from councilplan.plan.models import Activity

NUMBER = {"max_digits": 16, "decimal_places": 4}


class ServiceArea(models.Model):
    """A directorate's service area, as the dashboard heads its tables: "EODD - Customer Services", with its
    director, cabinet member and the partner delivering it. Two areas may share a name with different partners."""

    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="service_areas")
    name = models.CharField(max_length=200)
    director = models.CharField(max_length=200, blank=True)
    cabinet_member = models.CharField(max_length=200, blank=True)
    delivery_partner = models.CharField("delivered by", max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["directorate", "order", "name", "delivery_partner"]
        constraints = [
            models.UniqueConstraint(
                fields=["directorate", "name", "delivery_partner"], name="unique_service_area_and_partner"
            )
        ]

    def __str__(self):
        partner = f" (delivered by {self.delivery_partner})" if self.delivery_partner else ""
        return f"{self.name}{partner}"


class Indicator(models.Model):
    class Kind(models.TextChoices):
        KPI = "kpi", "Key performance indicator"
        ACTIVITY = "activity", "Activity indicator"

    class Unit(models.TextChoices):
        PERCENTAGE = "percentage", "Percentage"
        NUMBER = "number", "Number"
        MONEY = "money", "Money (£)"
        DAYS = "days", "Days"
        RATE = "rate", "Rate"

    class Polarity(models.TextChoices):
        HIGHER = rules.HIGHER, "Higher is better"
        LOWER = rules.LOWER, "Lower is better"

    class Frequency(models.TextChoices):
        MONTHLY = rules.MONTHLY, "Monthly"
        QUARTERLY = rules.QUARTERLY, "Quarterly"
        ANNUAL = rules.ANNUAL, "Annual"
        WEEKLY = rules.WEEKLY, "Weekly"

    class YearToDate(models.TextChoices):
        CUMULATIVE = rules.CUMULATIVE, "Cumulative"
        SNAPSHOT = rules.SNAPSHOT, "Snapshot (no year-to-date figure)"

    class ShownAs(models.TextChoices):
        LATEST = rules.LATEST, "Latest period"
        YEAR_TO_DATE = rules.YEAR_TO_DATE, "Year to date"

    ref = models.CharField("reference", max_length=20, unique=True, help_text="For example CS01.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.KPI)
    description = models.CharField(max_length=500)
    service_area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT, related_name="indicators")
    unit = models.CharField(max_length=12, choices=Unit.choices, default=Unit.PERCENTAGE)
    polarity = models.CharField(max_length=6, choices=Polarity.choices, default=Polarity.HIGHER, help_text="KPIs only.")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY)
    year_to_date = models.CharField(
        "year to date",
        max_length=10,
        choices=YearToDate.choices,
        default=YearToDate.CUMULATIVE,
        help_text="Snapshot: the latest result is the position now, so there is no year-to-date RAG.",
    )
    shown_as = models.CharField(
        "figure shown",
        max_length=12,
        choices=ShownAs.choices,
        default=ShownAs.LATEST,
        help_text="Activity indicators: the figure the dashboard shows and checks against the thresholds.",
    )
    paired_with = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paired_activity_indicators",
        limit_choices_to={"kind": "kpi"},
        help_text="Activity indicators: the KPI it gives context to (FN01b and FN01).",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
        help_text="Enters the results (as well as the corporate team).",
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="indicators", help_text="Plan activities this KPI measures."
    )
    # Issue 19: the LG Inform metric the indicator matches, so benchmarking can look it up by id.
    lg_inform_metric_id = models.CharField(
        "LG Inform metric id",
        max_length=20,
        blank=True,
        help_text="Optional: the metric's id on LG Inform, for comparing with other councils.",
    )
    # Weekly indicators (spec/qpr.md §3): the breakdown their results are split by ("dtoc_site"), if any.
    breakdown = models.SlugField(
        "breakdown",
        max_length=40,
        blank=True,
        help_text="Optional: the breakdown (e.g. dtoc_site) each result is split by, with its responsibility.",
    )
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Inactive indicators are left out of dashboards.")
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["service_area__directorate__name", "service_area__order", "order", "ref"]

    def __str__(self):
        return f"{self.ref}: {self.description}"

    @property
    def is_kpi(self) -> bool:
        return self.kind == self.Kind.KPI

    def clean(self):
        if self.paired_with_id and self.kind == self.Kind.KPI:
            raise ValidationError({"paired_with": "Only an activity indicator pairs with a KPI."})
        if self.paired_with_id and self.paired_with_id == self.pk:
            raise ValidationError({"paired_with": "An indicator cannot pair with itself."})


class Standard(models.Model):
    """An indicator's target and floor standard (KPIs) or expected range (activity indicators) for one
    financial year, as the directorate business plan sets them."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="standards")
    year = models.PositiveSmallIntegerField("financial year", help_text="The year it starts in: 2017 for 2017/18.")
    target = models.DecimalField(**NUMBER, null=True, blank=True)
    floor = models.DecimalField("floor standard", **NUMBER, null=True, blank=True)
    lower = models.DecimalField("lower threshold", **NUMBER, null=True, blank=True)
    upper = models.DecimalField("upper threshold", **NUMBER, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="unique_standard_per_year")]

    def __str__(self):
        return f"{self.indicator.ref} {rules.financial_year_name(self.year)}"

    def clean(self):
        errors = standard_errors(
            self.indicator.polarity if self.indicator_id else rules.HIGHER,
            self.target,
            self.floor,
            self.lower,
            self.upper,
        )
        if errors:
            raise ValidationError(errors)


def standard_errors(polarity, target, floor, lower, upper) -> dict[str, str]:
    """What is wrong with a year's standards: both or neither of target and floor; the floor on the worse side
    of the target; the lower threshold not above the upper."""
    errors = {}
    if (target is None) != (floor is None):
        errors["floor" if floor is None else "target"] = "Give both a target and a floor standard, or neither."
    elif target is not None:
        if polarity == rules.LOWER and floor < target:
            errors["floor"] = "Lower is better, so the floor standard must be at or above the target."
        if polarity == rules.HIGHER and floor > target:
            errors["floor"] = "Higher is better, so the floor standard must be at or below the target."
    if (lower is None) != (upper is None):
        errors["upper" if upper is None else "lower"] = "Give both thresholds, or neither."
    elif lower is not None and lower > upper:
        errors["lower"] = "The lower threshold must be at or below the upper threshold."
    return errors


class Result(models.Model):
    """One period's result. `period` is the first day of the period's last month: July 2017, or June 2017 for
    April–June (quarterly), or March for a year; a weekly indicator's is the week-ending date (23 November 2017).
    A result of an indicator with a breakdown is split into parts (`ResultPart`); its value is their sum."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="results")
    period = models.DateField()
    value = models.DecimalField(**NUMBER, null=True, blank=True)
    ytd = models.DecimalField("year to date", **NUMBER, null=True, blank=True)
    commentary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="unique_result_per_period")]

    def __str__(self):
        return f"{self.indicator.ref} {rules.month_name(self.period)}"


class AreaCommentary(models.Model):
    """The performance team's narrative on a service area for a period (the quarterly report's paragraphs)."""

    service_area = models.ForeignKey(ServiceArea, on_delete=models.CASCADE, related_name="commentary")
    period = models.DateField(help_text="The first day of the report's month, e.g. 2017-09-01.")
    text = models.TextField(
        help_text="Plain text. A blank line starts a new paragraph, a line starting with '- ' is a bullet."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area", "period"]
        verbose_name_plural = "area commentary"
        constraints = [
            models.UniqueConstraint(fields=["service_area", "period"], name="unique_area_commentary_per_period")
        ]

    def __str__(self):
        return f"{self.service_area} {rules.month_name(self.period)}"


RESPONSIBILITY_CHOICES = [(code, label) for code, label, _ in vocabularies.DEFAULTS[vocabularies.RESPONSIBILITY]]


class BreakdownValue(models.Model):
    """One value of a breakdown a result can be split by: for delayed transfers of care ("dtoc_site"), a hospital
    site or service with the trust (provider organisation) it belongs to and its setting (spec/qpr.md §3)."""

    class Setting(models.TextChoices):
        ACUTE = "acute", "Acute hospital"
        COMMUNITY = "community", "Community"
        MENTAL_HEALTH = "mental_health", "Mental health"
        OUT_OF_AREA = "out_of_area", "Out of area"

    breakdown = models.SlugField(max_length=40, help_text="The breakdown it is a value of, e.g. dtoc_site.")
    code = models.SlugField(max_length=40, help_text="Fixed once created: files use it. For example DVH.")
    name = models.CharField(max_length=200)
    trust = models.CharField("trust (provider organisation)", max_length=200, blank=True)
    setting = models.CharField(max_length=16, choices=Setting.choices, default=Setting.ACUTE)
    counted_from = models.DateField(
        null=True, blank=True, help_text="The first period it is counted in; before it, its zeros mean not counted."
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["breakdown", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["breakdown", "code"], name="unique_breakdown_value_code")]

    def __str__(self):
        return f"{self.name} ({self.trust})" if self.trust else self.name


class ResultPart(models.Model):
    """A result's part for one breakdown value and one responsibility (NHS, social care or both): DVH's NHS
    delayed days in the week ending 9 November 2017. Empty `value`: not returned (as against a returned zero)."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="parts")
    breakdown_value = models.ForeignKey(BreakdownValue, on_delete=models.PROTECT, related_name="parts")
    responsibility = models.CharField(max_length=20, choices=RESPONSIBILITY_CHOICES)
    value = models.DecimalField(**NUMBER, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["result", "breakdown_value", "responsibility"]
        constraints = [
            models.UniqueConstraint(fields=["result", "breakdown_value", "responsibility"], name="unique_result_part")
        ]

    def __str__(self):
        return f"{self.result}: {self.breakdown_value.code} {self.get_responsibility_display()}"


class BreakdownTarget(models.Model):
    """A target for one cell of a breakdown and one period: the Better Care Fund's September 2017 trajectory for
    Dartford & Gravesham NHS Trust's social care delays (spec/qpr.md §3). `trust` blank: the whole area;
    `responsibility` blank: all delays. `period` is the month's first day."""

    class Origin(models.TextChoices):
        BCF = "bcf", "Better Care Fund plan"
        NATIONAL = "national", "National"
        LOCAL = "local", "Local target"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="breakdown_targets")
    period = models.DateField(help_text="The first day of the month the target is for.")
    trust = models.CharField(max_length=200, blank=True)
    responsibility = models.CharField(max_length=20, choices=RESPONSIBILITY_CHOICES, blank=True)
    value = models.DecimalField(**NUMBER)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.BCF)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period", "trust", "responsibility"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "trust", "responsibility", "origin"], name="unique_breakdown_target"
            )
        ]

    def __str__(self):
        return f"{self.indicator.ref} {rules.month_name(self.period)} {self.trust or 'all'}"
