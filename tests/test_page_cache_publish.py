"""Publishing an article: it and every listing are fresh at once; other articles, which may show
it only as a related card, keep their stored copy for a short window and are then rebuilt once."""

import threading
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.utils import timezone

from articles.models import ArticlePage
from articles.related import related_articles
from pagecache import store
from tests.factories import add_articles
from tests.test_page_cache import page_cache, warm  # noqa: F401 (autouse fixture)

LISTINGS = ["/", "/blog/", "/blog/feed/", "/blog/feed/atom/", "/sitemap.xml",
            "/cities/helsinki/", "/authors/arif-ikhsanudin/", "/search/?q=helsinki"]  # fmt: skip
DAY = timedelta(days=1)
NEW_TITLE = "Helsinki Has 600,000 People, and a Fresh Headline"


def live_for_a_while(page: ArticlePage) -> ArticlePage:
    """The launch articles were imported moments ago; make this one an established article."""
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=timezone.now() - DAY)
    page.refresh_from_db()
    return page


@pytest.fixture
def published(client, article):
    """Everything warm, then the other Helsinki article is republished with a new title."""
    other = live_for_a_while(ArticlePage.objects.live().get(title__startswith="Helsinki Has 600"))
    for url in [article.url, other.url, *LISTINGS]:
        warm(client, url)
    other.title = NEW_TITLE
    other.save_revision().publish()
    return other


@pytest.fixture
def window_passed(settings):
    """As if every page's moment in the related-card window had come."""

    def passed() -> None:
        settings.PAGE_CACHE_RELATED_LAG = 0

    return passed


@pytest.mark.django_db
def test_the_published_article_and_every_listing_are_fresh_at_once(client, published):
    for url in [published.url, *LISTINGS]:
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
        if url != "/sitemap.xml":  # the sitemap lists addresses, not titles
            assert "Fresh Headline" in response.text, url


@pytest.mark.django_db
def test_other_articles_keep_their_copy_for_the_window_then_rebuild_once(
    client, article, published, window_passed
):
    stale = client.get(article.url)
    assert stale["X-Cache"] == "HIT", "a related card may lag: no rebuild stampede"
    window_passed()
    rebuilt = client.get(article.url)
    assert rebuilt["X-Cache"] == "MISS" and NEW_TITLE in rebuilt.text
    assert client.get(article.url)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_while_one_request_rebuilds_a_page_the_others_get_the_stored_copy(
    client, article, published, window_passed
):
    window_passed()
    key = store.key_for(RequestFactory().get(article.url).META)
    assert caches[store.ALIAS].add(f"{key}:rebuild", 1, timeout=30), "another request rebuilds"
    waiting = client.get(article.url)
    assert waiting["X-Cache"] == "HIT" and NEW_TITLE not in waiting.text


@pytest.mark.django_db
def test_pages_that_do_not_show_the_updated_article_are_never_rebuilt(
    client, blog, article, window_passed
):
    others = add_articles(blog, 8, city=None)
    quiet = next(page for page in others if article.pk not in {
        card.pk for card in related_articles(page)
    })  # fmt: skip
    warm(client, quiet.url)
    article = live_for_a_while(article)
    article.title = "Why Finnish Startups, updated"
    article.save_revision().publish()
    window_passed()
    for _ in range(3):
        assert client.get(quiet.url)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_new_article_may_appear_in_any_related_list_so_every_article_follows(
    client, blog, article, window_passed
):
    warm(client, article.url)
    [new] = add_articles(blog, 1, city=article.city, author=article.author)
    new.save_revision().publish()
    assert client.get(article.url)["X-Cache"] == "HIT", "within the window"
    window_passed()
    assert client.get(article.url)["X-Cache"] == "MISS"


def test_a_reader_who_renders_while_the_publish_commits_leaves_no_stale_copy(launch_state):
    """The cache is invalidated inside the publish's transaction; a reader who renders in that
    moment sees the old (still committed) article and stores it. Invalidating again at commit
    means the next reader gets the new version, not that copy."""
    article = live_for_a_while(ArticlePage.objects.live().get(title__startswith="Helsinki Has 600"))
    url = article.url
    in_flight = {}

    def reader() -> None:  # another connection: sees only what is committed
        in_flight["text"] = Client().get(url).text
        connection.close()

    with transaction.atomic():
        article.title = NEW_TITLE
        article.save_revision().publish()
        thread = threading.Thread(target=reader)
        thread.start()
        thread.join(30)
    assert "Fresh Headline" not in in_flight["text"], "the reader rendered the old version"
    assert "Fresh Headline" in Client().get(url).text
