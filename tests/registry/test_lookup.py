"""Free text resolves to registry institutions: names, aliases, acronyms, typos, local forms."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accord.registry.models import Country, Institution, InstitutionName, NameKind, Status
from accord.registry.services.lookup import LookupIndex, lookup
from tests.conftest import shared_file


def country(code):
    return Country.objects.get(code=code)


@pytest.fixture
def registry(db):
    made = {
        "manchester": Institution.objects.create(name="University of Manchester", country=country("GB")),
        "mmu": Institution.objects.create(name="Manchester Metropolitan University", country=country("GB")),
        "montpellier": Institution.objects.create(name="Université de Montpellier", country=country("FR")),
        "bauman": Institution.objects.create(
            name="Bauman Moscow State Technical University", country=country("RU"), local_name="МГТУ им. Н. Э. Баумана"
        ),
        "bologna": Institution.objects.create(name="University of Bologna", country=country("IT")),
        "tcd": Institution.objects.create(name="Trinity College", country=country("IE")),
        "trinity_us": Institution.objects.create(name="Trinity College", country=country("US")),
        "bmstu_lookalike": Institution.objects.create(
            name="Baltic Maritime Science and Technology University", country=country("LT")
        ),
    }
    InstitutionName.objects.create(institution=made["bauman"], name="BMSTU", kind=NameKind.ACRONYM)
    InstitutionName.objects.create(institution=made["bologna"], name="Alma Mater Studiorum", kind=NameKind.ALIAS)
    return made


def top(query, **options):
    matches = lookup(query, **options)
    assert matches, f"nothing found for {query!r}"
    return matches[0]


@pytest.mark.parametrize(
    "query, key",
    [
        ("University of Manchester", "manchester"),
        ("Univ. of Manchester", "manchester"),
        ("Universite de Montpellier", "montpellier"),
        ("Universitat de Montpellier", "montpellier"),
        ("University of Montpellier", "montpellier"),
        ("BMSTU", "bauman"),
        ("b.m.s.t.u.", "bauman"),
        ("Alma Mater Studiorum", "bologna"),
        ("Università di Bologna", "bologna"),
    ],
)
def test_a_name_alias_acronym_or_local_form_finds_the_institution(registry, query, key):
    assert top(query).id == registry[key].pk


def test_an_exact_name_scores_100_and_says_how_it_matched(registry):
    match = top("University of Manchester")
    assert (match.score, match.how, match.country) == (100, "name", "GB")


def test_an_alias_match_names_the_alias_it_matched(registry):
    match = top("alma mater studiorum")
    assert match.matched_name == "Alma Mater Studiorum" and match.how == "alias"
    assert match.name == "University of Bologna"


def test_small_typos_still_find_the_institution(registry):
    match = top("Univrsity of Manchestr")
    assert match.id == registry["manchester"].pk
    assert 70 <= match.score < 100


def test_word_order_does_not_matter(registry):
    match = top("Manchester University")
    assert match.id == registry["manchester"].pk
    assert "word order" in match.how


def test_a_stored_acronym_ranks_before_initials_derived_from_a_name(registry):
    matches = lookup("BMSTU")
    assert [m.id for m in matches[:2]] == [registry["bauman"].pk, registry["bmstu_lookalike"].pk]
    assert matches[0].how == "acronym" and matches[1].how == "initials"
    assert matches[0].score > matches[1].score


def test_a_domain_label_ranks_before_initials_derived_from_a_name_even_in_the_preferred_country(db):
    london = Institution.objects.create(
        name="University College London, University of London", country=country("GB"), domains=["ucl.ac.uk"]
    )
    lancashire = Institution.objects.create(
        name="University of Central Lancashire", country=country("GB"), domains=["uclan.ac.uk"]
    )
    louvain = Institution.objects.create(
        name="Université Catholique de Louvain", country=country("BE"), website="https://www.uclouvain.be/"
    )
    matches = lookup("UCL", country="GB")
    assert [m.id for m in matches[:2]] == [london.pk, lancashire.pk]
    assert (matches[0].how, matches[0].matched_name) == ("domain", "ucl.ac.uk")
    assert matches[1].how == "initials"
    assert top("UCL", country="BE").id == london.pk  # a domain label outranks initials elsewhere too
    assert top("uclouvain").id == louvain.pk  # the website's domain counts as well (ROR's links)


def test_a_domain_label_is_found_under_a_subdomain_and_generic_labels(db):
    eit = Institution.objects.create(name="Eastern Institute of Tech", country=country("AU"),
                                     domains=["student.eit.edu.au"])
    assert top("EIT").id == eit.pk and top("EIT").how == "domain"


def test_the_cli_answers_university_college_london_for_ucl_in_great_britain_on_the_world_file(db):
    call_command("import_hipo", str(shared_file("data", "world_universities_and_domains.json")), verbosity=0)
    out = StringIO()
    call_command("lookup", "--json", "--country", "GB", "UCL", "MIT", "BMSTU", stdout=out)
    best = {line["query"]: line["matches"][0]["name"] for line in map(json.loads, out.getvalue().splitlines())}
    assert best == {
        "UCL": "University College London, University of London",
        "MIT": "Massachusetts Institute of Technology",
        "BMSTU": "Bauman Moscow State Technical University",
    }


def test_an_acronym_derived_from_initials_is_found_without_being_stored(registry):
    assert top("MMU").id == registry["mmu"].pk


def test_a_preferred_country_changes_the_ranking_between_same_named_institutions(registry):
    assert top("Trinity College", country="IE").id == registry["tcd"].pk
    assert top("Trinity College", country="US").id == registry["trinity_us"].pk


def test_a_preferred_country_boosts_but_only_country_filters(registry):
    boosted = lookup("Trinity College", country="US")
    assert {m.id for m in boosted} >= {registry["tcd"].pk, registry["trinity_us"].pk}
    only = lookup("Trinity College", country="US", only_country=True)
    assert [m.id for m in only] == [registry["trinity_us"].pk]


def test_a_merged_record_is_not_offered(registry):
    dup = Institution.objects.create(name="Victoria University of Manchester", country=country("GB"))
    assert top("Victoria University of Manchester").id == dup.pk
    dup.status = Status.MERGED
    dup.successor = registry["manchester"]
    dup.save()
    assert dup.pk not in {m.id for m in lookup("Victoria University of Manchester")}


def test_a_new_institution_becomes_findable_after_it_is_saved(registry):
    assert not [m for m in lookup("Kazakh National Agrarian University") if m.score >= 90]
    new = Institution.objects.create(name="Kazakh National Agrarian University", country=country("KZ"))
    assert top("Kazakh National Agrarian University").id == new.pk
    InstitutionName.objects.create(institution=new, name="KazNAU", kind=NameKind.ACRONYM)
    assert top("KazNAU").id == new.pk


def test_a_renamed_institution_is_found_by_its_new_name(registry):
    inst = registry["mmu"]
    inst.name = "Metropolitan University of Greater Manchester"
    inst.save()
    assert top("Metropolitan University of Greater Manchester").id == inst.pk


def test_nothing_is_found_for_blank_or_unrelated_text(registry):
    assert lookup("") == []
    assert lookup("   ...  ") == []
    assert lookup("zzqx wvvk") == []


def test_the_index_works_without_django_from_plain_rows():
    index = LookupIndex([(1, "Université de Montpellier", "", "FR")], [(1, "UM", "acronym")])
    assert [m.id for m in index.search("um")] == [1]
    assert index.search("Universite de Montpellier")[0].score == 100  # accents ignored
    assert index.search("Univ. de Montpellier")[0].score == 98  # same key, other spelling
    with_domains = LookupIndex([(1, "Massachusetts Institute of Technology", "", "US")], [], [(1, "mit.edu")])
    assert with_domains.search("MIT")[0].how == "domain"


def test_a_technical_university_is_found_by_the_tu_form_news_writes():
    index = LookupIndex([(1, "Technische Universität Dortmund", "", "DE"), (2, "Fachhochschule Dortmund", "", "DE"),
                         (3, "Delft University of Technology", "", "NL")], [])
    assert [m.id for m in index.search("TU Dortmund")][:1] == [1]
    assert index.search("TU Dortmund")[0].score >= 90
    assert [m.id for m in index.search("TU Delft")][:1] == [3]


def test_the_cli_prints_one_json_line_per_query(registry):
    out = StringIO()
    call_command("lookup", "--json", "--limit", "2", "BMSTU", "Univ. of Manchester", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["query"] for line in lines] == ["BMSTU", "Univ. of Manchester"]
    first = lines[0]["matches"][0]
    assert first == {
        "id": registry["bauman"].pk,
        "name": "Bauman Moscow State Technical University",
        "country": "RU",
        "score": 95,
    }
    assert lines[1]["matches"][0]["id"] == registry["manchester"].pk
    assert len(lines[1]["matches"]) <= 2


def test_the_cli_prints_a_readable_table_without_json(registry):
    out = StringIO()
    call_command("lookup", "--country", "US", "Trinity College", stdout=out)
    text = out.getvalue()
    assert "Trinity College" in text and "US" in text and "{" not in text


def test_the_typeahead_fragment_links_to_partner_pages(registry, client_for, victor):
    response = client_for(victor).get(reverse("registry:lookup"), {"q": "Univ of Manchester"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("registry:institution-detail", args=[registry["manchester"].pk]) in html
    assert "<html" not in html


def test_the_typeahead_fragment_escapes_html_in_names(db, client_for, victor):
    Institution.objects.create(name="<script>alert(1)</script> University", country=country("GB"))
    response = client_for(victor).get(reverse("registry:lookup"), {"q": "alert University"})
    html = response.content.decode()
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


def test_the_typeahead_is_empty_without_a_query(registry, client_for, victor):
    response = client_for(victor).get(reverse("registry:lookup"), {"q": ""})
    assert response.content.decode().strip() == ""


def test_the_json_endpoint_answers_scripts(registry, client_for, victor):
    response = client_for(victor).get(reverse("registry:lookup-json"), {"q": "Trinity College", "country": "us"})
    data = response.json()
    assert data["query"] == "Trinity College"
    assert data["matches"][0]["id"] == registry["trinity_us"].pk
    assert {"id", "name", "country", "score", "url"} <= set(data["matches"][0])


def test_an_outsider_may_not_use_the_lookup_endpoints(registry, client_for, oscar):
    client = client_for(oscar)
    assert client.get(reverse("registry:lookup"), {"q": "Manchester"}).status_code == 403
    assert client.get(reverse("registry:lookup-json"), {"q": "Manchester"}).status_code == 403


def test_the_partner_list_search_box_asks_for_suggestions_as_you_type(registry, client_for, victor):
    html = client_for(victor).get(reverse("registry:institution-list")).content.decode()
    assert 'id="typeahead"' in html
    assert f'hx-get="{reverse("registry:lookup")}"' in html
    assert "from:#id_q" in html
    assert "<script>" not in html.split("</head>", 1)[1]


def test_a_change_made_without_signals_elsewhere_is_seen_through_the_version_stamp(registry):
    """Another process's bulk insert sends no signal here; the database stamp still reveals it."""
    lookup("anything")  # build
    Institution.objects.bulk_create([Institution(name="Nazarbayev University", country=country("KZ"))])
    assert top("Nazarbayev University").name == "Nazarbayev University"


def test_invalidate_covers_writes_that_bypass_models(registry):
    from accord.registry.services.lookup import invalidate

    lookup("anything")
    Institution.objects.filter(pk=registry["bologna"].pk).update(name="Università di Bologna Alma Mater")
    invalidate()
    assert top("Universita di Bologna Alma Mater").id == registry["bologna"].pk
