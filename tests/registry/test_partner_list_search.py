"""The partner list's search and the suggestions under its box are one lookup: whatever the suggestions
offer (a Chinese local name, an acronym, a typo or a partial name), the list shows, best match first."""

import pytest
from django.urls import reverse

from accord.registry.models import Country, Institution, InstitutionName


@pytest.fixture
def registry(db):
    cn, gb, ru, us = (Country.objects.get(code=c) for c in ("CN", "GB", "RU", "US"))
    made = {
        "bit": Institution.objects.create(name="Beijing Institute of Technology", local_name="北京理工大学", country=cn),
        "bjut": Institution.objects.create(name="Beijing University of Technology", local_name="北京工业大学", country=cn),
        "manchester": Institution.objects.create(name="University of Manchester", country=gb, domains=["manchester.ac.uk"]),
        "mmu": Institution.objects.create(name="Manchester Metropolitan University", country=gb),
        "bauman": Institution.objects.create(name="Bauman Moscow State Technical University", country=ru),
        "mit": Institution.objects.create(name="Massachusetts Institute of Technology", country=us),
    }
    InstitutionName.objects.create(institution=made["bauman"], name="BMSTU", kind="acronym")
    InstitutionName.objects.create(institution=made["bauman"], name="МГТУ им. Н. Э. Баумана", kind="label", language="ru")
    return made


def listed(client, q):
    return [i.pk for i in client.get(reverse("registry:institution-list"), {"q": q}).context["object_list"]]


def suggested(client, q):
    return [m.id for m in client.get(reverse("registry:lookup"), {"q": q}).context["matches"]]


QUERIES = ["北京理工", "北京理工大学", "BMSTU", "bmstu", "Manchester Univ", "Univ. of Manchestr", "Manchester",
           "Bauman Moscow", "МГТУ им. Н. Э. Баумана", "Institute of Technology", "mit"]


@pytest.mark.django_db
@pytest.mark.parametrize("q", QUERIES)
def test_the_list_shows_what_the_suggestions_offer_in_the_same_order(client_for, victor, registry, q):
    client = client_for(victor)
    suggestions = suggested(client, q)
    assert suggestions, f"the suggestions offer nothing for {q!r}"
    assert listed(client, q)[: len(suggestions)] == suggestions


@pytest.mark.django_db
@pytest.mark.parametrize("q, first", [("北京理工", "bit"), ("Manchester Univ", "manchester"), ("BMSTU", "bauman"),
                                      ("Univ. of Manchestr", "manchester")])
def test_a_chinese_name_an_acronym_or_a_typo_lists_the_partner_first(client_for, victor, registry, q, first):
    response = client_for(victor).get(reverse("registry:institution-list"), {"q": q})
    assert response.context["object_list"][0] == registry[first]
    assert "0 institutions" not in response.content.decode()


@pytest.mark.django_db
def test_a_word_in_many_names_still_lists_every_partner_holding_it(client_for, victor, registry):
    assert set(listed(client_for(victor), "technology")) >= {registry[k].pk for k in ("bit", "bjut", "mit")}


@pytest.mark.django_db
def test_a_search_nothing_resembles_lists_nothing(client_for, victor, registry):
    response = client_for(victor).get(reverse("registry:institution-list"), {"q": "Zzyzx Qwerty"})
    assert list(response.context["object_list"]) == []
    assert "0 institutions" in response.content.decode()


@pytest.mark.django_db
def test_the_search_keeps_the_other_filters(client_for, victor, registry):
    client = client_for(victor)
    assert [i.pk for i in client.get(reverse("registry:institution-list"), {"q": "Manchester", "country": "RU"})
            .context["object_list"]] == []
    found = client.get(reverse("registry:institution-list"), {"q": "Technology", "country": "CN"}).context["object_list"]
    assert {i.pk for i in found} == {registry["bit"].pk, registry["bjut"].pk}
