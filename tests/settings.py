"""Settings for the test suite: Accord's own settings with a test secret and a throwaway data folder."""

import os
import tempfile

os.environ.setdefault("ACCORD_SECRET_KEY", "accord-test-suite-secret-key-not-for-production-use")
os.environ.setdefault("ACCORD_DATA_DIR", tempfile.mkdtemp(prefix="accord-test-data-"))
os.environ.setdefault("ACCORD_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

from accord.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Production settings use whitenoise's manifest storage, which needs `collectstatic`; tests serve
# static files from the apps' folders instead.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns about a missing folder)
# Jobs run at once in the process that starts them; tests/jobs runs them on a real queue and worker.
JOBS_IMMEDIATE = True
