import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["0", "-5", "10000", "2024.5"])
def test_an_impossible_signing_year_is_a_form_error_not_a_crash(client_for, victor, year):
    response = client_for(victor).get(reverse("agreements:agreement-list"), {"signed_year": year})
    assert response.status_code == 200
    assert response.context["filter"].errors["signed_year"]
