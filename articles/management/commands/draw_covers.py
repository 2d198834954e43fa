"""`manage.py draw_covers`: draw the missing or outdated covers of live articles (`make setup`)."""

from django.core.management.base import BaseCommand

from articles.covers import GeneratedCover, cover_key, draw_and_show
from articles.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Draw a cover for every live article without a feed image whose cover is missing or "
        "no longer matches its title, city and author. Publishing queues this for the worker."
    )

    def handle(self, *args, **options):
        keys = dict(GeneratedCover.objects.values_list("page_id", "key"))
        pages = ArticlePage.objects.live().filter(feed_image__isnull=True)
        drawn = 0
        for page in pages.select_related("author", "city"):
            if keys.get(page.pk) != cover_key(page):
                drawn += draw_and_show(page)
        self.stdout.write(f"{drawn} cover(s) drawn")
