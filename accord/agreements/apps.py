from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "accord.agreements"
    label = "agreements"
    verbose_name = "Agreements"

    def ready(self):
        from accord.agreements.timeline import entries
        from accord.registry import timeline

        timeline.register("agreements", entries)
