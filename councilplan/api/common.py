"""What every endpoint of the API shares: who is reading, the page of results, the CSV answer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any

from django.http import HttpResponse
from ninja import Field, Schema
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from pydantic import create_model

from councilplan.core import selectors as core_selectors
from councilplan.core.identifiers import with_gss_code
from councilplan.core.permissions import signed_in
from councilplan.core.tabular import csv_bytes

from . import services

MAX_LIMIT = 1000
LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class _Anonymous:
    """The public: reads exactly what the public pages show."""

    def __bool__(self):  # ninja wants a true value from an authenticator that lets the request in
        return True


ANONYMOUS = _Anonymous()


class Reader(HttpBearer):
    """`Authorization: Bearer <token>` (a personal API token), or a signed-in session (the docs page in a
    browser), or nobody: the public slice. A token that is presented but unknown, revoked or expired is refused
    (401), never taken for the public."""

    openapi_description = "A personal API token (Your account → API tokens), sent as `Authorization: Bearer <token>`."

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _, token = header.partition(" ")
            user = services.authenticate(token.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                raise AuthenticationError()
            request.user = user
            return user
        user = getattr(request, "user", None)
        if signed_in(user):
            return user
        return ANONYMOUS

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return services.authenticate(token)


def reader(request):
    """The person reading (None: the public)."""
    found = request.auth
    return None if found is ANONYMOUS or found is None else found


def signed_in_reader(request):
    """The person reading, or a 401 for the public (what the public pages do not show)."""
    found = reader(request)
    if found is None:
        raise AuthenticationError()
    return found


class Format(StrEnum):
    json = "json"
    csv = "csv"


_pages: dict[type, type] = {}


def page_of(item: type[Schema]) -> type[Schema]:
    """The schema of a page of `item`s."""
    if item not in _pages:
        _pages[item] = create_model(
            f"{item.__name__}Page",
            __base__=Schema,
            count=(int, Field(..., description="How many records match the filters, on every page.")),
            limit=(int, Field(..., description="The most records on one page (`limit`).")),
            offset=(int, Field(..., description="How many records come before this page (`offset`).")),
            next_offset=(
                int | None,
                Field(None, description="The `offset` of the next page; null on the last page."),
            ),
            gss_code=(str, Field(..., description="The organisation's ONS GSS code (E10000016: Kent).")),
            licence=(str, Field(..., description="The licence the data is published under.")),
            items=(list[item], Field(..., description="The records of this page.")),
        )
    return _pages[item]


def _cell(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return "; ".join(str(_cell(v)) for v in value if not isinstance(v, dict | Schema))
    if isinstance(value, dict | Schema):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime | dt.date | Decimal | int | float | str) or value is None:
        return value
    return str(value)


def csv_response(schema: type[Schema], items: list, name: str, gss_code: str) -> HttpResponse:
    """The records as CSV for Power BI and Excel: one column per field (lists joined with "; ", nested records
    left out), the organisation's GSS code last (core.identifiers); every text cell formula-safe (core.tabular)."""
    fields = [f for f in schema.model_fields if f not in ("exempt_hidden",)]
    rows = []
    for item in items:
        record = item if isinstance(item, Schema) else schema.model_validate(item)
        rows.append([_cell(getattr(record, f)) for f in fields])
    body = csv_bytes(*with_gss_code(fields, rows, gss_code))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def page(schema: type[Schema], items: list, limit: int, offset: int, fmt: Format, name: str):
    """One page of `items` (all of them as CSV: a spreadsheet wants the whole list)."""
    gss = core_selectors.organisation().gss_code
    if fmt == Format.csv:
        return csv_response(schema, items, name, gss)
    shown = items[offset : offset + limit]
    following = offset + limit if offset + limit < len(items) else None
    return {
        "count": len(items),
        "limit": limit,
        "offset": offset,
        "next_offset": following,
        "gss_code": gss,
        "licence": LICENCE,
        "items": shown,
    }
