"""Withdrawing an application (or recording a rejection) asks first."""

import pytest

from accord.guidance.models import Stage

pytestmark = pytest.mark.django_db


def test_withdraw_asks_first_saying_the_application_closes_for_good(tina, make_application, client_for):
    application = make_application(tina)
    page = client_for(tina).get(application.get_absolute_url()).content.decode()
    assert 'data-confirm-title="Withdraw this application?"' in page
    assert "closed for good" in page


def test_recording_a_rejection_asks_first(tina, sam, make_application, client_for):
    application = make_application(tina, stage=Stage.SUBMITTED)
    page = client_for(sam).get(application.get_absolute_url()).content.decode()
    assert "Record the funder’s rejection?" in page
