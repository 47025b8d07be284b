"""The whole pipeline on articles beside this test (written for it): input file in, expected events out;
and on the shared seed articles."""

import json
from pathlib import Path

import pytest

from accord.newsroom.pipeline import extract
from accord.newsroom.pipeline.clean import guess_format
from tests.conftest import shared_file

pytestmark = pytest.mark.django_db
ARTICLES = Path(__file__).parent / "articles"
CASES = sorted(p for p in ARTICLES.iterdir() if not p.name.endswith(".expected.json"))


def summary(proposals):
    return [
        {
            "type": p["type"], "date": p["date"], "mode": p["mode"],
            "institutions": [[i["name"], i["country"], i["role"]] for i in p["institutions"]],
            "people": [person["name"] for person in p["people"]],
        }
        for p in proposals
    ]


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_the_pipeline_turns_the_article_into_the_expected_events(registry, path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    raw = path.read_text(encoding="utf-8")
    doc = extract(raw, url=expected["url"], fmt=guess_format(raw))
    got = summary(doc.proposals)
    for event in got:  # people are compared as sets of the expected names
        event["people"] = sorted(set(event["people"]))
    for event in expected["events"]:
        event["people"] = sorted(event["people"])
    assert got == expected["events"]


def test_every_proposal_carries_its_evidence_sentence_and_offsets(registry):
    raw = (ARTICLES / "oranje_visit.html").read_text(encoding="utf-8")
    doc = extract(raw, url="https://news.lit.edu.cn/2024/0419/c1a2/page.htm")
    for proposal in doc.proposals:
        start, end = proposal["evidence_span"]
        assert doc.text[start:end] == proposal["evidence"]
        assert 0 < proposal["confidence"] < 1
        assert all(i["evidence"]["text"] in doc.text for i in proposal["institutions"])


@pytest.fixture
def demo_registry(db):
    from accord.registry.demo import load

    load()


def test_the_xjtu_seed_is_an_online_signing_with_paristech(demo_registry):
    text = shared_file("seeds", "003_706aeb4ea85ec122.txt").read_text(encoding="utf-8")
    (signing,) = extract(text).proposals
    assert signing["type"] == "agreement_signing" and signing["date"] == "2021-08-30" and signing["mode"] == "online"
    assert [(i["country"], i["role"]) for i in signing["institutions"]] == [("CN", "home"), ("FR", "partner")]
    assert "Xi'an Jiaotong University" in signing["institutions"][0]["name"]
    assert {"Wang Shuguo", "Christian Lerminiaux"} <= {p["name"] for p in signing["people"]}


def test_the_bit_seed_reports_a_signing_and_a_cultural_exchange_with_french_partners(demo_registry):
    text = shared_file("seeds", "000_3610c41710bc3b69.txt").read_text(encoding="utf-8")
    doc = extract(text)
    by_type = {p["type"]: p for p in doc.proposals}
    assert {"agreement_signing", "cultural_exchange"} <= set(by_type)
    assert by_type["agreement_signing"]["institutions"][0]["name"] == "Beijing Institute of Technology"
    assert {i["country"] for i in by_type["cultural_exchange"]["institutions"] if i["role"] == "partner"} == {"FR"}
