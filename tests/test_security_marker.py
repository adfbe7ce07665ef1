"""Exempt information never reaches anyone not cleared for it, anywhere (issue 21).

A marker word is planted in every text field of exempt records of every exempt-able model: each concrete
subclass of `core.exempt.Exemptable` (activities, returns, report commentary, risks with their controls,
actions, reviews and moves, contracts and reviews, budget records, and whatever a new system declares). Then
every URL pattern of the URL configuration (walked with `get_resolver`, its path parameters filled from the
planted records and from what the pages link to) is requested, with every download format, as each role that
is not cleared for exempt information and as the public; the marker must be nowhere in what comes back.

Nothing here names a system, a page or a model (but for the two kinds of record the sample has none of): a
new system's models and URL patterns join the test by existing, its records through its sample data (every
`Exemptable` model must have some: the test says which has none). Parameters are filled by name: `<int:pk>`
under `things/` and `<int:thing_id>` from the records of the model called Thing (the planted ones first), a
parameter named like a text field (`code`, `reference`, `ref`) from that field, `fmt` with every format; the
corporate team's pages, crawled two links deep, give the rest (a period, a version). A pattern nothing fills
is still requested with stand-in values. PDFs are read as the HTML WeasyPrint draws them from, charts as their
words, to keep the walk within CI's time.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from councilplan.core.exempt import exempt_condition, exempt_models
from councilplan.core.models import Team
from councilplan.core.permissions import can_see_exempt
from councilplan.core.systems import systems
from councilplan.documents import formats

pytestmark = pytest.mark.django_db

MARKER = "zqxsecretmarkerqz"
PER_PATTERN = 2  # records tried per pattern: an exempt one (refused) and one linked to it (where leaks were)
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


# --- planting --------------------------------------------------------------------------------------------


def _planted_value(field: models.Field, value):
    """`value` with the marker in it, as `field` can hold it (None when the field is not free text)."""
    if isinstance(field, models.JSONField):
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            return [f"{MARKER} {value[0]}", *value[1:]]
        if value in ([], None, ""):
            return [MARKER] if field.default is list else None
        return None
    if not isinstance(field, (models.CharField, models.TextField)):
        return None
    if isinstance(field, (models.SlugField, models.EmailField, models.URLField)) or field.choices:
        return None
    text = f"{MARKER} {value or ''}".strip()
    return text[: field.max_length] if field.max_length else text


def _text_fields(model) -> list[models.Field]:
    """The free-text fields of `model` that do not identify a record (so addresses keep working)."""
    together = {name for constraint in model._meta.constraints for name in getattr(constraint, "fields", ())}
    together |= {name for names in model._meta.unique_together for name in names}
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not field.unique and field.name not in together and field.editable
    ]


def _make_exempt(model, records) -> None:
    """Mark `records` exempt the way `model.exempt_lookup` reads it."""
    for key, value in model.exempt_lookup.items():
        if key.endswith("__isnull"):
            field = model._meta.get_field(key.removesuffix("__isnull"))
            chosen = field.choices[0][0] if field.choices else 1
            for record in records:
                setattr(record, field.attname, chosen)
                if hasattr(record, "exempt_reason"):
                    record.exempt_reason = "Commercially sensitive"
        else:
            for record in records:
                setattr(record, key, value)


def plant() -> dict[type, list]:
    """Every other record of each exempt-able model made exempt (the rest stay open, so pages linking the
    two kinds are there to read), then the marker put into every text field of every exempt record."""
    planted: dict[type, list] = {}
    direct = [m for m in exempt_models() if all("__" not in key.removesuffix("__isnull") for key in m.exempt_lookup)]
    for model in direct:
        records = list(model._base_manager.order_by("pk"))[::2]
        _make_exempt(model, records)
        for record in records:
            record.save()
    for model in exempt_models():
        records = list(model._base_manager.filter(_exempt_q(model)).order_by("pk"))
        fields = _text_fields(model)
        for record in records:
            for field in fields:
                value = _planted_value(field, getattr(record, field.attname))
                if value is not None:
                    setattr(record, field.attname, value)
            record.save()
        planted[model] = records
    return planted


def _exempt_q(model):
    return exempt_condition(model)


# --- people ----------------------------------------------------------------------------------------------


def people_not_cleared() -> dict[str, object]:
    """One person for each role that is not cleared for exempt information, one more in each team a system
    declares (the finance team, …), and the public (None). They lead and work on the open records (so the
    pages of their own work are there to read) but none of the exempt ones."""
    User = get_user_model()
    found: dict[str, object] = {"public": None}
    for role, _ in User.Role.choices:
        person = User(username=f"marker-{role}", role=role, name=f"Marker {role}")
        if can_see_exempt(person):
            continue
        person.save()
        found[role] = person
    for system in systems():
        for spec in system.teams:
            person = User.objects.create(username=f"marker-team-{spec.code}", name=f"Marker {spec.code}")
            Team.objects.get_or_create(code=spec.code, defaults={"name": spec.name})[0].members.add(person)
            found[f"team {spec.code}"] = person
    staff = [p for p in found.values() if p is not None]
    for model in exempt_models():
        for field in model._meta.get_fields():
            if not (field.is_relation and field.related_model is User and field.concrete):
                continue
            open_records = model._base_manager.exclude(_exempt_q(model))
            if field.many_to_many:
                for record in open_records:
                    getattr(record, field.name).add(*staff)
            elif field.name not in ("updated_by", "submitted_by", "recorded_by", "history_user"):
                open_records.update(**{field.name: staff[0]})
    return found


# --- the URL configuration -------------------------------------------------------------------------------


def url_patterns() -> list[tuple[str, URLPattern]]:
    """(route, pattern) of every URL pattern, walking includes; regular-expression routes (Django's admin)
    as their regex with the anchors taken off."""
    found = []

    def walk(entries, prefix: str):
        for entry in entries:
            part = _route(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + part)
            else:
                found.append((prefix + part, entry))

    walk(get_resolver().url_patterns, "")
    return found


def _route(pattern) -> str:
    return str(pattern)


def _address(route: str) -> str:
    """A route as an address: a regular expression's anchors taken off (Django's admin)."""
    return re.sub(r"\^|\$|\\Z", "", route)


def _singular(word: str) -> str:
    word = word.lower().replace("-", "_")
    for ending, replacement in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def value_pool(planted, parameters: set[str]) -> dict[str, list[str]]:
    """Parameter name -> values taken from the planted records and the records they point to: `thing_id`,
    `thing_pk` and `thing:pk` (for `<int:pk>` under `things/`) give the records' keys; a text field named like
    a parameter gives its values (a risk's `code`, a contract's `reference`, an activity's `ref`); `fmt` every
    download format."""
    pool: dict[str, list[str]] = defaultdict(list)

    def put(key: str, value) -> None:
        if value not in (None, "") and str(value) not in pool[key]:
            pool[key].append(str(value))

    def add(record):
        name = record._meta.model_name
        for key in (f"{name}_id", f"{name}_pk", f"{name}:pk"):
            put(key, record.pk)
        for field in record._meta.concrete_fields:
            if not field.primary_key and isinstance(field, models.CharField) and field.name in parameters:
                put(field.name, getattr(record, field.attname))

    for records in planted.values():
        for record in records[:3]:
            add(record)
            for field in record._meta.concrete_fields:
                if field.is_relation and field.many_to_one:
                    target = getattr(record, field.name, None)
                    if target is not None:
                        add(target)
            for relation in record._meta.related_objects:
                if relation.one_to_many or relation.many_to_many:
                    for linked in getattr(record, relation.get_accessor_name()).all()[:2]:
                        add(linked)
    pool["fmt"] = [*formats.ALL, "csv"]
    return pool


def _models_named(word: str, app_label: str) -> list[type[models.Model]]:
    """The models a URL segment names ("cycles" -> PlanningCycle), those of the view's own app first."""
    word = _singular(word).replace("_", "")
    if not word:
        return []
    found = [m for m in apps.get_models() if m._meta.model_name == word or m._meta.model_name.endswith(word)]
    return sorted(found, key=lambda m: (m._meta.app_label != app_label, m._meta.model_name != word))


def _keys_of(model, count: int = 2) -> list[str]:
    return [str(pk) for pk in model._base_manager.order_by("pk").values_list("pk", flat=True)[:count]]


def candidate_urls(route: str, pattern: URLPattern, pool: dict[str, list[str]]) -> list[str] | None:
    """URLs for one route, its parameters filled from `pool`, else from the records of the model the parameter
    names (None when one cannot be filled)."""
    app_label = pattern.callback.__module__.split(".")[1] if pattern.callback.__module__.count(".") else ""
    route = re.sub(r"\(\?P<\w+>([\w|]+)\)", lambda m: m.group(1).split("|")[0], route)  # the admin's app list
    if "(?" in route:
        return None  # the admin's catch-all
    names = [(m["converter"] or "str", m["name"]) for m in PARAMETER.finditer(route)]
    route = _address(route)
    if not names:
        return ["/" + route]
    segments = route.split("/")
    choices = []
    for converter, name in names:
        position = next(i for i, segment in enumerate(segments) if f":{name}>" in segment or f"<{name}>" in segment)
        before = segments[position - 1] if position else ""
        if name in ("pk", "id", "object_id"):
            word, keys = before, [f"{_singular(before)}:pk"]
            if name == "object_id" and position >= 2:  # the admin: <app_label>/<model_name>/<object_id>/
                word, keys = before, [f"{before}:pk"]
        elif name.endswith(("_id", "_pk")):
            word, keys = name[:-3], [name]
        else:
            word, keys = "", [name]
        values = next((pool[k] for k in keys if pool.get(k)), None)
        if values is None and word:
            values = next((_keys_of(m) for m in _models_named(word, app_label) if _keys_of(m)), None)
        if values is None:
            return None
        if converter == "int":
            values = [v for v in values if v.isdigit()] or None
            if values is None:
                return None
        choices.append(((converter, name), values[: max(PER_PATTERN, len(pool["fmt"]))]))
    urls = []
    for i in range(max(len(values) for _, values in choices)):
        url = route
        for (converter, name), values in choices:
            value = values[i % len(values)]
            url = url.replace(f"<{converter}:{name}>", value).replace(f"<{name}>", value)
        urls.append("/" + url)
    return urls


# --- reading what comes back -----------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "action") and value and value.startswith("/") and not value.startswith("//"):
                self.found.append(value.split("#")[0])


def links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.found


def readable(response) -> str:
    """Everything a response says, as text: pages and text files as they are, a Word or Excel file's XML
    unzipped."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        except zipfile.BadZipFile:
            pass
    return content.decode("utf-8", "replace") + " " + response.get("Location", "")


@pytest.fixture
def pdf_as_its_html(monkeypatch):
    """A PDF is drawn by WeasyPrint from the print HTML of the same document: the test reads that HTML (the PDF
    says what it says), which keeps the walk inside CI's time."""
    from councilplan.documents import render_pdf
    from councilplan.documents.render_html import render_html

    monkeypatch.setattr(render_pdf, "render_pdf", lambda document: render_html(document, for_print=True).encode())


@pytest.fixture
def charts_as_their_words(monkeypatch):
    """Charts drawn as their words only (title, categories, series, alt text: all the text matplotlib would put
    in them) rather than by matplotlib, which would take most of the walk's time."""
    from django.utils.html import escape

    from councilplan.documents import charts

    def words(chart, prefix: str = "") -> str:
        text = " ".join([chart.title, *chart.categories, *(s.name for s in chart.series), chart.alt])
        return f'<svg xmlns="http://www.w3.org/2000/svg"><text>{escape(text)}</text></svg>'

    monkeypatch.setattr(charts, "svg", words)
    monkeypatch.setattr(charts, "png", lambda chart, dpi=150: ONE_PIXEL_PNG)


def _one_pixel_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, format="PNG")
    return buffer.getvalue()


