"""The demo registry: the home university, the partners and countries its own news names,
a few networks and country groups. Written from the facts of the seed articles."""

from django.db import transaction

from accord.registry.models import Country, CountryGroup, Institution, InstitutionName, Kind, Network, NetworkMembership

DEMO_REASON = "demo data"  # the change reason of every record the demo writes

HOME = {
    "name": "Beijing Institute of Technology",
    "local_name": "北京理工大学",
    "local_language": "zh",
    "country": "CN",
    "city": "Beijing",
    "latitude": 39.9594,
    "longitude": 116.3102,
    "website": "https://www.bit.edu.cn/",
    "domains": ["bit.edu.cn"],
    "established": 1940,
    "is_public": True,
    "acronyms": ["BIT"],
}

FACULTIES = [
    "School of Aerospace Engineering",
    "School of Mechanical Engineering",
    "School of Information and Electronics",
    "School of Materials Science and Engineering",
    "School of Design and Arts",
    "School of Law",
    "School of Global Governance",
    "Xu Teli College",
    "International Student Center",
]

# name, country, city, kind, extra (lat, lon, local name, acronyms, aliases)
PARTNERS = [
    ("Nouvel Institut Franco-Chinois", "FR", "Lyon", Kind.OTHER, {"acronyms": ["NIFC"], "lat": 45.7578, "lon": 4.8320}),
    ("Claude Bernard University Lyon 1", "FR", "Villeurbanne", Kind.UNIVERSITY,
     {"local": ("Université Claude Bernard Lyon 1", "fr"), "acronyms": ["UCBL"], "lat": 45.7797, "lon": 4.8656}),
    ("University of Montpellier", "FR", "Montpellier", Kind.UNIVERSITY,
     {"local": ("Université de Montpellier", "fr"), "lat": 43.6313, "lon": 3.8613}),
    ("Audencia Business School", "FR", "Nantes", Kind.UNIVERSITY,
     {"aliases": ["Audencia Nantes École de Management", "Audencia"], "lat": 47.2460, "lon": -1.5523}),
    ("ParisTech", "FR", "Paris", Kind.UNIVERSITY,
     {"aliases": ["Paris Institute of Technology", "ParisTech Group"], "lat": 48.8566, "lon": 2.3522}),
    ("Xi'an Jiaotong University", "CN", "Xi'an", Kind.UNIVERSITY,
     {"local": ("西安交通大学", "zh"), "acronyms": ["XJTU"], "lat": 34.2469, "lon": 108.9837}),
    ("Bauman Moscow State Technical University", "RU", "Moscow", Kind.UNIVERSITY,
     {"local": ("Московский государственный технический университет имени Н. Э. Баумана", "ru"),
      "acronyms": ["BMSTU"], "aliases": ["Moscow State Baumann University of Technology", "Bauman University"],
      "lat": 55.7659, "lon": 37.6855}),
    ("Lomonosov Moscow State University", "RU", "Moscow", Kind.UNIVERSITY,
     {"local": ("Московский государственный университет имени М. В. Ломоносова", "ru"), "acronyms": ["MSU"],
      "aliases": ["Moscow State University"], "lat": 55.7039, "lon": 37.5287}),
    ("Shenzhen MSU-BIT University", "CN", "Shenzhen", Kind.UNIVERSITY,
     {"local": ("深圳北理莫斯科大学", "zh"), "aliases": ["MSU-BIT University"], "lat": 22.6953, "lon": 114.2154}),
    ("University of Montreal", "CA", "Montreal", Kind.UNIVERSITY,
     {"local": ("Université de Montréal", "fr"), "lat": 45.5048, "lon": -73.6132}),
    ("University of Manchester", "GB", "Manchester", Kind.UNIVERSITY, {"lat": 53.4668, "lon": -2.2339}),
    ("National University of Singapore", "SG", "Singapore", Kind.UNIVERSITY,
     {"acronyms": ["NUS"], "lat": 1.2966, "lon": 103.7764}),
    ("National Academy of Sciences of Belarus", "BY", "Minsk", Kind.RESEARCH,
     {"aliases": ["Belarusian Academy of Sciences"], "acronyms": ["NASB"], "lat": 53.9213, "lon": 27.5994}),
    ("Belarusian Republican Foundation for Fundamental Research", "BY", "Minsk", Kind.NONPROFIT,
     {"aliases": ["Belarusian Foundation for Basic Research"], "acronyms": ["BRFFR"]}),
    ("Royal Academy of Art, The Hague", "NL", "The Hague", Kind.UNIVERSITY,
     {"local": ("Koninklijke Academie van Beeldende Kunsten", "nl"), "aliases": ["Royal Academy of Art"],
      "acronyms": ["KABK"], "lat": 52.0786, "lon": 4.3130}),
    ("Polytechnic University of Milan", "IT", "Milan", Kind.UNIVERSITY,
     {"local": ("Politecnico di Milano", "it"), "acronyms": ["POLIMI"], "lat": 45.4781, "lon": 9.2272}),
    ("Central Academy of Fine Arts", "CN", "Beijing", Kind.UNIVERSITY,
     {"local": ("中央美术学院", "zh"), "acronyms": ["CAFA"], "lat": 39.9835, "lon": 116.4768}),
    ("Hanyang University", "KR", "Seoul", Kind.UNIVERSITY,
     {"local": ("한양대학교", "ko"), "lat": 37.5572, "lon": 127.0453}),
    ("Ministry of Education of Thailand", "TH", "Bangkok", Kind.GOVERNMENT, {"lat": 13.7563, "lon": 100.5018}),
    ("Ministry for the Development of Information Technologies and Communications of Uzbekistan", "UZ",
     "Tashkent", Kind.GOVERNMENT, {"aliases": ["Uzbekistan Ministry of ICT Development"], "lat": 41.2995, "lon": 69.2401}),
    ("European Space Agency", "FR", "Paris", Kind.INTERNATIONAL,
     {"acronyms": ["ESA"], "lat": 48.8490, "lon": 2.3030}),
    ("Beijing Automotive Group", "CN", "Beijing", Kind.COMPANY, {"acronyms": ["BAIC"]}),
    ("China Communications Construction Company", "CN", "Beijing", Kind.COMPANY, {"acronyms": ["CCCC"]}),
    ("AgroParisTech", "FR", "Paris", Kind.UNIVERSITY, {}),
    ("Arts et Métiers ParisTech", "FR", "Paris", Kind.UNIVERSITY, {"aliases": ["Arts et Métiers"]}),
    ("Chimie ParisTech", "FR", "Paris", Kind.UNIVERSITY, {}),
    ("École des Ponts ParisTech", "FR", "Champs-sur-Marne", Kind.UNIVERSITY, {"aliases": ["Ecole des Ponts"]}),
    ("ESPCI Paris", "FR", "Paris", Kind.UNIVERSITY, {"aliases": ["ESPCI ParisTech"]}),
    ("Institut d'Optique Graduate School", "FR", "Palaiseau", Kind.UNIVERSITY, {"aliases": ["Institut d'Optique"]}),
    ("MINES ParisTech", "FR", "Paris", Kind.UNIVERSITY, {"aliases": ["Mines Paris - PSL"]}),
]

