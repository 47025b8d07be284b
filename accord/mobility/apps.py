from django.apps import AppConfig


class MobilityConfig(AppConfig):
    name = "accord.mobility"
    label = "mobility"
    verbose_name = "People, mobility and programs"

    def ready(self):
        from accord.mobility.timeline import mobility_entries, program_entries
        from accord.registry import timeline

        timeline.register("mobility", mobility_entries)
        timeline.register("programs", program_entries)
