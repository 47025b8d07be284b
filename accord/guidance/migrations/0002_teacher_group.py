from django.db import migrations

TEACHER = "teacher"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=TEACHER)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TEACHER).delete()


class Migration(migrations.Migration):
    """Teachers apply for calls through the guidance center: a group outside the role order."""

    dependencies = [
        ("guidance", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
