"""Exempt information (Local Government Act 1972, Schedule 12A): one place that says what is exempt and who
may read it.

A record that can be exempt derives from `Exemptable`: the paragraph of Schedule 12A it falls under (empty when
it is not exempt), the reason, and the public interest test. Every read of such records for a person goes
through `visible_to(user)` (a queryset method), or `visible(records, user)` for plain records: the corporate
team, administrators and people cleared for exempt information see them; nobody else does, and the public
never. The public pages and published documents use `visible_to(None)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models

from .permissions import can_see_exempt


class Paragraph(models.IntegerChoices):
    """Schedule 12A, Part 1 (England): the descriptions of exempt information."""

    INDIVIDUAL = 1, "1. Information relating to any individual"
    IDENTITY = 2, "2. Information likely to reveal the identity of an individual"
    FINANCIAL = 3, "3. Information relating to the financial or business affairs of any particular person"
    LABOUR_RELATIONS = 4, "4. Consultations or negotiations on a labour relations matter"
    LEGAL_PRIVILEGE = 5, "5. Information subject to legal professional privilege"
    NOTICES_ORDERS = 6, "6. A proposed notice, order or direction under any enactment"
    CRIME = 7, "7. Action in connection with the prevention, investigation or prosecution of crime"


class ExemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The records `user` may read: all of them for people cleared for exempt information, the others
        only for everyone else (and for None: the public)."""
        if user is not None and can_see_exempt(user):
            return self
        return self.filter(exempt_paragraph__isnull=True)

    def exempt_only(self):
        return self.filter(exempt_paragraph__isnull=False)


class Exemptable(models.Model):
    exempt_paragraph = models.PositiveSmallIntegerField(
        "exempt under Schedule 12A paragraph",
        choices=Paragraph.choices,
        null=True,
        blank=True,
        help_text="Leave empty unless the information is exempt. Exempt information is shown only to people "
        "cleared for it and is left out of everything published.",
    )
    exempt_reason = models.TextField("why it is exempt", blank=True)
    public_interest_test = models.TextField(
        blank=True, help_text="Why the public interest in withholding it outweighs the interest in disclosing it."
    )

    objects = ExemptQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def exempt(self) -> bool:
        return self.exempt_paragraph is not None

    def clean(self):
        super().clean()
        if self.exempt_paragraph is not None and not self.exempt_reason.strip():
            raise ValidationError({"exempt_reason": "Say why the information is exempt"})
        if self.exempt_paragraph is None and (self.exempt_reason.strip() or self.public_interest_test.strip()):
            raise ValidationError(
                {"exempt_paragraph": "Select the paragraph of Schedule 12A, or clear the reason and the test"}
            )


T = TypeVar("T")


def visible(records: Iterable[T], user) -> list[T]:
    """Plain records (anything with an `exempt` attribute) that `user` may read."""
    if user is not None and can_see_exempt(user):
        return list(records)
    return [record for record in records if not getattr(record, "exempt", False)]
