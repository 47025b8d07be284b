"""Steps `events`, `arguments`, `dates`, `mode` and `merge` on short texts."""

from datetime import date
from types import SimpleNamespace

import pytest

from accord.newsroom.pipeline.document import DateValue, Event
from accord.newsroom.pipeline.merge import merge as merge_step
from tests.newsroom.steps import run_until

pytestmark = pytest.mark.django_db


def types(doc):
    return sorted(e.type for e in doc.events)


@pytest.mark.parametrize("sentence, expected", [
    ("Northbridge University and Lakeside Institute of Technology signed a memorandum of understanding.", "agreement_signing"),
    ("Lakeside Institute of Technology inked an MoU with Northbridge University.", "agreement_signing"),
    ("A delegation from Northbridge University visited Lakeside Institute of Technology.", "visit_inbound"),
    ("The Ocean Forum was held at Lakeside Institute of Technology with Northbridge University.", "forum_or_conference"),
    ("The plaque of the Joint Institute of Lakeside Institute of Technology and Northbridge University was unveiled.",
     "joint_institution_established"),
    ("Exchange students from Northbridge University arrived at Lakeside Institute of Technology.", "exchange_program"),
    ("Lakeside Institute of Technology and Northbridge University held a culture week.", "cultural_exchange"),
    ("Lakeside Institute of Technology and Northbridge University launched a joint seed fund.", "research_project_or_fund"),
])
def test_a_trigger_gives_its_event_type(registry, sentence, expected):
    doc = run_until("events", sentence)
    assert expected in {e.type for e in doc.events}


@pytest.mark.parametrize("sentence", [
    "Lakeside Institute of Technology will sign an agreement with Northbridge University next year.",
    "Lakeside Institute of Technology plans to sign an MoU with Northbridge University.",
    "Lakeside Institute of Technology hopes to visit Northbridge University.",
    "So far, Lakeside Institute of Technology has signed agreements with 40 universities including Northbridge University.",
])
def test_planned_future_and_background_events_are_not_events(registry, sentence):
    assert run_until("merge", sentence).events == []


def test_an_article_with_no_cooperation_event_gives_none(registry):
    doc = run_until("proposals", "Lakeside Institute of Technology held its sports day.\n"
                                 "Students ran and swam. A professor of Northbridge University was named in a ranking.")
    assert doc.proposals == []


@pytest.mark.parametrize("sentence, expected", [
    ("A delegation from Northbridge University visited BIT on Monday.", "visit_inbound"),
    ("BIT received a delegation led by Northbridge University.", "visit_inbound"),
    ("A BIT delegation visited Northbridge University.", "visit_outbound"),
    ("The BIT president led a delegation to Northbridge University.", "visit_outbound"),
    ("On March 27th, a delegation of BIT and Northbridge University held talks during a business trip.", "visit_outbound"),
])
def test_a_visit_is_seen_from_the_home_university(registry, sentence, expected):
    assert types(run_until("arguments", sentence)) == [expected]


def test_parties_have_home_and_partner_roles_and_people_their_titles(registry):
    doc = run_until("arguments", "BIT President Zhang Wei and Alice Carter, Vice-Chancellor of Northbridge University, "
                                 "signed an agreement.")
    event = doc.events[0]
    roles = {doc.entities[i].name: role for i, role in event.roles.items()}
    assert roles == {"BIT": "home", "Northbridge University": "partner"} or \
        roles == {"Beijing Institute of Technology": "home", "Northbridge University": "partner"}
    people = {p.name: p.role for p in event.people}
    assert people == {"Zhang Wei": "President", "Alice Carter": "Vice-Chancellor"}


def test_counts_are_read(registry):
    doc = run_until("arguments", "Twelve? No: 35 students from Northbridge University arrived at BIT for the exchange program.")
    assert doc.events[0].counts == {"students": 35}


@pytest.mark.parametrize("sentence, expected", [
    ("BIT signed an agreement with Northbridge University via video link.", "online"),
    ("BIT signed an agreement with Northbridge University during a meeting held in London.", "in_person"),
    ("BIT signed an agreement with Northbridge University.", None),
    ("A delegation from Northbridge University visited BIT.", "in_person"),
])
def test_the_mode_is_online_in_person_or_unknown(registry, sentence, expected):
    assert run_until("mode", sentence).events[0].mode == expected


