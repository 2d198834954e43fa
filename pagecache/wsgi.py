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
            stored = store.lookup(environ)
            if stored is not None:
                _, status, headers, content = stored
                start_response(
                    f"{status} {HTTPStatus(status).phrase}",
                    [*headers.items(), ("X-Cache", "HIT")],
                )
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else content]
        return self.application(environ, start_response)
