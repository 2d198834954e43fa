"""Settings shared by every environment; what differs per deploy comes from the environment."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

from .roles import CONTENT_APPS, ROLES  # noqa: F401 (settings)

# What readers' views count for in Content performance: each content app declares its sections
# (kind, path pattern, resolver); clicks and form views name the pages COUNTED_CLICKS checks.
COUNTED_PAGES = ["articles.counted.SECTIONS", "contact.counted.SECTIONS"]
COUNTED_CLICKS = "articles.counted.existing_articles"

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="insecure-dev-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "anymail",
]
LOCAL_APPS = [
    "articles",
    "contact",
    "calls",
    "newsletter",
    "pagecache",
    "performance",
    "background",
    "access",
]
INSTALLED_APPS = LOCAL_APPS + THIRD_PARTY_APPS + DJANGO_APPS

MIDDLEWARE = [
    # First: it tells the edge what it may keep of the response the others have finished.
    "pagecache.middleware.EdgeCacheMiddleware",
    "pagecache.memo.RenderMemoMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "access.devices.DeviceCookieMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "access.middleware.RoleBoundaryMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A kept connection is checked before a request uses it: after a failover or a pooler restart
# the first request reconnects instead of answering 503.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A query a kept connection runs again is prepared (psycopg's server-side binding): PostgreSQL
# plans the wide page queries once per connection, not on every render (a third of an uncached
# article's time). Off behind a pooler that cannot keep prepared statements.
POSTGRES_OPTIONS = (
    {"server_side_binding": True, "prepare_threshold": 2}
    if env.bool("DATABASE_PREPARED_STATEMENTS", default=True)
    else {}
)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # locks out repeated failed admin logins
    "access.devices.UnknownDeviceCeilingBackend",  # a ceiling on distributed guessing
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A username guessed from many addresses: after this many failures in an hour from browsers that
# never signed in as that user, only browsers that did (a device cookie) may try it.
LOGIN_UNKNOWN_DEVICE_LIMIT = env.int("LOGIN_UNKNOWN_DEVICE_LIMIT", default=10)
# The client address as the rest of the site reads it (TRUSTED_PROXIES), so behind a proxy
# a stranger's guesses lock only the stranger's own (username, address) pair.
AXES_CLIENT_IP_CALLABLE = "access.ratelimit.client_address"
# Password reset requests per client address, and per e-mail address, per hour.
PASSWORD_RESET_RATE_LIMIT = env.int("PASSWORD_RESET_RATE_LIMIT", default=5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env("LANGUAGE_CODE", default="en-us")  # the site's language (see Translations)
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
# Translations (manage.py makemessages / compilemessages write and read them here).
LOCALE_PATHS = [str(env.path("LOCALE_DIR", default=BASE_DIR / "locale"))]
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]  # 24-hour times with their zone, as editors type them

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
# Files leads send (attachments, unmatched mail): never under MEDIA_ROOT, served to Sales only.
PRIVATE_MEDIA_ROOT = env.path(
    "PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private"
)  # DEBUG serves media anyway
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = env("SITE_NAME", default="Clean Systems Consulting")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # initials avatars: no outside call from the admin
# The site's public address: `make setup` writes it into Wagtail's Site record, and every absolute
# link (canonical, og:url, og:image, sitemap, feeds, JSON-LD) is built from that record.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Given (make run and make serve give the address they serve on), setup writes it into the Site
# record; not given, setup creates the record at the default and then leaves its address alone.
SITE_URL_GIVEN = "SITE_URL" in env.ENVIRON
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=SITE_URL)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Images: an upload over this many megapixels is refused (what the worker renders in its memory:
# about 300 MB and 3 s of CPU at 40); pages make renditions only of originals up to
# IMAGE_INLINE_MAX_PIXELS themselves, the worker makes the rest (articles/images.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_MEGAPIXELS", default=40) * 1_000_000
IMAGE_INLINE_MAX_PIXELS = env.int("IMAGE_INLINE_MAX_PIXELS", default=4_000_000)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Where the launch articles ship; `make setup` imports them.
ARTICLES_CONTENT_DIR = BASE_DIR / "content" / "articles"

# Background jobs. Wagtail's own small jobs (search and reference index) run in the request as
# before; the site's jobs (lead e-mail, …) are queued in the database, in the same transaction
# as what they belong to, and run by `manage.py worker` (`make worker`).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
OUTAGE_RETRY_AFTER_SECONDS = 60  # what a 503 during a database outage tells readers to wait
WORKER_PERIODIC_SECONDS = env.int("WORKER_PERIODIC_SECONDS", default=60)
# Each worker says it is alive this often; a job left running by a worker silent for
# WORKER_STALE_SECONDS (killed, or cut off mid-job) is queued again.
WORKER_BEAT_SECONDS = env.float("WORKER_BEAT_SECONDS", default=10)
WORKER_STALE_SECONDS = env.float("WORKER_STALE_SECONDS", default=40)
WORKER_PERIODIC_JOBS = [
    "articles.scheduling.publish_scheduled",  # Wagtail's go-live and expiry dates
    "contact.notifications.requeue_stranded",
    "contact.reminders.remind",  # the owners' morning reminders, unassigned-lead alerts
    "contact.mailbox.poll",  # leads' answers from the shared mailbox (INBOUND_IMAP_URL)
    "newsletter.retention.purge",  # unconfirmed and unsubscribed addresses, after a few days
    "newsletter.digests.run",  # new articles to subscribers, at the editors' rhythm
    "performance.folding.fold_counts",  # views and clicks from Redis into daily rows
]
# Daily counts older than this are summed into monthly rows (content performance).
PERFORMANCE_DAILY_DAYS = env.int("PERFORMANCE_DAILY_DAYS", default=400)
# Seconds each process adds up its counts before writing them to Redis (0: at once).
PERFORMANCE_FLUSH_SECONDS = env.float("PERFORMANCE_FLUSH_SECONDS", default=1.0)
# A visitor's views with gaps shorter than this are one visit (performance/visits.py).
PERFORMANCE_VISIT_MINUTES = env.int("PERFORMANCE_VISIT_MINUTES", default=30)

from .mail import *  # noqa: E402, F403 (mail, the leads' e-mails)

# Contact form posts allowed per address per minute.
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)
# Addresses or networks of the proxies in front of the app that append to X-Forwarded-For; a
# forwarded address is believed only from them (none: the socket's address is the client's).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Cache: Redis (django-redis) when CACHE_URL names it, else this process's memory. A Redis outage
# is logged and the site keeps serving, uncached.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"].startswith("django_redis"):
    # A hung Redis costs at most these seconds per call, then is skipped for a while.
    redis_timeout = env.float("REDIS_TIMEOUT", default=0.1)
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "IGNORE_EXCEPTIONS": True,
            "CLIENT_CLASS": "pagecache.redis_client.OutageAwareClient",
            "SOCKET_CONNECT_TIMEOUT": redis_timeout,
            "SOCKET_TIMEOUT": redis_timeout,
        }
    )
# The client logs an outage once; no traceback per call.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False

# The edge cache (Varnish, or a CDN with surrogate keys) in front. Seconds it keeps a public page
# before asking again (purges on publish make a long time safe); 0: no page is marked public.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
# Where purges go: every Varnish in front (http://host:port), none in development.
EDGE_PURGE_URLS = env.list("EDGE_PURGE_URLS", default=[])
EDGE_PURGE_BACKEND = env("EDGE_PURGE_BACKEND", default="pagecache.purge.VarnishBackend")
# At least these seconds over which a change shown on many pages (the call to action, the
# offices, an article's cards) renews them, a thirtieth at a time; 0: all at once...
EDGE_SPREAD_SECONDS = env.int("EDGE_SPREAD_SECONDS", default=30)
# ...and no faster than this many pages renewed a second (per edge): a site ten times larger
# takes longer to renew, not ten times the renders a second.
EDGE_RENEWALS_PER_SECOND = env.float("EDGE_RENEWALS_PER_SECOND", default=10)
# Renders keep what every page reads (the site, the call to action, the offices, article cards)
# per process until the next content change (pagecache/memo.py); needs the shared Redis cache.
RENDER_MEMO = env.bool("RENDER_MEMO", default=True)
# The response header carrying a page's tags: "xkey" for Varnish, "Surrogate-Key" for Fastly.
EDGE_TAG_HEADER = env("EDGE_TAG_HEADER", default="xkey")

# Security headers on every response. The admin is excluded from the CSP: Wagtail's admin needs
# inline scripts; the public site has none.
MEDIA_ORIGINS = env.list("MEDIA_ORIGINS", default=[])
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],  # Wagtail previews frame the page from the admin
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [], "camera": [], "geolocation": [], "gyroscope": [], "microphone": [],
    "payment": [], "usb": [], "browsing-topics": [],
}  # fmt: skip
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
