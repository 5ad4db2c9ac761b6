"""Settings for Assistant recouvrement, driven by environment variables.

Every variable is documented in the README's configuration table. Defaults are
safe: DEBUG is off, and a system check (``intrum_assistant.checks``) refuses to
run with DEBUG off and the development secret key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEV_SECRET_KEY = "dev-insecure-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", VAR_DIR / "private"))

INSTALLED_APPS = [
    "intrum_assistant.apps.AdminConfig",  # django.contrib.admin, scoped r/ view
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "formtools",
    "axes",
    "csp",
    "intrum_assistant.apps.IntrumAssistantConfig",
    "accounts",
    "dossiers",
    "letters",
    "associations",
    "django_tasks",
    "django_tasks_db",
    "reading",
]

MIDDLEWARE = [
    # Bodies over MAX_REQUEST_BODY: 413 before anything reads them.
    "intrum_assistant.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Responses to a logged-in session: Cache-Control: private, no-store.
    "intrum_assistant.middleware.PrivateCacheMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's LoginRequiredMiddleware, asking the view before loading the user.
    "accounts.middleware.LoginRequiredMiddleware",
    # Staff sessions: idle and absolute timeouts, before any view renders.
    "accounts.middleware.StaffSessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # The "known device" cookie after a login (escapes the per-account slowdown).
    "accounts.lockout.KnownDeviceMiddleware",
]

ROOT_URLCONF = "intrum_assistant.urls"
WSGI_APPLICATION = "intrum_assistant.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # French display filters (euros, longdate…) in every template.
            "builtins": [
                "dossiers.templatetags.dossier_tags",
                # {% submit_once_field %} in every creating form.
                "intrum_assistant.templatetags.once",
            ],
        },
    },
]

# Database: embedded SQLite by default, PostgreSQL through DATABASE_URL.
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", VAR_DIR / "db.sqlite3"))
CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 600)
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=CONN_MAX_AGE,
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "OPTIONS": {
                # IMMEDIATE avoids "database is locked" on read-then-write
                # transactions; WAL lets readers run beside the writer.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                    " PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dossiers:list"
LOGOUT_REDIRECT_URL = "landing"

# Brute-force protection (django-axes, accounts/lockout.py): an e-mail+IP pair
# is locked after AXES_FAILURE_LIMIT failures; an IP after LOGIN_IP_FAILURE_LIMIT
# failures over all accounts (spraying); an account failing from many IPs is
# slowed to one try per LOGIN_ACCOUNT_SLOWDOWN seconds, never locked.
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
LOGIN_IP_FAILURE_LIMIT = env_int("LOGIN_IP_FAILURE_LIMIT", 20)
LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("LOGIN_ACCOUNT_FAILURE_LIMIT", 10)
LOGIN_ACCOUNT_SLOWDOWN = env_int("LOGIN_ACCOUNT_SLOWDOWN", 60)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "accounts.lockout.username_for_lockout"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# One memory cache per process. Its only user is the dossier page's cached
# parts, keyed by the fingerprint of their inputs (dossiers/page_cache.py): a
# change gives a new key, so processes never need to tell each other anything.
# About 11 KB per page, three entries each.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
}

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # Private files (scans, generated PDFs): never under a public URL; served
    # only by access-checked views. Swap the backend to share files between
    # several app servers.
    "default": {
        "BACKEND": os.environ.get(
            "PRIVATE_STORAGE_BACKEND",
            "django.core.files.storage.FileSystemStorage",
        ),
        "OPTIONS": {"location": str(PRIVATE_ROOT), "base_url": "/__private__/"},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG and env_bool("DJANGO_MANIFEST_STATIC", True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Fonts are embedded in PDFs, never worth compressing: brotli on them is slow.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *Compressor.SKIP_COMPRESS_EXTENSIONS,  # whitenoise's own list
    *("ttf", "otf", "pdf"),
]
MEDIA_URL = "/__private__/"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_NUMBER_FILES = 10
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Whole request body (intrum_assistant.middleware): a dossier's five files of
# 10 MiB at most (dossiers.uploads) sent at once, plus 1 MiB for the form. The
# README's nginx line (client_max_body_size 51m) says the same.
MAX_REQUEST_BODY = env_int("MAX_REQUEST_BODY", 51 * 1024 * 1024)

# E-mail: console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Assistant recouvrement <noreply@localhost>"
)

# Sessions: server-side, 12 hours after login at most (absolute lifetime).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 3600)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Staff (volunteers, coordinators, operators) read other people's dossiers:
# their sessions end after this many seconds without a request, this many
# seconds after login, and when the browser closes (accounts/middleware.py).
STAFF_IDLE_TIMEOUT = env_int("STAFF_IDLE_TIMEOUT", 30 * 60)
STAFF_SESSION_MAX_AGE = env_int("STAFF_SESSION_MAX_AGE", 8 * 3600)
CSRF_COOKIE_HTTPONLY = True

# Security headers. HTTPS settings default to on when DEBUG is off.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", HTTPS)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Background work (reading a letter): django-tasks and its database backend,
# run by `manage.py db_worker` (started by `make run` / `make serve`).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
READING_TIME_LIMIT = env_int("READING_TIME_LIMIT", 90)
"""Hard limit (seconds) of one reading job; the reading process is killed then."""
READING_MAX_PAGES = env_int("READING_MAX_PAGES", 8)
"""Pages read at most per job (the first ones)."""
READING_QUEUE_WAIT = env_int("READING_QUEUE_WAIT", 180)
"""Seconds a job may wait for a worker before the dossier goes on without it."""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Demo accounts (seed_demo): password from DEMO_PASSWORD or this default.
DEMO_DEFAULT_PASSWORD = "demo-recouvrement-2026"  # noqa: S105
