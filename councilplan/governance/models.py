"""Committee governance (spec/governance.md): bodies and their dated membership, cabinet portfolios, meetings with
attendance, agendas and their items and documents, the work programme, records of decision and minutes.

Every model keeps its history (django-simple-history) and changes only through `services.py`. Exempt information
(Schedule 12A) is a property of an agenda item (the exempt part), of a single document, of a work programme entry
or of a minute withheld: each derives from `core.exempt.Exemptable` and every read goes through `visible_to`.
A record of decision is for publication; its exempt detail is an exempt document of the item that considers it.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from councilplan.analysis import governance as rules
from councilplan.core.exempt import Exemptable, Paragraph
from councilplan.plan.models import Activity


class Body(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        EXECUTIVE = "executive", "Executive (Cabinet)"
        CABINET_COMMITTEE = "cabinet_committee", "Cabinet committee"
        SUB_COMMITTEE = "sub_committee", "Sub-committee"
        COMMITTEE = "committee", "Other committee"
        BOARD = "board", "Informal board"
        SUB_GROUP = "sub_group", "Sub-group of a board"

    class Group(models.TextChoices):
        """The SDP return's governance groups (spec/monitoring.md §2) this body counts as."""

        NONE = "", "None"
        CABINET_COMMITTEE = "cabinet_committee", "Cabinet Committee"
        CMM = "cmm", "Cabinet Members Meeting"
        CORPORATE_BOARD = "corporate_board", "Corporate Board"
        INFORMAL = "informal_governance", "Informal Governance Boards"

    code = models.SlugField(max_length=40, unique=True, help_text="Fixed once created: addresses and files use it.")
    name = models.CharField("current name", max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    formal = models.BooleanField(
        default=True,
        help_text="Formal bodies meet in public with published agendas and minutes; informal boards keep a "
        "forward plan and publish nothing.",
    )
    seats = models.PositiveSmallIntegerField(null=True, blank=True)
    terms_of_reference = models.TextField(blank=True)
    terms_source = models.CharField("where the terms of reference come from", max_length=300, blank=True)
    sdp_group = models.CharField(
        "SDP governance group", max_length=20, choices=Group.choices, blank=True, default=Group.NONE
    )
    notice_days = models.PositiveSmallIntegerField(
        "notice (clear working days)", default=rules.NOTICE_CLEAR_DAYS, help_text="Before each meeting's agenda."
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self):
        return self.name


class BodyName(models.Model):
    """A name the body had until it was renamed (its history in words: CMRG's parent was the Budget and Programme
    Delivery Board in 2017, the Budget Delivery Group by 2019)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="former_names")
    name = models.CharField(max_length=200)
    until = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-until"]

    def __str__(self):
        return f"{self.name} (until {self.until:%-d %B %Y})"


class Member(models.Model):
    """A councillor (or, on an informal board, an officer): members are named as the papers name them."""

    name = models.CharField(max_length=200, unique=True, help_text="As the papers give it: Mr B J Sweetland.")
    short_name = models.CharField(max_length=100, blank=True, help_text="Mr Sweetland")
    group = models.CharField("political group", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIRMAN = "chairman", "Chairman"
        VICE_CHAIRMAN = "vice_chairman", "Vice-Chairman"
        MEMBER = "member", "Member"
        SUBSTITUTE = "substitute", "Substitute"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="memberships")
    group = models.CharField("political group", max_length=100, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "starts_on", "member__name"]

    def __str__(self):
        return f"{self.member} on {self.body}"

    def current_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


class Portfolio(models.Model):
    """A cabinet portfolio: decisions name it, so a reshuffle changes its holder, not the history."""

    title = models.CharField(max_length=200, unique=True, help_text="Finance, Corporate and Traded Services")
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"Cabinet Member for {self.title}"


class PortfolioHolding(models.Model):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="holdings")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="portfolios")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["portfolio", "starts_on"]

    def __str__(self):
        return f"{self.member}, {self.portfolio}"


class Meeting(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", "Planned"
        PUBLISHED = "published", "Agenda published"
        HELD = "held", "Held"
        APPROVED = "approved", "Minutes approved"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    clerk = models.CharField("ask for (clerk)", max_length=200, blank=True)
    clerk_phone = models.CharField(max_length=50, blank=True)
    webcast = models.BooleanField("may be webcast", default=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PLANNED)
    published_on = models.DateField("agenda published on", null=True, blank=True)
    signatory = models.CharField(max_length=200, blank=True, help_text="Benjamin Watts, General Counsel")
    chaired_by = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes_approved",
        help_text="The meeting that agreed these minutes as a correct record.",
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "body__name"]
        constraints = [models.UniqueConstraint(fields=["body", "date"], name="one_meeting_of_a_body_a_day")]

    def __str__(self):
        return f"{self.body.name}, {self.date:%-d %B %Y}"


class Attendance(models.Model):
    class Kind(models.TextChoices):
        PRESENT = "present", "Present"
        SUBSTITUTE = "substitute", "Present as a substitute"
        ALSO_PRESENT = "also_present", "Also present"
        IN_ATTENDANCE = "in_attendance", "In attendance (officer)"
        APOLOGIES = "apologies", "Apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    name = models.CharField(max_length=200)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    role = models.CharField(max_length=200, blank=True, help_text="An officer's post, as the minutes give it.")
    substitute_for = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind", "id"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class Decision(models.Model):
    """A record of decision, numbered as the council numbers it (19/00077): the stable reference other systems
    (assurance, policies) link to."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        CONSIDERED = "considered", "Considered by committee"
        TAKEN = "taken", "Taken"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Outcome(models.TextChoices):
        NONE = "", "Not yet considered"
        ENDORSED = "endorsed", "Endorsed"
        SUBJECT_TO = "endorsed_subject_to", "Endorsed subject to conditions"
        RECOMMENDATIONS = "recommendations", "Recommendations made"
        NOTED = "noted", "Noted"

    reference = models.CharField("decision number", max_length=8, unique=True, help_text="19/00077")
    subject = models.CharField(max_length=500)
    portfolio = models.ForeignKey(
        Portfolio,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        help_text="The decision maker when a cabinet member decides.",
    )
    maker_body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_made",
        help_text="The decision maker when a body (Cabinet) decides.",
    )
    key = models.BooleanField("key decision", default=False)
    key_criteria = models.CharField(max_length=20, blank=True, help_text="Criteria met, by letter: a, b")
    amount_pence = models.BigIntegerField("savings or expenditure (pence)", null=True, blank=True)
    decision_text = models.TextField("the decision", blank=True)
    reasons = models.TextField(blank=True)
    financial_implications = models.TextField(blank=True)
    legal_implications = models.TextField(blank=True)
    equalities_implications = models.TextField(blank=True)
    governance = models.TextField(blank=True, help_text="Implementation delegated to a named lead officer.")
    consultation = models.TextField("cabinet committee recommendations and other consultation", blank=True)
    alternatives = models.TextField("alternatives considered and rejected", blank=True)
    interests = models.TextField("interests declared", blank=True)
    dispensations = models.TextField("dispensations granted by the Proper Officer", blank=True)
    informal_board = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The informal board it went to first (the route).",
    )
    informal_on = models.DateField("at the informal board on", null=True, blank=True)
    informal_when = models.CharField("at the informal board (as the papers say)", max_length=100, blank=True)
    forward_plan_on = models.DateField("on the Forthcoming Executive Decision list from", null=True, blank=True)
    planned_on = models.DateField("to be taken on or after", null=True, blank=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.PROPOSED)
    outcome = models.CharField("committee's outcome", max_length=20, choices=Outcome.choices, blank=True)
    outcome_text = models.TextField(blank=True)
    taken_on = models.DateField(null=True, blank=True)
    signed_by = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    call_in_ends_on = models.DateField(null=True, blank=True)
    activities = models.ManyToManyField(Activity, blank=True, related_name="governance_decisions")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["reference"]

    def __str__(self):
        return f"{self.reference} {self.subject}"


