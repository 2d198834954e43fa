"""`manage.py worker`: the one background process (`make worker`).

It is django-tasks-db's `db_worker` for every queue, plus the periodic jobs, and it outlives a
database outage: queued jobs wait in PostgreSQL and run once the database answers again.
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from background import periodic
from background.recovery import Heartbeat

logger = logging.getLogger(__name__)
OUTAGE_PAUSE_SECONDS = 5


class Command(db_worker.Command):
    help = "Run queued background jobs (lead e-mail, …) and the every-minute jobs."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", backend_name="background")
        parser.add_argument(
            "--no-periodic", action="store_false", dest="run_periodic",
            help="Only run queued jobs, not the every-minute ones.",
        )  # fmt: skip

    def handle(self, *args, run_periodic: bool = True, **options) -> None:
        reloading_parent = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if run_periodic and not options.get("batch") and not reloading_parent:
            periodic.start(settings.WORKER_PERIODIC_SECONDS, threading.Event())
        heartbeat = Heartbeat()
        if not options.get("batch") and not reloading_parent:
            heartbeat.start()  # a job left running by a dead worker is run again
        while True:
            options["worker_id"] = heartbeat.worker_id
            try:
                return super().handle(*args, **options)
            except DatabaseError as error:
                heartbeat.restart()  # the job this loop was running will never finish
                if options.get("batch"):
                    raise
                # The queue lives in the database: wait for it rather than exit.
                logger.warning(
                    "Database unavailable (%s); retrying in %ss",
                    type(error).__name__, OUTAGE_PAUSE_SECONDS,
                )  # fmt: skip
                close_old_connections()
                time.sleep(OUTAGE_PAUSE_SECONDS)
