"""What the application tells the edge: which responses are public and for how long, what each
one shows (its tags), and never anything personal. Also:
the shared cache (Redis) failing never takes the site down."""

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from articles.related import related_articles
from pagecache import redis_client
from tests.support import run_redis
from tests.support.faults import SilentServer, free_port
from tests.support.run_redis import redis_caches


@pytest.fixture(autouse=True)
def public_pages(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def tags_of(response) -> set[str]:
    return set(response.get("xkey", "").split())


def directives(response) -> set[str]:
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d.strip()}


@pytest.mark.django_db
def test_an_article_is_tagged_with_what_it_shows(client, article):
    response = client.get(article.url)
    cards = related_articles(article)
    assert cards, "the launch articles recommend each other"
    expected = {
        f"page-{article.pk}", f"articles.author-{article.author_id}",
        f"articles.city-{article.city_id}", "articles.calltoaction", "articles.office", "site",
        *(f"page-{card.pk}" for card in cards),
    }  # fmt: skip
    assert expected <= tags_of(response)
    assert "articles.articlepage" not in tags_of(response), "a new article does not purge it"
    buckets = {key for key in tags_of(response) if ":" in key}
    pages = {f"page-{article.pk}", *(f"page-{card.pk}" for card in cards)}
    assert {key.split(":")[0] for key in buckets} == {
        "articles.calltoaction", "articles.office", *pages, f"page-{article.pk}-itself",
    }, "spread purges reach shared blocks, cards and the page a bucket at a time"  # fmt: skip
    assert len({key.split(":")[1] for key in buckets}) == 1, "one bucket per page"
    assert {"public", "max-age=0", "s-maxage=3600"} <= directives(response)
    assert "stale-if-error=86400" in response["Surrogate-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/blog/", "/blog/feed/", "/sitemap.xml", "/cities/helsinki/", "/topics/hiring/"]
)
def test_listings_are_tagged_so_any_article_publish_refreshes_them(client, article, path):
    response = client.get(path)
    assert response.status_code == 200 and "articles.articlepage" in tags_of(response), path


@pytest.mark.django_db
def test_personal_pages_and_signed_in_users_are_never_public(client, article):
    for path in ("/contact/", "/contact/thanks/", "/admin/login/"):
        cache_control = directives(client.get(path))
        assert {"private", "no-store"} <= cache_control, path
    client.force_login(User.objects.create_superuser("ed", "ed@example.com", "a-long-pw-123"))
    signed_in = client.get(article.url)
    assert "public" not in directives(signed_in) and "xkey" not in signed_in


@pytest.mark.django_db
def test_only_the_session_cookie_itself_makes_a_page_personal(client, article):
    client.cookies["xsessionid"] = "not-a-session"
    assert "public" in directives(client.get(article.url))
    client.cookies["sessionid"] = "a-session"
    assert "public" not in directives(client.get(article.url))


@pytest.mark.django_db
def test_contact_form_tokens_are_never_shared_between_visitors():
    token = 'name="csrfmiddlewaretoken" value="'
    first, second = (Client().get("/contact/").text.split(token)[1][:20] for _ in range(2))
    assert first != second


@pytest.mark.django_db
def test_a_missing_page_is_kept_only_briefly(client):
    response = client.get("/blog/no-such-article/")
    assert response.status_code == 404 and "s-maxage=10" in directives(response)


@pytest.mark.django_db
def test_site_keeps_serving_when_redis_is_down(client, article, caplog):
    redis_client.reset_outage()
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        for _ in range(2):
            response = client.get(article.url)
            assert response.status_code == 200
            assert '<h1 id="page-title">Why Finnish Startups' in response.text
        assert client.post("/contact/", {"name": "x"}).status_code == 200
    redis_client.reset_outage()
    assert "Rate limit not applied, cache unavailable" in caplog.text


@pytest.mark.django_db
def test_a_hung_redis_is_given_up_on_quickly_and_logged_once(client, article, caplog):
    hung = SilentServer()
    redis_client.reset_outage()
    try:
        with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{hung.port}/0")):
            started = time.monotonic()
            for _ in range(10):
                response = client.get(article.url)
                assert response.status_code == 200 and "Why Finnish Startups" in response.text
            print(f"hung Redis: {(time.monotonic() - started) / 10:.3f} s per request")
            assert not redis_client.available(), "Redis is not even asked meanwhile"
            assert max(run_redis.TIMEOUTS.values()) <= 0.3
    finally:
        hung.close()
        redis_client.reset_outage()
    warnings = [r for r in caplog.records if r.name == "pagecache.redis_client"]
    assert len(warnings) == 1 and "skipping it" in warnings[0].getMessage()
    assert not any(r.exc_info for r in caplog.records), "no traceback per request"
