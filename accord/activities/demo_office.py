"""A decade of the demo office's activities (2013–2024), illustrative: delegations in and out,
forums, lectures, workshops, cultural exchanges and competitions with the partner universities.
Titles are generated; no activity here is a claim about a real event."""

from datetime import date, timedelta

from django.db import transaction

from accord.activities.models import Activity, ActivityParty, DatePrecision
from accord.activities.services import create_activities
from accord.registry.demo import DEMO_REASON
from accord.registry.demo_office import DEMO_NOTE, international_organizations, partner_universities, stable_key
from accord.registry.models import Institution

K, R = Activity.Kind, ActivityParty.Role
YEARS = range(2013, 2025)
# kind -> activities per year
PER_YEAR = {K.INBOUND: 6, K.OUTBOUND: 4, K.FORUM: 2, K.LECTURE: 3, K.WORKSHOP: 1, K.CULTURAL: 1, K.COMPETITION: 1}


def _title(kind, year, index, partners) -> str:
    first = partners[0].name
    return {
        K.INBOUND: f"Delegation of {first} visits the university",
        K.OUTBOUND: f"University delegation to {first}",
        K.FORUM: f"International forum on engineering education {year} ({index + 1})",
        K.LECTURE: f"Guest lecture series with {first}",
        K.WORKSHOP: f"Joint research workshop with {first}",
        K.CULTURAL: f"International cultural festival {year}",
        K.COMPETITION: f"International student innovation competition {year}",
    }[kind] + f" · {year}" * (kind not in (K.FORUM, K.CULTURAL, K.COMPETITION))


@transaction.atomic
def load() -> dict:
    """Create the decade of activities (idempotent: each is known by its title)."""
    home = Institution.objects.get(is_home=True)
    partners = list(partner_universities().select_related("country"))
    organizations = list(international_organizations())
    if not partners:
        return {"illustrative activities": 0}
    existing = set(Activity.objects.values_list("title", flat=True))
    new = []
    for year in YEARS:
        for kind, count in PER_YEAR.items():
            for index in range(count):
                h = stable_key("activity", year, kind, index)
                many = kind in (K.FORUM, K.CULTURAL, K.COMPETITION)
                chosen = [partners[(h + step * 7919) % len(partners)] for step in range(4 + h % 5 if many else 1)]
                chosen = list(dict.fromkeys(chosen))
                title = _title(kind, year, index, chosen)
                if title in existing:
                    continue
                existing.add(title)
                start = date(year, 1, 1) + timedelta(days=h % 350)
                abroad = kind in (K.OUTBOUND,)
                activity = Activity(
                    kind=kind, title=title, start_date=start,
                    end_date=start + timedelta(days=1 + h % 3) if many or abroad else None,
                    date_precision=DatePrecision.DAY,
                    city="" if abroad else "Beijing",
                    country_id=chosen[0].country_id if abroad else "CN",
                    description=DEMO_NOTE,
                )
                if kind == K.FORUM:
                    activity.participant_count = 80 + h % 220
                if kind == K.COMPETITION:
                    activity.university_count = 20 + h % 60
                    activity.country_count = 5 + h % 10
                    activity.submission_count = 150 + h % 600
                home_role = R.GUEST if abroad else (R.ORGANIZER if many else R.HOST)
                partner_role = R.HOST if abroad else (R.PARTICIPANT if many else R.GUEST)
                parties = [(home, home_role), *((p, partner_role) for p in chosen)]
                if kind == K.FORUM and organizations:
                    parties.append((organizations[h % len(organizations)], R.PARTICIPANT))
                new.append((activity, parties))
    # checked one by one as the activities service checks one, written in a few statements
    create_activities(new, by=None, reason=DEMO_REASON)
    return {"illustrative activities": len(new)}
