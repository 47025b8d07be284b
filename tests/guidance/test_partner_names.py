"""Teachers and mentors see partner names they may not open as text, never a link to a 403."""

import pytest

from tests.agreements.conftest import milan  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_teacher_sees_the_partners_of_their_application_as_text_with_a_short_card(
        tina, milan, make_application, client_for):
    application = make_application(tina, partners=[milan])
    page = client_for(tina).get(application.get_absolute_url()).content.decode()
    assert f'href="{milan.get_absolute_url()}"' not in page
    assert 'class="partner-card" title="Italy · University">Polytechnic University of Milan</span>' in page


def test_a_mentor_sees_them_as_text_too(tina, mona, milan, make_application, client_for):
    application = make_application(tina, mentor=mona, partners=[milan])
    page = client_for(mona).get(application.get_absolute_url()).content.decode()
    assert f'href="{milan.get_absolute_url()}"' not in page and "Polytechnic University of Milan" in page


def test_office_staff_get_a_link_to_the_partner(tina, sam, milan, make_application, client_for):
    application = make_application(tina, partners=[milan])
    page = client_for(sam).get(application.get_absolute_url()).content.decode()
    assert f'<a href="{milan.get_absolute_url()}">Polytechnic University of Milan</a>' in page


def test_a_teachers_profile_names_their_faculty_without_a_link(tina, faculty, client_for):
    page = client_for(tina).get("/accounts/profile/").content.decode()
    assert "School of Aerospace Engineering" in page and f'href="{faculty.get_absolute_url()}"' not in page
