from django import template

from accord.accounts.sso import providers

register = template.Library()


@register.inclusion_tag("accounts/sso/buttons.html")
def sso_buttons(next_url=""):
    """"Sign in with <provider>" links for each configured identity provider (none while SSO is off)."""
    return {"providers": providers(), "next": next_url}
