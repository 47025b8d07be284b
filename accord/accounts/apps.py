from django.apps import AppConfig
from django.core import checks


class AccountsConfig(AppConfig):
    name = "accord.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from accord.accounts import language  # noqa: F401  (switches to the user's language on login)
        from accord.accounts.sso import cas  # noqa: F401  (connects the CAS sign-in signal)

        checks.register(check_sso_mapping)


def check_sso_mapping(app_configs, **kwargs):
    from accord.accounts.sso.mapping import MappingError, current_mapping

    try:
        current_mapping()
    except MappingError as error:
        return [checks.Error(str(error), hint="See README, 'Single sign-on', for the mapping's keys.",
                             id="accounts.E101")]
    return []
