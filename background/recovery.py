"""Jobs whose worker died are run again within a minute.

django-tasks-db marks a job RUNNING with the claiming worker's id and has no way to notice that
worker dying. Every worker process beats (`WorkerBeat`) every WORKER_BEAT_SECONDS under an id of
its own, a new one each time its loop restarts (after a database outage the job it was running
never finished either); a job RUNNING for longer than WORKER_STALE_SECONDS whose worker has not
beaten for that long goes back to READY (a job just claimed by a worker not yet heard from is
left alone). Jobs are written to be run twice safely (at least once; see the README).
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerBeat

logger = logging.getLogger(__name__)
FORGET_AFTER = timedelta(days=1)


def new_worker_id() -> str:
    """Host, process and a random part: unique per start, at most 64 characters."""
    return f"{socket.gethostname()[:32]}-{os.getpid()}-{get_random_string(8)}"


def beat(worker_id: str) -> None:
    WorkerBeat.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": timezone.now()})


def recover_orphans() -> int:
    """Put the jobs of workers gone quiet back in the queue; returns how many."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.WORKER_STALE_SECONDS)
    alive = set(WorkerBeat.objects.filter(seen_at__gte=stale).values_list("worker_id", flat=True))
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=stale)
    orphans = [
        job.pk
        for job in running.only("worker_ids")
        if not job.worker_ids or job.worker_ids[-1] not in alive
    ]
    if orphans:
        DBTaskResult.objects.filter(pk__in=orphans, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None, run_after=now
        )
        logger.warning("Re-queued %s job(s) whose worker stopped answering", len(orphans))
    WorkerBeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    return len(orphans)


class Heartbeat:
    """The worker's beat thread: beats under the current id and recovers orphans."""

    def __init__(self) -> None:
        self.worker_id = new_worker_id()

    def restart(self) -> None:
        """A fresh id for a restarted loop: the old id's running job is an orphan now."""
        self.worker_id = new_worker_id()

    def loop(self) -> None:
        while True:
            try:
                beat(self.worker_id)
                recover_orphans()
            except DatabaseError as error:  # the worker's own loop waits the outage out
                logger.info("Heartbeat skipped (%s)", type(error).__name__)
            finally:
                close_old_connections()
            time.sleep(settings.WORKER_BEAT_SECONDS)

    def start(self) -> "Heartbeat":
        threading.Thread(target=self.loop, name="worker-heartbeat", daemon=True).start()
        return self
