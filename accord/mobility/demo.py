"""Demo people, programs, mobility and student cohorts, written from the facts of the seed articles.

Cohort figures per country are invented for the demo (the sources give only the three enrolment
regions); their `source` says so.
"""

from datetime import date

from django.db import transaction

from accord.mobility.models import Level, Mobility, Person, Program, ProgramPartner, StudentCohort
from accord.mobility.services import save_mobility, save_person, save_program
from accord.records.services import save_record
from accord.records.services import upsert as upsert_record
from accord.registry.demo import DEMO_REASON, country, institution

DEMO_FIGURES = "Demo figure, invented for illustration"


def upsert(model, lookup, values, save=save_record):
    """records.services.upsert, with the demo's change reason."""
    return upsert_record(model, lookup, values, reason=DEMO_REASON, save=save)


# name, kind, title, institution, nationality, faculty
PEOPLE = [
    ("Wei Yiming", Person.Kind.OFFICIAL, "Vice-President", "Beijing Institute of Technology", None, None),
    ("Wang Shuguo", Person.Kind.OFFICIAL, "President", "Xi'an Jiaotong University", None, None),
    ("Christian Lerminiaux", Person.Kind.OFFICIAL, "President", "ParisTech", None, None),
    ("Benoît Digeon", Person.Kind.OFFICIAL, "Mayor of Montargis", None, "FR", None),
    ("Rustam Karimjonov", Person.Kind.OFFICIAL,
     "Minister for the Development of Information Technologies and Communications of Uzbekistan",
     "Ministry for the Development of Information Technologies and Communications of Uzbekistan", "UZ", None),
    ("Zhang Wei", Person.Kind.STUDENT, "LL.M. student (class of 2019)", "Beijing Institute of Technology", None,
     "School of Law"),
]

PROGRAMS = [
    {
        "name": "Shenzhen MSU-BIT University",
        "kind": Program.Kind.JOINT_INSTITUTE,
        "start_date": date(2017, 9, 13),
        "established": 2017,
        "city": "Shenzhen",
        "country": "CN",
        "website": "",
        "description": "A Sino-Russian university in Shenzhen run jointly with Lomonosov Moscow State University; "
        "it held its first opening ceremony in September 2017.",
        "partners": [("Lomonosov Moscow State University", ProgramPartner.Role.FOUNDER)],
    },
    {
        "name": "BIT-BMSTU Joint School",
        "kind": Program.Kind.JOINT_SCHOOL,
        "established": 2021,
        "country": "CN",
        "description": "Joint school with Bauman Moscow State Technical University; approval came in May 2021.",
        "partners": [("Bauman Moscow State Technical University", ProgramPartner.Role.FOUNDER)],
    },
    {
        "name": "Confucius Institute co-built by BIT (first)",
        "kind": Program.Kind.CONFUCIUS,
        "description": "One of the two Confucius Institutes the university helped build. The sources do not "
        "name the partner university; add it when known.",
        "partners": [],
    },
    {
        "name": "Confucius Institute co-built by BIT (second)",
        "kind": Program.Kind.CONFUCIUS,
        "description": "The other Confucius Institute the university helped build; partner not named in the sources.",
        "partners": [],
    },
    {
        "name": "International Organizations and Global Governance",
        "kind": Program.Kind.OTHER,
        "level": Level.MASTER,
        "established": 2021,
        "intake": 60,
        "country": "CN",
        "city": "Beijing",
        "description": "A dedicated master's track across management science and engineering, business "
        "administration and law that prepares students for careers in international organizations.",
        "partners": [],
    },
    {
        "name": "Global Governance Elite Undergraduate Class",
        "kind": Program.Kind.OTHER,
        "level": Level.BACHELOR,
        "established": 2022,
        "intake": 25,
        "country": "CN",
        "city": "Beijing",
        "faculty": "Xu Teli College",
        "description": "An undergraduate class in Xu Teli College focused on global governance.",
        "partners": [],
    },
    {
        "name": "Study in BIT Uganda Workstation",
        "kind": Program.Kind.OTHER,
        "established": 2024,
        "country": "UG",
        "description": "A workstation in Uganda set up with China Communications Construction Company to "
        "cultivate talent together and share resources.",
        "partners": [("China Communications Construction Company", ProgramPartner.Role.PARTNER)],
    },
]