NETWORKS = [
    {
        "name": "ParisTech",
        "name_zh": "巴黎高科",
        "acronym": "",
        "kind": Network.Kind.ALLIANCE,
        "description": "Alliance of French engineering schools.",
        "members": [
            "AgroParisTech", "Arts et Métiers ParisTech", "Chimie ParisTech", "École des Ponts ParisTech",
            "ESPCI Paris", "Institut d'Optique Graduate School", "MINES ParisTech",
        ],
    },
    {
        "name": "BIT-BMSTU Joint School founders",
        "acronym": "",
        "kind": Network.Kind.CONSORTIUM,
        "description": "The two universities behind the BIT-BMSTU Joint School, approved in May 2021.",
        "members": ["Beijing Institute of Technology", "Bauman Moscow State Technical University"],
    },
    {
        "name": "Shenzhen MSU-BIT University founders",
        "name_zh": "深圳北理莫斯科大学创办高校",
        "acronym": "",
        "kind": Network.Kind.CONSORTIUM,
        "description": "The founders of the first Sino-Russian cooperative university in China (opened 2017).",
        "members": ["Beijing Institute of Technology", "Lomonosov Moscow State University"],
    },
]

BELT_AND_ROAD = (
    "RU BY UZ KZ KG TJ TM MN PK TH MY SG MM VN LA KH ID PH BD LK NP AE SA QA OM KW BH IR IQ TR EG "
    "MA DZ TN ET KE UG TZ ZA NG GH SN RS HU PL CZ SK GR PT IT BG RO HR SI ME AL MK BA GE AM AZ NZ"
)

