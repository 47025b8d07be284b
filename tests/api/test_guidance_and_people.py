"""Calls, applications and people through the API, with the web's visibility rules."""

from accord.guidance.models import Application, Stage
from accord.mobility.models import Person
from tests.guidance.conftest import make_application, make_call, mona, tina, tom  # noqa: F401  (fixtures)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_a_teacher_sees_only_their_own_applications_a_mentor_theirs_and_staff_all(
        api_as, tina, tom, mona, sam, make_application):
    own = make_application(tina, title="Tina's nozzles")
    mentored = make_application(tom, title="Tom's rotors", mentor=mona)
    assert ids(api_as(tina).get("/api/v1/applications/")) == {own.pk}
    assert ids(api_as(mona).get("/api/v1/applications/")) == {mentored.pk}
    assert ids(api_as(mona).get("/api/v1/applications/", scope="mine")) == set()
    assert ids(api_as(sam).get("/api/v1/applications/")) == {own.pk, mentored.pk}
    assert api_as(tina).get(f"/api/v1/applications/{mentored.pk}").status_code == 404
    assert api_as(tina).get(f"/api/v1/applications/{own.pk}").json()["title"] == "Tina's nozzles"


def test_a_teacher_applies_to_an_open_call_and_is_refused_a_closed_one(api_as, tina, mona, make_call, partner):
    open_call, closed_call = make_call(), make_call("Closed program", opens=-30, internal=-20, external=-10)
    teacher = api_as(tina)
    response = teacher.post("/api/v1/applications/", {
        "call": open_call.pk, "title": "Thermal shields", "discipline": "07", "mentor": mona.pk,
        "partner_institutions": [partner.pk],
    })
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["stage"], body["applicant"], body["partner_institutions"]) == ("idea", tina.pk, [partner.pk])
    assert Application.objects.get(pk=body["id"]).steps.count() == open_call.steps.count()
    refused = teacher.post("/api/v1/applications/", {"call": closed_call.pk, "title": "Too late"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "call"]
    bad = teacher.post("/api/v1/applications/", {"call": open_call.pk, "title": "x", "discipline": "99",
                                                 "partner_institutions": [10**9]})
    assert bad.status_code == 422
    assert {tuple(p["loc"]) for p in bad.json()["detail"]} == {("body", "partner_institutions", 0)}


def test_a_viewer_may_not_apply_and_a_stranger_may_not_change_an_application(api_as, victor, tina, tom, make_application):
    call_id = make_application(tina).call_id
    assert api_as(victor).post("/api/v1/applications/", {"call": call_id, "title": "Mine"}).status_code == 403
    own = Application.objects.get(applicant=tina)
    assert api_as(tom).patch(f"/api/v1/applications/{own.pk}", {"title": "Hijacked", "version": 1}).status_code == 403
    assert api_as(tina).patch(f"/api/v1/applications/{own.pk}", {"title": "Renamed", "version": 1}).json()["title"] == "Renamed"


def test_stages_move_only_along_the_workflow_and_only_the_office_records_an_award(api_as, tina, sam, make_application):
    application = make_application(tina)
    teacher, office = api_as(tina), api_as(sam)
    url = f"/api/v1/applications/{application.pk}/stage"
    skipped = teacher.post(url, {"to": "submitted"})
    assert skipped.status_code == 422 and skipped.json()["detail"][0]["loc"] == ["body", "to"]
    assert teacher.post(url, {"to": "drafting", "note": "first draft"}).json()["stage"] == "drafting"
    application.refresh_from_db()
    assert application.notes.filter(text__contains="first draft").exists()
    Application.objects.filter(pk=application.pk).update(stage=Stage.SUBMITTED)
    assert teacher.post(url, {"to": "awarded"}).status_code == 403
    assert office.post(url, {"to": "awarded"}).json()["stage"] == "awarded"
    patched = teacher.patch(f"/api/v1/applications/{application.pk}", {"stage": "idea", "title": "Same",
                                                                           "version": Application.objects.get(pk=application.pk).version})
    assert patched.status_code == 200 and patched.json()["stage"] == "awarded"  # the stage is not a field


def test_calls_are_read_by_teachers_and_written_by_the_office(api_as, tina, sam, make_call):
    call = make_call(countries=["RU"])
    listed = api_as(tina).get("/api/v1/calls/", q="aerospace")
    assert ids(listed) == {call.pk}
    assert listed.json()["items"][0]["countries"] == ["RU"]
    body = {"title": "Sino-German fund", "funder": "NSFC", "countries": ["DE"], "budget_min": "1000.00",
            "budget_max": "500.00", "disciplines": ["07"]}
    assert api_as(tina).post("/api/v1/calls/", body).status_code == 403
    invalid = api_as(sam).post("/api/v1/calls/", body)
    assert invalid.status_code == 422 and invalid.json()["detail"][0]["loc"] == ["body", "budget_max"]
    created = api_as(sam).post("/api/v1/calls/", {**body, "budget_max": "2000.00"})
    assert created.status_code == 201, created.content
    assert created.json()["countries"] == ["DE"]
    unknown = api_as(sam).patch(f"/api/v1/calls/{call.pk}", {"countries": ["ZZ"], "version": 1})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["body", "countries", 0]


def test_people_show_contact_data_only_to_those_who_may_see_it(api_as, sam, victor, cora):
    person = Person.objects.create(name="Irina Petrova", email="irina@bmstu.ru", phone="+7 495 000")
    for user, shown in [(sam, ("irina@bmstu.ru", "+7 495 000")), (victor, (None, None))]:
        detail = api_as(user).get(f"/api/v1/people/{person.pk}").json()
        assert (detail["email"], detail["phone"]) == shown
        listed = api_as(user).get("/api/v1/people/", q="irina").json()["items"]
        assert [(p["email"], p["phone"]) for p in listed] == [shown]
    refused = api_as(cora).post("/api/v1/people/", {"name": "Ivan", "email": "ivan@example.org"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "email"]
    created = api_as(cora).post("/api/v1/people/", {"name": "Ivan"})
    assert created.status_code == 201 and created.json()["email"] is None
    api_as(sam).put(f"/api/v1/people/{person.pk}", {"name": "Irina Petrova", "title": "Dean", "version": 1})
    person.refresh_from_db()
    assert (person.title, person.email) == ("Dean", "")  # the office's PUT replaces everything it may see
