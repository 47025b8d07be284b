from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "accord.guidance"
    label = "guidance"
    verbose_name = "Guidance center"

    def ready(self):
        from accord.accounts import demo as accounts_demo
        from accord.guidance import demo
        from accord.guidance.deadlines import calls_closing, upcoming_deadlines
        from accord.guidance.figures import figures
        from accord.lib import hooks

        hooks.REMINDERS.register("guidance-deadlines", upcoming_deadlines)
        hooks.STATS_SECTIONS.register("guidance", figures)
        hooks.DEADLINES.register("guidance", calls_closing)
        hooks.DEMO_STEPS.register("guidance", demo.load)
        accounts_demo.register_users(demo.USERS)
