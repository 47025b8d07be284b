"""Demo activities, written from the facts of the seed articles (titles and descriptions are our own)."""

from datetime import date

from django.db import transaction

from accord.activities.models import Activity, ActivityAgreement, ActivityParty, ActivityPerson, DatePrecision
from accord.activities.services import save_activity
from accord.records.services import upsert
from accord.registry.demo import DEMO_REASON, country, institution

BIT = "Beijing Institute of Technology"
HOST, GUEST, PARTICIPANT, ORGANIZER = (r.value for r in ActivityParty.Role)
K = Activity.Kind
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR

ACTIVITIES = [
    {
        "title": "Sino-French 60th anniversary exchange series",
        "kind": K.CULTURAL, "start_date": date(2024, 1, 1), "end_date": date(2024, 12, 31), "precision": YEAR,
        "country": "FR",
        "description": "A year of science, technology, education and culture exchanges marking six decades "
        "of diplomatic relations between China and France.",
        "parties": [(BIT, ORGANIZER)],
    },
    {
        "title": "BIT guide robots at the China–France friendship museum in Montargis",
        "kind": K.CULTURAL, "start_date": date(2024, 6, 1), "precision": MONTH, "city": "Montargis", "country": "FR",
        "description": "Three robots built at BIT guided visitors through a museum about the history of "
        "friendship between China and France.",
        "parties": [(BIT, ORGANIZER)],
        "people": [("Benoît Digeon", "Mayor of Montargis")],
    },
    {
        "title": "Football culture exchange with Claude Bernard University Lyon 1",
        "kind": K.CULTURAL, "start_date": date(2024, 1, 1), "precision": YEAR, "country": "FR",
        "description": "Students of both universities met around football as part of the anniversary series.",
        "parties": [(BIT, ORGANIZER), ("Claude Bernard University Lyon 1", PARTICIPANT)],
    },
    {
        "title": "Football culture exchange with the University of Montpellier",
        "kind": K.CULTURAL, "start_date": date(2024, 1, 1), "precision": YEAR, "country": "FR",
        "description": "A second football-themed student exchange within the anniversary series.",
        "parties": [(BIT, ORGANIZER), ("University of Montpellier", PARTICIPANT)],
    },
    {
        "title": "Meeting with Audencia Business School representatives",
        "kind": K.VISIT, "start_date": date(2024, 1, 1), "precision": YEAR, "country": "FR",
        "description": "University representatives met their Audencia counterparts.",
        "parties": [(BIT, PARTICIPANT), ("Audencia Business School", PARTICIPANT)],
    },
    {
        "title": "Global Governance Rules of Digital Economy sub-forum",
        "kind": K.FORUM, "start_date": date(2022, 7, 29), "precision": DAY, "city": "Beijing", "country": "CN",
        "participant_count": 160,
        "description": "A sub-forum of the Global Digital Economy Conference hosted at BIT. Over ten heads of "
        "international organizations and more than 150 experts took part (the participant figure is a floor).",
        "parties": [(BIT, HOST)],
    },
    {
        "title": "International College Student Innovative Practice Design Award",
        "kind": K.COMPETITION, "start_date": date(2021, 9, 1), "precision": MONTH, "city": "Beijing", "country": "CN",
        "faculty": "School of Design and Arts",
        "university_count": 159, "country_count": 15, "submission_count": 1609,
        "description": "A design competition launched by BIT for students of design schools worldwide.",
        "parties": [
            (BIT, ORGANIZER),
            ("Royal Academy of Art, The Hague", PARTICIPANT),
            ("Polytechnic University of Milan", PARTICIPANT),
            ("Central Academy of Fine Arts", PARTICIPANT),
        ],
    },
    {
        "title": "First International Space Science and Payload Competition",
        "kind": K.COMPETITION, "start_date": date(2022, 4, 1), "precision": MONTH, "city": "Beijing", "country": "CN",
        "faculty": "School of Aerospace Engineering",
        "description": "The opening edition of a competition for young space-science and payload engineers, "
        "started at BIT.",
        "parties": [(BIT, HOST)],
    },
    {
        "title": "Delegation of four Moroccan high schools",
        "kind": K.INBOUND, "start_date": date(2025, 1, 1), "precision": YEAR, "city": "Beijing", "country": "MA",
        "description": "Principals and officials of four Moroccan high schools toured BIT and discussed "
        "educational cooperation.",
        "parties": [(BIT, HOST)],
    },
    {
        "title": "Delegation of Thailand's Ministry of Education",
        "kind": K.INBOUND, "start_date": date(2023, 1, 1), "precision": YEAR, "city": "Beijing", "country": "TH",
        "description": "Talks on creating more study opportunities for students of both countries.",
        "parties": [(BIT, HOST), ("Ministry of Education of Thailand", GUEST)],
    },
    {
        "title": "Hanyang University delegation",
        "kind": K.INBOUND, "start_date": date(2024, 10, 1), "precision": MONTH, "city": "Beijing", "country": "KR",
        "description": "A review of what eleven years of exchange between the two universities have produced.",
        "parties": [(BIT, HOST), ("Hanyang University", GUEST)],
    },
    {
        "title": "Uzbekistan's ICT development minister visits BIT",
        "kind": K.INBOUND, "start_date": date(2024, 1, 1), "precision": YEAR, "city": "Beijing", "country": "UZ",
        "description": "The minister and a delegation of four discussed training international talent.",
        "parties": [
            (BIT, HOST),
            ("Ministry for the Development of Information Technologies and Communications of Uzbekistan", GUEST),
        ],
        "people": [("Rustam Karimjonov", "Minister, head of the delegation")],
    },
    {
        "title": "Delegation to Bauman Moscow State Technical University (2018)",
        "kind": K.OUTBOUND, "start_date": date(2018, 1, 1), "precision": YEAR, "city": "Moscow", "country": "RU",
        "description": "A BIT delegation travelled to Russia to sign a joint student training agreement.",
        "parties": [(BIT, GUEST), ("Bauman Moscow State Technical University", HOST)],
        "agreements": ["Student joint-training agreement with Bauman Moscow State Technical University"],
    },
    {
        "title": "Delegation to Bauman Moscow State Technical University (2019)",
        "kind": K.OUTBOUND, "start_date": date(2019, 1, 1), "precision": YEAR, "city": "Moscow", "country": "RU",
        "description": "A second trip to Russia, this time to sign a cooperative education agreement.",
        "parties": [(BIT, GUEST), ("Bauman Moscow State Technical University", HOST)],
        "agreements": ["Cooperative-education agreement with Bauman Moscow State Technical University"],
    },
    {
        "title": "International students visit Beijing Automotive Group R&D centres",
        "kind": K.VISIT, "start_date": date(2018, 1, 1), "precision": YEAR, "city": "Beijing", "country": "CN",
        "description": "International students saw automotive research first-hand and met potential employers.",
        "parties": [(BIT, GUEST), ("Beijing Automotive Group", HOST)],
    },
]

