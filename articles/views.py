"""Ways into the articles besides /blog/: search, author, city and topic pages, robots.txt."""

import re

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from taggit.models import Tag

from pagecache import tags

from .listing import paginate
from .pages import COVER_RELATED, COVER_RENDITIONS, ArticlePage
from .site_url import absolute
from .snippets import Author, City

SEARCH_MAX_CHARS = 200
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
NOT_A_WORD = re.compile(r"[^\w\s]")


class ArticleListView(TemplateView):
    """A paginated list of live articles under a heading; subclasses say which articles."""

    template_name = "articles/article_list.html"

    def articles(self) -> QuerySet:
        return ArticlePage.objects.listed()

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["articles"] = paginate(self.request, self.articles())
        tags.shows(self.request, ArticlePage)
        return context


class AuthorArticlesView(ArticleListView):
    template_name = "articles/author_page.html"

    def get_context_data(self, **kwargs) -> dict:
        self.author = get_object_or_404(Author.objects.select_related("photo"), slug=kwargs["slug"])
        tags.shows(self.request, self.author)
        return super().get_context_data(author=self.author, **kwargs)

    def articles(self) -> QuerySet:
        return super().articles().filter(author=self.author)


class CityArticlesView(ArticleListView):
    def get_context_data(self, **kwargs) -> dict:
        self.city = get_object_or_404(City, slug=kwargs["slug"])
        tags.shows(self.request, self.city)
        country = f", {self.city.country}" if self.city.country else ""
        return super().get_context_data(
            heading=_("Articles on %(city)s") % {"city": self.city.name},
            intro=_("Hiring backend engineers in %(city)s%(country)s.")
            % {"city": self.city.name, "country": country},
            feed_url=reverse("city_feed", args=(self.city.slug,)),
            **kwargs,
        )

    def articles(self) -> QuerySet:
        return super().articles().filter(city=self.city)


class TopicArticlesView(ArticleListView):
    def get_context_data(self, **kwargs) -> dict:
        self.topic = get_object_or_404(Tag, slug=kwargs["slug"])
        return super().get_context_data(
            heading=_("Articles about %(topic)s") % {"topic": self.topic.name}, **kwargs
        )

    def articles(self) -> QuerySet:
        return super().articles().filter(topics=self.topic)


def clean_query(raw: str) -> str:
    """What we search for: no control characters (NUL included), collapsed, bounded."""
    return " ".join(CONTROL_CHARS.sub(" ", raw).split())[:SEARCH_MAX_CHARS]


def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over live articles: title, intro, body, author and city."""
    query = clean_query(request.GET.get("q", ""))
    # Backends read operators and quotes in their own syntax; readers search for words.
    terms = " ".join(NOT_A_WORD.sub(" ", query).split())
    results = None
    if terms:
        live = (
            ArticlePage.objects.live()
            .public()
            .select_related("author", "city", *COVER_RELATED)
            .prefetch_related(*COVER_RENDITIONS)
        )
        results = paginate(request, live.search(terms, operator="and"))
    return render(request, "articles/search.html", {"query": query, "articles": results})


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /contact/thanks/",
        "Disallow: /go/",
        f"Sitemap: {absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
