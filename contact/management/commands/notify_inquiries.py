"""`manage.py notify_inquiries`: queue again every lead e-mail not yet sent, given-up ones too."""

from django.core.management.base import BaseCommand

from contact.notifications import retry_all


class Command(BaseCommand):
    help = (
        "Queue the sales e-mail again for every inquiry not yet notified (for instance after the "
        "mail settings were fixed); the worker sends them."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{retry_all()} lead e-mail(s) queued for the worker")
