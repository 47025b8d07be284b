from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "accord.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self):
        from accord.insights.services import deadlines
        from accord.insights.services.stats import section
        from accord.registry.services import stats

        stats.register_section("insights", section)
        deadlines.register("agreements", deadlines.agreement_expiries)
