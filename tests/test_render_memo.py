"""What every render reads is kept per process until the content changes (pagecache/memo.py):
cheaper renders, and an editor's change still shows on the very next one."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from articles.models import ArticlePage, CallToAction, StoredRelated
from articles.related import refresh_all
from pagecache import memo
from tests.support.builders import OfficeFactory

pytestmark = pytest.mark.django_db


def tables_read(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"].split(" FROM ", 1)[1].split()[0].strip('"') for query in captured]


def another_article(article: ArticlePage) -> ArticlePage:
    return ArticlePage.objects.live().exclude(pk=article.pk).first()


def test_a_second_render_reads_only_the_article_itself(client, article, shared_redis):
    refresh_all()
    first = tables_read(client, article.url)
    other = tables_read(client, another_article(article).url)
    shared = {"wagtailcore_site", "articles_calltoaction", "articles_office"}
    assert shared <= set(first)
    assert not shared & set(other), other
    assert "wagtailcore_pageviewrestriction" not in other
    again = tables_read(client, article.url)  # its cards are kept too
    assert len(again) <= 3, again  # the article (routed in one query), its cover, its topics


def test_without_a_shared_cache_nothing_is_kept(client, article):
    """On a process's own memory (make run: the worker publishes in another process)."""
    client.get(article.url)
    assert "articles_calltoaction" in tables_read(client, another_article(article).url)


def test_a_published_call_to_action_shows_on_the_next_render(client, article, shared_redis):
    client.get(article.url)
    cta = CallToAction.default()
    cta.heading = "A brand new pitch"
    cta.save_revision().publish()
    assert "A brand new pitch" in client.get(article.url).content.decode()


def test_an_office_added_shows_on_the_next_render(client, article, shared_redis):
    client.get(article.url)
    OfficeFactory(city="Tampere", street="Hämeenkatu 1", country="Finland", live=True)
    assert "Hämeenkatu 1" in client.get(article.url).content.decode()


def test_a_change_made_by_another_process_shows_once_it_renews_the_token(
    client, article, shared_redis
):
    client.get(article.url)
    CallToAction.objects.filter(pk=CallToAction.default().pk).update(heading="From elsewhere")
    assert "From elsewhere" not in client.get(article.url).content.decode(), "kept: no signal"
    cache.set(memo.TOKEN_KEY, "another process published")
    assert "From elsewhere" in client.get(article.url).content.decode()


def test_a_flushed_cache_drops_the_copies(client, article, shared_redis):
    client.get(article.url)
    CallToAction.objects.filter(pk=CallToAction.default().pk).update(heading="After a flush")
    cache.clear()
    assert "After a flush" in client.get(article.url).content.decode()


def test_a_private_article_is_private_on_the_next_request(client, article, shared_redis):
    client.get(article.url)
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    response = client.get(article.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert client.get(article.url).status_code == 200


def test_a_card_unpublished_meanwhile_goes_at_once(client, article, shared_redis):
    refresh_all()
    shown = ArticlePage.objects.get(pk=StoredRelated.objects.get(article=article).ids[0])
    assert shown.url in client.get(article.url).content.decode()
    shown.unpublish()
    assert shown.url not in client.get(article.url).content.decode()


def test_a_site_moved_to_another_address_links_from_there(client, article, shared_redis):
    client.get(article.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "articles.example.com", 443
    site.save()
    assert 'href="https://articles.example.com/' in client.get(article.url).content.decode()


def test_jobs_and_commands_always_read_the_database(shared_redis):
    calls = []
    memo.shared("counted", lambda: calls.append(1))
    memo.shared("counted", lambda: calls.append(1))
    assert len(calls) == 2


def test_with_redis_down_pages_render_from_the_database(client, article, settings):
    from pagecache.redis_client import reset_outage
    from tests.support.run_redis import redis_caches

    settings.CACHES = redis_caches("redis://127.0.0.1:9/0")  # nothing listens on port 9
    try:
        client.get(article.url)
        assert "articles_calltoaction" in tables_read(client, article.url)
    finally:
        reset_outage()
