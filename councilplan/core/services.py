import re

from django.utils.text import slugify

from .models import Directorate, Outcome, User


def find_or_create_person(name_or_email: str, cache: dict[str, User] | None = None) -> User:
    """The user a plan names as lead officer: matched by e-mail or name, else created without a password.

    A created person cannot sign in until an administrator (or single sign-on) gives them access.
    """
    key = name_or_email.strip().lower()
    if cache is not None and key in cache:
        return cache[key]
    is_email = "@" in key
    user = User.objects.filter(email__iexact=key).first() if is_email else User.objects.filter(name__iexact=key).first()
    if user is None:
        base = key if is_email else slugify(name_or_email).replace("-", ".") or "person"
        username = base[:140]
        suffix = 1
        while User.objects.filter(username=username).exists():
            suffix += 1
            username = f"{base[:140]}{suffix}"
        user = User(
            username=username,
            email=key if is_email else "",
            name="" if is_email else re.sub(r"\s+", " ", name_or_email.strip()),
            role=User.Role.LEAD_OFFICER,
        )
        user.set_unusable_password()
        user.save()
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
