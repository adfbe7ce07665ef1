import re
from email.utils import parseaddr

from django.utils.text import slugify

from .models import Directorate, Outcome, User


def find_or_create_person(name_or_email: str, cache: dict[str, User] | None = None) -> User:
    """The user a plan names as lead officer: matched by e-mail or name, else created without a password.

    Takes a name ("Ann Officer"), an e-mail address, or both as mail programs write them
    ("Ann Officer <ann.officer@kent.gov.uk>"): then the address finds the person, and the name is given to a
    person who had none. A created person cannot sign in until an administrator (or single sign-on) gives them
    access.
    """
    key = name_or_email.strip().lower()
    if cache is not None and key in cache:
        return cache[key]
    name, address = parseaddr(name_or_email.strip())
    if "@" not in address or not name:
        name, address = ("", key) if "@" in key else (name_or_email, "")
    name = re.sub(r"\s+", " ", name.strip())
    address = address.strip().lower()
    user = (
        User.objects.filter(email__iexact=address).first()
        if address
        else User.objects.filter(name__iexact=name).first()
    )
    if user is None:
        base = address or slugify(name).replace("-", ".") or "person"
        username = base[:140]
        suffix = 1
        while User.objects.filter(username=username).exists():
            suffix += 1
            username = f"{base[:140]}{suffix}"
        user = User(username=username, email=address, name=name, role=User.Role.LEAD_OFFICER)
        user.set_unusable_password()
        user.save()
    elif name and not user.name:
        user.name = name
        user.save(update_fields=["name"])
    if cache is not None:
        cache[key] = user
    return user


def person_reference(user: User | None) -> str:
    """How the exchange format names a person: their e-mail if known, else their name."""
    if user is None:
        return ""
    return user.email or user.name or user.username


def outcomes_by_title(titles: list[str]) -> dict[str, Outcome]:
    """The outcomes with these titles, created in this order when new."""
    existing = {o.title: o for o in Outcome.objects.filter(title__in=titles)}
    next_order = (Outcome.objects.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    for title in titles:
        if title not in existing:
            existing[title] = Outcome.objects.create(title=title, order=next_order)
            next_order += 1
    return existing


def directorates_by_name(names: list[str]) -> dict[str, Directorate]:
    existing = {d.name: d for d in Directorate.objects.filter(name__in=names)}
    for name in names:
        if name not in existing:
            existing[name] = Directorate.objects.create(name=name)
    return existing


def set_organisation(*, gss_code: str, name: str = "", reason: str = "Organisation settings") -> None:
    """Record the organisation's settings (the one row), with the reason in its history."""
    from .models import OrganisationSettings

    found = OrganisationSettings.current()
    found.gss_code, found.name = gss_code, name or found.name
    found.full_clean()
    found._change_reason = reason
    found.save()
