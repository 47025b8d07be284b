from datetime import date

import pytest
from django.urls import reverse

from accord.mobility.models import Mobility, Person, Program


def management(prefix, total=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


@pytest.mark.django_db
def test_staff_create_a_joint_school_with_its_partner_and_the_page_shows_it(client_for, sam, partner):
    client = client_for(sam)
    data = {"kind": "joint_school", "name": "BIT-BMSTU Joint School", "established": "2021",
            **management("partners", 1), "partners-0-institution": str(partner.pk), "partners-0-role": "founder"}
    response = client.post(reverse("mobility:program-create"), data)
    program = Program.objects.get()
    assert response.status_code == 302 and response["Location"] == program.get_absolute_url()
    assert list(program.partners.values_list("name", flat=True)) == ["Bauman Moscow State Technical University"]
    page = client.get(program.get_absolute_url()).content.decode()
    assert "Bauman Moscow State Technical University" in page and "Co-founder" in page and ">sam<" in page


@pytest.mark.django_db
def test_a_coordinator_records_an_exchange_student_for_her_own_faculty(client_for, cora, faculty, other_faculty, home,
                                                                       partner):
    student = Person.objects.create(name="Ivan Petrov", kind="student")
    response = client_for(cora).post(reverse("mobility:mobility-create"), {
        "direction": "incoming", "kind": "exchange_student", "person": str(student.pk),
        "home_institution": str(partner.pk), "host_institution": str(home.pk),
        "start_date": "2024-09-01", "end_date": "2025-01-31", "faculty": str(other_faculty.pk),
    })
    assert response.status_code == 302
    mobility = Mobility.objects.get()
    assert (mobility.faculty, mobility.academic_year) == (faculty, 2024)


@pytest.mark.django_db
def test_the_mobility_form_refuses_a_stay_that_ends_before_it_starts(client_for, sam):
    student = Person.objects.create(name="Ivan Petrov", kind="student")
    response = client_for(sam).post(reverse("mobility:mobility-create"), {
        "direction": "incoming", "kind": "exchange_student", "person": str(student.pk),
        "start_date": "2024-09-01", "end_date": "2024-01-31",
    })
    assert response.status_code == 200 and not Mobility.objects.exists()


@pytest.mark.django_db
def test_the_mobility_list_filters_by_direction_and_partner(client_for, victor, partner):
    ivan = Person.objects.create(name="Ivan Petrov", kind="student")
    zhang = Person.objects.create(name="Zhang Wei", kind="student")
    Mobility.objects.create(person=ivan, direction="incoming", kind="exchange_student", home_institution=partner,
                            start_date=date(2024, 9, 1))
    Mobility.objects.create(person=zhang, direction="outgoing", kind="io_internship", start_date=date(2022, 6, 1))
    client = client_for(victor)

    def names(**params):
        return [m.person.name for m in client.get(reverse("mobility:mobility-list"), params).context["object_list"]]

    assert names() == ["Ivan Petrov", "Zhang Wei"]
    assert names(direction="outgoing") == ["Zhang Wei"]
    assert names(partner=str(partner.pk)) == ["Ivan Petrov"]


@pytest.mark.django_db
def test_the_person_and_program_lists_filter_by_text(client_for, victor):
    Person.objects.create(name="Benoît Digeon", title="Mayor of Montargis")
    Person.objects.create(name="Zhang Wei", kind="student")
    Program.objects.create(name="Study in BIT Uganda Workstation", kind="other")
    Program.objects.create(name="BIT-BMSTU Joint School", kind="joint_school")
    client = client_for(victor)
    people = client.get(reverse("mobility:person-list"), {"q": "montargis"}).context["object_list"]
    assert [p.name for p in people] == ["Benoît Digeon"]
    programs = client.get(reverse("mobility:program-list"), {"kind": "joint_school"}).context["object_list"]
    assert [p.name for p in programs] == ["BIT-BMSTU Joint School"]
