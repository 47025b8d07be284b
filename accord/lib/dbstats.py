"""Keeping the query planner's statistics current after large writes.

SQLite has no autovacuum-style statistics: until ANALYZE runs it guesses, and at scale it guesses
badly (e.g. sorting 60,000 activities to group them by kind instead of skip-scanning an index).
"""

from django.db import connections


def refresh_statistics(using: str = "default") -> None:
    """ANALYZE: on SQLite from a sample of each index (PRAGMA analysis_limit; ~0.1 s for a million
    activities), on PostgreSQL as autovacuum would, only now."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")
