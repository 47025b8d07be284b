"""The planner's statistics are refreshed after large writes (accord.lib.dbstats)."""

from django.db import connection

from accord.lib.dbstats import refresh_statistics
from accord.registry.models import Country, Institution


def analyzed(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone():
                return False
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
            return any(row[0].split()[0] != "0" for row in cursor.fetchall())
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0] > 0


def forget(table: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone():
                cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = %s", [table])
        else:
            cursor.execute("UPDATE pg_class SET reltuples = -1 WHERE relname = %s", [table])


def test_refreshing_the_statistics_lets_the_planner_see_the_rows(db):
    france = Country.objects.get(code="FR")
    Institution.objects.bulk_create([Institution(name=f"École {i}", country=france) for i in range(50)])
    forget("registry_institution")
    assert not analyzed("registry_institution")
    refresh_statistics()
    assert analyzed("registry_institution")
