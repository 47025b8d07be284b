"""Merging a duplicate record into the one that survives moves everything and keeps the history."""

import pytest
from django.urls import reverse

from accord.accounts.models import Profile
from accord.registry.models import (
    Country,
    ExternalId,
    Institution,
    InstitutionName,
    Kind,
    NameKind,
    Network,
    NetworkMembership,
    Status,
)
from accord.registry.services import merge as merge_module
from accord.registry.services.lookup import lookup
from accord.registry.services.merge import MergeError, merge


@pytest.fixture
def gb(db):
    return Country.objects.get(code="GB")


@pytest.fixture
def pair(gb):
    """Two records of the University of Manchester, each knowing things the other doesn't."""
    survivor = Institution.objects.create(name="University of Manchester", country=gb, ror_id="027m9bs27")
    duplicate = Institution.objects.create(
        name="Manchester University",
        local_name="Prifysgol Manceinion",
        local_language="cy",
        country=gb,
        city="Manchester",
        website="https://www.manchester.ac.uk/",
        latitude=53.466,
        longitude=-2.233,
        schac="manchester.ac.uk",
        domains=["manchester.ac.uk"],
    )
    InstitutionName.objects.create(institution=survivor, name="UoM", kind=NameKind.ACRONYM)
    InstitutionName.objects.create(institution=duplicate, name="UoM", kind=NameKind.ACRONYM)
    InstitutionName.objects.create(institution=duplicate, name="Victoria University of Manchester", kind=NameKind.FORMER)
    ExternalId.objects.create(institution=duplicate, scheme="wikidata", value="Q230899")
    return survivor, duplicate


def test_names_move_to_the_survivor_without_exact_duplicates(pair, sam):
    survivor, duplicate = pair
    merge(survivor, duplicate, by=sam)
    names = set(survivor.names.values_list("name", "kind"))
    assert names == {
        ("UoM", NameKind.ACRONYM),
        ("Victoria University of Manchester", NameKind.FORMER),
        ("Manchester University", NameKind.ALIAS),  # the duplicate's canonical name
    }
    assert not duplicate.names.exists()


def test_the_local_name_fills_a_blank_or_becomes_a_label(pair, sam, gb):
    survivor, duplicate = pair
    merge(survivor, duplicate, by=sam)
    survivor.refresh_from_db()
    assert (survivor.local_name, survivor.local_language) == ("Prifysgol Manceinion", "cy")

    other = Institution.objects.create(name="Univ. of Manchester", local_name="Manceinion", country=gb)
    merge(survivor, other, by=sam)
    assert survivor.names.filter(name="Manceinion", kind=NameKind.LABEL).exists()


def test_identifiers_move_and_blanks_are_filled(pair, sam):
    survivor, duplicate = pair
    merge(survivor, duplicate, by=sam)
    survivor.refresh_from_db()
    duplicate.refresh_from_db()
    assert list(survivor.external_ids.values_list("scheme", "value")) == [("wikidata", "Q230899")]
    assert survivor.schac == "manchester.ac.uk" and duplicate.schac is None
    assert survivor.ror_id == "027m9bs27"
    assert survivor.website == "https://www.manchester.ac.uk/"
    assert (survivor.latitude, survivor.longitude, survivor.city) == (53.466, -2.233, "Manchester")
    assert survivor.domains == ["manchester.ac.uk"]


def test_units_predecessors_and_memberships_move(pair, sam, gb):
    survivor, duplicate = pair
    unit = Institution.objects.create(name="Alliance Manchester Business School", kind=Kind.FACULTY, parent=duplicate)
    umist = Institution.objects.create(name="UMIST", country=gb, status=Status.INACTIVE, successor=duplicate)
    russell = Network.objects.create(name="Russell Group")
    n8 = Network.objects.create(name="N8 Research Partnership")
    NetworkMembership.objects.create(network=russell, institution=survivor)
    NetworkMembership.objects.create(network=russell, institution=duplicate, role="founder")
    NetworkMembership.objects.create(network=n8, institution=duplicate)

    report = merge(survivor, duplicate, by=sam)

    unit.refresh_from_db()
    umist.refresh_from_db()
    assert unit.parent_id == survivor.pk
    assert umist.successor_id == survivor.pk
    assert set(survivor.memberships.values_list("network__name", flat=True)) == {"Russell Group", "N8 Research Partnership"}
    assert NetworkMembership.objects.filter(institution=survivor, network=russell).count() == 1
    assert not duplicate.memberships.exists()
    assert report.moved["memberships"] == 1 and report.dropped["memberships"] == 1


def test_any_other_model_pointing_at_institutions_is_covered(home, sam, cora):
    """Profiles (accounts app) point at a faculty: merge.py knows nothing of them, yet they move."""
    faculty = cora.profile.faculty
    survivor = Institution.objects.create(name="School of Aerospace Engineering (BIT)", kind=Kind.FACULTY, parent=home)
    merge(survivor, faculty, by=sam)
    assert Profile.objects.get(user=cora).faculty_id == survivor.pk


def test_the_duplicate_is_kept_marked_merged_with_its_successor(pair, sam):
    survivor, duplicate = pair
    merge(survivor, duplicate, by=sam)
    duplicate.refresh_from_db()
    assert duplicate.status == Status.MERGED
    assert duplicate.successor_id == survivor.pk
    assert Institution.objects.filter(pk=duplicate.pk).exists()


