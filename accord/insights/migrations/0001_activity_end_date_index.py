"""An index on activities' end date, so "activities in a period" reads two short index ranges.

It belongs to the activities app's model; until it moves there (Activity.Meta.indexes), insights
creates it with plain SQL that both SQLite and PostgreSQL accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS insights_activity_end_date ON activities_activity (end_date)",
            "DROP INDEX IF EXISTS insights_activity_end_date",
        )
    ]
