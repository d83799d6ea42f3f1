"""The one settings module of Zorgwijzer.

Every value that differs between a laptop and production is read from an environment
variable (documented in the README). Defaults are safe: DEBUG is off unless demo mode
(`make run`) switches it on, and without DEBUG a SECRET_KEY must be given.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ZORGWIJZER_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


DEBUG = env_bool("DEBUG")
# Demo mode: the fictional demo organisation may be loaded and its passwords printed.
DEMO_MODE = env_bool("ZORGWIJZER_DEMO") and DEBUG

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-zorgwijzer-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "axes",
    "csp",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "core",
    "organisation",
    "accounts",
    "catalogue",
    "healththemes",
    "figures",
    "selftests",
    "aftercare",
    "monitor",
    "barista",
    "confidential",
    "complaints",
    "integrity",
    "jaarbeeld",
    "agenda",
    "teamcare",
    "recognition",
    "homefront",
    "casework",
    "portal",
]

MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    # A lost, read-only or full database: a clean 503 page, not a server error (docs/operations.md).
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "core.health.LivenessMiddleware",  # /healthz answers here, before sessions (docs/operations.md)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.DutchFirstMiddleware",
    "core.middleware.PublicPageCacheMiddleware",
    # The language comes from the language cookie (DutchFirstMiddleware drops Accept-Language),
    # not from the session, so it is known before the session is loaded.
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.SessionlessViewMiddleware",  # the self-test score API (core.public.sessionless)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionSecurityMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zorgwijzer.urls"
WSGI_APPLICATION = "zorgwijzer.wsgi.application"

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
                "portal.navigation.navigation",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------
# Embedded SQLite under var/ by default; PostgreSQL in production via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'zorgwijzer.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open like PostgreSQL's: a new SQLite connection reads the whole schema again before its
    # first query, which cost about 7 ms on every request (docs/decisions.md, 2026-12-07).
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------------------
OIDC_ENABLED = env_bool("OIDC_ENABLED")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("accounts.oidc.ZorgwijzerOIDCBackend")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
# A refused SSO login (no person with that employee number) returns to the login page.
LOGIN_REDIRECT_URL_FAILURE = "/account/inloggen/"
if OIDC_ENABLED and OIDC_RP_SIGN_ALGO.startswith("RS") and not OIDC_OP_JWKS_ENDPOINT:
    raise ImproperlyConfigured("OIDC_OP_JWKS_ENDPOINT is required with OIDC_RP_SIGN_ALGO=RS*.")
# The claim that carries the employee number, used to link an SSO login to a Person.
OIDC_EMPLOYEE_NUMBER_CLAIM = os.environ.get("OIDC_EMPLOYEE_NUMBER_CLAIM", "employee_number")
# Whether the identity provider already enforces a second factor (then no TOTP is asked).
OIDC_TRUST_MFA = env_bool("OIDC_TRUST_MFA")

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Lock-out after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
# Lock per account, not per IP address: every employee reaches the app through the same
# reverse proxy, so an IP lock-out would lock out a whole unit (docs/decisions.md).
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

# Sessions expire after inactivity and at the end of the browser session.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
OTP_TOTP_ISSUER = "Zorgwijzer"

# --- Security headers -----------------------------------------------------------------
SECURE_HTTPS = env_bool("SECURE_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Behind the reverse proxy: trust its X-Forwarded-Proto, and take the client address from the
# last X-Forwarded-For entry (the one the proxy added; selftests/limits.py).
BEHIND_PROXY = env_bool("BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SECURE_HTTPS
LANGUAGE_COOKIE_HTTPONLY = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# NL Design System CSS and htmx, copied from the npm packages by `npm run build` (frontend/).
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor", BASE_DIR / "frontend" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("ZORGWIJZER_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or env_bool("ZORGWIJZER_PLAIN_STATIC")

# --- E-mail ---------------------------------------------------------------------------
# Development (DEBUG): each mail is written as a file under var/mail/, never to a log: invitation
# mails carry a person's anonymous questionnaire link. Production: SMTP; `check --deploy` refuses
# the console, file, in-memory and dummy backends (core/checks.py).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Zorgwijzer <zorgwijzer@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Cache and sessions ---------------------------------------------------------------
# The cache holds the public page cache, the monitor's frozen results and the rate limits
# (selftests/limits.py, the anonymous line's budget). With several server processes they must
# share one cache: Redis (CACHE_URL, or else REDIS_URL) in production. Without either, each
# process has its own local-memory cache, which is right for one process (a laptop, the demo)
# and documented as per process otherwise (docs/operations.md, "Shared cache: Redis").
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_URL = os.environ.get("CACHE_URL", "") or REDIS_URL
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # Keeps a test's keys apart from others'. Never share one Redis between sites: it holds
            # sessions and pages (docs/operations.md, "Shared cache: Redis").
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "zw"),
        }
    }
    # Sessions stay in the database (they survive a Redis restart); reads come from the cache.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Background work ------------------------------------------------------------------
TASKS: dict[str, dict[str, object]] = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if REDIS_URL:
    # Optional scale-out: the RQ backend on Redis (requirements-rq.txt; docs/operations.md). Run
    # `manage.py rqworker default --with-scheduler` instead of db_worker; RQ["JOB_CLASS"] makes
    # every worker run jobs as django-tasks tasks without a --job-class flag.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}

# --- API ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Zorgwijzer API",
    "DESCRIPTION": "API van Zorgwijzer, het zorgstelsel voor politiemedewerkers.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # The 400/403/404 answers every operation can give, declared once (zorgwijzer/schema.py).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "zorgwijzer.schema.error_responses"],
    # One name per choice set that appears in several components (drf-spectacular W001 otherwise).
    "ENUM_NAME_OVERRIDES": {
        "AgendaActionStatusEnum": "agenda.constants.ActionStatus",
        "IntegrityThemeEnum": "integrity.constants.Theme",
        "CaseworkStageEnum": "casework.constants.Stage",
    },
}

# --- Logging: JSON lines with request ids, no personal data ----------------------------
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.logging.RequestIdFilter"},
        "redact_request": {"()": "core.logging.RedactRequestFilter"},
        "redact_tokens": {"()": "core.logging.RedactTokensFilter"},
    },
    "formatters": {"json": {"()": "core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "core.logging.StderrHandler",
            "formatter": "json",
            "filters": ["request_id", "redact_request", "redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Request logs carry the path, never query strings or user identities.
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # At DEBUG, a missing template variable logs the whole template context, which on a
        # self-test page holds the answers: never below INFO (selftests/tests/test_no_storage.py).
        "django.template": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- Zorgwijzer -------------------------------------------------------------------------
# One prefix per app (AFTERCARE_, MONITOR_, BARISTA_, SELFTESTS_, ORGANISATION_); ZORGWIJZER_ for
# what holds for the whole platform. The value here is the one default: code reads settings.NAME,
# never getattr(settings, NAME, default). Environment variables under an old name (before
# 2026-12, ZORGWIJZER_AFTERCARE_* and ZORGWIJZER_HR_IMPORT_MAX_BYTES) are still read.
# Roles that can see other people's care data must use a second factor (TOTP).
# Names a user's roles for the audit trail (core imports no app, so it reads this function here).
ZORGWIJZER_ACTOR_ROLES = "access.roles_of"
ZORGWIJZER_ANONYMITY_THRESHOLD = max(3, env_int("ZORGWIJZER_ANONYMITY_THRESHOLD", 5))
# Whole-page cache of public pages for anonymous visitors (core/public_cache.py): how long another
# server process may show a page after its content changed. 0 switches the cache off.
ZORGWIJZER_PUBLIC_PAGE_SECONDS = env_int("ZORGWIJZER_PUBLIC_PAGE_SECONDS", 60)
# Opvang en nazorg (docs/aftercare.md): reminder lead time, open cases per peer supporter, and how
# long personal data of a closed plan is kept before it is anonymised.
AFTERCARE_REMINDER_HOURS = env_int("AFTERCARE_REMINDER_HOURS", env_int("ZORGWIJZER_AFTERCARE_REMINDER_HOURS", 4))
AFTERCARE_SUPPORTER_CAPACITY = env_int(
    "AFTERCARE_SUPPORTER_CAPACITY", env_int("ZORGWIJZER_AFTERCARE_SUPPORTER_CAPACITY", 5)
)
AFTERCARE_RETENTION_DAYS = env_int("AFTERCARE_RETENTION_DAYS", env_int("ZORGWIJZER_AFTERCARE_RETENTION_DAYS", 730))
# Completing a step more than this many hours before its deadline needs a reason; a completion can
# be undone by the person who did it for this many minutes (docs/aftercare.md, "Steps").
AFTERCARE_EARLY_COMPLETION_HOURS = env_int("AFTERCARE_EARLY_COMPLETION_HOURS", 24)
AFTERCARE_UNDO_MINUTES = env_int("AFTERCARE_UNDO_MINUTES", 10)
# The site's base address for links in e-mails (e.g. https://zorgwijzer.example.nl); empty: paths only.
ZORGWIJZER_SITE_URL = os.environ.get("ZORGWIJZER_SITE_URL", "").rstrip("/")
# Weerbaarheidsmonitor (docs/monitor.md): the key that derives and hashes invitation tokens. Keep it
# out of database backups; empty: derived from SECRET_KEY.
MONITOR_TOKEN_KEY = os.environ.get("MONITOR_TOKEN_KEY", "")
# Automatic reminders to invitees without a response: days after opening and before closing
# (empty: that round is off). They need ZORGWIJZER_SITE_URL for the links.
MONITOR_REMINDER_DAYS_AFTER_OPENING = os.environ.get("MONITOR_REMINDER_DAYS_AFTER_OPENING", "7")
MONITOR_REMINDER_DAYS_BEFORE_CLOSING = os.environ.get("MONITOR_REMINDER_DAYS_BEFORE_CLOSING", "2")
# Barista (docs/barista.md): how long exposures are kept, and up to how many people an import
# evaluates at once (more: in a background task).
BARISTA_EXPOSURE_RETENTION_DAYS = env_int("BARISTA_EXPOSURE_RETENTION_DAYS", 730)
BARISTA_INLINE_EVALUATION_LIMIT = env_int("BARISTA_INLINE_EVALUATION_LIMIT", 200)
BARISTA_IMPORT_MAX_BYTES = env_int("BARISTA_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
# Self-tests (docs/selftests.md): the anonymous weekly counter per instrument, and extra folders
# with an organisation's own (licensed) instrument definitions.
SELFTESTS_USAGE_STATS = env_bool("SELFTESTS_USAGE_STATS", True)
# Scorings are counted in each web process's memory and written at most this often (and at exit);
# 0 writes every scoring at once (selftests/services.py).
SELFTESTS_USAGE_FLUSH_SECONDS = env_int("SELFTESTS_USAGE_FLUSH_SECONDS", 60)
SELFTESTS_DEFINITION_DIRS = env_list("SELFTESTS_DEFINITION_DIRS")
# PDF downloads of a result per client per minute: rendering one takes about a second and needs no
# login (selftests/limits.py). 0 switches the limit off.
SELFTESTS_PDF_PER_MINUTE = env_int("SELFTESTS_PDF_PER_MINUTE", 5)
# API tokens of systems (accounts/token_limits.py): refused tokens per client address per clock minute
# before every token request from that address gets 429; 0 switches the limit off.
ACCOUNTS_API_TOKEN_FAILURES_PER_MINUTE = env_int("ACCOUNTS_API_TOKEN_FAILURES_PER_MINUTE", 20)
# HR import (docs/hr-import.md): the largest file accepted.
ORGANISATION_HR_IMPORT_MAX_BYTES = env_int(
    "ORGANISATION_HR_IMPORT_MAX_BYTES", env_int("ZORGWIJZER_HR_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Settings of the newer modules: each app keeps its own block (prefix = app name). ---
# [complaints] settings (prefix COMPLAINTS_)
# Klachten ongewenst gedrag (docs/complaints.md): days per stage before the deadline, the reminder
# lead, contact attempts before "beschouwd als ingetrokken", how long a closed complaint is kept,
# and where the documents live (outside static and media; sent only by a guarded view).
COMPLAINTS_STAGE_DAYS = {
    "ontvangen": 7,
    "informeel_gesprek": 14,
    "intake": 14,
    "bemiddeling_aangeboden": 14,
    "bemiddeling_aanvaard": 28,
    "bemiddeling_geweigerd": 7,
    "zienswijzen_gevraagd": 21,
    "zienswijzen_ontvangen": 14,
    "commissie": 42,
    "besluit": 28,
    "medegedeeld": 14,
}
COMPLAINTS_REMINDER_DAYS = env_int("COMPLAINTS_REMINDER_DAYS", 3)
COMPLAINTS_CONTACT_ATTEMPTS_REQUIRED = {"call": 3, "sms": 1, "mail": 1}
COMPLAINTS_RETENTION_DAYS = env_int("COMPLAINTS_RETENTION_DAYS", 1826)
COMPLAINTS_DOCUMENT_ROOT = Path(os.environ.get("COMPLAINTS_DOCUMENT_ROOT", VAR_DIR / "private" / "complaints"))
COMPLAINTS_DOCUMENT_MAX_BYTES = env_int("COMPLAINTS_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
# [integrity] settings (prefix INTEGRITY_)
INTEGRITY_SESSION_MIN_VOTES = max(3, env_int("INTEGRITY_SESSION_MIN_VOTES", 3))  # no result below this many votes
INTEGRITY_PARTICIPANT_COOKIE_HOURS = env_int("INTEGRITY_PARTICIPANT_COOKIE_HOURS", 12)  # life of the random vote token
# [jaarbeeld] settings (prefix JAARBEELD_)
JAARBEELD_OUTPUT_DIR = Path(os.environ.get("JAARBEELD_OUTPUT_DIR", BASE_DIR / "var" / "jaarbeeld"))
JAARBEELD_IMPORT_MAX_BYTES = int(os.environ.get("JAARBEELD_IMPORT_MAX_BYTES", 2 * 1024 * 1024))
# [agenda] settings (prefix AGENDA_)
# [teamcare] settings (prefix TEAMCARE_)
TEAMCARE_MIN_SIGNALS = env_int("TEAMCARE_MIN_SIGNALS", 3)  # signals that must coincide before a team is shown
TEAMCARE_LEADERS_MIN = 3  # this many different leaders …
TEAMCARE_LEADERS_YEARS = 2  # … within this many years is a signal
TEAMCARE_OUTFLOW_PERCENT = 20  # share of members that left the team in 12 months
TEAMCARE_MOBILITY_PERCENT = 10  # fewer than this share came or went …
TEAMCARE_MOBILITY_YEARS = 3  # … within this many years
TEAMCARE_ABSENCE_PERCENT = 7.0  # absence percentage in the quarter …
TEAMCARE_ABSENCE_FREQUENCY = 1.5  # … or reporting frequency (per person per year)
TEAMCARE_MONITOR_SCALES = ("sociale-veiligheid", "ongewenst-gedrag", "steun-leidinggevende")
TEAMCARE_MONITOR_YEARS = 2  # only monitor campaigns closed within this many years
TEAMCARE_BARISTA_DAYS = 14  # an invitation without an outcome after this many days is not followed up
# This many of those in 12 months is a signal; never below the anonymity threshold (teamcare.W001).
TEAMCARE_BARISTA_MIN = ZORGWIJZER_ANONYMITY_THRESHOLD
# This many distinct distressing events with team members in 12 months; never below the threshold.
TEAMCARE_AFTERCARE_MIN = ZORGWIJZER_ANONYMITY_THRESHOLD
TEAMCARE_CHECKUP_MONTHS = 12  # interval of the periodic team check-up
TEAMCARE_CHECKUP_FIRST_DAYS = 90  # a team without check-ups gets its first one due within this many days
TEAMCARE_DIALOGUE_MAX_PARTICIPANTS = 15  # factsheet Waarde(n)vol Gesprek
TEAMCARE_ABSENCE_IMPORT_MAX_BYTES = 2 * 1024 * 1024
# [recognition] settings (prefix RECOGNITION_)
# Erkenning (docs/recognition.md): weeks before a service jubilee that the manager gets one reminder,
# and how many days ahead the team list shows jubilees.
RECOGNITION_JUBILEE_REMINDER_WEEKS = env_int("RECOGNITION_JUBILEE_REMINDER_WEEKS", 8)
RECOGNITION_JUBILEE_HORIZON_DAYS = env_int("RECOGNITION_JUBILEE_HORIZON_DAYS", 183)
# [homefront] settings (prefix HOMEFRONT_)
# Oud-collega's (docs/recognition.md): days before a known end of service that the one farewell
# mail with the link to /oud-collegas/ goes out.
HOMEFRONT_FAREWELL_DAYS_AHEAD = env_int("HOMEFRONT_FAREWELL_DAYS_AHEAD", 14)
# [casework] settings (prefix CASEWORK_)
# Buddies (docs/casework.md): a trained buddy may be matched while their last intervision (or, before
# the first one, their training) is at most this many days ago.
CASEWORK_BUDDY_INTERVISION_DAYS = env_int("CASEWORK_BUDDY_INTERVISION_DAYS", 120)
# [confidential] settings (prefix CONFIDENTIAL_)
# Requests without the manager (docs/confidential.md): hours within which the pool plans an MCU,
# mediation or vertrouwenspersoon request, and how long before that the reminder goes out.
CONFIDENTIAL_RESPONSE_HOURS = env_int("CONFIDENTIAL_RESPONSE_HOURS", 72)
CONFIDENTIAL_REMINDER_HOURS = env_int("CONFIDENTIAL_REMINDER_HOURS", 24)
# The anonymous line: days without a message after which a report is erased, the largest photo,
# and the scrypt cost (2^n) of receipt codes and passphrases.
CONFIDENTIAL_LINE_RETENTION_DAYS = env_int("CONFIDENTIAL_LINE_RETENTION_DAYS", 180)
CONFIDENTIAL_LINE_ATTACHMENT_MAX_BYTES = env_int("CONFIDENTIAL_LINE_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)
CONFIDENTIAL_SCRYPT_N = env_int("CONFIDENTIAL_SCRYPT_N", 2**15)
# Site-wide budget of scrypt work for the anonymous line's reporter pages per minute (0: none). A
# single budget, not one per client: the line keeps nothing about who sends a request.
CONFIDENTIAL_LINE_UNLOCKS_PER_MINUTE = env_int("CONFIDENTIAL_LINE_UNLOCKS_PER_MINUTE", 600)
