"""`{% pending_owner %}` inside a form: what lets councilplan.core.pending keep a post made after the sign-in
expired, for the person the form was shown to."""

from django import template
from django.utils.html import format_html

from councilplan.core.pending import OWNER_FIELD, owner_token

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_owner(context) -> str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', OWNER_FIELD, owner_token(user, request.path))
