"""Settings for the learning-materials repository, read from the environment.

One module for every deployment: the defaults describe the embedded setup
(SQLite, local files, in-process tasks, an in-memory search engine started on
demand); production sets the variables listed in the README.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from lms.env import (
    ConfigurationError,
    database_from_env,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_origins,
    env_required,
    env_str,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("LMS_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError(
            "SECRET_KEY", "is required when DEBUG is off (set a long random value)"
        )
    SECRET_KEY = "insecure-development-only-key"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ConfigurationError(
        "ALLOWED_HOSTS", "is required when DEBUG is off (comma-separated host names)"
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_url("SITE_URL", schemes={"http", "https"}) or "http://127.0.0.1:8000"

INSTALLED_APPS = [
    "lms",
    "accounts",
    "materials",
    "courses",
    "search",
    "lti",
    # Above the Wagtail and Django apps: its catalogue completes theirs.
    "framework_locale",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "storages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.security_headers.SecurityHeadersMiddleware",
    # Cookie-less anonymous readers get stored pages before the session,
    # authentication and messages middleware run (lms/page_cache.py).
    "lms.page_cache.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.links.RequestOriginMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "courses.admin_guard.OwnCoursesAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lms.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "accounts.context_processors.single_sign_on",
                "accounts.context_processors.duties",
                "materials.context_processors.review_waiting",
                "lms.context_processors.site_title",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL in production and CI.
DATABASES = {"default": database_from_env("DATABASE_URL", VAR_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
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
LOGIN_URL = "/accounts/login/"
# After signing in, each person lands on their own work (accounts.views.start):
# the first of these pages whose role they hold, else their learning.
LOGIN_REDIRECT_URL = "/accounts/start/"
START_PAGES = [
    ("Site administrator", "wagtailadmin_home"),
    ("Curator", "materials:review"),
    ("Teacher", "materials:mine"),
]
START_PAGE_DEFAULT = "courses:my_learning"
LOGIN_REDIRECT_URL_FAILURE = LOGIN_URL

# Languages: Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's Vietnamese formats leave out the thousands separator (12345);
# lms/formats/vi adds it, as Vietnamese writes numbers (12.345).
FORMAT_MODULE_PATH = ["lms.formats"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

# Static files: hashed, compressed and served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Media: local files by default, an S3-compatible store when a bucket is named.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_url("AWS_S3_ENDPOINT_URL", schemes={"http", "https"})
            or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 300, minimum=1),
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640

# Background work: Django's tasks API. In-process by default; a real worker
# (the database queue, or RQ over Redis) when TASKS_BACKEND says so.
REDIS_URL = env_url("REDIS_URL", schemes={"redis", "rediss", "unix"})
TASKS_BACKEND = env_str("TASKS_BACKEND", "rq" if REDIS_URL else "immediate")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ConfigurationError(
        "TASKS_BACKEND",
        f"unknown backend {TASKS_BACKEND!r}; use one of {', '.join(TASK_BACKENDS)}",
    )
if TASKS_BACKEND == "rq" and not REDIS_URL:
    raise ConfigurationError("REDIS_URL", "is required when TASKS_BACKEND is rq")
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[TASKS_BACKEND],
        "QUEUES": ["default", "processing", "search"],
    }
}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}
        for name in TASKS["default"]["QUEUES"]
    }

# Cache: Redis when configured, local memory otherwise. The sign-in limit has
# an alias of its own (same Redis, keys under "sign-in:") so it can be pointed
# elsewhere, and so tests can run it against a real Redis on its own prefix.
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "lms.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
        for alias in ("default", "sign-in")
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
        }
        for alias in ("default", "sign-in")
    }

# Whole pages kept for anonymous visitors (lms/page_cache.py): a publish makes
# the next request fresh; figures that move without one (download counts,
# enrolment numbers) are at most this many seconds old. 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60, minimum=0)

# Search engine: an Elasticsearch 8/9 or OpenSearch 2/3 cluster. `make run` and
# the tests start a local OpenSearch node and set this; unset means no engine:
# searches answer from the database and changes wait in the outbox.
ELASTICSEARCH_URL = env_url("ELASTICSEARCH_URL", schemes={"http", "https"})
ELASTICSEARCH_API_KEY = env_str("ELASTICSEARCH_API_KEY")
ELASTICSEARCH_USERNAME = env_str("ELASTICSEARCH_USERNAME")
ELASTICSEARCH_PASSWORD = env_str("ELASTICSEARCH_PASSWORD")
ELASTICSEARCH_CA_FILE = env_str("ELASTICSEARCH_CA_FILE")
if ELASTICSEARCH_CA_FILE and not Path(ELASTICSEARCH_CA_FILE).is_file():
    raise ConfigurationError(
        "ELASTICSEARCH_CA_FILE", f"no such file: {ELASTICSEARCH_CA_FILE}"
    )
ELASTICSEARCH_COMPAT = env_str("ELASTICSEARCH_COMPAT")
if ELASTICSEARCH_COMPAT not in {"", "elasticsearch", "opensearch"}:
    raise ConfigurationError(
        "ELASTICSEARCH_COMPAT",
        f"expected elasticsearch or opensearch, got {ELASTICSEARCH_COMPAT!r}",
    )
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "lms")
# Shards of the content index, and copies of each on other nodes: 1 and 0 on one
# node; deploy/SCALING.md sizes them for the national cluster.
SEARCH_INDEX_SHARDS = env_int("SEARCH_INDEX_SHARDS", 1, minimum=1)
SEARCH_INDEX_REPLICAS = env_int("SEARCH_INDEX_REPLICAS", 0)

# Wagtail. The admin's own search uses the database backend so editors can
# find pages, snippets, images and documents even while the engine is down.
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Kho học liệu số")
WAGTAILADMIN_BASE_URL = SITE_URL
# Content in several languages the Wagtail way: one page tree per locale
# (WAGTAIL_CONTENT_LANGUAGES), tied together by translation_key, translated
# with wagtail.contrib.simple_translation (Wagtail's own "Translate" action:
# no extra dependency, no translation-memory tables; editors translate the
# copied page in the ordinary editor). Addresses do not carry the language:
# the reader's language (cookie, profile, browser) picks the tree, and a page
# with no translation yet is served from the original tree (lms.models).
# The page tree is not synced: aliases would put every course in every
# listing twice. Learner records belong to the original page
# (courses.translations).
WAGTAIL_I18N_ENABLED = True
# Password-protected pages and documents ask for the password in the site's
# layout and language (Wagtail's own form has no Vietnamese translation).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105
# Pages for signed-in readers send visitors to the site's own sign-in page;
# Wagtail's own address for it redirects there too (lms/urls.py).
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "materials.MaterialImage"
WAGTAILDOCS_DOCUMENT_MODEL = "materials.MaterialDocument"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Review emails go to the reviewing group (curators) only: Wagtail would also
# mail every superuser, twice over for a superuser who is a curator (once for
# the workflow, once for its task). materials.notifications writes them.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Shows the sign-in limit's "wait N seconds" instead of "wrong password".
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.WagtailSignInForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: printed to the console unless an SMTP server is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "no-reply@localhost")

# Security: strict by default whenever DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
# No Referer leaves the site: nothing outside needs to know which page a
# student came from (the identity provider and the object store work without).
# Django's default Cross-Origin-Opener-Policy, same-origin, stays.
# Content-Security-Policy and Permissions-Policy: lms.security_headers, which
# reads where media comes from out of STORAGES and MEDIA_URL. CSP_EXTRA_ORIGINS
# adds origins pictures and videos are served from (a CDN in front of the
# bucket); CSP_REPORT_URI collects violation reports; CSP_REPORT_ONLY=true
# reports without blocking, for trying a change out on live traffic.
CSP_EXTRA_ORIGINS = env_origins("CSP_EXTRA_ORIGINS")
CSP_REPORT_URI = env_url("CSP_REPORT_URI", schemes={"http", "https"})
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
# The admin would fetch avatars from Gravatar (sending a hash of each staff
# member's address) and new versions from wagtail.org; the policy allows
# neither origin, and upgrades come through uv.lock, not the dashboard.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the page in a same-origin frame; DENY would
    # break it. SAMEORIGIN still refuses framing by other sites.
    "security.W019",
    # Joining the browsers' HSTS preload list commits every subdomain of the
    # ministry's domain to HTTPS for good: the operator decides, by setting
    # SECURE_HSTS_PRELOAD=true, not the code.
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Announces at import that its C++ logging is wired; nothing to act on.
        "pikepdf": {"level": "WARNING"},
    },
}

# Single sign-on through an OpenID Connect provider (the national e-ID platform
# is one), switched on by OIDC_RP_CLIENT_ID.
AUTHENTICATION_BACKENDS = ["accounts.backends.RateLimitedModelBackend"]
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID")
SINGLE_SIGN_ON_ENABLED = bool(OIDC_RP_CLIENT_ID)
SINGLE_SIGN_ON_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME", "VNeID")
if SINGLE_SIGN_ON_ENABLED:
    OIDC_RP_CLIENT_SECRET = env_required(
        "OIDC_RP_CLIENT_SECRET", "when OIDC_RP_CLIENT_ID is set"
    )
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_url(
        "OIDC_OP_AUTHORIZATION_ENDPOINT", schemes={"https", "http"}
    ) or env_required("OIDC_OP_AUTHORIZATION_ENDPOINT", "when OIDC_RP_CLIENT_ID is set")
    OIDC_OP_TOKEN_ENDPOINT = env_url(
        "OIDC_OP_TOKEN_ENDPOINT", schemes={"https", "http"}
    ) or env_required("OIDC_OP_TOKEN_ENDPOINT", "when OIDC_RP_CLIENT_ID is set")
    OIDC_OP_USER_ENDPOINT = env_url(
        "OIDC_OP_USER_ENDPOINT", schemes={"https", "http"}
    ) or env_required("OIDC_OP_USER_ENDPOINT", "when OIDC_RP_CLIENT_ID is set")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_JWKS_ENDPOINT = env_url("OIDC_OP_JWKS_ENDPOINT", schemes={"https", "http"})
    if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) and not OIDC_OP_JWKS_ENDPOINT:
        raise ConfigurationError(
            "OIDC_OP_JWKS_ENDPOINT",
            f"is required with OIDC_RP_SIGN_ALGO={OIDC_RP_SIGN_ALGO}",
        )
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10, minimum=1)
    AUTHENTICATION_BACKENDS = [
        "accounts.oidc.IdentityProviderBackend",
        *AUTHENTICATION_BACKENDS,
    ]
# --- Production: serving, probes, logs, CDN (lms.health, lms.request_id, deploy/) ---
# Every request gets an id first, so even middleware errors carry one; the
# probes answer next, before host checks and the HTTPS redirect.
MIDDLEWARE[0:0] = [
    "lms.request_id.RequestIdMiddleware",
    "lms.health_views.ProbeMiddleware",
]

# Sessions: read from Redis, written through to the database so a Redis
# restart signs nobody out.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    for alias in CACHES:
        CACHES[alias].update(
            {
                "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "lms"),
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            }
        )
    CACHES["default"]["TIMEOUT"] = env_int("CACHE_TIMEOUT", 300, minimum=1)

# Logs: JSON lines with the request id in production, plain text for DEBUG.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json").lower()
if LOG_FORMAT not in {"plain", "json"}:
    raise ConfigurationError(
        "LOG_FORMAT", f"expected plain or json, got {LOG_FORMAT!r}"
    )
LOGGING["filters"] = {"request_id": {"()": "lms.request_id.RequestIdFilter"}}
LOGGING["formatters"]["json"] = {"()": "lms.jsonlog.JsonFormatter"}
LOGGING["formatters"]["plain"] = {
    "format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"
}
LOGGING["handlers"]["console"]["filters"] = ["request_id"]
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

# Periodic work, enqueued by `manage.py run_periodic` for the task worker:
# (task path, seconds between runs).
PERIODIC_TASKS = [
    ("lms.tasks.clear_expired_sessions", 3600),
    # Scores an LMS did not take yet (lti app), tried again with growing waits.
    ("lti.tasks.retry_scores", 300),
    ("lti.tasks.prune_launch_rows", 86_400),
]
# Views and downloads add up in Redis and reach the rows in batches
# (lms/counters.py); without Redis each hit writes its row.
COUNTERS_REDIS_URL = env_url("COUNTERS_REDIS_URL", schemes={"redis", "rediss", "unix"})
COUNTERS_REDIS_URL = COUNTERS_REDIS_URL or REDIS_URL
COUNTERS_KEY_PREFIX = env_str("COUNTERS_KEY_PREFIX", "lms:")
COUNTERS_FLUSH_SECONDS = env_int("COUNTERS_FLUSH_SECONDS", 10, minimum=1)
if COUNTERS_REDIS_URL:
    PERIODIC_TASKS.append(("lms.tasks.flush_counters", COUNTERS_FLUSH_SECONDS))
if TASKS_BACKEND == "database":
    PERIODIC_TASKS.append(("lms.tasks.prune_finished_task_results", 86_400))

# CDN purge on publish (Wagtail's frontend cache), off unless configured.
WAGTAILFRONTENDCACHE = {}
if env_url("FRONTEND_CACHE_PURGE_URL", schemes={"http", "https"}):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
if env_str("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONEID"),
        "BEARER_TOKEN": env_required(
            "CLOUDFLARE_BEARER_TOKEN", "with CLOUDFLARE_ZONEID"
        ),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Behind PgBouncer in transaction mode a connection changes hands between
# transactions, so nothing may outlive one: no server-side cursors, no
# prepared statements.
if env_bool("DATABASE_POOLER", False):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None

# A streaming read replica for reads that tolerate a second of lag (open
# data, OAI-PMH, reports): code asks for it with .using("replica").
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_from_env("DATABASE_REPLICA_URL", "")
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}

# Cached fragments are keyed by a content version bumped on every change.
TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "lms.fragments.content_version_context"
)
# Accounts and courses: public sign-up and sign-in, enrolment, certificates.
# New accounts confirm their email address before signing in (on whenever
# DEBUG is off). Failed sign-ins slow the next attempt, never lock it out
# (accounts.ratelimit): per account from one address, per account from
# anywhere, and per address with a threshold sized for a school behind one NAT.
ACCOUNTS_EMAIL_CONFIRMATION = env_bool("ACCOUNTS_EMAIL_CONFIRMATION", not DEBUG)
ACCOUNTS_SIGN_IN_CACHE = "sign-in"
ACCOUNTS_SIGN_IN_FREE_FAILURES = env_int("ACCOUNTS_SIGN_IN_FREE_FAILURES", 3)
ACCOUNTS_SIGN_IN_MAX_DELAY = env_int("ACCOUNTS_SIGN_IN_MAX_DELAY", 60, minimum=1)
ACCOUNTS_SIGN_IN_ACCOUNT_FREE_FAILURES = env_int(
    "ACCOUNTS_SIGN_IN_ACCOUNT_FREE_FAILURES", 10
)
ACCOUNTS_SIGN_IN_ADDRESS_FREE_FAILURES = env_int(
    "ACCOUNTS_SIGN_IN_ADDRESS_FREE_FAILURES", 300
)
ACCOUNTS_SIGN_IN_ADDRESS_WINDOW = env_int(
    "ACCOUNTS_SIGN_IN_ADDRESS_WINDOW", 900, minimum=1
)
ACCOUNTS_SIGN_IN_SHARED_MAX_DELAY = env_int(
    "ACCOUNTS_SIGN_IN_SHARED_MAX_DELAY", 10, minimum=1
)
ACCOUNTS_SIGN_IN_FORGET_SECONDS = env_int(
    "ACCOUNTS_SIGN_IN_FORGET_SECONDS", 86400, minimum=1
)
CERTIFICATE_ISSUER = env_str("CERTIFICATE_ISSUER", WAGTAIL_SITE_NAME)
# Open Badges credentials are signed with an Ed25519 key (README, "Credential
# keys"): a Multikey secretKeyMultibase here, or a key file with rotation.
CREDENTIALS_SIGNING_KEY = env_str("CREDENTIALS_SIGNING_KEY")
CREDENTIALS_KEY_FILE = env_str("CREDENTIALS_KEY_FILE")
# Learning materials (materials app): private file storage, upload limits.
# Material files are never under MEDIA_ROOT: drafts must only go out through
# the materials download view, which checks who is asking. Without a bucket
# they go to MATERIALS_PRIVATE_ROOT, or to "<MEDIA_ROOT>-private" beside it.
MATERIALS_PRIVATE_ROOT = env_str("MATERIALS_PRIVATE_ROOT") or None
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["materials"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **DEFAULT_STORAGE["OPTIONS"],
            "location": "private",
            "custom_domain": None,
            "signature_version": "s3v4",
            "querystring_auth": True,
            "querystring_expire": env_int(
                "MATERIALS_PRESIGNED_URL_SECONDS", 120, minimum=1
            ),
        },
    }
MATERIALS_MAX_UPLOAD_BYTES = {
    "document": env_int("MATERIALS_MAX_DOCUMENT_MB", 50, minimum=1) * 1024 * 1024,
    "image": env_int("MATERIALS_MAX_IMAGE_MB", 20, minimum=1) * 1024 * 1024,
    "audio": env_int("MATERIALS_MAX_AUDIO_MB", 200, minimum=1) * 1024 * 1024,
    "video": env_int("MATERIALS_MAX_VIDEO_MB", 1024, minimum=1) * 1024 * 1024,
    "package": env_int("MATERIALS_MAX_PACKAGE_MB", 300, minimum=1) * 1024 * 1024,
}
MATERIALS_MAX_IMAGE_PIXELS = env_int("MATERIALS_MAX_IMAGE_PIXELS", 50_000_000)
MATERIALS_MAX_ZIP_ENTRIES = env_int("MATERIALS_MAX_ZIP_ENTRIES", 5_000, minimum=1)
MATERIALS_MAX_ZIP_RATIO = env_int("MATERIALS_MAX_ZIP_RATIO", 100, minimum=1)
MATERIALS_MAX_ZIP_UNCOMPRESSED_BYTES = (
    env_int("MATERIALS_MAX_ZIP_UNCOMPRESSED_MB", 2048, minimum=1) * 1024 * 1024
)
MATERIALS_MAX_FILES_PER_UPLOAD = env_int("MATERIALS_MAX_FILES_PER_UPLOAD", 20)
# Open data (opendata app): the read API, OAI-PMH, structured data, feeds,
# sitemap and xAPI. App code reads these at call time.
INSTALLED_APPS += [
    "opendata",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("lms.health_views.ProbeMiddleware") + 1,
    "opendata.middleware.reject_nul_bytes",
)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "opendata.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": [
        "opendata.api.throttling.AnonymousClientThrottle",
        "opendata.api.throttling.AuthenticatedClientThrottle",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opendata.api.errors.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
API_ANON_RATE = env_str("API_ANON_RATE", "120/minute")
API_USER_RATE = env_str("API_USER_RATE", "1200/minute")
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 20, minimum=1)
API_MAX_PAGE_SIZE = env_int("API_MAX_PAGE_SIZE", 100, minimum=1)
SPECTACULAR_SETTINGS = {
    "TITLE": "Open learning materials API",
    "DESCRIPTION": "Read access to published learning materials and courses.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Operation ids and tags are named from the path after the version prefix
    # (materials_list), even though a path outside the prefix is listed too.
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "PREPROCESSING_HOOKS": ["opendata.api.schema.public_api_only"],
}
# Public JSON endpoints the schema describes although they live outside
# /api/v1/: the search box's suggestions keep the address its script uses.
API_SCHEMA_EXTRA_PATHS = ["/search/suggest/"]
OAI_REPOSITORY_NAME = env_str("OAI_REPOSITORY_NAME", WAGTAIL_SITE_NAME)
OAI_REPOSITORY_IDENTIFIER = env_str(
    "OAI_REPOSITORY_IDENTIFIER", urlsplit(SITE_URL).hostname or "localhost"
)
OAI_ADMIN_EMAILS = env_list("OAI_ADMIN_EMAILS", [DEFAULT_FROM_EMAIL])
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", 100, minimum=1)
OAI_TOKEN_MAX_AGE = env_int("OAI_TOKEN_MAX_AGE", 86_400, minimum=60)
OAI_SETS_ENABLED = env_bool("OAI_SETS_ENABLED", True)
XAPI_BATCH_SIZE = env_int("XAPI_BATCH_SIZE", 50, minimum=1)
XAPI_MAX_ATTEMPTS = env_int("XAPI_MAX_ATTEMPTS", 8, minimum=1)
XAPI_TIMEOUT_SECONDS = env_int("XAPI_TIMEOUT_SECONDS", 10, minimum=1)
# Search app: seconds a search may wait for the engine before it answers from
# the database instead. Searches take 20-60 ms on a healthy engine (bench/
# RESULTS.md); a search still waiting after this is stuck behind an engine
# in trouble, and the web thread is worth more than its answer.
SEARCH_REQUEST_TIMEOUT = env_float("SEARCH_REQUEST_TIMEOUT", 1.5, minimum=0.1)
# Suggestions are worthless once the next key is typed.
SEARCH_SUGGEST_TIMEOUT = env_float("SEARCH_SUGGEST_TIMEOUT", 0.5, minimum=0.1)
# Bulk writes and rebuilds carry hundreds of documents per request.
SEARCH_INDEXING_TIMEOUT = env_float("SEARCH_INDEXING_TIMEOUT", 60, minimum=1)
# The bulkhead: engine calls one web process makes at once (by default all its
# threads but one, so a stalled engine always leaves a thread for other pages),
# how long a search waits for a free slot, and how long the engine is left
# alone after it failed to answer. Beyond them searches answer from the
# database at once.
SEARCH_MAX_CONCURRENT = env_int(
    "SEARCH_MAX_CONCURRENT",
    max(1, env_int("GUNICORN_THREADS", 4, minimum=1) - 1),
    minimum=1,
)
SEARCH_SLOT_WAIT = env_float("SEARCH_SLOT_WAIT", 0.25)
# How long a database answer given in the engine's place is reused.
SEARCH_FALLBACK_CACHE_SECONDS = env_int("SEARCH_FALLBACK_CACHE_SECONDS", 30)
SEARCH_PAUSE_AFTER_FAILURE = env_float("SEARCH_PAUSE_AFTER_FAILURE", 5)
