"""Demo data of the guidance center: calls (texts written for the demo, dates relative to today so
some are open), two teachers, applications in several stages and the center's consultations,
among them its preparatory meeting of 13 April in Conference Room 233 of Building 2."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accord.accounts.demo import create_demo_users
from accord.accounts.roles import TEACHER
from accord.guidance.models import Application, Call, CallStep, Consultation, ProgramType, Stage
from accord.guidance.services import advance, mark_step, save_call, start_application
from accord.records.services import upsert
from accord.registry.demo import DEMO_REASON
from accord.registry.models import Country, CountryGroup, Institution

# username, role, full name, faculty (listed by `accord demo --list-users`)
USERS = [
    ("teacher", TEACHER, "Tao Teacher", "School of Aerospace Engineering"),
    ("mentor", TEACHER, "Min Mentor", "School of Mechanical Engineering"),
]

STEPS = {
    "standard": [
        ("Talk to the guidance center", "Book a consultation; bring a one-page idea.", None),
        ("Confirm the foreign partner", "A letter of intent signed by the partner institution.", 10),
        ("Draft the proposal", "Objectives, work plan, budget and the partner's contribution.", None),
        ("Internal review", "The Institute of Science and Technology reviews the proposal before the internal deadline.",
         "internal"),
        ("Submit to the funder", "Online submission by the external deadline.", "external"),
    ],
}

CALLS = [
    {
        "title": "National Key R&D Program: intergovernmental international S&T innovation cooperation",
        "funder": "Ministry of Science and Technology of the People's Republic of China",
        "program_type": ProgramType.NATIONAL,
        "positioning": "Joint research with partner countries under intergovernmental S&T agreements, aimed at "
        "strategic technologies and at teams that already work with a foreign partner.",
        "requirements": "A foreign partner institution in an eligible country with its own funding commitment; "
        "the principal investigator holds a senior title or a doctorate; one application per person per year.",
        "countries": ["RU", "BY", "FR", "IT", "SG"], "groups": ["Belt and Road"],
        "disciplines": ["07", "061", "053"], "keywords": "aerospace, intelligent manufacturing, new materials, energy",
        "budget": ("1000000", "5000000", "CNY"), "open": -20, "internal": 12, "external": 40,
        "link": "https://service.most.gov.cn/",
    },
    {
        "title": "BIT–Belarus joint scientific research guidance fund",
        "funder": "Beijing Institute of Technology with the National Academy of Sciences of Belarus and the "
        "Belarusian Republican Foundation for Fundamental Research",
        "program_type": ProgramType.BILATERAL,
        "positioning": "Seed projects with Belarusian academies and universities that prepare larger bilateral "
        "applications; young teachers are encouraged to lead.",
        "requirements": "A Belarusian co-investigator at an institute of the National Academy of Sciences of Belarus "
        "or a Belarusian university; two-year projects; a joint publication or patent plan.",
        "countries": ["BY"], "groups": [],
        "disciplines": ["071", "072", "053"], "keywords": "materials, laser, optics, mechanical engineering",
        "budget": ("100000", "300000", "CNY"), "open": -10, "internal": 25, "external": 55, "link": "",
    },
    {
        "title": "International (regional) cooperation and exchange programs",
        "funder": "National Natural Science Foundation of China",
        "program_type": ProgramType.FOUNDATION,
        "positioning": "Cooperative research with foreign scientists on basic research questions, and exchanges "
        "such as joint workshops.",
        "requirements": "The applicant holds or has held an NSFC grant; the foreign partner brings matching "
        "support from a partner funding agency where an agreement exists.",
        "countries": [], "groups": [],
        "disciplines": ["05", "06", "07"], "keywords": "basic research, joint workshop, exchange",
        "budget": ("200000", "2000000", "CNY"), "open": -5, "internal": 30, "external": 60,
        "link": "https://www.nsfc.gov.cn/",
    },
    {
        "title": "Sino-Russian joint research program in aerospace and advanced manufacturing",
        "funder": "Ministry of Science and Technology of the People's Republic of China and the Russian Science "
        "Foundation",
        "program_type": ProgramType.INTERGOVERNMENTAL,
        "positioning": "Joint teams of Chinese and Russian universities on aerospace propulsion, flight dynamics "
        "and advanced manufacturing.",
        "requirements": "A Russian partner applying in parallel to the Russian Science Foundation with the same "
        "project; three-year projects.",
        "countries": ["RU"], "groups": [],
        "disciplines": ["071", "072", "104"], "keywords": "aerospace, propulsion, spacecraft, flight dynamics",
        "budget": ("500000", "1500000", "CNY"), "open": -30, "internal": 8, "external": 21, "link": "",
    },
    {
        "title": "Horizon Europe cluster 4 (digital, industry and space): international cooperation topics",
        "funder": "European Commission",
        "program_type": ProgramType.EU_FRAMEWORK,
        "positioning": "Consortia of European and international partners on digital and space technologies.",
        "requirements": "At least three independent legal entities from EU member states or associated countries; "
        "Chinese participants bring their own funding.",
        "countries": ["FR", "IT", "NL", "DE"], "groups": [],
        "disciplines": ["061", "071"], "keywords": "artificial intelligence, robotics, space, digital",
        "budget": ("2000000", "6000000", "EUR"), "open": 15, "internal": 90, "external": 120,
        "link": "https://ec.europa.eu/info/funding-tenders/",
    },
    {
        "title": "Sino-Russian joint research program: previous round",
        "funder": "Ministry of Science and Technology of the People's Republic of China and the Russian Science "
        "Foundation",
        "program_type": ProgramType.INTERGOVERNMENTAL,
        "positioning": "The earlier round of the joint program in aerospace and advanced manufacturing.",
        "requirements": "As in the current round.",
        "countries": ["RU"], "groups": [],
        "disciplines": ["071"], "keywords": "aerospace, propulsion",
        "budget": ("500000", "1500000", "CNY"), "open": -420, "internal": -340, "external": -320, "link": "",
    },
]

# applicant, call title, project title, discipline, direction, partners, mentor, path of stages
APPLICATIONS = [
    ("teacher", CALLS[3]["title"], "Ablation-resistant nozzle materials for reusable launchers", "071",
     "Thermal protection and nozzle materials for reusable rocket engines, tested with a Russian propulsion lab.",
     ["Bauman Moscow State Technical University"], "mentor", [Stage.CONSULTATION, Stage.DRAFTING]),
    ("teacher", CALLS[1]["title"], "Laser cladding of wear-resistant coatings", "072",
     "Laser surface engineering of alloy coatings with Belarusian materials scientists.",
     ["National Academy of Sciences of Belarus"], "mentor", []),
    ("teacher", CALLS[0]["title"], "Autonomous navigation for small satellites", "071",
     "Guidance, navigation and control for small satellite constellations.",
     ["Lomonosov Moscow State University"], "mentor",
     [Stage.CONSULTATION, Stage.DRAFTING, Stage.INTERNAL_REVIEW, Stage.SUBMITTED]),
    ("mentor", CALLS[5]["title"], "Hypersonic flow control with plasma actuators", "071",
     "Plasma actuators for flow control in hypersonic aerospace vehicles.",
     ["Bauman Moscow State Technical University"], None,
     [Stage.DRAFTING, Stage.INTERNAL_REVIEW, Stage.SUBMITTED, Stage.AWARDED]),
    ("mentor", CALLS[5]["title"], "Additive manufacturing of turbine blades", "072",
     "Metal additive manufacturing of cooled turbine blades.",
     ["Bauman Moscow State Technical University"], None,
     [Stage.DRAFTING, Stage.INTERNAL_REVIEW, Stage.SUBMITTED, Stage.REJECTED]),
]


def _last_april_13(today: date) -> date:
    this_year = date(today.year, 4, 13)
    return this_year if this_year <= today else date(today.year - 1, 4, 13)


def _at(day: date, hour: int, minute: int = 0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _users() -> dict:
    create_demo_users(USERS)
    return {user.username: user for user in get_user_model().objects.filter(username__in=[u[0] for u in USERS])}


def _calls(today: date) -> dict[str, Call]:
    calls = {}
    for spec in CALLS:
        low, high, currency = spec["budget"]
        internal, external = today + timedelta(days=spec["internal"]), today + timedelta(days=spec["external"])
        call = upsert(Call, {"title": spec["title"]}, save=save_call, reason=DEMO_REASON, values={
            "funder": spec["funder"], "program_type": spec["program_type"], "positioning": spec["positioning"],
            "requirements": spec["requirements"], "disciplines": spec["disciplines"], "keywords": spec["keywords"],
            "budget_min": Decimal(low), "budget_max": Decimal(high), "currency": currency, "link": spec["link"],
            "open_date": today + timedelta(days=spec["open"]), "internal_deadline": internal,
            "external_deadline": external,
        })
        call.countries.set(Country.objects.filter(code__in=spec["countries"]))
        call.country_groups.set(CountryGroup.objects.filter(name__in=spec["groups"]))
        due = {"internal": internal, "external": external}
        for order, (title, description, when) in enumerate(STEPS["standard"], start=1):
            day = due.get(when) if isinstance(when, str) else (call.open_date + timedelta(days=when) if when else None)
            upsert(CallStep, {"call": call, "order": order}, {"title": title, "description": description, "due_date": day},
                   reason=DEMO_REASON)
        calls[call.title] = call
    return calls


def _applications(users, calls, today: date) -> int:
    for applicant, call_title, title, discipline, direction, partners, mentor, path in APPLICATIONS:
        user = users[applicant]
        if Application.objects.filter(applicant=user, title=title).exists():
            continue
        application = start_application(
            applicant=user, call=calls[call_title], title=title, discipline=discipline, research_direction=direction,
            mentor=users.get(mentor), partners=Institution.objects.filter(name__in=partners),
        )
        for stage in path:
            advance(application, stage, by=users.get(mentor) or user)
        done = {Stage.DRAFTING: 1, Stage.INTERNAL_REVIEW: 3, Stage.SUBMITTED: 5}
        reached = max((done.get(s, 0) for s in path), default=0)
        for step in application.steps.filter(order__lte=reached).order_by("order"):
            mark_step(step, done=True, by=user, today=today)
    return len(APPLICATIONS)


def _consultations(users, calls, today: date) -> int:
    specs = [
        ("Preparatory meeting of the Joint Guidance Center for International S&T Cooperation Projects",
         _at(_last_april_13(today), 14, 30), "Conference Room 233, Building 2", None, None, 40,
         "Founding meeting of the center: the types, target positioning, requirements and processes of "
         "national-level international S&T cooperation projects were presented, and young teachers discussed "
         "applications in their own fields."),
        ("Consultation: intergovernmental S&T innovation cooperation call",
         _at(today + timedelta(days=5), 15), "Conference Room 233, Building 2", "mentor", CALLS[0]["title"], 8,
         "Bring a one-page idea and the name of your foreign partner."),
        ("Proposal clinic: BIT–Belarus joint research guidance fund",
         _at(today + timedelta(days=10), 10), "Room 410, Central Teaching Building", "mentor", CALLS[1]["title"], 6,
         "Budget and work-plan review with an experienced applicant."),
    ]
    for title, starts_at, place, mentor, call_title, capacity, notes in specs:
        consultation = upsert(Consultation, {"title": title}, reason=DEMO_REASON, values={
            "starts_at": starts_at, "place": place, "mentor": users.get(mentor), "capacity": capacity,
            "call": calls.get(call_title), "notes": notes,
        })
        if consultation.starts_at < timezone.now():
            consultation.applicants.add(users["teacher"], users["mentor"])
    return len(specs)


@transaction.atomic
def load(today: date | None = None) -> dict:
    today = today or timezone.localdate()
    users = _users()
    calls = _calls(today)
    return {
        "teachers": len(users),
        "calls": len(calls),
        "applications": _applications(users, calls, today),
        "consultations": _consultations(users, calls, today),
    }
