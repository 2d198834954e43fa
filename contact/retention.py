"""Deleting a lead deletes everything that holds its personal data, wherever it is deleted from
(`purge_inquiries --delete`, the admin): its timeline and history entries (Wagtail log entries,
which Site history lists and which carry the company, notes and values) and the background-task
rows whose arguments name it (their results and errors can quote its address)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from .confirmation import send_confirmation
from .models import Inquiry
from .notifications import send_assignment_email, send_lead_email

# The background tasks whose first argument is a lead's id.
LEAD_TASKS = [
    task.module_path for task in (send_lead_email, send_assignment_email, send_confirmation)
]


def forget(inquiry_id: int) -> None:
    """Remove what outlives the lead's own row."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Inquiry), object_id=str(inquiry_id)
    ).delete()
    DBTaskResult.objects.filter(task_path__in=LEAD_TASKS, args_kwargs__args__0=inquiry_id).delete()


def lead_deleted(sender, instance: Inquiry, **kwargs) -> None:
    """post_delete: now, and again at commit, since Wagtail logs a deletion just before it."""
    forget(instance.pk)
    transaction.on_commit(lambda: forget(instance.pk))


def file_deleted(sender, instance, **kwargs) -> None:
    """post_delete of a lead's attachment or an unmatched mail: its file goes with it (once the
    deletion commits, so a rolled-back delete keeps it)."""
    field = instance.file if hasattr(instance, "file") else instance.raw
    transaction.on_commit(lambda: field.delete(save=False))
