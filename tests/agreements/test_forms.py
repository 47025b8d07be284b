from accord.agreements.models import Agreement
from tests.agreements.conftest import form_data


def formset(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows))}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def test_staff_create_an_agreement_with_parties_and_quotas(client_for, sam, home, milan, faculty):
    data = form_data(
        faculty=str(faculty.pk), valid_from="2025-09-01", valid_until="2030-08-31", subject_areas=["07", "071"],
        **formset("parties", [{"institution": home.pk, "role": "home"}, {"institution": milan.pk, "role": "partner"}]),
        **formset("quotas", [{"academic_year": "2025/26", "direction": "outgoing", "mobility_type": "student_studies",
                              "count": "3", "duration": "5", "isced_code": "071", "language": "en"}]),
    )
    response = client_for(sam).post("/agreements/new/", data)
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and response.url == f"/agreements/{agreement.pk}/"
    assert agreement.status == "draft" and agreement.faculty == faculty
    assert agreement.subject_areas == ["07", "071"]
    assert agreement.parties.count() == 2
    assert agreement.quotas.get().count == 3
    assert agreement.history.first().history_user == sam


def test_a_coordinators_agreement_belongs_to_their_faculty_whatever_they_post(client_for, cora, faculty, other_faculty):
    response = client_for(cora).post("/agreements/new/", form_data(faculty=str(other_faculty.pk)))
    assert response.status_code == 302
    assert Agreement.objects.get().faculty == faculty


def test_an_unknown_isced_code_is_refused(client_for, sam):
    response = client_for(sam).post("/agreements/new/", form_data(subject_areas=["0999"]))
    assert response.status_code == 200 and not Agreement.objects.exists()


def test_a_bad_academic_year_is_refused(client_for, sam):
    data = form_data(**formset("quotas", [{"academic_year": "2025/27", "direction": "outgoing",
                                           "mobility_type": "student_studies", "count": "3"}]))
    response = client_for(sam).post("/agreements/new/", data)
    assert "not an academic year like 2025/26" in response.content.decode()
    assert not Agreement.objects.exists()


def test_an_agreement_that_ends_before_it_starts_is_refused(client_for, sam):
    response = client_for(sam).post("/agreements/new/", form_data(valid_from="2026-01-01", valid_until="2025-01-01"))
    assert "cannot end before it starts" in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_same_institution_cannot_be_a_party_twice(client_for, sam, milan):
    data = form_data(**formset("parties", [{"institution": milan.pk, "role": "partner"},
                                           {"institution": milan.pk, "role": "associate"}]))
    response = client_for(sam).post("/agreements/new/", data)
    page = response.content.decode()
    assert "only once" in page or "duplicate data for institution" in page
    assert not Agreement.objects.exists()


def test_the_list_filters_by_partner_country_kind_and_text(client_for, victor, make_agreement, bauman):
    make_agreement("Exchange with Milan", kind="student_exchange")
    make_agreement("Joint training with Bauman", kind="joint_training", partner=bauman)
    client = client_for(victor)
    page = client.get("/agreements/?country=RU").content.decode()
    assert "Joint training with Bauman" in page and "Exchange with Milan" not in page
    page = client.get("/agreements/?kind=student_exchange").content.decode()
    assert "Exchange with Milan" in page and "Joint training with Bauman" not in page
    page = client.get("/agreements/?q=polytechnic").content.decode()
    assert "Exchange with Milan" in page and "Joint training with Bauman" not in page
    assert "1 agreement" in page


def test_the_list_filters_by_signed_year(client_for, victor, make_agreement):
    from datetime import date

    make_agreement("Old", signed_on=date(2018, 5, 1))
    make_agreement("New", signed_on=date(2024, 5, 1))
    page = client_for(victor).get("/agreements/?signed_year=2018").content.decode()
    assert ">Old<" in page and ">New<" not in page
