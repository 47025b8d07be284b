"""Steps `mentions` and `linking`: organisations named in the text, linked to the registry or proposed."""

import pytest

from tests.newsroom.steps import entity_named, run_until

pytestmark = pytest.mark.django_db


def test_it_finds_registry_names_and_the_acronyms_the_article_defines(registry):
    doc = run_until("linking", "Northbridge University and Lakeside Institute of Technology (LIT) met. LIT hosted.")
    lakeside = entity_named(doc, "Lakeside Institute of Technology")
    assert lakeside.registry_id == registry["lakeside"].pk and lakeside.country == "CN"
    assert len(lakeside.mentions) == 3 and "LIT" in lakeside.acronyms
    assert entity_named(doc, "Northbridge University").country == "GB"


def test_it_reads_a_reordered_name_and_a_local_language_name(registry):
    doc = run_until("linking", "University of Northbridge and the University of Valmont signed.")
    ids = {e.registry_id for e in doc.entities}
    assert ids == {registry["northbridge"].pk, registry["valmont"].pk}


def test_two_names_sharing_one_head_noun_are_two_institutions(registry):
    doc = run_until("linking", "Northbridge and Valmont Universities will fund projects.")
    assert {e.registry_id for e in doc.entities} == {registry["northbridge"].pk, registry["valmont"].pk}


@pytest.mark.parametrize("text, name, country", [
    ("A delegation from the Moroccan Institute of Ocean Studies visited.", "Moroccan Institute of Ocean Studies", "MA"),
    ("Guests came from Kestrel Polytechnic University, Kenya last week.", "Kestrel Polytechnic University", "KE"),
    ("Officials of the Chilean Embassy in Beijing attended.", "Chilean Embassy in Beijing", "CL"),
    ("The Université Lumière du Sud sent students.", "Université Lumière du Sud", "FR"),
    ("The University of Sao Tome and Principe opened a lab.", "University of Sao Tome and Principe", "ST"),
])
def test_an_organisation_the_registry_lacks_is_proposed_with_its_country_from_the_text(registry, text, name, country):
    doc = run_until("linking", text)
    entity = entity_named(doc, name)
    assert entity.proposed and entity.registry_id is None
    assert entity.country == country and entity.country_evidence


def test_a_unit_is_mapped_to_its_parent_and_a_school_of_a_subject_is_not_an_institution(registry):
    doc = run_until("linking", "The Faculty of Arts at Northbridge University and the School of Finance and "
                               "Management met.")
    assert [e.registry_id for e in doc.entities] == [registry["northbridge"].pk]


def test_the_home_university_is_home_when_it_is_named(registry):
    doc = run_until("linking", "Northbridge University welcomed a BIT delegation.")
    assert doc.entities[doc.home].registry_id == registry["home"].pk


def test_the_site_that_published_the_article_is_home(registry):
    doc = run_until("linking", "Northbridge University received a delegation from Lakeside Institute of Technology.",
                    url="https://news.lit.edu.cn/2024/0101/x.htm")
    assert doc.entities[doc.home].registry_id == registry["lakeside"].pk


def test_otherwise_the_first_institution_of_the_headline_is_home(registry):
    doc = run_until("linking", "Oranje University of Applied Sciences meets Northbridge University\n\n"
                               "Northbridge University hosted guests from Oranje University of Applied Sciences.",
                    title="Oranje University of Applied Sciences meets Northbridge University")
    assert doc.entities[doc.home].registry_id == registry["oranje"].pk


def test_a_web_domain_label_the_article_uses_names_its_university(registry):
    from tests.newsroom.conftest import make_institution

    kestrel = make_institution("Kestrel University of Science", "KE", domains=["kesu.ac.ke"])
    doc = run_until("linking", "A delegation from KESU visited Northbridge University.")
    assert kestrel.pk in {e.registry_id for e in doc.entities}


