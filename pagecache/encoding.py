"""Stored pages are kept gzipped: a hit reads and sends a quarter of the bytes, and browsers
(which all accept gzip) get them as they are. A client that does not accept gzip gets the page
decompressed. Cached pages hold no secret (forms are never cached), so compressing them leaks
nothing (BREACH needs a secret beside reflected input)."""

import gzip
from functools import lru_cache

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

GZIP = "gzip"
MIN_BYTES = 512  # smaller bodies gain nothing


def prepare(response: HttpResponse) -> tuple[bytes, str, dict[str, str]]:
    """What is stored: the body (gzipped when worth it), its encoding, the headers."""
    patch_vary_headers(response, ["Accept-Encoding"])
    headers = dict(response.items())
    body = response.content
    if len(body) < MIN_BYTES or "Content-Encoding" in response:
        return body, "", headers
    return gzip.compress(body, compresslevel=6, mtime=0), GZIP, headers


def accepts_gzip(environ: dict) -> bool:
    return gzip_wanted(environ.get("HTTP_ACCEPT_ENCODING", ""))


@lru_cache(maxsize=256)
def gzip_wanted(accept_encoding: str) -> bool:
    """Accept-Encoding names gzip (or *) without q=0."""
    for part in accept_encoding.lower().split(","):
        coding, _, params = part.partition(";")
        if coding.strip() in (GZIP, "*"):
            quality = params.strip().removeprefix("q=") if "q=" in params else "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False


def for_client(body: bytes, encoding: str, headers: dict, environ: dict) -> tuple[bytes, dict]:
    """The stored body and headers as this client can read them."""
    if encoding != GZIP:
        return body, headers
    if accepts_gzip(environ):
        return body, {**headers, "Content-Encoding": GZIP, "Content-Length": str(len(body))}
    plain = gzip.decompress(body)
    return plain, {**headers, "Content-Length": str(len(plain))}
