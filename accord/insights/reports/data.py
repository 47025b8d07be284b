"""What a yearly report contains, computed once for both formats."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from accord.activities.models import ActivityParty
from accord.agreements.models import AgreementParty
from accord.insights.services.figures import figures, labels
from accord.insights.services.geo import map_data
from accord.insights.services.scope import Scope, activities_in_period, agreements_signed, home_ids
from accord.registry.models import Institution
from accord.registry.models.countries import region_label

MAX_ROWS = 500


def _partners_of(parties, home):
    return ", ".join(
        f"{p.institution.name} ({p.institution.local_name})" if p.institution.local_name else p.institution.name
        for p in parties if p.institution_id not in home
    )


def report_data(scope: Scope) -> dict:
    data = figures(scope)
    names = labels()
    home = set(home_ids())
    parties = AgreementParty.objects.select_related("institution").order_by("pk")
    new_agreements = [
        {
            "signed": a.signed_display,
            "title": a.title,
            "kind": str(names["agreement_kind"].get(a.kind, a.kind)),
            "partners": _partners_of(a.parties.all(), home),
            "faculty": a.faculty.name if a.faculty_id else "",
        }
        for a in agreements_signed(scope).select_related("faculty")
        .prefetch_related(Prefetch("parties", queryset=parties)).order_by("signed_on", "pk")[:MAX_ROWS]
    ]
    activity_parties = ActivityParty.objects.select_related("institution").order_by("pk")
    activities = [
        {
            "date": a.period,
            "title": a.title,
            "kind": str(names["activity_kind"].get(a.kind, a.kind)),
            "partners": _partners_of(a.parties.all(), home),
        }
        for a in activities_in_period(scope).prefetch_related(Prefetch("parties", queryset=activity_parties))
        .order_by("start_date", "pk")[:MAX_ROWS]
    ]
    continents = [(str(names["continent"].get(c, c)), n) for c, n in data["by_continent"].items()]
    geo = map_data(scope, max_markers=0)
    home_university = Institution.objects.filter(is_home=True).first()
    return {
        "scope": scope,
        "home": home_university,
        "title": _("International cooperation report"),
        "figures": data,
        "continents": sorted(continents, key=lambda r: (-r[1], r[0])),
        "groups": [g for g in data["groups"] if g["partners"]],
        "networks": [n for n in data["networks"] if n["partners"]],
        "agreement_kinds": [(str(names["agreement_kind"].get(k, k)), n) for k, n in data["agreements"]["by_kind"].items()],
        "activity_kinds": [(str(names["activity_kind"].get(k, k)), n) for k, n in data["activities"]["by_kind"].items()],
        "new_agreements": new_agreements,
        "activities": activities,
        "map_counts": {row["iso3"]: row["partners"] for row in geo["countries"]},
        # (direction, region, stays), named in the active language
        "mobility_rows": [
            (str(names["direction"].get(direction, direction)), region_label(row["region"]) or _("Unknown"), row["count"])
            for direction, side in data["mobility"].items() for row in side["by_region"]
        ],
    }
