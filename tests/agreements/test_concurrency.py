from accord.records.concurrency import save_if_unchanged
from accord.agreements.models import Agreement
from tests.agreements.conftest import form_data


def test_save_if_unchanged_saves_at_the_expected_version_and_bumps_it(make_agreement):
    agreement = make_agreement()
    agreement.title = "Renamed"
    assert save_if_unchanged(agreement, 1, ["title"]) is True
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.title, stored.version, agreement.version) == ("Renamed", 2, 2)


def test_save_if_unchanged_writes_nothing_at_a_stale_version(make_agreement):
    agreement = make_agreement()
    Agreement.objects.filter(pk=agreement.pk).update(version=2, title="Theirs")
    agreement.title = "Mine"
    assert save_if_unchanged(agreement, 1, ["title"]) is False
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.title, stored.version) == ("Theirs", 2)


def test_an_edit_at_a_stale_version_is_refused_and_nothing_is_overwritten(client_for, sam, ada, make_agreement):
    agreement = make_agreement("Original title")
    # Ada saves first, from a form opened at version 1
    first = client_for(ada).post(f"/agreements/{agreement.pk}/edit/", form_data(title="Ada's title", version="1"))
    assert first.status_code == 302
    # Sam's form was opened at version 1 too
    response = client_for(sam).post(
        f"/agreements/{agreement.pk}/edit/", form_data(title="Sam's title", notes="Sam's notes", version="1")
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved this agreement at" in page and "your changes were not saved" in page
    assert f'href="/agreements/{agreement.pk}/#history"' in page
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.title, stored.notes, stored.version) == ("Ada's title", "", 2)


def test_a_stale_edit_does_not_save_its_formsets_either(client_for, sam, make_agreement, bauman):
    agreement = make_agreement()
    Agreement.objects.filter(pk=agreement.pk).update(version=5)
    data = form_data(version="1", **{"parties-TOTAL_FORMS": "1", "parties-0-institution": str(bauman.pk),
                                     "parties-0-role": "associate"})
    assert client_for(sam).post(f"/agreements/{agreement.pk}/edit/", data).status_code == 409
    assert not agreement.parties.filter(institution=bauman).exists()


def test_the_edit_form_carries_the_version(client_for, sam, make_agreement):
    agreement = make_agreement()
    Agreement.objects.filter(pk=agreement.pk).update(version=7)
    page = client_for(sam).get(f"/agreements/{agreement.pk}/edit/").content.decode()
    assert 'name="version" value="7"' in page
