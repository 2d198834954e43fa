from django.db import models


class WorkerBeat(models.Model):
    """A worker process says it is alive every few seconds; a job still marked running under a
    worker that has gone quiet (killed, its machine gone, its database cut mid-job) is run
    again rather than waiting forever."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id
