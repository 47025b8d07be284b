from django.db import migrations


def recompute(apps, schema_editor):
    """Search keys follow accord.lib.normalize; recompute them after the normaliser learned more forms."""
    from accord.lib.normalize import normalize_name

    for model_name in ("Institution", "InstitutionName"):
        model = apps.get_model("registry", model_name)
        batch = []
        for obj in model.objects.only("pk", "name", "search_key").iterator(chunk_size=2000):
            key = normalize_name(obj.name)
            if key != obj.search_key:
                obj.search_key = key
                batch.append(obj)
            if len(batch) >= 2000:
                model.objects.bulk_update(batch, ["search_key"])
                batch = []
        model.objects.bulk_update(batch, ["search_key"])


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_importrun")]
    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
