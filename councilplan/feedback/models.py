"""Customer feedback (spec/feedback.md): one shared log of complaints, comments and compliments with a queue per
service; a complaint's stages under its procedure, each with deadlines in working days, its extension, reply,
outcome and, at the Ombudsman, the Ombudsman's decision.

Every model keeps its history (django-simple-history) and changes only through `services.py`. The person who
raised the feedback is held on the record in as few fields as the handling needs, shown only to those who handle
it (`permissions.can_handle`), and erased when the record's retention period ends (`services.apply_retention`),
keeping the counts. Money is in whole pence.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import feedback as rules
from councilplan.core.models import Directorate
from councilplan.plan.models import Activity


def _choices(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return list(mapping.items())


class FeedbackSettings(models.Model):
    """The organisation's choices where the policy leaves them open. One row (made when first needed)."""

    extension_counts_in_time = models.BooleanField(
        "an extension told to the customer counts as in time",
        default=False,
        help_text="The seed leaves it open; off, a reply after day 20 is late whatever the extension.",
    )
    offer_partly_upheld = models.BooleanField("offer 'partly upheld' as an outcome", default=True)
    complaint_retention_years = models.PositiveSmallIntegerField(
        "years a complaint's personal details are kept after it closes", default=rules.RETENTION_YEARS["complaint"]
    )
    comment_retention_years = models.PositiveSmallIntegerField(
        "years a comment's personal details are kept", default=rules.RETENTION_YEARS["comment"]
    )
    compliment_retention_years = models.PositiveSmallIntegerField(
        "years a compliment's personal details are kept", default=rules.RETENTION_YEARS["compliment"]
    )
    reminder_days = models.PositiveSmallIntegerField("remind the handler this many days before a deadline", default=3)
    report_quarter_end = models.DateField(
        "the quarter the quarterly return is for (its last day)",
        null=True,
        blank=True,
        help_text="Empty: the last quarter that has ended.",
    )
    report_year = models.PositiveSmallIntegerField(
        "the financial year the annual report is for (the year it starts in)",
        null=True,
        blank=True,
        help_text="Empty: the last financial year that has ended.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "feedback settings"

    def __str__(self):
        return "Customer feedback settings"

    def retention_years(self, kind: str) -> int:
        return getattr(self, f"{kind}_retention_years")


class Service(models.Model):
    """A service the council's feedback is about, with its queue: its feedback coordinators handle its cases,
    its manager is told when one is late."""

    name = models.CharField(max_length=200, unique=True)
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.PROTECT)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="feedback_services",
        help_text="The people who handle this service's feedback: they see its cases and the people's details.",
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_services_managed",
        help_text="Told when a reply is late.",
    )
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)
    history = HistoricalRecords(m2m_fields=[coordinators])

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Case(models.Model):
    """One feedback record: a complaint, a comment or a compliment."""

    reference = models.CharField(max_length=30, unique=True)
    kind = models.CharField(max_length=12, choices=_choices(rules.KINDS))
    sentiment = models.CharField("positive or negative", max_length=10, choices=_choices(rules.SENTIMENTS), blank=True)
    received_on = models.DateField("date received")
    channel = models.CharField("how it was received", max_length=20, choices=_choices(rules.CHANNEL_LABELS))
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="cases")
    delivered_by = models.CharField(
        "delivered for the council by", max_length=200, blank=True, help_text="A contractor or partner, if any."
    )
    summary = models.TextField("what it is about")
    # The person: as little as the handling needs, erased when the retention period ends.
    anonymous = models.BooleanField(default=False)
    raised_by = models.CharField(max_length=12, choices=_choices(rules.RAISED_BY), default="customer")
    consent_sought = models.BooleanField("consent of the customer sought", null=True, blank=True)
    customer_name = models.CharField("name", max_length=200, blank=True)
    customer_email = models.EmailField("email address", blank=True)
    customer_phone = models.CharField("phone number", max_length=40, blank=True)
    customer_address = models.TextField("postal address", blank=True)
    contact_preference = models.CharField(
        "how they want to be contacted", max_length=10, choices=_choices(rules.CONTACT_PREFERENCES), blank=True
    )
    consent_to_contact = models.BooleanField("agreed to be contacted about it", default=True)
    persistent = models.BooleanField("unreasonably persistent or vexatious (separate guidance applies)", default=False)
    persistent_decided_on = models.DateField(null=True, blank=True)
    # A complaint's handling.
    procedure = models.CharField(max_length=30, choices=_choices(rules.PROCEDURE_LABELS), blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback_cases"
    )
    first_contact = models.BooleanField("resolved at first point of contact", default=False)
    outcome = models.CharField(max_length=14, choices=_choices(rules.OUTCOMES), blank=True)
    equalities_issue = models.BooleanField("raised an equalities issue", default=False)
    equalities_characteristic = models.CharField("the characteristic", max_length=100, blank=True)
    equalities_action = models.TextField("what was done as a result", blank=True)
    compensation_pence = models.PositiveIntegerField("compensation paid (pence)", default=0)
    lessons = models.TextField("lessons learnt", blank=True)
    improvements = models.TextField("service improvements made", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    anonymised_on = models.DateField(
        "personal details erased on", null=True, blank=True, help_text="Its retention period had ended."
    )
    activities = models.ManyToManyField(Activity, blank=True, related_name="feedback_cases")
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["kind", "received_on"]), models.Index(fields=["customer_email"])]

    def __str__(self):
        return f"{self.reference} ({self.get_kind_display().lower()})"

    @property
    def is_complaint(self) -> bool:
        return self.kind == rules.COMPLAINT


class Stage(models.Model):
    """One stage of a complaint under its procedure: its start (day 0), deadlines in working days, any
    extension (with the reason and whether the customer was told), the reply and its outcome; at the
    Ombudsman, the referral and the Ombudsman's decision."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stages")
    code = models.CharField(max_length=12)
    opened_on = models.DateField("started on")
    acknowledge_by = models.DateField(null=True, blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    due_on = models.DateField("reply due", null=True, blank=True)
    longest_by = models.DateField("latest it may be extended to", null=True, blank=True)
    in_time_by = models.DateField("in time if answered by", null=True, blank=True)
    extended_to = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    customer_told = models.BooleanField("customer told of the new date", null=True, blank=True)
    responded_on = models.DateField("reply dated", null=True, blank=True)
    response = models.TextField("the reply", blank=True)
    outcome = models.CharField(max_length=14, choices=_choices(rules.OUTCOMES), blank=True)
    ombudsman_decision = models.TextField("the Ombudsman's decision", blank=True)
    ombudsman_upheld = models.BooleanField("the Ombudsman upheld it", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "opened_on", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="feedback_unique_stage")]

    def __str__(self):
        return f"{self.case.reference} {rules.STAGE_LABELS.get(self.code, self.code)}"

    @property
    def label(self) -> str:
        return rules.STAGE_LABELS.get(self.code, self.code)

    @property
    def deadline(self):
        return self.extended_to or self.due_on
