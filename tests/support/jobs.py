"""Queued background jobs, run in the test's own process with the worker's code."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_jobs() -> None:
    """Run every queued job that is due, now, in this process, with the worker's own code.

    (The worker's loop itself closes the connection between jobs, which would end the test's
    transaction; tests that need the real process start `manage.py worker`.)
    """
    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="background",
        startup_delay=False, max_tasks=None, worker_id="test", excluded_queue_names=[],
    )  # fmt: skip
    while job := DBTaskResult.objects.ready().filter(backend_name="background").get_locked():
        job.claim(worker.worker_id)
        worker.run_task(job)