class Undertaking(models.Model):
    """Who undertook what at a meeting; one about a decision blocks "taken" until met."""

    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.CASCADE, related_name="undertakings")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="undertakings")
    by = models.CharField("who undertook it", max_length=200)
    text = models.TextField()
    met_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.by}: {self.text[:60]}"


class AgendaItem(Exemptable):
    """An item of a meeting's agenda. Exempt (a paragraph of Schedule 12A) = in the exempt part, after the motion
    to exclude the press and public."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField()
    number = models.CharField(max_length=10, help_text="1, 2 … or A3, B1 as the Property Sub-Committee letters them")
    title = models.CharField(max_length=500)
    purpose = models.TextField(blank=True, help_text="To consider and note …")
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    lead_member = models.CharField(max_length=200, blank=True)
    lead_officer = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The report's author: reminded of the publication deadline.",
    )
    recommendation = models.TextField(blank=True)
    paper = models.CharField(
        max_length=100, blank=True, help_text="Items carrying the same paper share this key: its pathway."
    )
    activities = models.ManyToManyField(Activity, blank=True, related_name="governance_items")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="one_item_number_a_meeting")]

    def __str__(self):
        return f"{self.number} {self.title}"


class ItemDocument(Exemptable):
    """A report, appendix or record of decision of an item, with its own exemption (the 19/00080 report and
    Appendix 1 for publication, Appendix 2 exempt)."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report"
        APPENDIX = "appendix", "Appendix"
        DECISION = "decision", "Record of decision"
        MINUTES = "minutes", "Minutes"
        OTHER = "other", "Other"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORT)
    pages = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="The document's text, as it goes into the pack.")
    source = models.CharField(
        max_length=200, blank=True, help_text="A report made by councilplan: the system and its report."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "order"]

    def __str__(self):
        return self.title


