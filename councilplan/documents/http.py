"""A made file as the web's download: the one response every app's download pages return."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from .formats import Output


def file_response(output: Output, *, inline: bool = False) -> HttpResponse:
    """`inline`: shown in the browser (an HTML document opened in a tab) rather than saved."""
    response = HttpResponse(output.content, content_type=output.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=not inline, filename=output.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
