"""{% partner institution %}: a link to the partner's page for those who may open it; for others
(teachers, mentors) the name as text with a short card (local name, country, kind) as its title,
never a link that would answer 403."""

from django import template
from django.utils.html import format_html

from accord.accounts.roles import can

register = template.Library()


@register.simple_tag(takes_context=True)
def partner(context, institution):
    if institution is None:
        return "—"
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is not None and can(user, "registry.view"):
        return format_html('<a href="{}">{}</a>', institution.get_absolute_url(), institution.name)
    country = institution.country.display_name if institution.country_id else ""
    card = " · ".join(v for v in (institution.local_name, country, institution.get_kind_display()) if v)
    return format_html('<span class="partner-card" title="{}">{}</span>', card, institution.name)
