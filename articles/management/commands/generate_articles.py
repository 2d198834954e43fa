"""`manage.py generate_articles N`: add N sample articles (for benchmarks and load tests only)."""

from django.core.management.base import BaseCommand, CommandError

from articles.models import ArticlePage, Author, City
from articles.sample import add_articles
from articles.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Add N live sample articles under /blog/, spread over the existing authors and cities."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)

    def handle(self, *args, count: int, **options):
        if count < 1:
            raise CommandError("count must be at least 1")
        blog = ensure_site_tree()
        authors, cities = list(Author.objects.all()) or [None], list(City.objects.all()) or [None]
        for number in range(count):
            add_articles(
                blog, 1, author=authors[number % len(authors)], city=cities[number % len(cities)]
            )
        self.stdout.write(f"{count} article(s) added; {ArticlePage.objects.live().count()} live")