COUNTS = ("participant_count", "university_count", "country_count", "submission_count")


@transaction.atomic
def load() -> dict:
    """Create or update the demo activities through the activities service; a second run changes nothing."""
    people = ActivityPerson.person.field.related_model.objects  # recorded by the mobility demo step (earlier)
    agreements = ActivityAgreement.agreement.field.related_model.objects  # and these by the agreements step
    for spec in ACTIVITIES:
        values = {
            "kind": spec["kind"],
            "description": spec["description"],
            "start_date": spec["start_date"],
            "end_date": spec.get("end_date"),
            "date_precision": spec["precision"],
            "city": spec.get("city", ""),
            "country": country(spec.get("country")),
            "faculty": institution(spec.get("faculty")),
            "is_public": True,
            **{name: spec.get(name) for name in COUNTS},
        }
        activity = upsert(Activity, {"title": spec["title"]}, values, reason=DEMO_REASON, save=save_activity)
        for name, role in spec["parties"]:
            upsert(ActivityParty, {"activity": activity, "institution": institution(name), "role": role}, {},
                   reason=DEMO_REASON)
        for name, role in spec.get("people", []):
            upsert(ActivityPerson, {"activity": activity, "person": people.get(name=name)}, {"role": role},
                   reason=DEMO_REASON)
        for agreement in agreements.filter(title__in=spec.get("agreements", [])).order_by("pk"):
            upsert(ActivityAgreement, {"activity": activity, "agreement": agreement}, {}, reason=DEMO_REASON)
    return {
        "activities": Activity.objects.count(),
        "parties": ActivityParty.objects.count(),
        "people at activities": ActivityPerson.objects.count(),
        "agreement links": ActivityAgreement.objects.count(),
    }
