"""ACCORD_SSO_MAPPING: provider attributes to names, role, teacher flag and faculty."""

import pytest
from django.contrib.auth.models import User

from accord.accounts.roles import role_of
from accord.accounts.sso.mapping import Mapping, MappingError, apply
from tests.conftest import make_user

MAPPING = Mapping.parse({
    "roles": {"staff": ["ieo-staff"], "coordinator": ["affiliation=coordinator"], "viewer": ["leaders"]},
    "teacher": ["affiliation=faculty"],
    "faculty": {"attribute": "department", "values": {"AERO": "School of Aerospace Engineering"}},
})


@pytest.mark.parametrize("raw, named", [
    ({"roles": {"boss": ["x"]}}, "boss"),
    ({"roles": {"staff": "ieo-staff"}}, "roles.staff"),
    ({"teacher": [""]}, "teacher"),
    ({"default_role": "teacher"}, "default_role"),
    ({"faculty": {"attribute": "department", "map": {}}}, "faculty"),
    ({"update": "sometimes"}, "update"),
    ({"rolez": {}}, "rolez"),
    ({"email": ""}, "email"),
])
def test_a_mapping_with_a_mistake_is_refused_with_the_key_at_fault(raw, named):
    with pytest.raises(MappingError, match=named):
        Mapping.parse(raw)


@pytest.mark.parametrize("attributes, role", [
    ({"groups": ["leaders", "ieo-staff"]}, "staff"),  # the highest role that matches
    ({"groups": "leaders"}, "viewer"),  # one value instead of a list
    ({"affiliation": ["student", "coordinator"]}, "coordinator"),  # attribute=value in a list
    ({"affiliation": "coordinator"}, "coordinator"),
    ({"groups": ["ieo"], "affiliation": "staff"}, None),  # nothing matches and no default role
    ({}, None),
])
def test_the_highest_matching_role_is_given(attributes, role):
    assert MAPPING.role(attributes) == role


def test_a_default_role_is_given_when_nothing_matches():
    mapping = Mapping.parse({"roles": {"staff": ["ieo-staff"]}, "default_role": "viewer"})
    assert mapping.role({"groups": ["students"]}) == "viewer"
    assert mapping.role({"groups": ["ieo-staff"]}) == "staff"


def test_the_faculty_comes_from_the_table_or_from_the_value_itself():
    assert MAPPING.faculty_name({"department": ["HIST", "AERO"]}) == "School of Aerospace Engineering"
    assert MAPPING.faculty_name({"department": "HIST"}) == ""
    plain = Mapping.parse({"faculty": {"attribute": "ou"}})
    assert plain.faculty_name({"ou": "School of Aerospace Engineering"}) == "School of Aerospace Engineering"


def test_a_new_user_gets_names_role_teacher_flag_and_faculty_from_the_attributes(db, faculty):
    user = User.objects.create_user("li.wei", password="temporary")
    apply(user, {"given_name": "Wei", "family_name": "Li", "email": "li.wei@university.test",
                 "affiliation": ["faculty", "coordinator"], "department": "AERO"}, created=True, mapping=MAPPING)
    user = User.objects.get(pk=user.pk)
    assert (user.first_name, user.last_name, user.email) == ("Wei", "Li", "li.wei@university.test")
    assert set(user.groups.values_list("name", flat=True)) == {"coordinator", "teacher"}
    assert user.profile.faculty == faculty
    assert not user.has_usable_password()


def test_a_known_user_follows_the_provider_but_keeps_password_superuser_flag_and_other_groups(db):
    from django.contrib.auth.models import Group

    ada = make_user("ada", "admin")
    ada.is_superuser = True
    ada.save()
    ada.groups.add(Group.objects.create(name="newsletter"))
    apply(ada, {"groups": ["leaders"]}, created=False, mapping=MAPPING)
    ada = User.objects.get(pk=ada.pk)
    assert set(ada.groups.values_list("name", flat=True)) == {"viewer", "newsletter"}
    assert ada.is_superuser and ada.has_usable_password()


def test_with_first_sign_in_updates_a_known_user_is_left_as_accord_has_them(db):
    mapping = Mapping.parse({"roles": {"staff": ["ieo-staff"]}, "update": "first-sign-in"})
    victor = make_user("victor", "viewer")
    apply(victor, {"groups": ["ieo-staff"], "email": "new@university.test"}, created=False, mapping=mapping)
    victor = User.objects.get(pk=victor.pk)
    assert role_of(victor) == "viewer" and victor.email == "victor@accord.test"


def test_an_unknown_faculty_name_leaves_the_faculty_unset(db):
    user = User.objects.create_user("hist")
    apply(user, {"department": "AERO"}, created=True, mapping=MAPPING)  # no such institution yet
    assert User.objects.get(pk=user.pk).profile.faculty is None


def test_a_bad_mapping_setting_is_reported_by_the_system_check(settings):
    from accord.accounts.apps import check_sso_mapping

    settings.ACCORD_SSO_MAPPING = {"roles": {"boss": ["x"]}}
    errors = check_sso_mapping(None)
    assert [e.id for e in errors] == ["accounts.E101"] and "boss" in errors[0].msg
    settings.ACCORD_SSO_MAPPING = {"roles": {"staff": ["x"]}}
    assert check_sso_mapping(None) == []
