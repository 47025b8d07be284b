"""Irreversible moves ask first and say what will happen; reversible ones do not."""

import pytest

pytestmark = pytest.mark.django_db


def test_terminate_asks_first_and_names_the_agreement(make_agreement, sam, client_for):
    agreement = make_agreement("Exchange with Milan", status="active")
    page = client_for(sam).get(agreement.get_absolute_url()).content.decode()
    assert 'data-confirm-title="Terminate this agreement?"' in page
    assert "“Exchange with Milan” ends today" in page


def test_abandon_asks_first_and_moving_to_negotiation_does_not(make_agreement, sam, client_for):
    agreement = make_agreement("Exchange with Milan", status="draft")
    page = client_for(sam).get(agreement.get_absolute_url()).content.decode()
    assert 'data-confirm-title="Abandon this agreement?"' in page
    assert page.count("data-confirm=") == 1


def test_the_confirmation_script_is_a_static_file_on_every_page(sam, client_for):
    page = client_for(sam).get("/accounts/profile/").content.decode()
    assert "accord/everyday.js" in page
    assert "<script>" not in page
