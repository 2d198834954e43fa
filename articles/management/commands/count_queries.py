"""`manage.py count_queries`: SQL queries per uncached request of each kind of page."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.listing import ARTICLES_PER_PAGE
from articles.models import ArticlePage, Author, City


class Command(BaseCommand):
    help = "Print the SQL queries one uncached request of each page type costs (page cache off)."

    def handle(self, *args, **options):
        settings.PAGE_CACHE_SECONDS = 0
        article = ArticlePage.objects.listed().first()
        author, city = Author.objects.first(), City.objects.first()
        live = ArticlePage.objects.live().count()
        last_page = max(1, -(-ArticlePage.objects.listed().count() // ARTICLES_PER_PAGE))
        urls = {
            "article": article.url,
            "home": "/",
            "blog listing": "/blog/",
            "blog listing, last page": f"/blog/?page={last_page}",
            "feed": "/blog/feed/",
            "sitemap": "/sitemap.xml",
            "author page": author.get_absolute_url(),
            "city page": city.get_absolute_url(),
            "search": "/search/?q=backend",
        }
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0], HTTP_X_FORWARDED_PROTO="https")
        for name, url in urls.items():
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            self.stdout.write(f"{live}\t{name}\t{len(queries)}\t{status}")