def test_dates_are_resolved_against_the_publication_date(registry):
    doc = run_until("dates", "A delegation from Northbridge University visited BIT on Tuesday.",
                    published=date(2024, 10, 10))
    assert doc.events[0].date.iso() == "2024-10-08"


class _Doc:
    def __init__(self, events):
        self.events = events
        self.entities = [SimpleNamespace(registry_id=n + 1) for n in range(3)]
        self.sentences = [SimpleNamespace(is_title=False) for _ in range(5)]
        self.home = 0


def event(kind, entities, day=None, sentence=0):
    value = DateValue(2024, 5, day) if day else None
    return Event(type=kind, sentence=sentence, trigger="", entities=entities, sentences=[sentence],
                 roles={e: ("home" if e == 0 else "partner") for e in entities}, date=value)


def test_merge_joins_one_act_reported_twice_and_keeps_separate_acts_apart():
    doc = _Doc([
        event("agreement_signing", [0, 1], day=3, sentence=0),
        event("agreement_signing", [0, 1], sentence=1),
        event("agreement_signing", [0, 2], day=20, sentence=2),
        event("visit_inbound", [0, 1], day=3, sentence=3),
        event("forum_or_conference", [0], sentence=4),
    ])
    merge_step(doc)
    assert [(e.type, e.sentences, e.date.day if e.date else None) for e in doc.events] == [
        ("agreement_signing", [0, 1], 3), ("agreement_signing", [2], 20), ("visit_inbound", [3], 3)]


def test_a_headline_announcing_a_signing_is_not_an_event(registry):
    doc = run_until("merge", "Lakeside Institute of Technology to sign MoU with Northbridge University\n\n"
                             "The president said the two universities are preparing the text.",
                    title="Lakeside Institute of Technology to sign MoU with Northbridge University")
    assert doc.events == []


def test_a_headline_event_takes_its_parties_from_the_lead(registry):
    text = ("First joint laboratory inaugurated\n\nThe laboratory opened its doors in the city.\n"
            "Northbridge University and Lakeside Institute of Technology run it together.")
    doc = run_until("merge", text, title="First joint laboratory inaugurated")
    event = next(e for e in doc.events if e.type == "joint_institution_established")
    assert {doc.entities[i].registry_id for i in event.entities} == {registry["northbridge"].pk, registry["lakeside"].pk}


@pytest.mark.parametrize("sentence, kind", [
    ("Lakeside Institute of Technology and Northbridge University signed a declaration of intent.", "agreement_signing"),
    ("Students of Lakeside Institute of Technology won second prize at the Northbridge University contest.", "competition"),
    ("Lakeside Institute of Technology was received by Northbridge University.", "visit_inbound"),
    ("Lakeside Institute of Technology and Northbridge University launched a seed-corn fund.", "research_project_or_fund"),
    ("A foundation stone laying ceremony for the joint park of Lakeside Institute of Technology and Northbridge "
     "University was held.", "other"),
    ("An online meeting was held between Lakeside Institute of Technology and Northbridge University.", "other"),
    ("Deans of Lakeside Institute of Technology held a working meeting with Northbridge University.", "visit_inbound"),
    ("Lakeside Institute of Technology signed a strategic partnership with Northbridge University.", "agreement_signing"),
    ("The rector of Northbridge University paid a courtesy call on Lakeside Institute of Technology.", "visit_inbound"),
    ("Lakeside Institute of Technology and Northbridge University established a joint laboratory for ocean studies.",
     "joint_institution_established"),
])
def test_phrasings_of_the_guides_definitions_give_their_event(registry, sentence, kind):
    assert kind in {e.type for e in run_until("events", sentence).events}


@pytest.mark.parametrize("sentence", [
    "Lakeside Institute of Technology offers programmes including exchanges, competitions and conferences with Northbridge University.",
    "Students of Lakeside Institute of Technology went on a field trip with Northbridge University.",
])
def test_a_list_item_or_a_field_trip_is_not_an_event(registry, sentence):
    assert not run_until("events", sentence).events


