"""PDF: WeasyPrint prints the standalone HTML report with the print styles (A4, "Page X of Y"). The PDF's
title comes from the HTML <title>, its language from <html lang>. It is a tagged PDF (PDF/UA-1): headings,
tables and lists are marked up for screen readers and each chart carries its alt text, as the Public Sector
Bodies Accessibility Regulations expect of a published document."""

from __future__ import annotations

import gc
import logging

from .model import Document
from .render_html import render_html

# WeasyPrint warns about every CSS property it does not support; those warnings say nothing about the
# report and would fill the logs.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    html = render_html(document, for_print=True)
    # WeasyPrint makes millions of small objects for a long report and frees them by reference counting; the
    # cyclic garbage collector finds almost nothing to collect but walks them all again and again, which
    # costs about a seventh of the time. So it is paused while the PDF is made.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    finally:
        if was_enabled:
            gc.enable()
