from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "accord.activities"
    label = "activities"
    verbose_name = "Activities"

    def ready(self):
        from accord.activities import demo, demo_office
        from accord.activities.timeline import activity_entries
        from accord.lib import hooks

        hooks.TIMELINE.register("activities", activity_entries)
        hooks.TABLE_IMPORTS.register("activities", "accord.activities.imports.ActivityImport")
        hooks.DEMO_STEPS.register("activities", demo.load)
        hooks.DEMO_STEPS.register("activities office", demo_office.load)
