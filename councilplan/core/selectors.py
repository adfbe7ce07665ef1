from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from councilplan.analysis.records import Term, Vocabularies

from .models import OrganisationSettings, VocabularyTerm


@dataclass(frozen=True)
class OrganisationRecord:
    name: str
    gss_code: str


def organisation() -> OrganisationRecord:
    """The organisation's name and GSS code (one query): its settings row, else the deployment's name."""
    found = OrganisationSettings.objects.order_by("pk").first()
    name = (found.name if found else "") or settings.COUNCILPLAN_ORGANISATION
    return OrganisationRecord(name=name, gss_code=found.gss_code if found else "")


def get_vocabularies() -> Vocabularies:
    """Every vocabulary of the organisation, in display order, as plain records (one query)."""
    terms: dict[str, list[Term]] = {}
    for term in VocabularyTerm.objects.order_by("vocabulary", "order", "code"):
        terms.setdefault(term.vocabulary, []).append(Term(term.code, term.label, term.group))
    return Vocabularies({name: tuple(items) for name, items in terms.items()})


def code_lookup(vocab: Vocabularies, vocabulary: str) -> Callable[[str], str | None]:
    """A function from a code or a label, in any case, to the code (None when unknown)."""
    known: dict[str, str] = {}
    for term in vocab.terms.get(vocabulary, ()):
        known[term.label.strip().lower()] = term.code
    for term in vocab.terms.get(vocabulary, ()):
        known[term.code.lower()] = term.code  # a code wins over another term's identical label
    return lambda text: known.get(text.strip().lower())
