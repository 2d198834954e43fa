"""An invalidation made while Redis was unreachable is queued (in PostgreSQL) and retried by the
worker until Redis answers, so no publish is lost to a Redis blip."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import store

RETRY_SECONDS = 5
GIVE_UP_AFTER = 24 * 60 * 60 // RETRY_SECONDS  # a day: by then every stored page has expired


@task(backend="background")
def clear_page_cache(attempt: int = 1) -> str:
    if store.clear():
        return "cleared"
    if attempt >= GIVE_UP_AFTER:
        return "given up: every cached page has expired by now"
    later = timezone.now() + timedelta(seconds=RETRY_SECONDS)
    clear_page_cache.using(run_after=later).enqueue(attempt + 1)
    return "retry queued"