def test_the_publishers_own_short_domain_label_names_it_as_home(registry):
    from tests.newsroom.conftest import make_institution

    aarvik = make_institution("Aarvik University", "DK", domains=["av.dk"])
    doc = run_until("linking", "Deans from AV visited Northbridge University to gauge interest in working with AV.",
                    url="https://www.av.dk/en/international/news/")
    assert doc.entities[doc.home].registry_id == aarvik.pk


def test_a_name_spelt_like_several_registry_entries_links_to_the_one_in_a_country_the_article_names(registry):
    from tests.newsroom.conftest import make_institution

    make_institution("Universidad de Los Kestrel", "CL")
    kenyan = make_institution("University of Kestrel", "KE")
    doc = run_until("linking", "The University of Kestrel in Kenya signed an agreement with Northbridge University.")
    assert kenyan.pk in {e.registry_id for e in doc.entities}


@pytest.mark.parametrize("text", [
    "The premier university signed an agreement with Northbridge University.",
    "A delegation from the University of Applied Sciences visited Northbridge University.",
])
def test_a_generic_phrase_is_not_linked_to_a_registry_entry(registry, text):
    from tests.newsroom.conftest import make_institution

    make_institution("Premier University", "BD")
    make_institution("University of Applied Sciences", "BH")
    doc = run_until("linking", text)
    assert {e.registry_id for e in doc.entities if e.registry_id} == {registry["northbridge"].pk}


@pytest.mark.parametrize("text, name", [
    ("Students from Ivane Kestrelani Northbridge University arrived.", "Ivane Kestrelani Northbridge University"),
    ("A student from Viadrina Northbridge University said so.", "Viadrina Northbridge University"),
])
def test_a_longer_name_around_a_registry_name_is_kept_whole(registry, text, name):
    doc = run_until("linking", text)
    assert name in [e.name for e in doc.entities]


@pytest.mark.parametrize("text, name", [
    ("Students from China’s Kestrel University’s School of Journalism arrived.", "Kestrel University"),
    ("The chairman of Kestrel University Council spoke.", "Kestrel University"),
    ("Technion Becomes First Israeli University to Open Campus", None),
])
def test_possessives_governing_bodies_and_headline_verbs_do_not_stay_in_a_name(registry, text, name):
    doc = run_until("linking", text)
    names = [e.name for e in doc.entities]
    assert (name in names) if name else not any("Becomes" in n for n in names), names


def test_networks_foundations_and_ministries_are_not_universities(registry):
    doc = run_until("linking", "The Kestrel Foundation, the Ministry of Education and the Lakeside Universities "
                               "Network met Northbridge University.")
    kinds = {e.name: e.kind for e in doc.entities}
    assert kinds["Kestrel Foundation"] == "nonprofit" and kinds["Ministry of Education"] == "government"
    assert kinds["Lakeside Universities Network"] == "nonprofit"


def test_a_name_the_publishers_registry_entry_holds_is_that_entry_and_home(registry):
    from tests.newsroom.conftest import make_institution

    academy = make_institution("Kestrel Finance Academy", "KE", domains=["kfa.ac.ke"])
    doc = run_until("linking", "Kestrel Financial University hosted students from Northbridge University.",
                    url="https://en.kfa.ac.ke/news/1")
    home = doc.entities[doc.home]
    assert home.registry_id == academy.pk and home.country == "KE"


@pytest.mark.parametrize("text, name, country", [
    ("The Japanese Ambassador to Indonesia, H.E. Mr. Taro Sato, visited Northbridge University on Monday.",
     "Embassy of Japan in Indonesia", "JP"),
    ("A delegation led by the Chinese Ambassador to Nigeria, Li Wei, toured Northbridge University.",
     "Embassy of the People's Republic of China in Nigeria", "CN"),
    ("The Ambassador of France to Kenya led a delegation to Northbridge University.", "Embassy of France in Kenya", "FR"),
])
def test_an_ambassador_who_visits_brings_the_embassy(registry, text, name, country):
    doc = run_until("linking", text)
    embassy = entity_named(doc, name)
    assert embassy.country == country and embassy.kind == "government" and embassy.registry_id is None


