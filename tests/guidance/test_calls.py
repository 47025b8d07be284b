import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.guidance.models import Application, ApplicationFile

pytestmark = pytest.mark.django_db


def titles(client, **query):
    response = client.get(reverse("guidance:call-list"), query)
    return {call.title for call in response.context["object_list"]}


def test_the_list_filters_open_calls_disciplines_and_partner_countries(client_for, make_call, make_application, tina,
                                                                       bauman):
    make_call("Aerospace", countries=["RU"], disciplines=["071"])
    make_call("Biology", countries=["FR"], disciplines=["051"])
    make_call("Closed", opens=-100, internal=-60, external=-50, disciplines=["07"])
    make_call("Anywhere", disciplines=["05"])
    client = client_for(tina)
    assert titles(client, open="on") == {"Aerospace", "Biology", "Anywhere"}
    assert titles(client, discipline="07") == {"Aerospace", "Closed"}
    make_application(tina, call=make_call("Past idea", disciplines=["051"]), discipline="051", partners=[bauman])
    assert titles(client, mine="on") == {"Biology", "Past idea", "Anywhere"}  # 05 covers 051
    # Russia: the country of Bauman, in her application; calls with no restriction are open to it too
    assert titles(client, country="RU") == {"Aerospace", "Anywhere", "Past idea", "Closed"}
    assert titles(client, country="RU", open="on") == {"Aerospace", "Anywhere", "Past idea"}


def test_a_teacher_applies_to_an_open_call(client_for, make_call, tina, mona):
    call = make_call()
    client = client_for(tina)
    response = client.post(reverse("guidance:application-create") + f"?call={call.pk}",
                           {"call": call.pk, "title": "Nozzles", "discipline": "071", "research_direction": "ablation",
                            "mentor": mona.pk})
    application = Application.objects.get()
    assert response["Location"] == application.get_absolute_url()
    assert (application.applicant, application.mentor, application.stage) == (tina, mona, "idea")
    assert call.followers.filter(pk=tina.pk).exists()


def test_nobody_applies_to_a_closed_call(client_for, make_call, tina):
    call = make_call(opens=-100, internal=-60, external=-50)
    client_for(tina).post(reverse("guidance:application-create"), {"call": call.pk, "title": "Late"})
    assert not Application.objects.exists()


def test_an_uploaded_file_must_really_be_a_pdf_png_or_jpeg(client_for, make_application, tina):
    application = make_application(tina)
    client = client_for(tina)
    url = reverse("guidance:application-file", args=[application.pk])
    client.post(url, {"file": SimpleUploadedFile("budget.pdf", b"MZ not a pdf")})
    assert not ApplicationFile.objects.exists()
    client.post(url, {"file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget"), "description": "Budget"})
    stored = ApplicationFile.objects.get()
    assert stored.content_type == "application/pdf"
    download = client.get(reverse("guidance:application-file-download", args=[stored.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


def test_notes_and_checklist_are_kept_by_the_applicant(client_for, make_application, tina, tom):
    application = make_application(tina)
    step = application.steps.first()
    client_for(tom).post(reverse("guidance:application-note", args=[application.pk]), {"text": "hijack"})
    assert not application.notes.exists()
    client = client_for(tina)
    client.post(reverse("guidance:application-note", args=[application.pk]), {"text": "Partner letter requested"})
    client.post(reverse("guidance:application-step", args=[application.pk, step.pk]), {"done": "1"})
    step.refresh_from_db()
    assert step.done and step.done_on is not None
    assert application.notes.get().author == tina
