from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as StaticFilesAppConfig


class OperationsConfig(AppConfig):
    name = "accord.operations"
    label = "operations"
    verbose_name = "Operations"


class StaticFilesConfig(StaticFilesAppConfig):
    """collectstatic leaves out the package files no page of Accord loads (their source maps, the Redoc
    bundle beside Swagger UI, htmx versions and extensions other than the one {% htmx_script %} loads,
    the unminified copies the admin loads only under DEBUG, when static files are not collected)."""

    ignore_patterns = [
        *StaticFilesAppConfig.ignore_patterns,
        "ninja/redoc.standalone.js*",
        "ninja/swagger-ui-bundle.js.map",
        "django_htmx/ext",
        "django_htmx/htmax-*",
        "django_htmx/htmx-4*",
        "django_htmx/htmx-2.js",
        "admin/js/vendor/jquery/jquery.js",
        "admin/js/vendor/select2/select2.full.js",
        "admin/js/vendor/xregexp/xregexp.js",
    ]