def test_an_ambassador_who_only_attends_names_no_embassy(registry):
    doc = run_until("linking", "The signing at Northbridge University was attended by the Japanese Ambassador to Kenya.")
    assert not any("Embassy" in e.name for e in doc.entities)


def test_an_embassy_keeps_where_it_is_in_its_name(registry):
    doc = run_until("linking", "Representatives from the Embassy of Japan in Indonesia came to Northbridge University.")
    assert entity_named(doc, "Embassy of Japan in Indonesia").country == "JP"


def test_a_country_name_is_no_short_form_and_a_building_no_organisation(registry):
    from tests.newsroom.conftest import make_institution

    make_institution("Universitas Kenya", "KE")
    doc = run_until("linking", "Universitas Kenya met in the Rector Office Administration Building. Kenya is far.")
    kenya = entity_named(doc, "Universitas Kenya")
    assert len(kenya.mentions) == 1
    assert not any("Building" in e.name for e in doc.entities)


def test_the_initials_of_the_publishers_name_name_it_as_home(registry):
    from tests.newsroom.conftest import make_institution

    ulm = make_institution("Ulmara State University", "RU", domains=["ulmsu.ru"])
    doc = run_until("linking", "On June 8, a meeting between USU and Northbridge University was held online.",
                    url="https://ulmsu.ru/en/news/1")
    assert doc.entities[doc.home].registry_id == ulm.pk


@pytest.mark.parametrize("text, name", [
    ("Students of the Tongwei Vocational and Technical College met.", "Tongwei Vocational and Technical College"),
    ("Harvard and Northbridge University met.", "Northbridge University"),
    ("Students of the Universidade Federal do Kestrel do Sul came.", "Universidade Federal do Kestrel do Sul"),
])
def test_two_describing_words_joined_by_and_stay_in_one_name(registry, text, name):
    doc = run_until("linking", text)
    assert name in {e.name for e in doc.entities}


def test_a_country_after_a_list_of_names_and_dates_places_them_all(registry):
    doc = run_until("linking", "The BIT delegation attended the forum at Kestrel Marine University and Tarn Health "
                               "University on 24 to 25 October, 2024 in the Republic of Korea, with Mongolian guests.")
    assert entity_named(doc, "Kestrel Marine University").country == "KR"
    assert entity_named(doc, "Tarn Health University").country == "KR"


def test_a_country_right_after_a_name_is_that_names_alone(registry):
    doc = run_until("linking", "BIT organised it with the Kestrel Schools Association and the Tarn Leadership Institute "
                               "in Egypt, with guests from Jordan.")
    assert entity_named(doc, "Tarn Leadership Institute").country == "EG"
    assert entity_named(doc, "Kestrel Schools Association").country != "EG"


def test_a_technical_university_written_tu_and_its_city_is_a_name_linked_to_the_registry(registry):
    from tests.newsroom.conftest import make_institution

    dortmund = make_institution("Technische Universität Dortmund", "DE")
    doc = run_until("linking", "The rector of TU Dortmund and a group from Northbridge University met. "
                               "Students of TU/e attended.")
    entity = entity_named(doc, "TU Dortmund")
    assert entity.registry_id == dortmund.pk and entity.country == "DE"
    assert not any(e.name.startswith("TU/") or e.name == "TU" for e in doc.entities)


def test_linking_asks_the_registry_index_only_when_a_name_needs_a_lookup(registry, django_assert_num_queries):
    from accord.newsroom.pipeline.linking import linking
    from accord.registry.services.lookup import get_index

    get_index()  # built once per process, as in `accord extract`
    doc = run_until("mentions", "Students met on Monday.\nThe weather was fine.")
    with django_assert_num_queries(0):  # nothing to look up: not even the registry's freshness check
        linking(doc)
    assert doc.entities == []
    named = run_until("mentions", "Students of Northfield Maritime Academy met on Monday.")
    with django_assert_num_queries(1):  # a name to look up: the index's freshness is checked once
        linking(named)
    assert [e.name for e in named.entities] == ["Northfield Maritime Academy"]
