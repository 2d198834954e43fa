"""Local development: debug on, SQLite unless DATABASE_URL says otherwise, mail to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SALES_NOTIFY_EMAILS = env.list("SALES_NOTIFY_EMAILS", default=["sales@localhost"])

# Static files straight from static/ (no collectstatic step outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
