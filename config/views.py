"""Operational endpoints and the site-wide error handler."""

import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.static import serve

MEDIA_MAX_AGE = 86400


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not: for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: an outage of the database is a styled 503 to retry, not an error page."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        context = {"fallback_email": settings.CONTACT_FALLBACK_EMAIL}
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))


def media(request: HttpRequest, path: str) -> HttpResponse:
    """MEDIA_ROOT when no bucket or proxy serves it; a cover's file name changes with what it
    shows, so a day's caching never shows an old one for long."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response
