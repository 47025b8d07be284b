"""One readable history: field labels and display values, local time, each change once."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accord.agreements.history import agreement_history
from accord.agreements.models import Agreement
from accord.guidance.models import Call
from accord.guidance.services import save_application, start_application
from accord.records.history import history
from accord.records.services import save_record
from accord.registry.models import Country, Institution
from tests.conftest import make_user


@pytest.fixture
def tina_like(db):
    return make_user("tina", "teacher")


def test_a_change_reads_with_the_field_label_and_the_display_values(faculty, sam):
    agreement = Agreement.objects.create(title="Exchange", kind="framework")
    agreement.kind, agreement.faculty = "student_exchange", faculty
    save_record(agreement, by=sam, expected_version=1, fields=["kind", "faculty"])
    changed = agreement_history(agreement)[0]
    shown = {str(c) for c in changed.changes}
    assert "Kind: Framework MoU → Student exchange" in shown
    assert f"Owning faculty: — → {faculty.name}" in shown
    assert changed.who == "sam"


def test_many_to_many_changes_name_the_records_not_their_ids(tina_like, sam):
    chile = Institution.objects.create(name="Universidad de Chile", country=Country.objects.get(code="CL"))
    call = Call.objects.create(title="Fund", funder="MOST", open_date=date.today() - timedelta(days=1),
                               external_deadline=date.today() + timedelta(days=30))
    application = start_application(applicant=tina_like, call=call, title="Nozzles")
    save_application(application, by=sam, expected_version=1, fields=[],
                     write_children=lambda saved: saved.partner_institutions.set([chile]))
    text = " ".join(str(c) for e in history(application) for c in e.changes)
    assert "{" not in text and "'institution'" not in text


def test_times_are_local_and_a_save_that_changes_nothing_visible_is_not_listed(sam):
    agreement = Agreement.objects.create(title="Exchange")
    save_record(agreement, by=sam, expected_version=1, fields=[])  # only the version moves
    entries = agreement_history(agreement)
    assert [e.what for e in entries] == ["record created"]
    assert entries[0].when.tzinfo is not None
    assert entries[0].when.utcoffset() == timezone.localtime().utcoffset()


def test_each_change_appears_once(sam):
    agreement = Agreement.objects.create(title="Exchange")
    agreement.title = "Exchange with Chile"
    save_record(agreement, by=sam, expected_version=1, fields=["title"])
    titled = [e for e in agreement_history(agreement) if any(c.label == "Title" for c in e.changes)]
    assert len(titled) == 1