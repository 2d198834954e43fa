"""`manage.py notify_inquiries`: send the lead e-mails that failed before (run it from cron)."""

from django.core.management.base import BaseCommand, CommandError

from contact.notifications import notify_sales, pending


class Command(BaseCommand):
    help = "Retry the sales e-mail for every inquiry not yet notified; exits 1 if any still fail."

    def handle(self, *args, **options):
        ids = list(pending().values_list("pk", flat=True))
        failed = [pk for pk in ids if not notify_sales(pk)]
        if failed:
            raise CommandError(f"{len(failed)} of {len(ids)} lead e-mail(s) still not sent")
        self.stdout.write(f"{len(ids)} lead e-mail(s) sent")
