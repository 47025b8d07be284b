"""The demo office's mobility, illustrative: exchange and degree students, visiting scholars and
staff coming from and going to the partner universities, and interns placed in international
organizations by the School of Global Governance, academic years 2016–2024. People are named by
their record ("Exchange student 2019-014"): none is a real person."""

from datetime import date

from django.db import transaction

from accord.mobility.models import Level, Mobility, Person
from accord.mobility.services import create_stays
from accord.registry.demo import DEMO_REASON
from accord.registry.demo_office import international_organizations, partner_universities, stable_key
from accord.registry.models import Institution

D, M = Mobility.Direction, Mobility.Kind
YEARS = range(2016, 2025)
# (direction, kind, per academic year, person kind, level)
FLOWS = [
    (D.INCOMING, M.EXCHANGE, 30, Person.Kind.STUDENT, Level.BACHELOR),
    (D.INCOMING, M.DEGREE, 20, Person.Kind.STUDENT, Level.MASTER),
    (D.INCOMING, M.SCHOLAR, 6, Person.Kind.FACULTY, ""),
    (D.OUTGOING, M.EXCHANGE, 25, Person.Kind.STUDENT, Level.BACHELOR),
    (D.OUTGOING, M.STAFF, 5, Person.Kind.STAFF, ""),
    (D.OUTGOING, M.INTERNSHIP, 4, Person.Kind.STUDENT, Level.MASTER),
]
LABELS = {M.EXCHANGE: "Exchange student", M.DEGREE: "Degree student", M.SCHOLAR: "Visiting scholar",
          M.STAFF: "Staff member", M.INTERNSHIP: "Intern"}


@transaction.atomic
def load() -> dict:
    """Create the illustrative stays (idempotent: each person is known by its record name)."""
    home = Institution.objects.get(is_home=True)
    partners = list(partner_universities())
    organizations = list(international_organizations())
    if not partners:
        return {"illustrative stays": 0}
    existing = set(Person.objects.filter(notes="demo-office").values_list("name", flat=True))
    stays = []
    for year in YEARS:
        for direction, kind, count, person_kind, level in FLOWS:
            for index in range(count):
                name = f"{LABELS[kind]} {year}-{direction[:3]}-{index + 1:03d}"
                if name in existing:
                    continue
                h = stable_key("mobility", name)
                if kind == M.INTERNSHIP:
                    if year < 2021 or not organizations:
                        continue
                    other = organizations[h % len(organizations)]
                else:
                    other = partners[h % len(partners)]
                incoming = direction == D.INCOMING
                person = Person(name=name, kind=person_kind, institution=other if incoming else home,
                                nationality_id=other.country_id if incoming else "CN", notes="demo-office")
                start = date(year, 9, 1) if kind != M.INTERNSHIP else date(year, 6, 1)
                months = {M.DEGREE: 24, M.SCHOLAR: 3, M.STAFF: 1, M.INTERNSHIP: 3}.get(kind, 5)
                end = date(start.year + (start.month + months - 1) // 12, (start.month + months - 1) % 12 + 1, 28)
                stays.append(Mobility(
                    direction=direction, kind=kind, person=person, level=level,
                    home_institution=other if incoming else home, host_institution=home if incoming else other,
                    start_date=start, end_date=end, academic_year=year,
                ))
    # checked one by one as the mobility service checks one, written in a few statements
    create_stays(stays, by=None, reason=DEMO_REASON)
    return {"illustrative stays": len(stays)}