GROUPS = [
    {
        "name": "Belt and Road",
        "name_zh": "一带一路",
        "kind": CountryGroup.Kind.INITIATIVE,
        "description": "Countries that signed Belt and Road cooperation documents with China.",
        "countries": BELT_AND_ROAD,
    },
    {
        "name": "ASEAN",
        "name_zh": "东盟",
        "kind": CountryGroup.Kind.REGION,
        "description": "Association of Southeast Asian Nations.",
        "countries": "BN KH ID LA MY MM PH SG TH VN",
    },
    {
        "name": "Central and Eastern Europe",
        "name_zh": "中东欧",
        "kind": CountryGroup.Kind.REGION,
        "description": "Countries of the China–Central and Eastern European Countries cooperation.",
        "countries": "AL BA BG HR CZ EE GR HU LV LT ME MK PL RO RS SK SI",
    },
    {
        "name": "Eastern and Southern Africa",
        "name_zh": "东南部非洲",
        "kind": CountryGroup.Kind.REGION,
        "description": "Where many of the university's African international students come from.",
        "countries": "BI KM DJ ER ET KE MG MW MU MZ RW SC SO SS TZ UG ZM ZW AO BW LS NA ZA SZ",
    },
]


def institution(name):
    """The demo institution of that name (None for no name): how the later demo steps name parties."""
    return Institution.objects.get(name=name) if name else None


def country(code):
    return Country.objects.get(code=code) if code else None


def _upsert_institution(name, country, *, parent=None, **fields):
    inst, _ = Institution.objects.update_or_create(
        name=name, defaults={"country": Country.objects.get(code=country), "parent": parent, **fields}
    )
    return inst


def _names(inst, kind, values, language=""):
    for value in values:
        InstitutionName.objects.get_or_create(institution=inst, name=value, kind=kind, defaults={"language": language})


@transaction.atomic
def load() -> dict:
    """Create or update the demo registry; running it twice changes nothing the second time."""
    home_data = dict(HOME)
    acronyms = home_data.pop("acronyms")
    home = _upsert_institution(home_data.pop("name"), home_data.pop("country"), is_home=True, **home_data)
    _names(home, "acronym", acronyms)
    for name in FACULTIES:
        _upsert_institution(name, "CN", parent=home, kind=Kind.FACULTY, city="Beijing")
    for name, country, city, kind, extra in PARTNERS:
        local_name, local_language = extra.get("local", ("", ""))
        inst = _upsert_institution(
            name,
            country,
            city=city,
            kind=kind,
            local_name=local_name,
            local_language=local_language,
            latitude=extra.get("lat"),
            longitude=extra.get("lon"),
            is_public=True,
        )
        _names(inst, "acronym", extra.get("acronyms", []))
        _names(inst, "alias", extra.get("aliases", []))
        if local_name:
            _names(inst, "label", [local_name], local_language)
    for spec in NETWORKS:
        network, _ = Network.objects.update_or_create(
            name=spec["name"],
            defaults={"kind": spec["kind"], "description": spec["description"], "name_zh": spec.get("name_zh", "")},
        )
        for member in spec["members"]:
            NetworkMembership.objects.get_or_create(network=network, institution=Institution.objects.get(name=member))
    for spec in GROUPS:
        group, _ = CountryGroup.objects.update_or_create(
            name=spec["name"],
            defaults={
                "slug": spec["name"].lower().replace(" ", "-"),
                "kind": spec["kind"],
                "description": spec["description"],
                "name_zh": spec.get("name_zh", ""),
            },
        )
        group.countries.set(Country.objects.filter(code__in=spec["countries"].split()))
    return {
        "institutions": Institution.objects.count(),
        "networks": Network.objects.count(),
        "groups": CountryGroup.objects.count(),
    }
