"""WSGI entry point for gunicorn: `gunicorn config.wsgi`. Cached public pages are answered by
the page cache layer before Django builds a request."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from pagecache.wsgi import PageCacheApplication  # noqa: E402  (needs settings configured)

application = PageCacheApplication(get_wsgi_application())
