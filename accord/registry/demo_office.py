"""The demo office at the scale of the seeds: real universities as illustrative partners, the
international organizations of the School of Global Governance, nine regional cooperation network
platforms and two alliances of universities initiated by the home university.

The partner universities come from fixtures/demo_partners.json, chosen from the world-universities
list by scripts/demo_partners.py. Their partnerships in the demo are illustrative, not claims about
real universities. No figure is stored: Accord counts partners, countries and continents from the
records that the demo's other steps create.
"""

import json
import zlib
from functools import cache
from pathlib import Path

from django.db import transaction
from accord.registry.models import Country, Institution, InstitutionName, Kind, Network, NetworkMembership

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "demo_partners.json"
DEMO_NOTE = "Demonstration data: an illustrative partner of the demo office."

# Intergovernmental and non-governmental international organizations (name, acronym, seat).
INTERNATIONAL_ORGANIZATIONS = [
    ("United Nations Educational, Scientific and Cultural Organization", "UNESCO", "FR"),
    ("World Health Organization", "", "CH"),  # its acronym is an English word
    ("World Intellectual Property Organization", "WIPO", "CH"),
    ("International Telecommunication Union", "ITU", "CH"),
    ("International Labour Organization", "ILO", "CH"),
    ("World Trade Organization", "WTO", "CH"),
    ("World Meteorological Organization", "WMO", "CH"),
    ("United Nations Conference on Trade and Development", "UNCTAD", "CH"),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", "CH"),
    ("International Organization for Migration", "IOM", "CH"),
    ("International Committee of the Red Cross", "ICRC", "CH"),
    ("World Economic Forum", "WEF", "CH"),
    ("International Organization for Standardization", "ISO", "CH"),
    ("International Electrotechnical Commission", "IEC", "CH"),
    ("European Organization for Nuclear Research", "CERN", "CH"),
    ("Food and Agriculture Organization of the United Nations", "FAO", "IT"),
    ("International Fund for Agricultural Development", "IFAD", "IT"),
    ("World Food Programme", "WFP", "IT"),
    ("International Atomic Energy Agency", "IAEA", "AT"),
    ("United Nations Industrial Development Organization", "UNIDO", "AT"),
    ("United Nations Office on Drugs and Crime", "UNODC", "AT"),
    ("United Nations Office for Outer Space Affairs", "UNOOSA", "AT"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "AT"),
    ("United Nations Development Programme", "UNDP", "US"),
    ("United Nations Children's Fund", "UNICEF", "US"),
    ("United Nations Population Fund", "UNFPA", "US"),
    ("World Bank", "WB", "US"),
    ("International Monetary Fund", "IMF", "US"),
    ("Inter-American Development Bank", "IDB", "US"),
    ("Organization of American States", "OAS", "US"),
    ("United Nations Environment Programme", "UNEP", "KE"),
    ("United Nations Human Settlements Programme", "UN-Habitat", "KE"),
    ("African Union Commission", "AUC", "ET"),
    ("United Nations Economic Commission for Africa", "UNECA", "ET"),
    ("African Development Bank", "AfDB", "CI"),
    ("Asian Development Bank", "ADB", "PH"),
    ("Asian Infrastructure Investment Bank", "AIIB", "CN"),
    ("New Development Bank", "NDB", "CN"),
    ("Shanghai Cooperation Organisation", "SCO", "CN"),
    ("International Network for Bamboo and Rattan", "INBAR", "CN"),
    ("International Organization for the Prevention and Resolution of Commercial Disputes", "IOMed", "CN"),
    ("Asia-Pacific Space Cooperation Organization", "APSCO", "CN"),
    ("United Nations Economic and Social Commission for Asia and the Pacific", "ESCAP", "TH"),
    ("ASEAN Secretariat", "ASEAN", "ID"),
    ("Asia-Pacific Economic Cooperation Secretariat", "APEC", "SG"),
    ("Organisation for Economic Co-operation and Development", "OECD", "FR"),
    ("International Energy Agency", "IEA", "FR"),
    ("European Space Agency", "ESA", "FR"),
    ("International Bureau of Weights and Measures", "BIPM", "FR"),
    ("World Organisation for Animal Health", "WOAH", "FR"),
    ("Council of Europe", "CoE", "FR"),
    ("International Maritime Organization", "IMO", "GB"),
    ("Commonwealth Secretariat", "", "GB"),
    ("International Civil Aviation Organization", "ICAO", "CA"),
    ("Universal Postal Union", "UPU", "CH"),
    ("International Renewable Energy Agency", "IRENA", "AE"),
    ("Organisation for the Prohibition of Chemical Weapons", "OPCW", "NL"),
    ("Permanent Court of Arbitration", "PCA", "NL"),
    ("International Court of Justice", "ICJ", "NL"),
    ("European Union Intellectual Property Office", "EUIPO", "ES"),
    ("World Tourism Organization", "UNWTO", "ES"),
    ("United Nations University", "UNU", "JP"),
    ("Association of Pacific Rim Universities", "APRU", "HK"),
    ("International Association of Universities", "IAU", "FR"),
    ("International Astronautical Federation", "IAF", "FR"),
]

