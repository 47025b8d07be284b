"""Agreements without any date no longer count in every year: the PartnerYear table built by the
former rule is emptied here, and the post_migrate hook (InsightsConfig.build_rollup) fills it again
by the current rule, since it rebuilds a table that has no coverage."""

from django.db import migrations


def forget_partner_years(apps, schema_editor):
    apps.get_model("insights", "PartnerYear").objects.all().delete()
    apps.get_model("insights", "PartnerYearCoverage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("insights", "0001_initial")]

    operations = [migrations.RunPython(forget_partner_years, migrations.RunPython.noop)]
