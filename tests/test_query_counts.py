"""Uncached pages cost a fixed number of SQL queries, whatever the number of articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from articles.sample import add_articles

ARTICLE_MAX_QUERIES = 12
LISTING_MAX_QUERIES = 12
DISCOVERY_URLS = [
    "/blog/feed/",
    "/blog/feed/atom/",
    "/cities/helsinki/feed/",
    "/sitemap.xml",
    "/authors/eric-hanson/",
    "/cities/helsinki/",
    "/topics/hiring/",
    "/search/?q=backend",
]


def queries_for(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types), as a running server has them
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_article_and_listings_cost_the_same_with_5_and_200_articles(
    client, article, blog, django_assert_max_num_queries
):
    urls = [article.url, "/blog/", "/blog/?page=2", "/", *DISCOVERY_URLS]
    # With the 5 launch articles (page 2 exists only later: measure it after growing).
    with django_assert_max_num_queries(ARTICLE_MAX_QUERIES):
        client.get(article.url)
    small = {url: queries_for(client, url) for url in urls if url != "/blog/?page=2"}

    add_articles(blog, 195, city=article.city, author=article.author)
    assert ArticlePage.objects.live().count() == 200  # 20 pages of listing, a sitemap of 200

    with django_assert_max_num_queries(ARTICLE_MAX_QUERIES):
        client.get(article.url)
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        client.get("/blog/?page=20")
    large = {url: queries_for(client, url) for url in urls}

    assert {url: large[url] for url in small} == small
    # (The generated articles have no drawn cover, so page 2 may skip the renditions query.)
    assert large["/blog/?page=2"] <= large["/blog/"]
    assert max(large.values()) <= LISTING_MAX_QUERIES, large
