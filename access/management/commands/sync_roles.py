"""`manage.py sync_roles`: the groups made to hold exactly what settings.ROLES declares."""

from django.core.management.base import BaseCommand

from access.roles import sync


class Command(BaseCommand):
    help = "Give the Editors, Moderators and Sales groups exactly what settings.ROLES declares."

    def handle(self, *args, **options) -> None:
        changes = sync()
        self.stdout.write("; ".join(changes) if changes else "Roles already as declared.")
