from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from councilplan.analysis import vocabulary as vocabularies


class VocabularyTerm(models.Model):
    """One entry of one of the organisation's vocabularies: a fixed code and an editable label."""

    vocabulary = models.CharField(max_length=40, choices=sorted(vocabularies.VOCABULARY_NAMES.items()))
    code = models.SlugField(max_length=60, help_text="Fixed once created: files and reports use it.")
    label = models.CharField(max_length=200)
    group = models.SlugField(
        max_length=60, blank=True, help_text="Boards only: the board group the board reports into."
    )
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Inactive terms stay in old returns but are not offered.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["vocabulary", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="unique_vocabulary_code")]

    def __str__(self):
        return f"{self.get_vocabulary_display()}: {self.label}"


class Outcome(models.Model):
    """An outcome of the council's strategic statement, e.g. 'Children and young people … best start in life'."""

    title = models.CharField(max_length=300, unique=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class Directorate(models.Model):
    name = models.CharField(max_length=200, unique=True)
    # Who signs off the directorate's returns when the organisation asks for a directorate sign-off
    # (OrganisationSettings.directorate_sign_off): administrators name them.
    signers = models.ManyToManyField(
        "core.User",
        blank=True,
        related_name="signs_off_for",
        help_text="Sign off the directorate's monitoring returns before the corporate team receives them, when "
        "the organisation's settings ask for a directorate sign-off.",
    )
    history = HistoricalRecords(m2m_fields=[signers])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    """A person: lead officers, the corporate policy team, readers and administrators.

    People named as lead officers in an import become users without a password;
    they sign in once an administrator (or single sign-on) gives them access.
    """

    class Role(models.TextChoices):
        LEAD_OFFICER = "lead_officer", "Lead officer"
        CORPORATE = "corporate", "Corporate team"
        VIEWER = "viewer", "Viewer"
        ADMINISTRATOR = "administrator", "Administrator"

    name = models.CharField("full name", max_length=200, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.LEAD_OFFICER)
    directorate = models.ForeignKey(Directorate, null=True, blank=True, on_delete=models.SET_NULL)
    cleared_for_exempt = models.BooleanField(
        "cleared for exempt information",
        default=False,
        help_text="May read activities, risks and report sections marked exempt (Schedule 12A). The corporate team "
        "and administrators always may.",
    )
    history = HistoricalRecords(excluded_fields=["last_login", "password"])

    class Meta:
        ordering = ["name", "username"]

    def __str__(self):
        return self.name or self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        # Administrators configure the organisation in Django's admin, which needs is_staff.
        if self.role == self.Role.ADMINISTRATOR:
            self.is_staff = True
        # Signing in records the time on the account and nothing else: not a change of the person's record.
        if set(kwargs.get("update_fields") or ()) <= {"last_login"} and kwargs.get("update_fields"):
            self.skip_history_when_saving = True
        try:
            super().save(*args, **kwargs)
        finally:
            self.__dict__.pop("skip_history_when_saving", None)

    def has_perm(self, perm, obj=None) -> bool:
        return (self.is_active and self.role == self.Role.ADMINISTRATOR) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label) -> bool:
        return (self.is_active and self.role == self.Role.ADMINISTRATOR) or super().has_module_perms(app_label)

    @property
    def is_corporate(self) -> bool:
        return self.role in (self.Role.CORPORATE, self.Role.ADMINISTRATOR) or self.is_superuser

    @property
    def is_administrator(self) -> bool:
        return self.role == self.Role.ADMINISTRATOR or self.is_superuser

    @cached_property
    def signing_directorate_ids(self) -> frozenset[int]:
        """The directorates whose returns this person signs off (read once per request)."""
        if self.pk is None:
            return frozenset()
        return frozenset(self.signs_off_for.values_list("pk", flat=True))

    @cached_property
    def team_codes(self) -> frozenset[str]:
        """The codes of the teams this person is in (read once per request: `request.user` is new each time)."""
        if self.pk is None:
            return frozenset()
        return frozenset(self.teams.values_list("code", flat=True))


class Team(models.Model):
    """A team a system's rules speak of: the finance team, the assurance team, democratic services, customer
    care. Systems declare theirs (`core.systems.TeamSpec`) and they are made on migrate; administrators name
    the members. The code is fixed: permissions use it."""

    code = models.SlugField(max_length=60, unique=True, help_text="Fixed: the rules of the system use it.")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    members = models.ManyToManyField(User, blank=True, related_name="teams")
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SignInFailure(models.Model):
    """Failed sign-ins for one username from one address, for throttling (councilplan.core.signin).

    The row is kept while the failures are recent; a successful sign-in deletes it."""

    username = models.CharField(max_length=150, help_text="As typed, in lower case.")
    ip = models.CharField("address", max_length=45)
    failures = models.PositiveIntegerField(default=0)
    first_failed_at = models.DateTimeField()
    last_failed_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["username", "ip"], name="unique_signin_failure")]

    def __str__(self):
        return f"{self.username} from {self.ip}: {self.failures} failed sign-in(s)"


class PendingForm(models.Model):
    """What someone typed into a form and posted after their sign-in had expired (councilplan.core.pending).

    Kept until they sign in again and the form is shown to them with it; only `user`, to whom the form had been
    shown, gets it back."""

    path = models.CharField(max_length=500)
    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(help_text="The posted fields, each a list of values.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Answers kept for {self.path}"


class SingleSignOnIdentity(models.Model):
    """A person's account at the identity provider (issuer and subject), linked at their first single sign-on
    (councilplan.core.sso): from then on they are recognised by it, whatever their e-mail address becomes."""

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="sso_identities")
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "single sign-on identity"
        verbose_name_plural = "single sign-on identities"
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="unique_sso_identity")]

    def __str__(self):
        return f"{self.user} at {self.issuer}"


class OrganisationSettings(models.Model):
    """The organisation itself and how it runs its framework, where it differs between councils: one row
    (`current()`), set by administrators in the admin. Every change is in the history.

    The GSS code is the Office for National Statistics' code for the council's area (E10000016 for Kent County
    Council): open data files and exports carry it, so that others can join them with national data."""

    name = models.CharField(max_length=200, default="", blank=True, help_text="Empty: the deployment's setting.")
    gss_code = models.CharField(
        "GSS code",
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^[EWSNK]\d{8}$", "Enter a GSS code like E10000016: a letter and 8 digits")],
        help_text="The ONS Government Statistical Service code of the council's area, for example E10000016 (Kent).",
    )
    directorate_sign_off = models.BooleanField(
        "directorate sign-off of returns",
        default=False,
        help_text="A lead officer's submitted return waits for a signer of its directorate (named on the "
        "directorate) to sign it off, or send it back with a query, before the corporate team receives it. "
        "Returns of activities with no directorate go straight to the corporate team.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisation settings"
        verbose_name_plural = "organisation settings"

    def __str__(self):
        return self.name or "Organisation settings"

    @classmethod
    def current(cls) -> OrganisationSettings:
        """The settings (one query); the defaults, unsaved, until an administrator saves them."""
        return cls.objects.order_by("pk").first() or cls()
