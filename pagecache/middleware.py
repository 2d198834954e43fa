"""Serve public pages from the shared cache before any other middleware runs.

Only GET/HEAD requests without a session cookie are served from it or stored, and only responses
meant for everyone: none that sets a cookie, holds a CSRF token or is private. ("Vary: Cookie"
alone is fine: it only says a session cookie would change the page, and such requests never
reach the cache.)
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

from . import store

NEVER_CACHED = ("/admin/", "/contact/", "/healthz/", "/static/", "/media/", "/documents/")
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}
SAFE_VARY = {"", "cookie", "accept-encoding"}


def cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path_info.startswith(NEVER_CACHED)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds this visitor's CSRF token
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    cache_control = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return vary <= SAFE_VARY and not cache_control & PRIVATE_DIRECTIVES


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable_request(request):
            return self.get_response(request)
        cached = store.load(request)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if cacheable_response(request, response):
            store.save(request, response)
            response["X-Cache"] = "MISS"
        return response