# Nine regional cooperation network platforms: (name, countries whose partners are members).
PLATFORMS = [
    ("Regional cooperation platform: Russia and Central Asia", "RU BY KZ UZ KG TJ AZ"),
    ("Regional cooperation platform: Southeast Asia", "SG MY TH ID PH VN"),
    ("Regional cooperation platform: Central and Eastern Europe", "PL HU RO BG GR SK LV LT EE"),
    ("Regional cooperation platform: Western Europe", "FR DE NL BE AT CH LU IE"),
    ("Regional cooperation platform: Northern Europe", "GB SE DK FI NO IS"),
    ("Regional cooperation platform: North America", "US CA MX"),
    ("Regional cooperation platform: Latin America", "BR AR CL CO PE EC UY CR PA"),
    ("Regional cooperation platform: Africa", "EG MA NG GH KE ZW BW NA ZM"),
    ("Regional cooperation platform: Middle East and South Asia", "TR IR IQ SA AE PK BD IN IL"),
]
# Two international alliances of universities initiated by the home university: (name, acronym,
# founded, member countries, how many members per country).
ALLIANCES = [
    ("International Alliance of Technological Universities (demo)", "IATU", 2016, "RU IT PL DE FR GB SG KR JP US", 2),
    ("University Alliance for Space Science and Technology (demo)", "UASST", 2019, "RU FR DE IT BR AR ZA NG EG TR", 1),
]

# Chinese names of the networks above (shown when Accord speaks Chinese).
NAMES_ZH = {
    "Regional cooperation platform: Russia and Central Asia": "区域合作平台：俄罗斯与中亚",
    "Regional cooperation platform: Southeast Asia": "区域合作平台：东南亚",
    "Regional cooperation platform: Central and Eastern Europe": "区域合作平台：中东欧",
    "Regional cooperation platform: Western Europe": "区域合作平台：西欧",
    "Regional cooperation platform: Northern Europe": "区域合作平台：北欧",
    "Regional cooperation platform: North America": "区域合作平台：北美",
    "Regional cooperation platform: Latin America": "区域合作平台：拉丁美洲",
    "Regional cooperation platform: Africa": "区域合作平台：非洲",
    "Regional cooperation platform: Middle East and South Asia": "区域合作平台：中东与南亚",
    "International Alliance of Technological Universities (demo)": "国际理工大学联盟（演示）",
    "University Alliance for Space Science and Technology (demo)": "空间科学与技术大学联盟（演示）",
}


def stable_key(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode())


@cache
def fixture_partners() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["partners"]


def partner_universities():
    """The demo office's partner universities: every university in the registry that is not the home
    university's, in a stable order (the hand-written demo's and the fixture's)."""
    return Institution.objects.outside_home().filter(kind=Kind.UNIVERSITY).order_by("name")


def international_organizations():
    names = [name for name, _acronym, _seat in INTERNATIONAL_ORGANIZATIONS]
    return Institution.objects.filter(name__in=names).order_by("name")


@transaction.atomic
def load() -> dict:
    """Create the fixture's universities, the international organizations and the networks (idempotent)."""
    countries = {c.code: c for c in Country.objects.all()}
    existing = set(Institution.objects.values_list("name", flat=True))
    new = [
        Institution(
            name=p["name"], country=countries[p["country"]], kind=Kind.UNIVERSITY, domains=[p["domain"]],
            website=p["website"], is_public=True, notes=DEMO_NOTE,
        )
        for p in fixture_partners()
        if p["name"] not in existing
    ]
    new += [
        Institution(name=name, country=countries[seat], kind=Kind.INTERNATIONAL, is_public=True, notes=DEMO_NOTE)
        for name, _acronym, seat in INTERNATIONAL_ORGANIZATIONS
        if name not in existing
    ]
    for institution in new:
        institution.save()
    acronyms = {name: acronym for name, acronym, _seat in INTERNATIONAL_ORGANIZATIONS if acronym}
    for institution in new:
        if institution.name in acronyms:
            InstitutionName.objects.create(institution=institution, name=acronyms[institution.name], kind="acronym")

    universities = list(partner_universities().select_related("country"))
    by_country: dict[str, list[Institution]] = {}
    for university in universities:
        by_country.setdefault(university.country_id, []).append(university)
    for name, codes in PLATFORMS:
        members = [u for code in codes.split() for u in by_country.get(code, [])]
        _network(name, "", Network.Kind.PLATFORM, None, members)
    home = Institution.objects.filter(is_home=True).first()
    for name, acronym, founded, codes, per_country in ALLIANCES:
        members = [home] if home else []
        for code in codes.split():
            members += sorted(by_country.get(code, []), key=lambda u: stable_key(name, u.name))[:per_country]
        _network(name, acronym, Network.Kind.ALLIANCE, founded, members)
    return {"partner universities": len(universities), "international organizations": international_organizations().count()}


def _network(name, acronym, kind, founded, members):
    network, _ = Network.objects.update_or_create(
        name=name, defaults={"acronym": acronym, "name_zh": NAMES_ZH.get(name, ""), "kind": kind, "founded": founded,
                             "description": "Demonstration data: an illustrative network of the demo office."},
    )
    have = set(network.memberships.values_list("institution_id", flat=True))
    for member in members:
        if member.pk not in have:
            NetworkMembership.objects.create(network=network, institution=member)
