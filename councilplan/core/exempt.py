"""Exempt information (Local Government Act 1972, Schedule 12A): one place that says what is exempt and who
may read it.

A record that can be exempt derives from `Exemptable`: the paragraph of Schedule 12A it falls under (empty when
it is not exempt), the reason, and the public interest test. Every read of such records for a person goes
through `visible_to(user)` (a queryset method), `shown(include_exempt)` for the selectors that are told whether
the reader is cleared, `hidden(model, through)` to leave out records reached through a relation, or
`visible(records, user)` for plain records: the corporate team, administrators and people cleared for exempt
information see them; nobody else does, and the public never. The public pages and published documents use
`visible_to(None)`.

Some records say they are exempt another way, and still derive from `Exemptable` so that the rule and its test
(`tests/test_security_marker.py`, which plants a marker in every `Exemptable` model) cover them:

- activities, risks and report commentary keep their older yes/no box: `exempt_lookup = {"exempt": True}`;
- a record that is exempt because the record it belongs to is (a return of an exempt activity):
  `exempt_lookup = {"activity__exempt": True}`.

Such a model removes the paragraph fields it does not have (`exempt_paragraph = None`, Django's way of
removing an abstract parent's field) and defines `exempt` itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

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


def cleared(user) -> bool:
    """May `user` read exempt information? (None: the public, never.)"""
    return user is not None and can_see_exempt(user)


def exempt_condition(model, through: str = "") -> Q:
    """The condition "is exempt" for records of `model`, reached through the relation `through` ("risk",
    "activities") from another model's queryset, or on `model`'s own queryset when empty."""
    prefix = f"{through}__" if through else ""
    return Q(**{f"{prefix}{key}": value for key, value in model.exempt_lookup.items()})


def hidden(queryset, model, through: str, include_exempt: bool):
    """`queryset` without the rows whose related `model` record (through `through`) is exempt, unless
    `include_exempt`."""
    return queryset if include_exempt else queryset.exclude(exempt_condition(model, through))


class ExemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The records `user` may read: all of them for people cleared for exempt information, the others
        only for everyone else (and for None: the public)."""
        return self.shown(cleared(user))

    def shown(self, include_exempt: bool):
        """All the records with `include_exempt` (the reader is cleared), else only those not exempt."""
        return self if include_exempt else self.exclude(exempt_condition(self.model))

    def exempt_only(self):
        return self.filter(exempt_condition(self.model))


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

    # How a record of this kind says it is exempt, as a lookup on its own table (see the module's docstring).
    exempt_lookup: ClassVar[dict[str, object]] = {"exempt_paragraph__isnull": False}

    class Meta:
        abstract = True

    @property
    def exempt(self) -> bool:
        """Whether this record is exempt, read the way `exempt_lookup` says (a relation followed, `isnull`)."""
        holds = True
        for key, value in self.exempt_lookup.items():
            *path, last = key.split("__")
            target = self
            for name in path:
                target = getattr(target, name, None)
            if last == "isnull":
                holds = holds and ((target is None) is value)
            else:
                holds = holds and getattr(target, last, None) == value
        return holds

    def clean(self):
        super().clean()
        if "exempt_paragraph" not in {f.name for f in self._meta.fields}:
            return
        if self.exempt_paragraph is not None and not self.exempt_reason.strip():
            raise ValidationError({"exempt_reason": "Say why the information is exempt"})
        if self.exempt_paragraph is None and (self.exempt_reason.strip() or self.public_interest_test.strip()):
            raise ValidationError(
                {"exempt_paragraph": "Select the paragraph of Schedule 12A, or clear the reason and the test"}
            )


def exempt_models() -> list[type[models.Model]]:
    """Every installed model whose records can be exempt (each concrete subclass of `Exemptable`)."""
    return [model for model in apps.get_models() if issubclass(model, Exemptable) and not model._meta.abstract]


T = TypeVar("T")


def visible(records: Iterable[T], user) -> list[T]:
    """Plain records (anything with an `exempt` attribute) that `user` may read."""
    return shown(records, cleared(user))


def shown(records: Iterable[T], include_exempt: bool) -> list[T]:
    """Plain records (anything with an `exempt` attribute): all with `include_exempt`, else those not exempt."""
    if include_exempt:
        return list(records)
    return [record for record in records if not getattr(record, "exempt", False)]
