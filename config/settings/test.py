"""Test run: PostgreSQL on this machine by default, fast hashing, no outgoing mail."""

import os

from .base import *  # noqa: F403
from .base import POSTGRES_OPTIONS, env

DATABASES = {
    "default": env.db(
        "TEST_DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/hiring_articles"
    )
}
DATABASES["default"]["OPTIONS"] = dict(POSTGRES_OPTIONS)
# A test database of this run's own, so two runs on one machine never drop each other's.
DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SALES_NOTIFY_EMAILS = ["sales@example.com"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL_GIVEN = True
PERFORMANCE_FLUSH_SECONDS = 0  # every count written at once, for the tests to read
MEDIA_ROOT = BASE_DIR / "build" / "test-media"  # noqa: F405 (covers and test images)
PRIVATE_MEDIA_ROOT = BASE_DIR / "build" / "test-private"  # noqa: F405 (files leads send)

# Static files straight from static/ (no collectstatic step outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The inbound webhook is on in tests, which sign their provider payloads with this key.
ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": "test-signing-key"}
# Tests of the sales side count the sales e-mails; the reader's copy has its own tests.
CONFIRM_TO_READER = False
