"""Possible duplicates are found by shared names, domains and identifiers, never across the whole registry pairwise."""

from accord.registry.models import Country, ExternalId, Institution, InstitutionName, Kind, NameKind, Status
from accord.registry.services.duplicates import find_duplicates


def c(code):
    return Country.objects.get(code=code)


def pair_of(pairs, x, y):
    key = (min(x.pk, y.pk), max(x.pk, y.pk))
    found = [p for p in pairs if (p.a, p.b) == key]
    return found[0] if found else None


def test_the_same_name_in_one_country_is_a_possible_duplicate(db):
    a = Institution.objects.create(name="University of Manchester", country=c("GB"))
    b = Institution.objects.create(name="Manchester University", country=c("GB"))
    pair = pair_of(find_duplicates(), a, b)
    assert pair is not None and pair.score == 95 and "same name" in pair.reason


def test_an_alias_matching_another_records_name_counts(db):
    a = Institution.objects.create(name="Alma Mater Studiorum", country=c("IT"))
    b = Institution.objects.create(name="University of Bologna", country=c("IT"))
    InstitutionName.objects.create(institution=b, name="Alma Mater Studiorum – Università di Bologna", kind=NameKind.ALIAS)
    InstitutionName.objects.create(institution=b, name="Alma Mater Studiorum", kind=NameKind.ALIAS)
    assert pair_of(find_duplicates(), a, b) is not None


def test_the_same_name_in_different_countries_is_not_a_duplicate(db):
    a = Institution.objects.create(name="Trinity College", country=c("IE"))
    b = Institution.objects.create(name="Trinity College", country=c("US"))
    assert pair_of(find_duplicates(), a, b) is None


def test_a_shared_domain_is_a_possible_duplicate_even_across_spellings(db):
    a = Institution.objects.create(name="ETH Zurich", country=c("CH"), domains=["ethz.ch"])
    b = Institution.objects.create(name="Swiss Federal Institute of Technology", country=c("CH"), website="https://www.ethz.ch/en")
    pair = pair_of(find_duplicates(), a, b)
    assert pair is not None and pair.score == 90 and "ethz.ch" in pair.reason


def test_a_shared_identifier_is_the_strongest_reason(db):
    a = Institution.objects.create(name="Lomonosov Moscow State University", country=c("RU"), ror_id="010pmpe69")
    b = Institution.objects.create(name="MSU", country=c("RU"))
    ExternalId.objects.create(institution=b, scheme="ror", value="010pmpe69")
    pair = pair_of(find_duplicates(), a, b)
    assert pair.score == 100 and "ROR" in pair.reason


def test_very_similar_names_in_one_country_are_found(db):
    a = Institution.objects.create(name="Universidad Nacional Autónoma de México", country=c("MX"))
    b = Institution.objects.create(name="Universidad Nacional Autonoma de Mexico (UNAM)", country=c("MX"))
    noise = Institution.objects.create(name="Universidad Autónoma Metropolitana", country=c("MX"))
    pairs = find_duplicates()
    pair = pair_of(pairs, a, b)
    assert pair is not None and 80 <= pair.score < 95 and "similar" in pair.reason
    assert pair_of(pairs, a, noise) is None


def test_merged_records_and_parent_unit_pairs_are_left_out(db):
    a = Institution.objects.create(name="Aalto University", country=c("FI"))
    b = Institution.objects.create(name="Aalto Univ.", country=c("FI"), status=Status.MERGED, successor=a)
    unit = Institution.objects.create(name="Aalto University", country=c("FI"), kind=Kind.FACULTY, parent=a)
    assert find_duplicates() == []
    assert b and unit


def test_pairs_are_ranked_best_first_and_carry_both_records(db):
    a = Institution.objects.create(name="Ghent University", country=c("BE"), domains=["ugent.be"])
    b = Institution.objects.create(name="Universiteit Gent", country=c("BE"), domains=["ugent.be"])
    x = Institution.objects.create(name="KU Leuven", country=c("BE"), schac="kuleuven.be")
    y = Institution.objects.create(name="Katholieke Universiteit Leuven", country=c("BE"))
    ExternalId.objects.create(institution=y, scheme="schac", value="kuleuven.be")
    pairs = find_duplicates()
    assert [(p.a, p.b) for p in pairs][:2] == [(x.pk, y.pk), (a.pk, b.pk)]
    assert pairs[0].first == x and pairs[0].second == y


def test_duplicates_can_be_restricted_to_a_country_or_one_institution(db):
    a = Institution.objects.create(name="University of Manchester", country=c("GB"))
    b = Institution.objects.create(name="Manchester University", country=c("GB"))
    d = Institution.objects.create(name="Université de Montpellier", country=c("FR"))
    e = Institution.objects.create(name="Universite Montpellier", country=c("FR"))
    assert [(p.a, p.b) for p in find_duplicates(country="fr")] == [(d.pk, e.pk)]
    assert [(p.a, p.b) for p in find_duplicates(institution=a)] == [(a.pk, b.pk)]


def test_the_duplicates_page_lists_pairs_with_a_merge_button_for_staff(db, sam, client_for):
    from django.urls import reverse

    a = Institution.objects.create(name="University of Manchester", country=c("GB"))
    b = Institution.objects.create(name="Manchester University", country=c("GB"))
    html = client_for(sam).get(reverse("registry:duplicates")).content.decode()
    assert "Manchester University" in html
    assert reverse("registry:merge-confirm", args=[a.pk, b.pk]) in html


def test_names_sharing_only_common_words_are_not_compared_pairwise(db):
    gb = c("GB")
    Institution.objects.bulk_create([Institution(name=f"University College {i:04d}", country=gb) for i in range(300)])
    assert find_duplicates(limit=None) == []
