from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InsightsConfig(AppConfig):
    name = "accord.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self):
        from accord.insights import signals  # noqa: F401  (keeps PartnerYear current)
        from accord.insights import demo
        from accord.insights.filters import apply_scope
        from accord.insights.services import deadlines
        from accord.lib import hooks

        hooks.DEADLINES.register("agreements", deadlines.agreement_expiries)
        hooks.SCOPE_FILTER.register("insights", apply_scope)
        hooks.DEMO_STEPS.register("insights", demo.load)
        post_migrate.connect(build_rollup, sender=self)


def build_rollup(using="default", **kwargs):
    """After migrate (and after a flush): fill PartnerYear once, when it has never been built, and
    refresh the planner's statistics (new indexes have none)."""
    from django.db import connections

    from accord.insights.models import PartnerYearCoverage
    from accord.insights.services import rollup
    from accord.lib.dbstats import refresh_statistics

    if PartnerYearCoverage._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated only up to an app before insights
    if not PartnerYearCoverage.objects.using(using).exists():
        rollup.rebuild()
    refresh_statistics(using)
