"""Counting views and clicks without cookies or personal data.

A counted request adds 1 to a field of the day's Redis hash (`performance:<day>`): the field says
what was seen ("v /blog/slug/" a view, "c 12" a call-to-action click on article 12, "f 12" a
contact-form view that came from it). Nothing about the reader is kept: no cookie, address or
user agent. Views are reported by the reader's browser (beacon.py). Each process adds up its
counts in memory and writes them to Redis once a second (PERFORMANCE_FLUSH_SECONDS) in one
pipeline, so a view is counted for the cost of a dictionary increment. Without Redis (a
development machine) the counts go to the database. The worker folds both into daily rows
(folding.py).
"""

import atexit
import logging
import os
import threading
import time
from collections import Counter
from datetime import date
from functools import lru_cache

from crawleruseragents import is_crawler
from django.conf import settings
from django.core.cache import caches
from django.db import models
from django.utils import timezone

from . import sections

logger = logging.getLogger(__name__)
PREFIX = "performance:"
KEEP_SECONDS = 14 * 86400  # unfolded counts outlive a week without a worker
MAX_WAITING = 50_000  # distinct counts kept while Redis is down, then new ones are dropped
VIEW, CLICK, FORM = "v", "c", "f"


def day_key(day: date | None = None) -> str:
    return f"{PREFIX}{(day or timezone.localdate()).isoformat()}"


_today = (0.0, "")  # (until, key): today's key, worked out once a minute rather than per view


def todays_key() -> str:
    global _today
    now = time.monotonic()
    if now >= _today[0]:
        _today = (now + 60 - time.time() % 60, day_key())  # to the next full minute
    return _today[1]


@lru_cache(maxsize=4096)
def is_person(user_agent: str) -> bool:
    """A browser (they all say "Mozilla/") that no maintained crawler pattern matches."""
    return user_agent.startswith("Mozilla/") and not is_crawler(user_agent)


def wanted(environ: dict) -> bool:
    """Readers who ask not to be tracked (DNT, Global Privacy Control) and bots are not counted."""
    if environ.get("HTTP_DNT") == "1" or environ.get("HTTP_SEC_GPC") == "1":
        return False
    return is_person(environ.get("HTTP_USER_AGENT", ""))


def view_field(path: str) -> str | None:
    return f"{VIEW} {path}" if sections.is_counted(path) else None


def count(environ: dict, field: str) -> None:
    if wanted(environ):
        tally.add(field)


def redis():
    """The shared cache's Redis connection, or None where the cache is not Redis."""
    cache = caches["default"]
    return cache.client.get_client(write=True) if hasattr(cache, "client") else None


def write(counts: Counter) -> None:
    """Add (day key, field) → n to Redis in one round trip, or to the database tally."""
    if (connection := redis()) is not None:
        pipeline = connection.pipeline(transaction=False)
        for (key, field), number in counts.items():
            pipeline.hincrby(key, field, number)
        for key in {key for key, _ in counts}:
            pipeline.expire(key, KEEP_SECONDS)
        pipeline.execute()
        return
    from .models import PendingCount

    for (key, field), number in counts.items():
        day = date.fromisoformat(key[len(PREFIX) :])
        row, _ = PendingCount.objects.get_or_create(day=day, field=field)
        PendingCount.objects.filter(pk=row.pk).update(count=models.F("count") + number)


class Tally:
    """This process's counts not yet written. A thread writes them every few seconds; with
    PERFORMANCE_FLUSH_SECONDS = 0 each count is written at once (tests, tools)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.lock = threading.Lock()
        self.pid = 0

    def add(self, field: str) -> None:
        if settings.PERFORMANCE_FLUSH_SECONDS <= 0:
            self.counts[(day_key(), field)] += 1
            self.flush()
            return
        key = todays_key()
        with self.lock:
            if self.pid != os.getpid():  # first count in this (forked) worker process
                self.start()
            if len(self.counts) < MAX_WAITING:
                self.counts[(key, field)] += 1

    def start(self) -> None:
        self.pid, self.counts = os.getpid(), Counter()
        threading.Thread(target=self.loop, name="performance-tally", daemon=True).start()
        atexit.register(self.flush)

    def loop(self) -> None:
        while True:
            time.sleep(settings.PERFORMANCE_FLUSH_SECONDS)
            self.flush()

    def flush(self) -> None:
        with self.lock:
            counts, self.counts = self.counts, Counter()
        if not counts:
            return
        try:
            write(counts)
        except Exception as error:  # Redis or the database down: keep them for the next try
            logger.warning("Counts not written yet (%s)", type(error).__name__)
            with self.lock:
                if len(self.counts) + len(counts) <= MAX_WAITING:
                    self.counts.update(counts)


tally = Tally()
