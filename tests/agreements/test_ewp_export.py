import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from accord.agreements.models import Quota, Signatory
from accord.mobility.models import Person


@pytest.fixture
def exchange(make_agreement, home, milan):
    agreement = make_agreement(status="active", signed_on=date(2023, 6, 15), subject_areas=["07"])
    person = Person.objects.create(name="Wei Yiming", title="Vice-President", institution=home)
    Signatory.objects.create(agreement=agreement, person=person, institution=home, title="Vice-President",
                             signed_on=date(2023, 6, 15))
    for year in ("2025/26", "2026/27"):
        Quota.objects.create(agreement=agreement, academic_year=year, direction="outgoing",
                             mobility_type="student_studies", count=4, duration=5, isced_code="071",
                             eqf_level=7, language="en", cefr_level="B2")
    Quota.objects.create(agreement=agreement, academic_year="2025/26", direction="incoming",
                         mobility_type="staff_teaching", count=2, duration=5)
    return agreement


def export(client, agreement):
    response = client.get(f"/agreements/{agreement.pk}/ewp-iia.json")
    assert response.status_code == 200
    return response.json()["iias-get-response"]["iia"][0]


def test_partners_carry_the_schac_code_as_hei_id_and_empty_when_missing(client_for, victor, exchange, home):
    home.schac = "bit.edu.cn"
    home.save()
    iia = export(client_for(victor), exchange)
    home_side, partner = iia["partner"]
    assert home_side["hei-id"] == "bit.edu.cn" and partner["hei-id"] == "polimi.it"
    assert home_side["signing-contact"] == {"contact-name": "Wei Yiming", "role-description": "Vice-President"}
    assert home_side["signing-date"] == "2023-06-15"
    assert partner["signing-contact"] is None and partner["signing-date"] is None
    assert partner["ounit-id"] is None and partner["iia-id"] is None


def test_a_partner_without_schac_has_an_empty_hei_id(client_for, victor, exchange):
    iia = export(client_for(victor), exchange)
    assert iia["partner"][0]["hei-id"] == ""


def test_student_quotas_become_one_spec_over_both_years(client_for, victor, exchange):
    conditions = export(client_for(victor), exchange)["cooperation-conditions"]
    [spec] = conditions["student-studies-mobility-spec"]
    assert spec["sending-hei-id"] == "" and spec["receiving-hei-id"] == "polimi.it"
    assert spec["receiving-academic-year-id"] == ["2025/2026", "2026/2027"]
    assert spec["mobilities-per-year"] == 4
    assert spec["total-months-per-year"] == 20
    assert spec["subject-area"] == [{"isced-f-code": "071", "isced-clarification": None}]
    assert spec["recommended-language-skill"] == [{"language": "en", "cefr-level": "B2"}]
    assert spec["eqf-level"] == [7]
    assert conditions["student-traineeship-mobility-spec"] == []


def test_staff_quotas_count_days_and_fall_back_to_the_agreements_subject_areas(client_for, victor, exchange):
    [spec] = export(client_for(victor), exchange)["cooperation-conditions"]["staff-teacher-mobility-spec"]
    assert spec["sending-hei-id"] == "polimi.it"  # incoming: the partner sends
    assert spec["total-days-per-year"] == 10 and "total-months-per-year" not in spec
    assert spec["subject-area"] == [{"isced-f-code": "07", "isced-clarification": None}]
    assert spec["recommended-language-skill"] == []


def test_the_command_prints_the_same_json(exchange):
    out = StringIO()
    call_command("export_ewp_iia", str(exchange.pk), stdout=out)
    data = json.loads(out.getvalue())
    assert data["iias-get-response"]["iia"][0]["in-effect"] is True


def test_the_export_needs_a_role(client_for, oscar, exchange):
    assert client_for(oscar).get(f"/agreements/{exchange.pk}/ewp-iia.json").status_code == 403
