from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "accord.guidance"
    label = "guidance"
    verbose_name = "Guidance center"

    def ready(self):
        from accord.accounts import demo as accounts_demo
        from accord.agreements import reminders
        from accord.guidance import demo
        from accord.guidance.deadlines import upcoming_deadlines
        from accord.guidance.figures import figures
        from accord.registry.services import stats

        reminders.register("guidance-deadlines", upcoming_deadlines)
        stats.register_section("guidance", figures)
        accounts_demo.register_users(demo.USERS)
