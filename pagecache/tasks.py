"""A purge the edge did not confirm is retried by the worker until it does, and every purge is
repeated once a moment later, for a render that began before the change committed and was
stored after the first purge."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import purge, tags

RETRY_SECONDS = 5
REPEAT_AFTER_SECONDS = 3
GIVE_UP_AFTER = 24 * 60 * 60 // RETRY_SECONDS  # a day: by then grace has run out everywhere


def later(seconds: float):
    return purge_edge.using(run_after=timezone.now() + timedelta(seconds=seconds))


@task(backend="background")
def purge_edge(keys: list[str], hard: bool = False, attempt: int = 1, repeat: bool = False) -> str:
    if purge.send(set(keys), hard) is not None:
        if repeat:
            later(REPEAT_AFTER_SECONDS).enqueue(keys, hard)
        return "purged"
    if attempt >= GIVE_UP_AFTER:
        return "given up: every copy has expired by now"
    later(RETRY_SECONDS).enqueue(keys, hard, attempt + 1, repeat)
    return "retry queued"


@task(backend="background")
def renew_spread(keys: list[str], bucket: int = 0, attempt: int = 1) -> str:
    """Soft-purge one bucket of these keys, then the next once the edge has renewed what this
    one marked at EDGE_RENEWALS_PER_SECOND: the renders a change causes stay at that rate
    however many pages show it (at least EDGE_SPREAD_SECONDS for all the buckets)."""
    marked = purge.send({f"{key}:{bucket}" for key in keys})
    if marked is None:
        if attempt >= GIVE_UP_AFTER:
            return "given up: every copy has expired by now"
        _renew_after(RETRY_SECONDS, keys, bucket, attempt + 1)
        return "retry queued"
    if bucket + 1 < tags.BUCKETS:
        gap = max(
            settings.EDGE_SPREAD_SECONDS / tags.BUCKETS, marked / settings.EDGE_RENEWALS_PER_SECOND
        )
        _renew_after(gap, keys, bucket + 1)
    return f"bucket {bucket}: {marked} marked"


def _renew_after(seconds: float, keys: list[str], bucket: int, attempt: int = 1) -> None:
    when = timezone.now() + timedelta(seconds=seconds)
    renew_spread.using(run_after=when).enqueue(keys, bucket, attempt)
