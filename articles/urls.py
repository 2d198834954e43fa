"""Reader URLs that are not Wagtail pages: search, taxonomy pages, feeds, sitemap, robots.txt."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from pagecache import tags

from . import views
from .feeds import ArticlesFeed, AtomArticlesFeed, CityFeed
from .pages import ArticlePage
from .seo import PageSitemap, TaxonomySitemap

SITEMAPS = {"pages": PageSitemap, "taxonomy": TaxonomySitemap}

urlpatterns = [
    path("search/", views.search, name="search"),
    path("authors/<slug:slug>/", views.AuthorArticlesView.as_view(), name="author"),
    path("cities/<slug:slug>/", views.CityArticlesView.as_view(), name="city"),
    path("cities/<slug:slug>/feed/", CityFeed(), name="city_feed"),
    path("topics/<slug:slug>/", views.TopicArticlesView.as_view(), name="topic"),
    path("blog/feed/", ArticlesFeed(), name="feed"),
    path("blog/feed/atom/", AtomArticlesFeed(), name="atom_feed"),
    path(
        "sitemap.xml", tags.listing_of(ArticlePage)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
