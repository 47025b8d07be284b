from django.db import migrations


def resync(apps, schema_editor):
    """Countries are named as people name them ("Russia", "South Korea"); ISO's forms become alternative names."""
    from accord.registry.services.countries import sync_countries

    sync_countries(apps.get_model("registry", "Country"))


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_recompute_search_keys")]
    operations = [migrations.RunPython(resync, migrations.RunPython.noop)]
