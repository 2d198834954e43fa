"""Store public pages in the shared cache, and serve them where the WSGI layer did not.

Only responses meant for everyone are stored: none that sets a cookie, holds a CSRF token or is
private. ("Vary: Cookie" alone is fine: it says a session cookie would change the page, and
requests with one never reach the cache.)
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from . import store

PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Personal pages (the contact form and its thank-you page, the admin): never kept by anyone.
PRIVATE_PATHS = ("/admin/", "/contact/")
STALE_WHILE_REVALIDATE = 60
SAFE_VARY = {"", "cookie", "accept-encoding"}


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
    """First in MIDDLEWARE: a hit is answered before any other middleware does work."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        environ = request.META
        if not store.cacheable_request(environ):
            response = self.get_response(request)
            if request.path.startswith(PRIVATE_PATHS):
                patch_cache_control(response, private=True, no_store=True)
            return response
        if store.STAMP_SEEN not in environ:  # no WSGI layer looked it up already
            entry = store.lookup(environ)
            if entry is not None:
                response = store.as_response(entry, environ)
                response["X-Cache"] = "HIT"
                return response
        response = self.get_response(request)
        if cacheable_response(request, response) and not environ.get(store.DONT_STORE):
            # What a CDN or proxy in front may do with it: keep it as long as this cache does,
            # and serve it a little stale while it fetches a fresh copy.
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS,
                stale_while_revalidate=STALE_WHILE_REVALIDATE,
            )  # fmt: skip
            if store.save(environ, response):
                response["X-Cache"] = "MISS"
        return response
