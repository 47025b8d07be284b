import pytest
from django.urls import reverse

from tests.conftest import make_user


@pytest.mark.django_db
def test_office_users_land_on_the_dashboard(client_for, victor, sam):
    for user in (victor, sam):
        assert client_for(user).get("/")["Location"] == reverse("insights:dashboard")


@pytest.mark.django_db
def test_a_teacher_lands_on_the_guidance_calls_and_sees_no_office_menu(client):
    teacher = make_user("tina", "teacher")
    client.force_login(teacher)
    assert client.get("/")["Location"] == reverse("guidance:call-list")
    page = client.get(reverse("guidance:call-list")).content.decode()
    assert reverse("agreements:agreement-list") not in page
    assert reverse("registry:institution-list") not in page
    assert "Teacher" in page


@pytest.mark.django_db
def test_a_user_without_any_role_lands_on_their_profile(client_for, oscar):
    assert client_for(oscar).get("/")["Location"] == reverse("accounts:profile")


@pytest.mark.django_db
def test_logging_in_leads_to_the_landing_page(client, victor):
    from tests.conftest import PASSWORD

    response = client.post(reverse("login"), {"username": "victor", "password": PASSWORD})
    assert response["Location"] == "/"
