from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "accord.agreements"
    label = "agreements"
    verbose_name = "Agreements"

    def ready(self):
        from accord.agreements import demo, demo_office
        from accord.agreements.timeline import entries
        from accord.lib import hooks

        hooks.TIMELINE.register("agreements", entries)
        hooks.TABLE_IMPORTS.register("agreements", "accord.agreements.imports.AgreementImport")
        hooks.DEMO_STEPS.register("agreements", demo.load)
        hooks.DEMO_STEPS.register("agreements office", demo_office.load)
