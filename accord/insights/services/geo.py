"""The world map's data: partners per country (ISO-3 codes for the choropleth) in integer classes
(accord.lib.scales: more partners, darker), and markers. Names are HTML-escaped here: plotly renders
hover text as HTML."""

from django.urls import reverse

from accord.insights.services.figures import partner_countries
from accord.insights.services.scope import Scope, partners_of
from accord.lib.plottext import plot_text
from accord.lib.scales import class_of, count_classes
from accord.registry.models.countries import chinese_active

MAX_MARKERS = 1000  # the first in name order; markers_total says how many have coordinates


def map_data(scope: Scope, *, max_markers: int = MAX_MARKERS) -> dict:
    per_country = partner_countries(scope)
    countries = [row for row in per_country if row["alpha3"]]
    total_located = sum(row["located"] for row in per_country)
    # the first markers in name order: the name index walked, each institution probed (is_partner)
    located = partners_of(scope).filter(latitude__isnull=False, longitude__isnull=False)
    detail = reverse("registry:institution-detail", args=[0]).replace("/0/", "/{}/")
    chinese = chinese_active()  # country names as Country.display_name gives them
    markers = [
        {
            "id": pk,
            "name": plot_text(name),
            "local_name": plot_text(local_name or ""),
            "lat": lat,
            "lon": lon,
            "country": plot_text((country_zh if chinese and country_zh else country) or ""),
            "url": detail.format(pk),
        }
        for pk, name, local_name, lat, lon, country, country_zh in located.order_by("name", "pk").values_list(
            "pk", "name", "local_name", "latitude", "longitude", "country__name", "country__name_zh"
        )[:max_markers]
    ]
    classes = count_classes(max((r["partners"] for r in countries), default=0))
    return {
        "countries": sorted(
            ({"iso3": r["alpha3"], "code": r["code"], "name": plot_text(r["name"]), "partners": r["partners"],
              "class": class_of(r["partners"], classes)} for r in countries),
            key=lambda r: (-r["partners"], r["name"]),
        ),
        "classes": [c.as_dict() for c in classes],
        "markers": markers,
        "markers_total": total_located,
    }
