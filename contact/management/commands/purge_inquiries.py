"""`manage.py purge_inquiries --older-than DAYS [--delete]`: privacy retention for old leads."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from contact.models import Inquiry, UnmatchedMail


class Command(BaseCommand):
    help = "Delete inquiries older than DAYS. Shows what it would delete unless --delete is given."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, required=True, metavar="DAYS")
        parser.add_argument(
            "--delete", action="store_true", help="really delete (default: dry run)"
        )

    def handle(self, *args, older_than: int, delete: bool, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day")
        cutoff = timezone.now() - timedelta(days=older_than)
        old = Inquiry.objects.filter(created_at__lt=cutoff)
        count = old.count()
        if not delete:
            self.stdout.write(f"Dry run: {count} inquiry(ies) received before {cutoff:%Y-%m-%d} "
                              "would be deleted; add --delete to delete them.")  # fmt: skip
            return
        with transaction.atomic():
            old.delete()  # with each lead's timeline, e-mails, files and task rows (retention.py)
            UnmatchedMail.objects.filter(received_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {count} inquiry(ies) received before {cutoff:%Y-%m-%d}, with their "
            "timelines, e-mails, files and background-task records (and unmatched mail as old)."
        )
