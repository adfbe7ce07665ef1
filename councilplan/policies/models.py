"""The strategy and policy register (spec/policies.md): one register per organisation, kept by the Strategy,
Policy, Relationships and Corporate Assurance division (SPRCA). Each entry is a strategy, policy, plan or
statement with its one-page front sheet (the nine fields), its status and every dated change of it, its reviews,
its replacement links and its plan activities.

Every model keeps its history (django-simple-history) and changes only through `services.py`. An entry can be
exempt information (Schedule 12A, `core.exempt.Exemptable`): it is then left out for people not cleared for it
and never published.

Decisions (approval, close-down agreement, endorsement) are held as the council's decision number (text such as
17/00123): the governance system's decision records are built elsewhere and will replace it with a link.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import policies as rules
from councilplan.core.exempt import Exemptable
from councilplan.plan.models import Activity


def _choices(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return list(mapping.items())


DECISION_REFERENCE = RegexValidator(
    rules.DECISION_REFERENCE, "A decision number is two digits, a slash and five digits, like 17/00123"
)


def decision_field(label: str = "decision number") -> models.CharField:
    return models.CharField(
        label,
        max_length=8,
        blank=True,
        validators=[DECISION_REFERENCE],
        help_text="The council's decision number, like 17/00123.",
    )


class Section(models.Model):
    """A section of the register (the directorate the entries sit under, as the register prints it)."""

    name = models.CharField(max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Policy(Exemptable):
    """An entry on the register and its front sheet."""

    number = models.PositiveIntegerField("register number", unique=True, help_text="Fixed, never reused.")
    title = models.CharField("name of strategy or policy", max_length=300)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="policies")
    doc_type = models.CharField("type of document", max_length=30, choices=_choices(rules.DOC_TYPES))
    owner_kind = models.CharField("owned by", max_length=12, choices=_choices(rules.OWNER_KINDS), default="kcc")
    policy_framework = models.BooleanField(
        "in the constitution's Policy Framework",
        default=False,
        help_text="Whole organisation strategy or statutory document needing full County Council approval.",
    )
    status = models.CharField(max_length=14, choices=_choices(rules.STATUSES), default=rules.ACTIVE)
    forthcoming_kind = models.CharField(
        "forthcoming as", max_length=12, choices=_choices(rules.FORTHCOMING_KINDS), blank=True
    )
    # The close-down, once agreed.
    close_timing = models.CharField(max_length=10, choices=_choices(rules.TIMINGS), blank=True)
    close_reason = models.CharField(max_length=12, choices=_choices(rules.REASONS), blank=True)
    close_note = models.TextField("reason for close-down, as the paper gives it", blank=True)
    expected_close = models.CharField(
        "expected replacement", max_length=100, blank=True, help_text="As the paper gives it: Sept 2017, 2017/18."
    )
    expected_close_by = models.DateField(
        "expected by", null=True, blank=True, help_text="The last day of the expected period."
    )
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaces", verbose_name="replaced by"
    )
    replacement_note = models.CharField(
        "replacement not on the register", max_length=300, blank=True, help_text="When the successor has no entry."
    )
    endorsed_on = models.DateField("close-down endorsed by committee on", null=True, blank=True)
    endorsement_reference = decision_field("endorsement decision number")
    # The front sheet's nine fields (the name is the title).
    purpose = models.TextField(blank=True)
    statutory_kind = models.CharField(
        "statutory responsibility", max_length=10, choices=_choices(rules.STATUTORY_KINDS), blank=True
    )
    statutory_basis = models.TextField(blank=True)
    start_date = models.DateField("start date (approval date)", null=True, blank=True)
    decision_maker = models.CharField("named decision maker", max_length=300, blank=True)
    decision_body = models.CharField("approved by (body)", max_length=300, blank=True)
    key_decision = models.BooleanField(null=True, blank=True)
    decision_reference = decision_field("approval decision number")
    dependencies = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="depended_on_by", verbose_name="depends on"
    )
    publication = models.CharField(max_length=10, choices=_choices(rules.PUBLICATION), blank=True)
    end_date = models.DateField("end date (sunset clause)", null=True, blank=True)
    review_date = models.DateField("planned review date", null=True, blank=True)
    accountable_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accountable_policies",
        verbose_name="named accountable officer",
    )
    cabinet_member = models.CharField("responsible Cabinet Member", max_length=200, blank=True)
    front_sheet_approved_on = models.DateField("front sheet approved by the officer on", null=True, blank=True)
    executive_summary = models.BooleanField("has an executive summary", default=False)
    document_url = models.URLField("link to the document", max_length=500, blank=True)
    document_file = models.FileField("the document", upload_to="policies/", blank=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="policies")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[activities, dependencies])

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "policies"

    def __str__(self):
        return f"{self.number}. {self.title}"


class StatusChange(models.Model):
    """Every change of an entry's status, dated, with who agreed it: the stock-take at any date is read here."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=14, choices=_choices(rules.STATUSES))
    timing = models.CharField(max_length=10, choices=_choices(rules.TIMINGS), blank=True)
    on = models.DateField("date")
    agreed_by = models.CharField(max_length=200, blank=True, help_text="CMT, the Cabinet Member, the committee.")
    decision_reference = decision_field()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.policy_id}: {self.status} from {self.on}"


class Review(models.Model):
    """A review of an entry and its outcome."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=12, choices=_choices(rules.REVIEW_OUTCOMES))
    note = models.TextField(blank=True)
    next_review_date = models.DateField(null=True, blank=True)
    decision_reference = decision_field()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"Review of {self.policy_id} on {self.reviewed_on}"


class RegisterSettings(models.Model):
    """How long before a review or end date an entry is flagged for review. One row (made when first needed)."""

    review_lead_days = models.PositiveSmallIntegerField(default=rules.DEFAULT_REVIEW_LEAD_DAYS)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "register settings"

    def __str__(self):
        return "Strategy and Policy Register settings"
