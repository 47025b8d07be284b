from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.guidance.models import Consultation, Stage
from accord.guidance.services import ConsultationFull, book

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(make_call, mona):
    return Consultation.objects.create(title="Clinic", starts_at=timezone.now() + timedelta(days=3),
                                       place="Room 233", mentor=mona, capacity=1, call=make_call())


def test_a_teacher_books_from_the_call_page_and_the_idea_moves_to_consultation(client_for, session, make_application,
                                                                               tina):
    application = make_application(tina, call=session.call)
    client = client_for(tina)
    assert "Book a consultation" in client.get(session.call.get_absolute_url()).content.decode()
    client.post(reverse("guidance:consultation-book", args=[session.pk]), {"application": application.pk})
    assert list(session.applicants.all()) == [tina]
    application.refresh_from_db()
    assert application.stage == Stage.CONSULTATION


def test_a_full_session_refuses_another_teacher(session, tina, tom):
    book(session, tina)
    with pytest.raises(ConsultationFull):
        book(session, tom)


def test_a_teacher_cannot_link_someone_elses_application(client_for, session, make_application, tina, tom):
    theirs = make_application(tom, call=session.call)
    client_for(tina).post(reverse("guidance:consultation-book", args=[session.pk]), {"application": theirs.pk})
    assert not session.applications.exists()


def test_only_the_office_and_the_mentor_see_who_comes(client_for, session, tina, tom, mona):
    book(session, tina)
    assert "Tina" not in client_for(tom).get(session.get_absolute_url()).content.decode()
    assert "Tina" in client_for(mona).get(session.get_absolute_url()).content.decode()
