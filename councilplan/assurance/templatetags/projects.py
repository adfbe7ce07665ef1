"""`{{ reference|project_link }}`: another system's page (a budget or capital line) names an assurance project by
its reference; this links it to the project's page when assurance records it, and shows the reference alone
when it does not."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from councilplan.assurance.selectors import project_by_reference

register = template.Library()


@register.filter
def project_link(reference: str):
    reference = (reference or "").strip()
    if not reference:
        return ""
    found = project_by_reference(reference)
    if found is None:
        return reference
    return format_html('<a class="govuk-link" href="{}">{}</a>', reverse("assurance:project", args=[found.pk]), found)
