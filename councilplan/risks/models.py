"""Risk registers (spec/risk.md): registers at four levels, risks with their controls, actions and reviews,
moves between registers, and the links to plan activities and monitoring returns.

A risk keeps its code for life: risks are never deleted (withdrawn ones stay, with their history), so a code
is never given to another risk and registers have gaps. Scores change only by recording a review
(`services.record_review`), so the direction of travel is always derived from the reviews.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis.risk import ACTION_STATUSES
from councilplan.core.evidence import Evidence
from councilplan.core.exempt import Exemptable
from councilplan.core.models import Directorate
from councilplan.monitoring.models import Return
from councilplan.plan.models import Activity

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskScale(models.Model):
    """The organisation's risk scale: its bands and the words for each likelihood and impact. One row."""

    name = models.CharField(max_length=100, default="Risk scale")
    history = HistoricalRecords()

    def __str__(self):
        return self.name


class RiskBand(models.Model):
    """A risk level, e.g. Medium = 8–15. Codes are fixed (the JSON export uses them); labels are edited."""

    scale = models.ForeignKey(RiskScale, on_delete=models.CASCADE, related_name="bands")
    code = models.SlugField(max_length=30)
    label = models.CharField(max_length=60)
    lowest = models.PositiveSmallIntegerField("lowest score", validators=[MinValueValidator(1), MaxValueValidator(25)])
    highest = models.PositiveSmallIntegerField(
        "highest score", validators=[MinValueValidator(1), MaxValueValidator(25)]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "lowest"]
        constraints = [models.UniqueConstraint(fields=["scale", "code"], name="unique_band_code")]

    def __str__(self):
        return f"{self.label} ({self.lowest}–{self.highest})"


class ScoreLabel(models.Model):
    """The words for one likelihood or impact level, e.g. likelihood 3 = Possible."""

    class Axis(models.TextChoices):
        LIKELIHOOD = "likelihood", "Likelihood"
        IMPACT = "impact", "Impact"

    scale = models.ForeignKey(RiskScale, on_delete=models.CASCADE, related_name="labels")
    axis = models.CharField(max_length=10, choices=Axis.choices)
    value = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    label = models.CharField(max_length=60)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "axis", "value"]
        constraints = [models.UniqueConstraint(fields=["scale", "axis", "value"], name="unique_score_label")]

    def __str__(self):
        return f"{self.get_axis_display()} {self.value}: {self.label}"


class Register(models.Model):
    """A risk register at one level (the `risk_register_level` vocabulary: project / programme,
    service / divisional, directorate, corporate), with its owner and review cycle."""

    class Cycle(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        SIX_MONTHLY = "six_monthly", "Every six months"
        ANNUAL = "annual", "Annually"

    name = models.CharField(max_length=200, unique=True)
    level = models.SlugField(max_length=60, help_text="A code of the risk register level vocabulary.")
    owner = models.CharField(max_length=300, help_text="A person or a body, e.g. the Corporate Management Team.")
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.SET_NULL)
    review_cycle = models.CharField(max_length=12, choices=Cycle.choices, default=Cycle.QUARTERLY)
    review_arrangements = models.TextField(
        blank=True, help_text="Where and when it is reviewed and reported, e.g. to Cabinet quarterly."
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Risk(Exemptable):
    # Exempt by the yes/no box below, not by a paragraph (core.exempt): the paragraph fields are removed.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"exempt": True}

    class Status(models.TextChoices):
        OPEN = "open", "On the register"
        WITHDRAWN = "withdrawn", "Withdrawn"

    code = models.CharField(
        max_length=20,
        unique=True,
        validators=[RegexValidator(r"^[A-Z0-9][A-Z0-9-]*$", "Use capital letters, digits and hyphens, e.g. CRR0042.")],
        help_text="Fixed once created and never given to another risk.",
    )
    title = models.CharField(max_length=300)
    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="risks")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    causes = models.JSONField("source / cause of risk", default=list, blank=True)
    event = models.TextField("risk event", blank=True)
    consequences = models.JSONField(default=list, blank=True)
    owners = models.JSONField("risk owners", default=list, blank=True, help_text="People or bodies, as printed.")
    owner_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="owned_risks",
        help_text="The people who may update this risk in the app.",
    )
    cabinet_members = models.JSONField("responsible cabinet members", default=list, blank=True)
    current_likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    current_impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    target_likelihood = models.PositiveSmallIntegerField("target residual likelihood", validators=ONE_TO_FIVE)
    target_impact = models.PositiveSmallIntegerField("target residual impact", validators=ONE_TO_FIVE)
    next_review_on = models.DateField("next review", null=True, blank=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="risks")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    exempt = models.BooleanField(
        default=False,
        help_text="Exempt information (Local Government Act 1972, Schedule 12A): shown only to people cleared for "
        "it, and left out of anything published to the public.",
    )
    history = HistoricalRecords(m2m_fields=[owner_users, activities])

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"


