"""Scheduled publishing without cron: the background worker runs Wagtail's own command."""

import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection


@contextmanager
def only_one_worker(name: str) -> Iterator[bool]:
    """True in one worker at a time (a PostgreSQL advisory lock); SQLite runs one worker."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = zlib.crc32(name.encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        locked = cursor.fetchone()[0]
    try:
        yield locked
    finally:
        if locked:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def publish_scheduled() -> None:
    """Every minute (a worker periodic job): pages and snippets whose go-live time has come are
    published and expired ones unpublished, by the same code (and signals, so the page cache is
    purged) as an editor's publish."""
    with only_one_worker("publish_scheduled") as mine:
        if mine:
            call_command("publish_scheduled", stdout=io.StringIO())
