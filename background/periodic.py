"""Jobs the worker runs every minute: django-tasks has no scheduler of its own.

Each job is a dotted path in `settings.WORKER_PERIODIC_JOBS`; it must be idempotent, since every
worker process runs it.
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def run_periodic_jobs() -> None:
    """Run each periodic job once; one failing job never stops the others."""
    for path in settings.WORKER_PERIODIC_JOBS:
        close_old_connections()
        try:
            import_string(path)()
        except Exception:
            logger.exception("Periodic job %s failed", path)
    close_old_connections()


def start(interval: float, stop: threading.Event) -> threading.Thread:
    """Run the periodic jobs now and then every `interval` seconds until `stop` is set."""

    def loop() -> None:
        while not stop.is_set():
            run_periodic_jobs()
            stop.wait(interval)

    thread = threading.Thread(target=loop, name="periodic-jobs", daemon=True)
    thread.start()
    return thread
