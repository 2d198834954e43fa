"""The page cache in front of Django: a hit is answered without building a Django request."""

from collections.abc import Callable, Iterable
from http import HTTPStatus

from . import store


class PageCacheApplication:
    """Wraps the WSGI application; misses go to Django, whose middleware stores the page."""

    def __init__(self, application: Callable):
        self.application = application

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if store.cacheable_request(environ):
            entry = store.lookup(environ)
            if entry is not None:
                body, headers = store.served(entry, environ)
                start_response(
                    f"{entry.status} {HTTPStatus(entry.status).phrase}",
                    [*headers.items(), ("X-Cache", "HIT")],
                )
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]
        return self.application(environ, start_response)