def test_the_history_of_both_records_says_who_merged_what(pair, sam):
    survivor, duplicate = pair
    merge(survivor, duplicate, by=sam)
    reason = f"merged #{duplicate.pk} into #{survivor.pk} by sam"
    assert survivor.history.order_by("-history_id").first().history_change_reason == reason
    latest = duplicate.history.order_by("-history_id").first()
    assert latest.history_change_reason == reason
    assert latest.history_user_id == sam.pk
    assert InstitutionName.history.filter(name="Victoria University of Manchester", history_change_reason=reason).exists()


def test_after_the_merge_lookup_finds_the_survivor_by_the_duplicates_names(pair, sam):
    survivor, duplicate = pair
    lookup("Victoria University of Manchester")  # build the index before the merge
    merge(survivor, duplicate, by=sam)
    matches = lookup("Victoria University of Manchester")
    assert matches[0].id == survivor.pk
    assert duplicate.pk not in {m.id for m in matches}


def test_conflicting_ror_ids_raise_a_clear_error_and_change_nothing(pair, sam):
    survivor, duplicate = pair
    duplicate.ror_id = "00aaaaa00"
    duplicate.save()
    with pytest.raises(MergeError, match="Conflicting ROR ids"):
        merge(survivor, duplicate, by=sam)
    duplicate.refresh_from_db()
    assert duplicate.status == Status.ACTIVE and duplicate.names.count() == 2


@pytest.mark.parametrize("problem", ["itself", "home", "already merged"])
def test_impossible_merges_are_refused(pair, sam, home, problem):
    survivor, duplicate = pair
    if problem == "itself":
        duplicate = survivor
    elif problem == "home":
        duplicate = home
    else:
        merge(survivor, duplicate, by=sam)
    with pytest.raises(MergeError):
        merge(survivor, duplicate, by=sam)


def test_a_failure_midway_rolls_everything_back(pair, sam, monkeypatch):
    survivor, duplicate = pair
    unit = Institution.objects.create(name="Manchester Institute of Biotechnology", kind=Kind.FACULTY, parent=duplicate)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge_module, "_fill_blanks", explode)  # after names, ids and units have moved
    with pytest.raises(RuntimeError):
        merge(survivor, duplicate, by=sam)

    duplicate.refresh_from_db()
    unit.refresh_from_db()
    assert duplicate.status == Status.ACTIVE and duplicate.successor_id is None
    assert duplicate.names.count() == 2 and duplicate.external_ids.count() == 1
    assert duplicate.schac == "manchester.ac.uk"
    assert unit.parent_id == duplicate.pk
    assert survivor.names.count() == 1


# -- the web pages -------------------------------------------------------------------------------


def test_staff_merge_through_the_confirmation_page(pair, sam, client_for):
    survivor, duplicate = pair
    client = client_for(sam)
    url = reverse("registry:merge-confirm", args=[duplicate.pk, survivor.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "University of Manchester" in html and "Manchester University" in html
    assert f'name="survivor" value="{survivor.pk}" checked' in html  # the one with a ROR id is suggested

    response = client.post(url, {"survivor": survivor.pk})
    assert response.status_code == 302 and response.url == survivor.get_absolute_url()
    duplicate.refresh_from_db()
    assert duplicate.status == Status.MERGED and duplicate.successor_id == survivor.pk
    history = client.get(survivor.get_absolute_url()).content.decode()
    assert f"merged #{duplicate.pk} into #{survivor.pk} by sam" in history


def test_a_refused_merge_shows_the_reason(pair, sam, client_for):
    survivor, duplicate = pair
    duplicate.ror_id = "00aaaaa00"
    duplicate.save()
    response = client_for(sam).post(
        reverse("registry:merge-confirm", args=[survivor.pk, duplicate.pk]), {"survivor": survivor.pk}
    )
    assert response.status_code == 400
    assert "Conflicting ROR ids" in response.content.decode()


@pytest.mark.parametrize("persona", ["victor", "cora"])
def test_viewers_and_coordinators_get_403_and_nothing_changes(pair, client_for, persona, request):
    survivor, duplicate = pair
    client = client_for(request.getfixturevalue(persona))
    url = reverse("registry:merge-confirm", args=[survivor.pk, duplicate.pk])
    assert client.post(url, {"survivor": survivor.pk}).status_code == 403
    assert client.get(url).status_code == 403
    assert client.get(reverse("registry:duplicates")).status_code == 403
    duplicate.refresh_from_db()
    assert duplicate.status == Status.ACTIVE and duplicate.names.count() == 2


def test_the_detail_page_offers_merge_with_to_staff_only(pair, sam, victor, client_for):
    survivor, _ = pair
    pick = reverse("registry:merge-pick", args=[survivor.pk])
    assert pick in client_for(sam).get(survivor.get_absolute_url()).content.decode()
    assert pick not in client_for(victor).get(survivor.get_absolute_url()).content.decode()


def test_merge_with_lists_the_likely_duplicates(pair, sam, client_for):
    survivor, duplicate = pair
    html = client_for(sam).get(reverse("registry:merge-pick", args=[survivor.pk])).content.decode()
    assert reverse("registry:merge-confirm", args=[survivor.pk, duplicate.pk]) in html


def test_the_nav_shows_possible_duplicates_to_staff_only(db, sam, victor, client_for):
    link = reverse("registry:duplicates")
    assert link in client_for(sam).get(reverse("registry:institution-list")).content.decode()
    assert link not in client_for(victor).get(reverse("registry:institution-list")).content.decode()
