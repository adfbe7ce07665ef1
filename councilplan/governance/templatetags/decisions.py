"""`{{ reference|decision_link }}`: another system's page names a decision by its number; this links the number to
the decision's page when governance records it, and shows the number alone when it does not (yet)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from councilplan.governance.selectors import decision_by_reference

register = template.Library()


@register.filter
def decision_link(reference: str):
    reference = (reference or "").strip()
    if not reference:
        return ""
    found = decision_by_reference(reference)
    if found is None:
        return reference
    url = reverse("governance:decision", kwargs={"reference": found.reference})
    return format_html('<a class="govuk-link" href="{}">{}</a> ({})', url, found.reference, found.subject)
