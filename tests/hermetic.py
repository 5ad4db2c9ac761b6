"""The suite's own environment: loaded first (``-p tests.hermetic`` in pytest's
``addopts``), before Django reads its settings.

Every variable the project reads from the environment is removed, so that a
developer's ``DEMO_PASSWORD``, ``DJANGO_DEBUG``, ``PORT`` or ``DATABASE_URL``
never changes what a test sees; tests that need a value set it themselves
(``settings`` or ``monkeypatch`` fixtures). The database is chosen by
``TEST_DATABASE_URL`` only (``scripts/with-postgres.sh`` sets it): a
``DATABASE_URL`` pointing at a real database is never used by the suite.
``tests/project/test_hermetic.py`` checks that the list below names every
variable the code reads.
"""

import os

PROJECT_VARIABLES = (
    "AXES_COOLOFF_MINUTES",
    "AXES_FAILURE_LIMIT",
    "AXES_PROXY_COUNT",
    "DATABASE_URL",
    "DEFAULT_FROM_EMAIL",
    "DEMO_PASSWORD",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_BEHIND_PROXY",
    "DJANGO_CONN_MAX_AGE",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "DJANGO_DEBUG",
    "DJANGO_HSTS_PRELOAD",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_HTTPS",
    "DJANGO_MANIFEST_STATIC",
    "DJANGO_SECRET_KEY",
    "DJANGO_SECURE_SSL_REDIRECT",
    "EMAIL_HOST",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_HOST_USER",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "LETTERS_PDF_ISOLATION",
    "LETTERS_PDF_TIMEOUT",
    "LOGIN_ACCOUNT_FAILURE_LIMIT",
    "LOGIN_ACCOUNT_SLOWDOWN",
    "LOGIN_IP_FAILURE_LIMIT",
    "LOG_LEVEL",
    "MAX_REQUEST_BODY",
    "PORT",
    "PRIVATE_ROOT",
    "PRIVATE_STORAGE_BACKEND",
    "READING_MAX_PAGES",
    "READING_QUEUE_WAIT",
    "READING_TIME_LIMIT",
    "READING_WORKERS",
    "SESSION_COOKIE_AGE",
    "SITE_URL",
    "SQLITE_PATH",
    "STAFF_IDLE_TIMEOUT",
    "STAFF_SESSION_MAX_AGE",
    "TASKS_BACKEND",
    "VAR_DIR",
    "WEB_CONCURRENCY",
)
"""Every environment variable the project reads (the README's table)."""

TEST_DATABASE = os.environ.get("TEST_DATABASE_URL", "")
for name in PROJECT_VARIABLES:
    os.environ.pop(name, None)
if TEST_DATABASE:
    os.environ["DATABASE_URL"] = TEST_DATABASE
