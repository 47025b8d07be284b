import pytest

from accord.accounts.roles import ACTIONS, can, role_of


@pytest.mark.django_db
def test_each_persona_holds_the_role_of_their_group(ada, sam, cora, victor, oscar):
    assert [role_of(u) for u in (ada, sam, cora, victor, oscar)] == ["admin", "staff", "coordinator", "viewer", None]


@pytest.mark.django_db
def test_roles_are_ordered_so_a_higher_role_can_do_what_a_lower_one_can(ada, sam, victor):
    for action in ACTIONS:
        if can(victor, action):
            assert can(sam, action) and can(ada, action)
        if can(sam, action):
            assert can(ada, action)


@pytest.mark.django_db
def test_only_an_admin_may_delete_a_partner(ada, sam):
    assert can(ada, "registry.delete")
    assert not can(sam, "registry.delete")


@pytest.mark.django_db
def test_an_unknown_action_is_a_programming_error(sam):
    with pytest.raises(KeyError):
        can(sam, "registry.fly")


def test_an_anonymous_user_can_do_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert not any(can(AnonymousUser(), action) for action in ACTIONS)


@pytest.mark.django_db
def test_a_users_groups_are_read_once_per_user_object(sam, django_assert_num_queries):
    from django.contrib.auth.models import User

    user = User.objects.get(pk=sam.pk)
    with django_assert_num_queries(1):
        assert role_of(user) == "staff" and can(user, "records.change") and not can(user, "registry.delete")


@pytest.mark.django_db
def test_a_user_loaded_afresh_sees_a_changed_role_and_never_anothers(sam, victor):
    from django.contrib.auth.models import Group, User

    assert role_of(User.objects.get(pk=victor.pk)) == "viewer"
    victor.groups.add(Group.objects.get(name="admin"))
    assert role_of(User.objects.get(pk=victor.pk)) == "admin"
    assert role_of(User.objects.get(pk=sam.pk)) == "staff"