ONE_PIXEL_PNG = _one_pixel_png()


def test_no_page_or_download_shows_exempt_information_to_anyone_not_cleared(pdf_as_its_html, charts_as_their_words):
    leaks, errors = run_walk()
    assert not errors, f"server errors: {errors}"
    assert not leaks, f"exempt information shown to people not cleared: {leaks}"


def run_walk(loaded: bool = False, verbose: bool = False):
    """Plant, walk, and return (leaks, server errors), each a list of (who, url)."""
    started = time.monotonic()
    if not loaded:
        call_command("load_sample", verbosity=0)
    _what_the_sample_lacks()
    planted = plant()
    empty = sorted(m._meta.label for m, records in planted.items() if not records)
    assert not empty, f"no exempt record of {empty} was planted: give the system sample data"
    people = people_not_cleared()
    routes = url_patterns()
    parameters = {m["name"] for route, _ in routes for m in PARAMETER.finditer(route)}
    pool = value_pool(planted, parameters)
    planted_at = time.monotonic()

    # Fill each pattern's parameters; then the cleared corporate team's pages give more of them (what they link
    # to, two links deep), and prove the marker was planted where pages show it.
    by_pattern: dict[str, list[str]] = defaultdict(list)
    generated: dict[str, set[str]] = defaultdict(set)
    ours: dict[str, bool] = {}
    for route, pattern in routes:
        ours[route] = pattern.callback.__module__.startswith("councilplan.")
        urls = candidate_urls(route, pattern, pool) or []
        by_pattern[route].extend(urls)
        generated[route] = set(urls)
    User = get_user_model()
    corporate = Client(raise_request_exception=False)
    corporate.force_login(User.objects.create(username="marker-corporate", role=User.Role.CORPORATE))
    seen_marker = False
    queue = [url for route, urls in by_pattern.items() if ours[route] for url in urls[:PER_PATTERN]]
    queue = [url for url in queue if not _is_download(url)]
    visited: set[str] = set()
    for depth in range(2):
        following = []
        for url in queue:
            if url in visited:
                continue
            visited.add(url)
            response = corporate.get(url)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                text = readable(response)
                seen_marker = seen_marker or MARKER in text.lower()
                for link in links(text):
                    if _add_crawled(by_pattern, link) and depth == 0:
                        following.append(link)
        queue = [url for url in following if not _is_download(url)]
    assert seen_marker, "the cleared corporate team never saw the marker: the planting did not work"
    # A pattern nothing fills (a form's action only posted to, a kind of record the sample has none of) is still
    # requested, with stand-in values: it must answer without the marker and without a server error too.
    unfilled = sorted(route for route, urls in by_pattern.items() if ours[route] and not urls)
    for route in unfilled:
        url = PARAMETER.sub(lambda m: "1" if m["converter"] == "int" else "x", _address(route))
        by_pattern[route].append("/" + url)
        generated[route].add("/" + url)
    if verbose:
        print("filled with stand-ins:", unfilled, flush=True)
    crawled_at = time.monotonic()

    # A team's member differs from a lead officer only in the pages of the system that declares the team.
    team_apps = {f"team {spec.code}": system.label for system in systems() for spec in system.teams}
    leaks, errors, slowest = [], [], []
    for who, person in people.items():
        client = Client(raise_request_exception=False)
        if person is not None:
            client.force_login(person)
        for route, pattern in routes:
            if who in team_apps and pattern.callback.__module__.split(".")[1:2] != [team_apps[who]]:
                continue
            for url in _pick(by_pattern[route], generated[route]):
                began = time.monotonic()
                response = client.get(url)
                slowest.append((time.monotonic() - began, who, url))
                if response.status_code >= 500:
                    errors.append((who, url))
                elif MARKER in readable(response).lower():
                    leaks.append((who, url))
                    if verbose:
                        print("LEAK", who, url, flush=True)
    if verbose:
        print(
            f"planted {planted_at - started:.0f}s, crawled {crawled_at - planted_at:.0f}s, "
            f"walked {time.monotonic() - crawled_at:.0f}s; {len(routes)} patterns, {len(slowest)} requests",
            flush=True,
        )
        for seconds, who, url in sorted(slowest, reverse=True)[:25]:
            print(f"{seconds:.1f}s {who} {url}", flush=True)
    return leaks, errors


