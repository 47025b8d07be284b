from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "accord.activities"
    label = "activities"
    verbose_name = "Activities"

    def ready(self):
        from accord.activities.timeline import activity_entries
        from accord.registry import timeline

        timeline.register("activities", activity_entries)
