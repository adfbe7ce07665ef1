"""Security middleware: the Content Security Policy, a few more response headers, a cap on request size, and
the text a form may post (UTF-8, no control characters).

The policy (docs/security.md): scripts only from the site's own files, never inline, never eval; style sheets
from the site's own files plus the `<style>` elements the templates write, each carrying this response's nonce
(`<style nonce="{{ request.csp_nonce }}">`), and the one `<style>` matplotlib writes into every chart, allowed by
its hash. Style attributes are allowed (the charts' SVG is drawn with them): with images, fonts and connections
limited to the site itself, an injected style attribute has nowhere to send anything.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from .tabular import clean_text

# The <style> element matplotlib puts in every SVG chart (councilplan.documents.charts), exactly.
CHART_STYLE = "*{stroke-linejoin: round; stroke-linecap: butt}"


def style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(nonce: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": f"'self' 'nonce-{nonce}' {style_hash(CHART_STYLE)}",
        "style-src-attr": "'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


# A file the app sends (a report as HTML, PDF, ...; anything with a Content-Disposition) is a document on its own,
# written to be opened without the app: its styles are inline and it has no scripts at all.
FILE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Gives each request a fresh nonce (`request.csp_nonce`) and each response the policy that allows it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if "Content-Disposition" in response.headers:
            policy = FILE_POLICY
        else:
            policy = content_security_policy(request.csp_nonce)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than `MAX_REQUEST_BYTES` before anything reads it (413).

    Django limits a form's fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not an uploaded file; the proxy in front
    should refuse large bodies too (client_max_body_size), this is the app's own guard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            megabytes = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            body = render_to_string("413.html", {"megabytes": megabytes}, request=request)
            return HttpResponse(body, status=413)
        return self.get_response(request)


# Form posts councilplan reads as UTF-8, which is what its pages (and every browser filling them) send.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UTF8 = {"utf-8", "utf8"}


class FormTextMiddleware:
    """Form posts in UTF-8 only, and without control characters.

    - A form post declaring another character set (`charset=latin-1`) is answered 400 with a GOV.UK error page
      before anything reads it: councilplan's pages are UTF-8, so such a post comes from no page of ours, and
      Django's own error pages would read its body again and fail.
    - Every posted field is passed through `core.tabular.clean_text` (control characters other than tab and
      line breaks removed), so what the app stores from a form is what it stores from an import, and every
      writer (Word and Excel are XML) can hold it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            content_type = request.META.get("CONTENT_TYPE", "")
            kind, _, params = content_type.partition(";")
            if kind.strip().lower() in FORM_TYPES:
                charset = _charset(params)
                if charset is not None and charset not in UTF8:
                    return bad_request(request, "The form was not sent as UTF-8 text, so nothing was saved.")
                _clean_post(request)
        return self.get_response(request)


def _charset(params: str) -> str | None:
    for part in params.split(";"):
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


def _clean_post(request) -> None:
    post = request.POST
    if not any(clean_text(value) != value for values in post.lists() for value in values[1]):
        return
    cleaned = post.copy()
    for name, values in post.lists():
        cleaned.setlist(name, [clean_text(value) for value in values])
    cleaned._mutable = False
    request.POST = cleaned


def bad_request(request, message: str) -> HttpResponse:
    body = render_to_string("400.html", {"message": message}, request=request)
    return HttpResponse(body, status=400)
