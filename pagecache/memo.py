"""Per-process copies of what every render reads and rarely changes (the site and its root page,
the call to action, the offices, article cards), kept until the next content change.

Every web process reads one shared token per request (a Redis GET); any publish, snippet change
or Site change replaces it (invalidation.py), and each process drops its copies at its next
request. Only a cache shared by every process can carry the token: on a process's own memory
(`make run`, where the worker publishes in another process) nothing is kept.
"""

import threading
import uuid
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from config import patches

T = TypeVar("T")
TOKEN_KEY = "pagecache:content-token"
MAX_ENTRIES = 4096  # beyond this (a very large site) the copies start over

_copies: dict[Hashable, object] = {}
_state = {"token": None}
_request = threading.local()


def enabled() -> bool:
    return settings.RENDER_MEMO and "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _token() -> str | None:
    """The current content token; None when the shared cache cannot be read."""
    cache = caches["default"]
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, uuid.uuid4().hex, timeout=None)  # first reader after a flush
        token = cache.get(TOKEN_KEY)
    return token


def begin_request() -> None:
    """Read the token once for this request; a new one drops every copy."""
    token = _token() if enabled() else None
    if token is None or len(_copies) > MAX_ENTRIES:
        _copies.clear()
    elif token != _state["token"]:
        _copies.clear()
        _state["token"] = token
    _request.token = token


def end_request() -> None:
    _request.token = None


def active() -> bool:
    """Inside a web request, with the content token read."""
    return getattr(_request, "token", None) is not None


def shared(key: Hashable, build: Callable[[], T]) -> T:
    """`build()`'s result, kept until the content changes (inside a web request only: jobs and
    commands always read the database). Callers must not modify what they get."""
    if not active():
        return build()
    try:
        return _copies[key]
    except KeyError:
        value = _copies[key] = build()
        return value


def shared_each(
    kind: str, keys: Iterable[Hashable], build: Callable[[list], dict[Hashable, T]]
) -> dict[Hashable, T]:
    """Like shared(), for many at once: `build(missing keys)` reads the missing ones together."""
    keys = list(keys)
    if not active():
        return build(keys)
    missing = [key for key in keys if (kind, key) not in _copies]
    if missing:
        for key, value in build(missing).items():
            _copies[kind, key] = value
    return {key: _copies[kind, key] for key in keys if (kind, key) in _copies}


def content_changed() -> None:
    """Every process drops its copies at its next request: now, and again when the change
    commits (a process that read the old rows in between would keep them otherwise)."""
    if not enabled():
        return
    _renew()
    transaction.on_commit(_renew, robust=True)


def _renew() -> None:
    caches["default"].set(TOKEN_KEY, uuid.uuid4().hex, timeout=None)


class RenderMemoMiddleware:
    """Marks one request for shared(). A page Wagtail serves gets its site (and root page) from
    the copies: Wagtail looks them up in two queries on every request otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        begin_request()
        try:
            return self.get_response(request)
        finally:
            end_request()

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        from wagtail.views import serve

        if view_func is serve and active():
            remember_site(request)


def remember_site(request: HttpRequest) -> None:
    from wagtail.models import Site

    def find():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    host = (request.META.get("HTTP_HOST", ""), request.META.get("SERVER_NAME"), request.get_port())
    patches.set_request_site(request, shared(("site", *host), find))  # what Wagtail then reads