def _is_download(url: str) -> bool:
    path = urlsplit(url)
    return "download=" in path.query or any(
        path.path.rstrip("/").endswith((f"/{fmt}", f".{fmt}")) for fmt in (*formats.ALL, "csv", "svg")
    )


def _what_the_sample_lacks() -> None:
    """The sample has no report commentary and no risk moves: two of each, for the planting."""
    import datetime as dt

    from councilplan.monitoring.models import Round
    from councilplan.reports.models import Commentary
    from councilplan.risks.models import Movement, Risk

    for round_ in Round.objects.order_by("pk"):
        Commentary.objects.create(round=round_, section="issues", text="Issues seen this quarter.")
        Commentary.objects.create(round=round_, section="overview", text="The overview.")
    for risk in Risk.objects.order_by("pk")[:4]:
        Movement.objects.create(
            risk=risk, kind=Movement.Kind.TRANSFERRED, moved_on=dt.date(2018, 1, 5), reason="Moved across."
        )


def _add_crawled(by_pattern, link: str) -> bool:
    """Add a link the pages hold to its pattern's URLs (a few per pattern); True when it was added."""
    path = urlsplit(link).path
    try:
        match = resolve(path)
    except Resolver404:
        return False
    urls = by_pattern.get(match.route)
    if urls is None or link in urls or len(urls) >= 4 * PER_PATTERN:
        return False
    urls.append(link)
    return True


def _pick(urls: list[str], generated: set[str]) -> list[str]:
    """The URLs of one pattern to try: those filled from the planted records (each download format among
    them), each download a page links to (`?download=`), and a few more links the pages hold."""
    chosen, plain = [], 0
    for url in urls:
        query = urlsplit(url).query
        if url in generated or "download=" in query:
            if url not in chosen:
                chosen.append(url)
        elif plain < 1:  # one page the corporate team's pages linked to, besides those filled from the records
            chosen.append(url)
            plain += 1
    return chosen
