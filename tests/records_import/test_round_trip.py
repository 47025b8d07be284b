"""What a list exports imports back: the same records again, field for field."""

import pytest
from django.urls import reverse

from accord.records.tableimport import get_import
from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.mobility.models import Mobility, Person

from .test_exports import records  # noqa: F401  (the fixture)


def _agreement(a):
    parties = sorted((p.institution_id, p.role) for p in a.parties.all())
    return (a.title, a.kind, a.status, a.faculty_id, a.signed_on, a.signing_mode, a.valid_from, a.valid_until,
            a.auto_renew, a.subject_areas, a.notes, parties)


def _activity(a):
    parties = sorted((p.institution_id, p.role) for p in a.parties.all())
    return (a.title, a.kind, a.start_date, a.end_date, a.city, a.country_id, a.participant_count, parties)


def _mobility(m):
    return (m.direction, m.kind, m.person_id, m.home_institution_id, m.host_institution_id, m.program_id,
            m.start_date, m.academic_year, m.level, m.scholarship)


ROUND_TRIPS = [
    ("agreements", "agreements:agreement-list", Agreement, _agreement),
    ("activities", "activities:activity-list", Activity, _activity),
    ("mobility", "mobility:mobility-list", Mobility, _mobility),
]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind, url, model, fields", ROUND_TRIPS)
def test_an_exported_list_imports_back_to_the_same_records(client_for, sam, records, tmp_path, fmt, kind, url, model, fields):
    if kind == "agreements":
        first = Agreement.objects.order_by("pk").first()
        first.status, first.auto_renew, first.subject_areas, first.notes = "active", True, ["07", "071"], "Signed, in Moscow"
        first.save()
    exported = client_for(sam).get(reverse(url), {"export": fmt})
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(exported.content)
    before = {obj.pk: fields(obj) for obj in model.objects.all()}
    people = Person.objects.count()

    preview = get_import(kind).validate(path)
    assert preview.ok, preview.messages()
    assert get_import(kind).commit(path, sam) == len(before)

    after = [fields(obj) for obj in model.objects.exclude(pk__in=before)]
    assert sorted(after, key=repr) == sorted(before.values(), key=repr)
    assert Person.objects.count() == people  # people are matched, not duplicated