@pytest.mark.parametrize("title", [
    "Ministers, Northbridge University head to speak at Lakeside Institute of Technology conference",
    "Lakeside Institute of Technology to commence culture programme with Northbridge University soon",
])
def test_a_headline_announcing_an_event_reports_none(registry, title):
    doc = run_until("events", title + "\n\nMore details follow.", title=title)
    assert not doc.events


def test_the_party_after_the_visit_verb_is_the_one_visited(registry):
    text = "Two deans from Northbridge University visited Lakeside Institute of Technology last week."
    doc = run_until("arguments", text, url="https://www.northbridge.ac.uk/news/1")
    assert {e.type for e in doc.events} == {"visit_outbound"}


def test_an_undated_signing_takes_the_date_of_the_sentence_before_it(registry):
    text = ("Lakeside Institute of Technology officials signed the project on Monday. "
            "The agreement was reached with Northbridge University after two years of talks.")
    doc = run_until("merge", text, published=date(2024, 10, 10))
    event = next(e for e in doc.events if e.type == "agreement_signing")
    assert event.date.iso() == "2024-10-07"


def test_a_delegation_attending_a_named_meeting_reports_a_forum_and_no_visit(registry):
    text = ("A delegation of Northbridge University participated in the Baltic-Nordic Policy Dialogue Meeting "
            "at Lakeside Institute of Technology.")
    assert {e.type for e in run_until("events", text).events} == {"forum_or_conference"}


def test_a_governing_bodys_meeting_is_no_forum(registry):
    text = "Northbridge University and Lakeside Institute of Technology held the University Board Meeting."
    assert "forum_or_conference" not in {e.type for e in run_until("events", text).events}


def test_the_opening_of_a_named_centre_is_a_joint_institution(registry):
    title = "Northbridge University and Lakeside Institute of Technology: Joint Ocean Research Centre (JORC) Opening"
    assert "joint_institution_established" in {e.type for e in run_until("events", title, title=title).events}


def test_a_welcome_event_for_exchange_students_is_reported_not_hoped_for(registry):
    text = "On October 4, Lakeside Institute of Technology organized a welcome event for exchange students from Northbridge University."
    assert "exchange_program" in {e.type for e in run_until("events", text).events}


def test_students_of_the_home_university_alone_winning_a_prize_is_a_competition(registry):
    text = "Students of BIT won second prize at the international robotics contest held in Lyon."
    doc = run_until("merge", text, url="https://www.bit.edu.cn/news/1")
    assert [e.type for e in doc.events] == ["competition"]


def test_a_signing_reported_only_by_home_parties_is_still_dropped(registry):
    text = "BIT signed a memorandum of understanding with a foreign partner."
    assert run_until("merge", text, url="https://www.bit.edu.cn/news/1").events == []


def test_a_headline_gives_its_full_date_when_the_body_dates_nothing(registry):
    title = "Opening of the Joint Laboratory of Northbridge University and Lakeside Institute of Technology, 21 September 2015"
    text = title + "\n\nThe joint laboratory of Northbridge University and Lakeside Institute of Technology was inaugurated."
    doc = run_until("dates", text, title=title, published=date(2016, 1, 5))
    event = next(e for e in doc.events if e.type == "joint_institution_established")
    assert event.date.iso() == "2015-09-21"


def test_the_institution_an_opening_founds_is_not_one_of_its_parties(registry):
    text = ("Northbridge University and Lakeside Institute of Technology celebrated the inauguration of the "
            "Joint Ocean Research Centre in Qingdao.")
    doc = run_until("merge", text)
    event = next(e for e in doc.events if e.type == "joint_institution_established")
    assert {doc.entities[i].registry_id for i in event.entities} == {registry["northbridge"].pk, registry["lakeside"].pk}
    assert not any("Centre" in doc.entities[i].name for i in event.entities)


def test_a_university_right_after_an_unveiling_stays_a_party(registry):
    text = "At the joint lab, Northbridge University unveiled Sunridge University of Science and Arts as a partner."
    doc = run_until("events", text)
    event = next(e for e in doc.events if e.type == "joint_institution_established")
    assert any(doc.entities[i].name.startswith("Sunridge University") for i in event.entities)


