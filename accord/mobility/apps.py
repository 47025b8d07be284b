from django.apps import AppConfig


class MobilityConfig(AppConfig):
    name = "accord.mobility"
    label = "mobility"
    verbose_name = "People, mobility and programs"

    def ready(self):
        from accord.mobility import demo, demo_office
        from accord.mobility.timeline import mobility_entries, program_entries
        from accord.lib import hooks

        hooks.TIMELINE.register("mobility", mobility_entries)
        hooks.TIMELINE.register("programs", program_entries)
        hooks.TABLE_IMPORTS.register("mobility", "accord.mobility.imports.MobilityImport")
        # before the agreements' step: their signatories are people recorded here
        hooks.DEMO_STEPS.register("mobility", demo.load)
        hooks.DEMO_STEPS.register("mobility office", demo_office.load)
