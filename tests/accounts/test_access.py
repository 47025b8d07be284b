import pytest
from django.urls import reverse

from accord.registry.models import Institution

PAGES = [
    ("registry:institution-list", {}),
    ("registry:group-list", {}),
    ("registry:network-list", {}),
    ("accounts:profile", {}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("name, kwargs", PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_an_anonymous_visitor_cannot_see_a_partner_or_its_edit_form(client, home):
    for url in (home.get_absolute_url(), reverse("registry:institution-update", args=[home.pk])):
        assert client.get(url)["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_the_login_page_is_open_and_logs_a_user_in(client, victor):
    from tests.conftest import PASSWORD

    assert client.get(reverse("login")).status_code == 200
    response = client.post(reverse("login"), {"username": "victor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("registry:institution-list")).status_code == 200


@pytest.mark.django_db
def test_a_user_without_a_role_sees_no_partner(client_for, oscar, home):
    client = client_for(oscar)
    assert client.get(reverse("registry:institution-list")).status_code == 403
    assert client.get(home.get_absolute_url()).status_code == 403


@pytest.mark.django_db
def test_a_viewer_sees_partners_but_cannot_create_or_edit_them(client_for, victor, home):
    client = client_for(victor)
    assert client.get(home.get_absolute_url()).status_code == 200
    assert client.get(reverse("registry:institution-create")).status_code == 403
    response = client.post(reverse("registry:institution-update", args=[home.pk]), {"name": "Renamed"})
    assert response.status_code == 403
    home.refresh_from_db()
    assert home.name == "Beijing Institute of Technology"


@pytest.mark.django_db
def test_a_coordinator_may_edit_their_own_faculty_but_not_a_partner(client_for, cora, faculty, home):
    client = client_for(cora)
    assert client.get(reverse("registry:institution-update", args=[faculty.pk])).status_code == 200
    assert client.get(reverse("registry:institution-update", args=[home.pk])).status_code == 403


@pytest.mark.django_db
def test_logging_out_ends_the_session(client_for, sam):
    client = client_for(sam)
    client.post(reverse("logout"))
    assert client.get(reverse("registry:institution-list")).status_code == 302
    assert not Institution.objects.exists()