@pytest.mark.parametrize("text", [
    "Team Kite, comprising students from BIT, Northbridge University and Lakeside Institute of Technology (LIT), "
    "won second prize at the international robotics contest held in Lyon.",
    "The Kite Alliance (integrated by BIT (China), Northbridge University (UK) and the Lakeside Institute of "
    "Technology (China)) signed a memorandum of understanding with Université de Valmont.",
])
def test_the_members_of_a_group_the_home_belongs_to_are_all_home(registry, text):
    doc = run_until("merge", text, url="https://www.bit.edu.cn/news/1")
    event = doc.events[0]
    roles = {doc.entities[i].registry_id: role for i, role in event.roles.items()}
    assert roles[registry["northbridge"].pk] == roles[registry["lakeside"].pk] == "home"
    assert roles.get(registry["valmont"].pk, "partner") == "partner"


def test_a_list_of_partners_the_home_is_not_part_of_stays_partners(registry):
    text = ("BIT signed a memorandum of understanding with a consortium comprising Northbridge University and "
            "Lakeside Institute of Technology.")
    doc = run_until("merge", text, url="https://www.bit.edu.cn/news/1")
    roles = {doc.entities[i].registry_id: role for i, role in doc.events[0].roles.items()}
    assert roles[registry["northbridge"].pk] == roles[registry["lakeside"].pk] == "partner"


def test_a_line_that_only_stamps_the_page_with_its_date_does_not_date_the_event(registry):
    title = "Joint laboratory of Northbridge University officially inaugurated"
    text = (title + "\n\nAgency) 14:37, November 24, 2023\n\nThe first joint laboratory in the city has been "
            "officially inaugurated. The president of Northbridge University said in his remarks on Wednesday that "
            "the official inauguration of the laboratory with Lakeside Institute of Technology is a milestone.")
    doc = run_until("merge", text, title=title, published=date(2023, 11, 24))
    event = next(e for e in doc.events if e.type == "joint_institution_established")
    assert event.date.iso() == "2023-11-22"


@pytest.mark.parametrize("line, expected", [
    ("Xinhua) 14:37, November 24, 2023", True),
    ("Published: 24 November 2023", True),
    ("Signed on 24 November 2023", False),
    ("The centre opened on 24 November 2023.", False),
])
def test_a_date_stamp_is_a_date_with_a_clock_time_or_a_label_and_little_else(line, expected):
    from accord.newsroom.pipeline.dates import find_dates, stamp

    assert stamp(line, find_dates(line)[0]) is expected


@pytest.mark.parametrize("documents, events", [("two memorandums of understanding", 2), ("a memorandum of understanding", 1)])
def test_as_many_documents_as_partners_signed_at_once_are_one_signing_per_partner(registry, documents, events):
    text = (f"Northbridge University signed {documents} with Lakeside Institute of Technology and the "
            "Université de Valmont.")
    doc = run_until("merge", text, url="https://www.northbridge.ac.uk/news/1")
    signings = [e for e in doc.events if e.type == "agreement_signing"]
    assert len(signings) == events
    partners = [{doc.entities[i].registry_id for i in e.entities if e.roles.get(i) != "home"} for e in signings]
    if events == 2:
        assert partners == [{registry["lakeside"].pk}, {registry["valmont"].pk}]
    else:
        assert partners == [{registry["lakeside"].pk, registry["valmont"].pk}]
    assert all(registry["northbridge"].pk in {doc.entities[i].registry_id for i in e.entities} for e in signings)


@pytest.mark.parametrize("clause, joins", [
    ("make up the other half of the exchange programme", True),
    ("will join the exchange programme next year", False),  # planned: no party yet
])
def test_members_a_later_sentence_names_as_making_up_the_programme_are_its_parties(registry, clause, joins):
    text = ("Exchange students from Northbridge University arrived at Lakeside Institute of Technology. "
            f"The Université de Valmont and Oranje University of Applied Sciences {clause}.")
    doc = run_until("merge", text)
    event = next(e for e in doc.events if e.type == "exchange_program")
    ids = {doc.entities[i].registry_id for i in event.entities}
    assert ({registry["valmont"].pk, registry["oranje"].pk} <= ids) is joins
    assert {registry["northbridge"].pk, registry["lakeside"].pk} <= ids