class Minute(Exemptable):
    """A minute, numbered continuously per body. Exempt business still gets a public minute ("open access to
    minutes") unless it is withheld: withheld = exempt."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="minutes")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    number = models.PositiveIntegerField()
    order = models.PositiveSmallIntegerField(help_text="The order business was taken in.")
    title = models.CharField(max_length=500)
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minutes")
    item_reference = models.CharField(max_length=20, blank=True, help_text="Item 2")
    excluded_paragraph = models.PositiveSmallIntegerField(
        "taken with the press and public excluded under Schedule 12A paragraph",
        choices=Paragraph.choices,
        null=True,
        blank=True,
        help_text="Exempt business: the paragraph the motion to exclude the press and public named. The minute is "
        "still public unless it is withheld (exempt_paragraph).",
    )
    excluded_reason = models.TextField("why the business was taken in private", blank=True)
    officers = models.TextField("officers in attendance for it", blank=True)
    text = models.TextField("discussion", blank=True)
    resolution = models.TextField(blank=True)
    vote = models.CharField(max_length=50, blank=True, help_text="6:1")
    post_meeting_note = models.TextField(blank=True)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="minutes")
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "number"]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="minute_numbers_per_body")]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def exempt_business(self) -> bool:
        """Taken with the press and public excluded (it was a yes/no box until the paragraph was recorded)."""
        return self.excluded_paragraph is not None


class Declaration(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    member = models.CharField(max_length=200)
    text = models.TextField()
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.member}: {self.text[:60]}"


class WorkProgrammeEntry(Exemptable):
    class Slot(models.TextChoices):
        MEETING = "meeting", "At a meeting"
        OTHER = "other", "Other items"
        FUTURE = "future", "Future items"

    class Origin(models.TextChoices):
        STANDING = "standing", "Standing item"
        DECISION = "decision", "Forthcoming Executive Decision list"
        MINUTE = "minute", "From the minutes"
        AGENDA_SETTING = "agenda_setting", "Agenda setting meeting"
        REQUEST = "request", "Requested by members or officers"
        GENERATED = "generated", "Generated from a recurring entry"
        OTHER = "other", "Other"

    class State(models.TextChoices):
        PLANNED = "planned", "Planned"
        TAKEN = "taken", "On the agenda"
        DEFERRED = "deferred", "Deferred"
        DROPPED = "dropped", "Dropped"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="work_programme")
    year = models.PositiveSmallIntegerField(help_text="The financial year it starts in: 2019 for 2019/20.")
    title = models.CharField(max_length=500)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries")
    slot = models.CharField(max_length=10, choices=Slot.choices, default=Slot.MEETING)
    lead_officer = models.CharField(max_length=200, blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.OTHER)
    origin_text = models.CharField(max_length=300, blank=True, help_text="minute 8(e) 16 June 2017; 8 Aug 2017")
    recurrence = models.CharField(max_length=20, choices=list(rules.RECURRENCES.items()), blank=True)
    note = models.CharField(max_length=300, blank=True)
    added_on = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PLANNED)
    deferred_from = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField("reason deferred or dropped", blank=True)
    item = models.OneToOneField(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="entry")
    generated_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries")
    activities = models.ManyToManyField(Activity, blank=True, related_name="governance_entries")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[activities])

    class Meta:
        ordering = ["body", "year", "meeting__date", "id"]
        verbose_name_plural = "work programme entries"

    def __str__(self):
        return self.title
