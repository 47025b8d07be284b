from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "accord.registry"
    label = "registry"
    verbose_name = "Partner registry"

    def ready(self):
        from accord.accounts import demo as accounts_demo
        from accord.lib import hooks
        from accord.registry import demo, demo_office

        hooks.DEMO_STEPS.register("registry", demo.load)
        hooks.DEMO_STEPS.register("registry office", demo_office.load)
        # the demo logins come after the registry: the coordinator's faculty is one of its units
        hooks.DEMO_STEPS.register("accounts", accounts_demo.load)
