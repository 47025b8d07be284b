"""API tokens belong to accounts now, and still live in the table they always had: no token is lost."""

from django.db import connection

from accord.accounts.models import ApiToken


def test_tokens_are_kept_in_the_table_they_had_under_the_api_app(sam):
    token, _raw = ApiToken.issue(sam, "student information system")
    assert ApiToken._meta.app_label == "accounts" and ApiToken._meta.db_table == "api_apitoken"
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM api_apitoken WHERE id = %s", [token.pk])
        assert cursor.fetchone() == ("student information system",)
