"""A purge the edge did not confirm is retried by the worker until it does, and every purge is
repeated once a moment later, for a render that began before the change committed and was
stored after the first purge."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import purge

RETRY_SECONDS = 5
REPEAT_AFTER_SECONDS = 3
GIVE_UP_AFTER = 24 * 60 * 60 // RETRY_SECONDS  # a day: by then grace has run out everywhere


def later(seconds: float):
    return purge_edge.using(run_after=timezone.now() + timedelta(seconds=seconds))


@task(backend="background")
def purge_edge(keys: list[str], hard: bool = False, attempt: int = 1, repeat: bool = False) -> str:
    if purge.send(set(keys), hard):
        if repeat:
            later(REPEAT_AFTER_SECONDS).enqueue(keys, hard)
        return "purged"
    if attempt >= GIVE_UP_AFTER:
        return "given up: every copy has expired by now"
    later(RETRY_SECONDS).enqueue(keys, hard, attempt + 1, repeat)
    return "retry queued"
