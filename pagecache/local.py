"""This process's copy of the page cache's recent answers, so a hit needs no Redis round trip.

What a lookup read from Redis (the stamp parts and the stored page) is kept here and reused only
while this process is sure nothing it copied has changed since. Every change to those keys is
announced on a Redis channel (`announce`), and a thread of each process listens:

- an announced key is dropped from every process's copy, and "*" (a stamp was bumped: publish,
  unpublish, a snippet, …) empties it; the announcing process applies it to its own copy at once,
  the others as soon as Redis delivers it (well under a millisecond here);
- the copy is trusted only under a *lease*: the listener pings Redis every PING_SECONDS and each
  answer renews the lease for LEASE_SECONDS. A Redis that is down, hung or cut off stops the
  answers, so within LEASE_SECONDS every lookup goes back to Redis (and finds the outage); a
  connection left unanswered for twice that is given up and made again;
- whatever may have been missed (the lease lapsed, the connection was re-made) empties the copy
  before it is trusted again, and a lookup that read Redis while a change arrived keeps nothing
  (the *epoch* moved on).

PAGE_CACHE_LOCAL_ENTRIES bounds the copy (the oldest go first); 0, or a page cache that is not
Redis, turns it off.
"""

import logging
import os
import threading
import time
from collections import deque

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)
ALIAS = "pages"  # the page cache's cache alias
CHANNEL = "pagecache:changes"
EVERYTHING = "*"
PING_SECONDS = 0.5
LEASE_SECONDS = 1.5
RETRY_SECONDS = 1.0


class LocalCopy:
    """One process's copy for one Redis server, with the thread that keeps it honest."""

    def __init__(self, identity: tuple, client, limit: int):
        self.identity, self.client, self.limit = identity, client, limit
        self.found: dict[str, tuple[dict, float]] = {}  # key → (what the lookup read, expiry)
        self.epoch = 0
        self.lease = 0.0  # monotonic time until which the copy may be trusted
        self.stopped = False
        self.lock = threading.Lock()
        threading.Thread(target=self.listen, name="pagecache-listener", daemon=True).start()

    def trusted(self) -> bool:
        return time.monotonic() < self.lease

    def get(self, key: str) -> dict | None:
        """What a lookup of `key` would read from Redis now, if this process knows it."""
        if not self.trusted():
            return None
        held = self.found.get(key)
        if held is None or time.time() >= held[1]:
            return None
        return held[0]

    def token(self) -> int | None:
        """Taken before reading Redis: `keep` accepts the read only if nothing changed since."""
        return self.epoch if self.trusted() else None

    def keep(self, key: str, found: dict, token: int, expires: float) -> None:
        with self.lock:
            if token != self.epoch or not self.trusted():
                return
            if key not in self.found and len(self.found) >= self.limit:
                del self.found[next(iter(self.found))]  # the oldest copied page
            self.found[key] = (found, expires)

    def changed(self, what: str) -> None:
        """A key changed (or, for "*", anything may have): forget it."""
        with self.lock:
            self.epoch += 1
            if what == EVERYTHING:
                self.found.clear()
            else:
                self.found.pop(what, None)

    def heard(self, pinged: float) -> None:
        """Redis answered a ping sent at `pinged`, so every change announced before it has been
        applied: renew the lease from then; after a lapse, start from an empty copy."""
        if not self.trusted():
            self.changed(EVERYTHING)
        self.lease = pinged + LEASE_SECONDS

    def distrust(self) -> None:
        self.lease = 0.0
        self.changed(EVERYTHING)

    def listen(self) -> None:
        """Subscribe, ping, apply what is announced; on any failure start over, untrusted."""
        while not self.stopped:
            pubsub = self.client.pubsub()
            try:
                pubsub.subscribe(channel(self.client))
                pings: deque[float] = deque()  # when each unanswered ping was sent
                pinged = 0.0
                while not self.stopped:
                    if pings and time.monotonic() - pings[0] > 2 * LEASE_SECONDS:
                        raise TimeoutError("no answer")  # hung: connect afresh
                    if (wait := pinged + PING_SECONDS - time.monotonic()) <= 0:
                        pinged = time.monotonic()
                        pings.append(pinged)
                        pubsub.ping()
                        wait = PING_SECONDS
                    message = pubsub.get_message(timeout=wait)
                    if message is not None:
                        self.receive(message, pings)
            except Exception as error:  # down, hung or cut off: untrusted until it answers
                logger.debug("Page cache listener: %s", type(error).__name__)
            finally:
                self.distrust()
                pubsub.close()
            time.sleep(RETRY_SECONDS)

    def receive(self, message: dict, pings: deque) -> None:
        kind = message["type"]
        if kind == "subscribe":  # (again, after a reconnection): anything may have been missed
            self.changed(EVERYTHING)
        elif kind == "message":
            self.changed(message["data"].decode())
        elif kind == "pong" and pings:
            self.heard(pings.popleft())


_copy: LocalCopy | None = None
_copy_lock = threading.Lock()


def copy() -> LocalCopy | None:
    """This process's copy for the page cache's Redis, started on first use (after a fork)."""
    global _copy
    limit = settings.PAGE_CACHE_LOCAL_ENTRIES
    cache = caches[ALIAS]
    if limit <= 0 or not hasattr(cache, "client"):
        return None
    identity = (os.getpid(), str(settings.CACHES[ALIAS].get("LOCATION")), limit)
    if _copy is not None and _copy.identity == identity:
        return _copy
    with _copy_lock:
        if _copy is None or _copy.identity != identity:
            if _copy is not None:
                _copy.stopped = True
            _copy = LocalCopy(identity, cache.client.get_client(write=True), limit)
        return _copy


def channel(client) -> str:
    """One channel per Redis database: sites sharing a server do not empty each other's copies."""
    return f"{CHANNEL}:{client.connection_pool.connection_kwargs.get('db', 0)}"


def forget() -> None:
    """Empty this process's copy (an outage began; tests emptied Redis)."""
    if _copy is not None:
        _copy.changed(EVERYTHING)


def announce(what: str) -> None:
    """Tell every process that `what` (a key, or "*") changed; this one forgets it at once.
    Raises when Redis does not answer, as the change itself would have."""
    if _copy is not None:
        _copy.changed(what)
    cache = caches[ALIAS]
    if hasattr(cache, "client"):
        client = cache.client.get_client(write=True)
        client.publish(channel(client), what)
