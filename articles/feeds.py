"""RSS and Atom feeds of the articles, for feed readers and aggregators."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from pagecache import tags

from .pages import ArticlePage
from .site_url import absolute
from .snippets import City

FEED_SIZE = 50


class ArticlesFeed(Feed):
    """The newest articles (a bounded window, as feed readers expect), newest first."""

    description = _("Field notes on hiring backend engineers and async backend contracting.")
    url_name = "feed"

    def title(self, obj=None) -> str:
        return f"{settings.WAGTAIL_SITE_NAME}: articles"

    # Absolute links from the Site record (Django would prefix the request's Host header).
    def link(self, obj=None) -> str:
        return absolute("/blog/")

    def feed_url(self, obj=None) -> str:
        return absolute(reverse(self.url_name, args=(obj.slug,) if obj else ()))

    def __call__(self, request, *args, **kwargs):
        tags.shows(request, ArticlePage)  # any article's publish may change the feed
        return super().__call__(request, *args, **kwargs)

    def articles(self, obj) -> QuerySet:
        return ArticlePage.objects.listed()

    def items(self, obj=None) -> list[ArticlePage]:
        return list(self.articles(obj)[:FEED_SIZE])

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.intro

    def item_link(self, item: ArticlePage) -> str:
        return absolute(item.url)

    def item_author_name(self, item: ArticlePage) -> str | None:
        return item.author.name if item.author else None

    def item_pubdate(self, item: ArticlePage) -> datetime:
        return datetime.combine(item.date, time.min, tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item: ArticlePage) -> datetime | None:
        return item.last_published_at

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [item.city.name] if item.city else []


class AtomArticlesFeed(ArticlesFeed):
    feed_type = Atom1Feed
    url_name = "atom_feed"
    subtitle = ArticlesFeed.description


class CityFeed(ArticlesFeed):
    """The articles on one city."""

    url_name = "city_feed"

    def get_object(self, request, slug: str) -> City:
        city = get_object_or_404(City, slug=slug)
        tags.shows(request, city)
        return city

    def title(self, obj: City) -> str:
        return f"{settings.WAGTAIL_SITE_NAME}: articles on {obj.name}"

    def link(self, obj: City) -> str:
        return absolute(reverse("city", args=(obj.slug,)))

    def articles(self, obj: City) -> QuerySet:
        return super().articles(obj).filter(city=obj)
