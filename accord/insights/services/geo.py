"""The world map's data: partners per country (ISO-3 codes for the choropleth) and markers."""

from django.urls import reverse

from accord.insights.services.figures import partner_countries
from accord.insights.services.scope import Scope, partners_of

MAX_MARKERS = 1000  # the first in name order; markers_total says how many have coordinates


def map_data(scope: Scope, *, max_markers: int = MAX_MARKERS) -> dict:
    per_country = partner_countries(scope)
    countries = [row for row in per_country if row["alpha3"]]
    total_located = sum(row["located"] for row in per_country)
    # the first markers in name order: the name index walked, each institution probed (is_partner)
    located = partners_of(scope).filter(latitude__isnull=False, longitude__isnull=False)
    detail = reverse("registry:institution-detail", args=[0]).replace("/0/", "/{}/")
    markers = [
        {
            "id": pk,
            "name": name,
            "local_name": local_name,
            "lat": lat,
            "lon": lon,
            "country": country or "",
            "url": detail.format(pk),
        }
        for pk, name, local_name, lat, lon, country in located.order_by("name", "pk").values_list(
            "pk", "name", "local_name", "latitude", "longitude", "country__name"
        )[:max_markers]
    ]
    return {
        "countries": sorted(
            ({"iso3": r["alpha3"], "code": r["code"], "name": r["name"], "partners": r["partners"]} for r in countries),
            key=lambda r: (-r["partners"], r["name"]),
        ),
        "markers": markers,
        "markers_total": total_located,
    }
