"""The shared page cache: hits cost no SQL, private pages are never shared, changes show at once."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import override_settings

from articles.models import Author, CallToAction, Office
from pagecache import local, store
from tests.faults import free_port

CLIENT = "pagecache.redis_client.OutageAwareClient"
TIMEOUTS = {"SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1}


def redis_caches(location: str = "redis://127.0.0.1:6379/15") -> dict:
    """The two cache aliases as production sets them up (see config/settings/base.py)."""
    redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location}
    return {
        "default": {
            **redis,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, **TIMEOUTS, "CLIENT_CLASS": CLIENT},
        },
        "pages": {**redis, "OPTIONS": TIMEOUTS},
    }


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on, backed by this machine's Redis (a separate database, emptied)."""
    settings.PAGE_CACHE_SECONDS = 300
    store.reset_outage()
    with override_settings(CACHES=redis_caches()):
        caches["default"].clear()
        local.forget()  # Redis was emptied behind the process's copy
        yield
        caches["default"].clear()
        local.forget()
    store.reset_outage()


def warm(client, url: str) -> str:
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "MISS", url
    return first.text


@pytest.mark.django_db
def test_cached_article_costs_no_query(client, article, django_assert_num_queries):
    html = warm(client, article.url)
    with django_assert_num_queries(0):
        hit = client.get(article.url)
    assert hit["X-Cache"] == "HIT" and hit.text == html
    assert "Content-Security-Policy" in hit and hit["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_logged_in_editors_are_never_served_or_stored(client, article):
    warm(client, article.url)
    editor = User.objects.create_superuser("ed", "ed@example.com", "a-long-password-123")
    client.force_login(editor)
    response = client.get(article.url)
    assert "X-Cache" not in response
    client.logout()
    assert client.get(article.url)["X-Cache"] == "HIT"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/contact/", "/admin/login/", "/healthz/"])
def test_forms_admin_and_health_are_never_cached(client, url):
    client.get(url)
    response = client.get(url)
    assert "X-Cache" not in response


@pytest.mark.django_db
def test_contact_form_tokens_are_never_shared_between_visitors(client, article):
    from django.test import Client

    first = Client().get("/contact/").text
    second = Client().get("/contact/").text
    token = 'name="csrfmiddlewaretoken" value="'
    assert first.split(token)[1][:20] != second.split(token)[1][:20]


@pytest.mark.django_db
def test_publishing_an_article_refreshes_every_page_that_shows_it(client, article, blog):
    urls = [
        article.url, "/", "/blog/", "/blog/feed/", "/sitemap.xml", "/authors/eric-hanson/",
        "/cities/helsinki/", "/topics/hiring/",
    ]  # fmt: skip
    for url in urls:
        warm(client, url)
    article.title = "Helsinki, revisited"
    article.slug = "helsinki-revisited"
    article.save_revision().publish()
    for url in urls[1:]:
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
        assert "Helsinki, revisited" in response.text or "helsinki-revisited" in response.text, url

    article.unpublish()
    assert "Helsinki, revisited" not in client.get("/blog/").text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda: _rename_author("Eric J. Hanson"), "Eric J. Hanson"),
        (lambda: Office.objects.create(city="Tallinn", street="5 Narva mnt", country="Estonia"),
         "5 Narva mnt"),
        (lambda: _rename_cta("Grow Your Backend"), "Grow Your Backend"),
    ],
    ids=["author", "office", "call-to-action"],
)  # fmt: skip
def test_snippet_edits_show_on_the_next_request(client, article, change, expected):
    warm(client, article.url)
    change()
    response = client.get(article.url)
    assert response["X-Cache"] == "MISS" and expected in response.text


def _rename_author(name: str) -> None:
    author = Author.objects.get(name="Eric Hanson")
    author.name = name
    author.save()


def _rename_cta(heading: str) -> None:
    cta = CallToAction.objects.get(is_default=True)
    cta.heading = heading
    cta.save()


@pytest.mark.django_db
def test_site_keeps_serving_when_redis_is_down(client, article, caplog):
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        for _ in range(2):
            response = client.get(article.url)
            assert response.status_code == 200
            assert '<h1 id="page-title">Why Finnish Startups' in response.text
        assert client.post("/contact/", {"name": "x"}).status_code == 200
    assert "Rate limit not applied, cache unavailable" in caplog.text
    assert "Page cache unavailable" in caplog.text


@pytest.mark.django_db
def test_wsgi_layer_answers_a_hit_without_django(client, article, django_assert_num_queries):
    from django.test import RequestFactory

    from pagecache.wsgi import PageCacheApplication

    html = warm(client, article.url)
    calls = []

    def django_app(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return []

    started = {}
    app = PageCacheApplication(django_app)
    environ = RequestFactory().get(article.url).META
    with django_assert_num_queries(0):
        body = app(environ, lambda status, headers: started.update(status=status, headers=headers))
    assert calls == [] and started["status"] == "200 OK"
    assert ("X-Cache", "HIT") in started["headers"] and b"".join(body).decode() == html

    app(RequestFactory().get("/contact/").META, lambda *args: None)
    assert calls == ["/contact/"], "never-cached paths go straight to Django"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "gzipped"),
    [("gzip, deflate, br", True), ("br;q=1, gzip;q=0.5", True), ("gzip;q=0", False),
     ("identity", False), ("", False)],
)  # fmt: skip
def test_stored_pages_go_gzipped_to_clients_that_accept_it(client, article, accept, gzipped):
    import gzip

    html = warm(client, article.url)
    hit = client.get(article.url, HTTP_ACCEPT_ENCODING=accept)
    assert hit["X-Cache"] == "HIT" and "Accept-Encoding" in hit["Vary"]
    body = gzip.decompress(hit.content) if gzipped else hit.content
    assert hit.get("Content-Encoding") == ("gzip" if gzipped else None)
    assert body.decode() == html and int(hit["Content-Length"]) == len(hit.content)
