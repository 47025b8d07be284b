import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from accord.accounts.demo import DEMO_PASSWORD
from accord.accounts.roles import role_of
from accord.registry.models import CountryGroup, Institution, InstitutionName, Network


@pytest.mark.django_db
def test_the_demo_loads_the_home_university_its_partners_groups_and_one_user_per_role(capsys):
    call_command("demo")
    home = Institution.objects.get(is_home=True)
    assert home.name == "Beijing Institute of Technology"
    assert home.local_name == "北京理工大学"
    assert Institution.objects.filter(parent=home).count() >= 5
    bmstu = Institution.objects.get(names__name="BMSTU")
    assert bmstu.name == "Bauman Moscow State Technical University"
    assert bmstu.country_id == "RU"
    belt_and_road = CountryGroup.objects.get(name="Belt and Road")
    assert belt_and_road.countries.filter(code__in=["RU", "BY", "UZ", "TH"]).count() == 4
    assert Network.objects.get(name="ParisTech").members.count() == 7
    for username, role in [("admin", "admin"), ("staff", "staff"), ("coordinator", "coordinator"), ("viewer", "viewer")]:
        user = authenticate(username=username, password=DEMO_PASSWORD)
        assert user is not None and role_of(user) == role
    assert authenticate(username="coordinator", password=DEMO_PASSWORD).profile.faculty.parent == home


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_nothing_new(capsys):
    call_command("demo")
    counts = (Institution.objects.count(), InstitutionName.objects.count(), Network.objects.count())
    call_command("demo")
    assert (Institution.objects.count(), InstitutionName.objects.count(), Network.objects.count()) == counts


@pytest.mark.django_db
def test_the_demo_logins_are_listed_for_make_run(capsys):
    call_command("demo", "--list-users")
    out = capsys.readouterr().out
    assert "admin" in out and "viewer" in out and DEMO_PASSWORD in out
