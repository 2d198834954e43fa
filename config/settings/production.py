"""Production: everything from the environment (README, "Configuration"). Runs behind a
TLS-terminating proxy and trusts its X-Forwarded-Proto header."""

import os
import sys

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
_missing = [name for name in REQUIRED if not os.environ.get(name)]
if _missing:
    sys.exit(f"Missing required environment variable(s): {', '.join(_missing)} (see README).")

from .base import *  # noqa: E402, F403
from .base import STORAGES, env  # noqa: E402

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# The proxy (Varnish, nginx) runs on the same host unless the environment says otherwise.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)

# Static files: hashed names, gzip and Brotli, served with far-future immutable caching.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
WHITENOISE_MAX_AGE = 31536000

# Media on S3-compatible storage when a bucket is named; the filesystem otherwise.
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# Without a bucket the app serves MEDIA_ROOT itself (covers and uploads), unless a proxy in front
# does (SERVE_MEDIA=False).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=not env("AWS_STORAGE_BUCKET_NAME", default=""))

LOGGING["formatters"] = {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}}  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = "plain"  # noqa: F405
