"""The activity's business actions: create or update one (`save_activity`), the one way the web
form, the API, the table import and the newsroom's accept write an activity."""

from accord.activities.models import Activity, ActivityParty, ActivityPerson
from django.db import transaction

from accord.records.services import create_records, save_record


def save_activity(activity, *, by, expected_version=None, fields=None, write_children=None, reason="") -> Activity:
    """Create or update `activity` (its rules: Activity.clean — it ends after it starts); see
    records.services.save_record for the version lock and the ValidationError."""
    return save_record(activity, by=by, expected_version=expected_version, fields=fields,
                       write_children=write_children, reason=reason)


def create_activity(*, by, parties=(), people=(), reason="", **fields) -> Activity:
    """A new activity with (institution, role) parties and (person, role) people."""

    def write_children(activity):
        for institution, role in parties:
            if not activity.parties.filter(institution=institution, role=role).exists():
                party = ActivityParty(activity=activity, institution=institution, role=role)
                party._history_user = by
                party.save()
        for person, role in people:
            if not activity.people.filter(person=person).exists():
                row = ActivityPerson(activity=activity, person=person, role=role)
                row._history_user = by
                row.save()

    return save_activity(Activity(**fields), by=by, write_children=write_children, reason=reason)


def create_activities(items, *, by, reason="") -> list[Activity]:
    """Many new activities, each with its (institution, role) parties, written at once (the demo
    office, large imports): each checked once as save_activity() checks one; one problem writes none."""
    items = [(activity, list(parties)) for activity, parties in items]
    with transaction.atomic():
        activities = create_records([activity for activity, _ in items], by=by, reason=reason)
        create_records(
            [ActivityParty(activity=activity, institution=institution, role=role)
             for activity, parties in items for institution, role in parties],
            by=by, reason=reason,
        )
    return activities
