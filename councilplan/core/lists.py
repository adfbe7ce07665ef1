"""List pages: search, filters that keep their state in the address, pagination, and a download of exactly what
the search and filters show (CSV, Excel or JSON, formula-safe). Every system's list pages use this.

    page = list_page(
        request,
        Contract.objects.visible_to(request.user).select_related("supplier"),
        search_fields=["reference", "title", "supplier__name"],
        filters=[Filter("status", "Status", Contract.Status.choices, lambda qs, v: qs.filter(status=v))],
        columns=[Column("Reference", attrgetter("reference")), Column("Value (£)", attrgetter("value"), numeric=True)],
        name="contracts",
    )
    if isinstance(page, HttpResponse):  # a download was asked for
        return page
    return render(request, "contracts/list.html", {"list": page})

and in the template: {% include "includes/list_controls.html" with list=list %} … {% include
"includes/pagination.html" with list=list %}.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.utils.http import content_disposition_header, urlencode

from .identifiers import with_gss_code
from .tabular import csv_bytes, text_cell, xml_safe

PER_PAGE = 50
DOWNLOADS = {"csv": "CSV", "xlsx": "Excel", "json": "JSON"}


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[object], object]
    numeric: bool = False


@dataclass(frozen=True)
class Filter:
    """A select box of the filter form: `apply(items, chosen)` narrows the items to the chosen value."""

    name: str
    label: str
    choices: Sequence[tuple[str, str]]
    apply: Callable[[object, str], object]


@dataclass
class ListPage:
    rows: list
    total: int  # all the items the search and filters keep
    search: str
    filters: list[dict]  # {"name", "label", "options": [(value, label, selected)], "value"}
    number: int
    pages: int
    items: list[dict] = field(default_factory=list)  # the pagination links: {"number", "url", "current"} or ellipsis
    previous_url: str = ""
    next_url: str = ""
    downloads: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    filtered: bool = False  # a search or a filter is applied

    @property
    def start(self) -> int:
        return (self.number - 1) * PER_PAGE + 1 if self.total else 0

    @property
    def end(self) -> int:
        return min(self.number * PER_PAGE, self.total)


def _search(items, text: str, search_fields: Sequence[str], matches: Callable | None, search: Callable | None):
    if not text:
        return items
    if search is not None:
        return search(items, text)
    if isinstance(items, QuerySet) and search_fields:
        words = text.split()
        for word in words:
            items = items.filter(reduce(or_, (Q(**{f"{name}__icontains": word}) for name in search_fields)))
        return items
    if matches is not None:
        return [item for item in items if matches(item, text)]
    return items


def _query(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in ("", None)}
    return f"?{urlencode(merged)}" if merged else "?"


def list_page(
    request,
    items,
    *,
    columns: Sequence[Column],
    search_fields: Sequence[str] = (),
    matches: Callable[[object, str], bool] | None = None,
    search: Callable[[object, str], object] | None = None,
    filters: Sequence[Filter] = (),
    name: str = "list",
    per_page: int = PER_PAGE,
) -> ListPage | HttpResponse:
    """The page of `items` (a queryset or a list) the request asks for, or the download it asks for
    (`?download=csv`).

    The search is `search_fields` (a queryset), `matches(item, text)` (a list) or `search(items, text)`, which
    returns the items kept: for a sequence that narrows itself, e.g. in the database, and builds only the page
    read (`items[start:end]`, `len(items)`; a download iterates over it once)."""
    text = request.GET.get("q", "").strip()[:200]
    params = {"q": text}
    shown_filters = []
    for spec in filters:
        value = request.GET.get(spec.name, "")
        known = {str(v) for v, _ in spec.choices}
        if value not in known:
            value = ""
        if value:
            items = spec.apply(items, value)
        params[spec.name] = value
        shown_filters.append(
            {
                "name": spec.name,
                "label": spec.label,
                "value": value,
                "options": [(str(v), label, str(v) == value) for v, label in spec.choices],
            }
        )
    items = _search(items, text, search_fields, matches, search)
    download = request.GET.get("download", "")
    if download in DOWNLOADS:
        return download_response(list(items), columns, download, name)
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    listing = ListPage(
        rows=list(page.object_list),
        total=paginator.count,
        search=text,
        filters=shown_filters,
        number=page.number,
        pages=paginator.num_pages,
        filtered=bool(text or any(f["value"] for f in shown_filters)),
    )
    if page.has_previous():
        listing.previous_url = _query(params, page=page.previous_page_number())
    if page.has_next():
        listing.next_url = _query(params, page=page.next_page_number())
    for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            listing.items.append({"ellipsis": True})
        else:
            listing.items.append(
                {"number": number, "url": _query(params, page=number), "current": number == page.number}
            )
    listing.downloads = [(label, _query(params, download=fmt)) for fmt, label in DOWNLOADS.items()]
    return listing


def _plain(value):
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)


def table_rows(records: Sequence, columns: Sequence[Column]) -> list[list]:
    return [[_plain(column.value(record)) for column in columns] for record in records]


def download_response(records: Sequence, columns: Sequence[Column], fmt: str, name: str) -> HttpResponse:
    """The records as a file: CSV (cells that would run as formulas prefixed with '), Excel (text cells
    typed as text) or JSON (a list of objects keyed by the column headings), each row ending with the
    organisation's GSS code (core.identifiers)."""
    header, rows = with_gss_code([column.heading for column in columns], table_rows(records, columns))
    if fmt == "csv":
        content, content_type = csv_bytes(header, rows), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        content = _xlsx(header, rows, name)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = json.dumps([dict(zip(header, row, strict=True)) for row in rows], ensure_ascii=False, indent=2)
        content, content_type = content.encode("utf-8"), "application/json"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{name}.{fmt}")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _xlsx(header: list[str], rows: list[list], name: str) -> bytes:
    from openpyxl import Workbook  # only a download needs it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(name[:31] or "list")
    sheet.append([text_cell(sheet, xml_safe(h)) for h in header])
    for row in rows:
        sheet.append([text_cell(sheet, xml_safe(v)) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
