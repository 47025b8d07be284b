"""The groups of the global search, one function each, in the order the results page shows them.

A section gets the user, the query and the partners the registry's lookup found for it, and returns
its hits: only what `can()` (or the guidance center's access rules) lets that user open.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.accounts.roles import can

LIMIT = 10  # hits per section


@dataclass
class Hit:
    title: str
    url: str
    details: list[str] = field(default_factory=list)


@dataclass
class Query:
    user: object
    text: str
    partner_ids: list[int]  # best first, from the lookup service

    def by_text_or_partner(self, *text_fields, partner_field=None) -> Q:
        condition = Q()
        for name in text_fields:
            condition |= Q(**{f"{name}__icontains": self.text})
        if partner_field and self.partner_ids:
            condition |= Q(**{f"{partner_field}__in": self.partner_ids})
        return condition


SECTIONS = {}


def section(name, label):
    def register(function):
        SECTIONS[name] = (label, function)
        return function
    return register


@section("partners", _("Partners"))
def partners(query):
    from accord.registry.models import Institution

    if not can(query.user, "registry.view") or not query.partner_ids:
        return []
    rows = Institution.objects.in_bulk(query.partner_ids[:LIMIT])
    return [Hit(i.name, i.get_absolute_url(), [v for v in (i.local_name, i.country_id, i.get_kind_display()) if v])
            for i in (rows.get(pk) for pk in query.partner_ids[:LIMIT]) if i is not None]


@section("agreements", _("Agreements"))
def agreements(query):
    from accord.agreements.models import Agreement

    if not can(query.user, "records.view"):
        return []
    rows = (Agreement.objects.filter(query.by_text_or_partner("title", partner_field="parties__institution"))
            .distinct().order_by("-signed_on", "-pk")[:LIMIT])
    return [Hit(a.title, a.get_absolute_url(), [a.get_kind_display(), a.get_status_display()]) for a in rows]


@section("activities", _("Activities"))
def activities(query):
    from accord.activities.models import Activity

    if not can(query.user, "records.view"):
        return []
    rows = (Activity.objects.filter(query.by_text_or_partner("title", "city", partner_field="parties__institution"))
            .distinct().order_by("-start_date", "-pk")[:LIMIT])
    return [Hit(a.title, a.get_absolute_url(), [a.get_kind_display(), str(a.period)]) for a in rows]


@section("people", _("People"))
def people(query):
    from accord.mobility.models import Person

    if not can(query.user, "records.view"):
        return []
    contacts = can(query.user, "people.contacts")
    fields = ("name", "local_name", "title") + (("email", "phone") if contacts else ())
    rows = (Person.objects.filter(query.by_text_or_partner(*fields, partner_field="institution"))
            .select_related("institution").order_by("name", "pk")[:LIMIT])
    hits = []
    for p in rows:
        details = [v for v in (p.local_name, p.title, p.institution.name if p.institution else "") if v]
        if contacts:
            details += [v for v in (p.email, p.phone) if v]
        hits.append(Hit(p.name, p.get_absolute_url(), details))
    return hits


@section("calls", _("Calls"))
def calls(query):
    from accord.guidance.models import Call

    if not can(query.user, "guidance.browse"):
        return []
    rows = Call.objects.filter(query.by_text_or_partner("title", "funder", "program_type")).order_by(
        "-external_deadline", "pk")[:LIMIT]
    return [Hit(c.title, c.get_absolute_url(), [c.funder]) for c in rows]


@section("applications", _("Applications"))
def applications(query):
    from accord.guidance.access import visible_applications

    rows = (visible_applications(query.user)
            .filter(query.by_text_or_partner("title", "research_direction", partner_field="partner_institutions"))
            .select_related("call").distinct().order_by("-created", "-pk")[:LIMIT])
    return [Hit(a.title, a.get_absolute_url(), [a.call.title, a.get_stage_display()]) for a in rows]


@section("articles", _("Newsroom articles"))
def articles(query):
    from accord.newsroom.models import Article

    if not can(query.user, "newsroom.view"):
        return []
    rows = Article.objects.filter(query.by_text_or_partner("title", "source_url")).order_by("-published", "-pk")[:LIMIT]
    return [Hit(str(a), a.get_absolute_url(), [a.published.isoformat() if a.published else ""]) for a in rows]