class Control(Exemptable):
    # Exempt when its risk is (core.exempt): it has no paragraph of its own.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"risk__exempt": True}
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="controls")
    title = models.TextField()
    owner = models.CharField(max_length=500, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "order", "id"]

    def __str__(self):
        return self.title[:80]


class Action(Exemptable):
    """A mitigating action. The planned completion date is often approximate ("March 2018", "January 2018
    (review)", "Up to March 2018"): `planned` holds it as written, `planned_date` an exact day when known.
    Counting by due date uses the exact day, else the end of the month `planned` names."""

    # Exempt when its risk is (core.exempt): it has no paragraph of its own.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"risk__exempt": True}

    class Status(models.TextChoices):
        COMPLETED = "completed", ACTION_STATUSES["completed"]
        OUTSTANDING = "outstanding", ACTION_STATUSES["outstanding"]
        REGULAR_REVIEW = "regular_review", ACTION_STATUSES["regular_review"]

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="actions")
    title = models.TextField()
    owner = models.CharField(max_length=500, blank=True)
    planned = models.CharField("planned completion date", max_length=100, blank=True)
    planned_date = models.DateField("exact planned completion date", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OUTSTANDING)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "order", "id"]

    def __str__(self):
        return self.title[:80]


class Review(Exemptable):
    """The scores a risk had at one review. The direction of travel comes from these, never typed."""

    # Exempt when its risk is (core.exempt): it has no paragraph of its own.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"risk__exempt": True}

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    likelihood = models.PositiveSmallIntegerField("current likelihood", validators=ONE_TO_FIVE)
    impact = models.PositiveSmallIntegerField("current impact", validators=ONE_TO_FIVE)
    target_likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    target_impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    context_changed = models.BooleanField(
        default=False, help_text="The risk's context changed, so its score cannot be compared with the last one."
    )
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "reviewed_on", "id"]

    def __str__(self):
        return f"{self.risk.code} reviewed {self.reviewed_on:%d/%m/%Y}"


class ReviewEvidence(Evidence):
    """A file attached to a risk review by the risk's owner (or the corporate team): core.evidence says what may
    be kept. Read by whoever may read the risk (an exempt risk's files only by people cleared for exempt
    information); never by the public, never in a register document."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="evidence")
    history = HistoricalRecords()

    class Meta(Evidence.Meta):
        verbose_name = "risk review evidence"
        verbose_name_plural = "risk review evidence"


class Movement(Exemptable):
    """A risk escalated or de-escalated to another register, moved across, withdrawn or reinstated."""

    # Exempt when its risk is (core.exempt): it has no paragraph of its own.
    exempt_paragraph = exempt_reason = public_interest_test = None
    exempt_lookup = {"risk__exempt": True}

    class Kind(models.TextChoices):
        ESCALATED = "escalated", "Escalated"
        DE_ESCALATED = "de_escalated", "De-escalated"
        TRANSFERRED = "transferred", "Moved to another register at the same level"
        WITHDRAWN = "withdrawn", "Withdrawn"
        REINSTATED = "reinstated", "Reinstated"

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="movements")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    from_register = models.ForeignKey(Register, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_register = models.ForeignKey(Register, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    moved_on = models.DateField()
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "moved_on", "id"]

    def __str__(self):
        return f"{self.risk.code} {self.get_kind_display().lower()} on {self.moved_on:%d/%m/%Y}"


class ReturnRisk(models.Model):
    """A monitoring return naming one of the risks its issues are recorded as (seed 000 §8)."""

    ret = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="named_risks", verbose_name="return")
    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="return_links")
    history = HistoricalRecords()

    class Meta:
        ordering = ["ret", "risk__code"]
        constraints = [models.UniqueConstraint(fields=["ret", "risk"], name="unique_risk_per_return")]

    def __str__(self):
        return f"{self.ret} — {self.risk.code}"