# (nationality, students) per enrolment region; demo figures for the 2023–2024 academic year
COHORT_YEAR = 2023
COHORTS = {
    "Southeast Asia": [("TH", 18), ("VN", 14), ("ID", 12), ("MY", 9), ("LA", 6), ("KH", 5)],
    "Central and Eastern Europe": [("RS", 7), ("PL", 6), ("HU", 5), ("BG", 4), ("CZ", 3)],
    "Eastern and Southern Africa": [("ET", 11), ("KE", 9), ("TZ", 8), ("UG", 7), ("ZM", 5), ("ZA", 4)],
}


def _people():
    for name, kind, title, inst, nationality, faculty in PEOPLE:
        upsert(
            Person,
            {"name": name},
            {
                "kind": kind,
                "title": title,
                "institution": institution(inst),
                "nationality": country(nationality),
                "faculty": institution(faculty),
            },
            save=save_person,
        )


def _programs():
    for spec in PROGRAMS:
        spec = dict(spec)
        partners = spec.pop("partners")
        values = {
            "kind": spec.pop("kind"),
            "level": spec.pop("level", ""),
            "start_date": spec.pop("start_date", None),
            "established": spec.pop("established", None),
            "intake": spec.pop("intake", None),
            "city": spec.pop("city", ""),
            "country": country(spec.pop("country", None)),
            "faculty": institution(spec.pop("faculty", None)),
            "website": spec.pop("website", ""),
            "description": spec.pop("description"),
        }
        program = upsert(Program, {"name": spec.pop("name")}, values, save=save_program)
        for partner, role in partners:
            upsert(ProgramPartner, {"program": program, "institution": institution(partner)}, {"role": role})


def _mobility():
    zhang = Person.objects.get(name="Zhang Wei")
    bit = institution("Beijing Institute of Technology")
    law = institution("School of Law")
    upsert(
        Mobility,
        {"person": zhang, "kind": Mobility.Kind.INTERNSHIP, "start_date": date(2022, 6, 1)},
        {
            "direction": Mobility.Direction.OUTGOING,
            "home_institution": bit,
            "host_institution": None,
            "level": Level.MASTER,
            "faculty": law,
            "notes": "Internship at an international organization from June 2022 (month known, day not); "
            "the organization is not named in the source.",
        },
        save=save_mobility,
    )
    upsert(
        Mobility,
        {"person": zhang, "kind": Mobility.Kind.INTERNSHIP, "host_institution": institution("European Space Agency")},
        {
            "direction": Mobility.Direction.OUTGOING,
            "home_institution": bit,
            "level": Level.MASTER,
            "faculty": law,
            "notes": "Summer program of the Space Law Centre, before the 2022 internship; exact dates not recorded.",
        },
        save=save_mobility,
    )


def _cohorts():
    for region, rows in COHORTS.items():
        for code, students in rows:
            upsert(
                StudentCohort,
                {"kind": StudentCohort.Kind.INTERNATIONAL, "academic_year": COHORT_YEAR, "nationality": country(code),
                 "level": "", "program": None},
                {"count": students, "source": f"{DEMO_FIGURES} ({region} enrolment region)"},
            )
    upsert(
        StudentCohort,
        {"kind": StudentCohort.Kind.INTAKE, "academic_year": 2022, "nationality": None, "level": "",
         "program": Program.objects.get(name="Shenzhen MSU-BIT University")},
        {"count": 800, "source": "Nearly 800 new students entered the university in August 2022"},
    )


@transaction.atomic
def load() -> dict:
    """Create or update the demo people, programs, mobility and cohorts; a second run changes nothing."""
    _people()
    _programs()
    _mobility()
    _cohorts()
    return {
        "people": Person.objects.count(),
        "programs": Program.objects.count(),
        "mobility records": Mobility.objects.count(),
        "student cohorts": StudentCohort.objects.count(),
    }
