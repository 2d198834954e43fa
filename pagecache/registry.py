"""What content apps tell the page cache about their pages, so it never guesses from URLs.

Today: which query parameters a page reads. A parameter a page does not read (`?page=` on an
article, `?q=` on a listing, utm_* anywhere) leaves the cache key alone, so a bot varying it
makes no new entry and no new render.
"""

import re

_QUERY_PARAMS: dict[str, tuple[re.Pattern, frozenset[str]]] = {}


def reads_query(path_pattern: str, *params: str) -> None:
    """Pages whose path matches `path_pattern` (a regular expression) read these parameters."""
    _QUERY_PARAMS[path_pattern] = (re.compile(path_pattern), frozenset(params))


def query_params(path: str) -> frozenset[str]:
    """The query parameters the page at `path` reads (none unless its app said so)."""
    for pattern, params in _QUERY_PARAMS.values():
        if pattern.match(path):
            return params
    return frozenset()
