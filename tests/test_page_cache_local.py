"""Each process's own copy of the page cache (pagecache/local.py): its hits ask Redis nothing, a
publish in any other process is fresh in it at once, and a Redis it can no longer hear from stops
the copy being trusted within the lease."""

import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings
from django.test import override_settings

from articles.models import ArticlePage
from pagecache import local
from tests.faults import TcpProxy, free_port
from tests.test_lead_pipeline import wait_for
from tests.test_outages import Site
from tests.test_page_cache import page_cache, redis_caches, warm  # noqa: F401 (autouse fixture)
from tests.test_production import production_env, run

WORKERS = 2
NEW_TITLE = "Why Finnish Startups, Fresh in Every Process"


def mget_calls() -> int:
    """MGETs this Redis has answered so far: a page cache lookup that asks Redis is one."""
    stats = redis.Redis(host="127.0.0.1", port=6379).info("commandstats")
    return stats.get("cmdstat_mget", {}).get("calls", 0)


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> str:
    """Static files collected once for this module's servers."""
    root = tmp_path_factory.mktemp("static")
    collected = run(["manage.py", "collectstatic", "--noinput", "-v0"],
                    production_env(root, STATIC_ROOT=str(root)))  # fmt: skip
    assert collected.returncode == 0, collected.stderr
    return str(root)


@pytest.fixture
def gunicorn(launch_state, tmp_path, static_root):
    """Start the site as deployed (gunicorn, production settings) on a given Redis address."""
    servers = []

    def start(redis_url: str) -> Site:
        env = production_env(
            tmp_path, CACHE_URL=redis_url, SECURE_SSL_REDIRECT="False", PAGE_CACHE_SECONDS="300",
            STATIC_ROOT=static_root,
        )  # fmt: skip
        port = free_port()
        servers.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(WORKERS)],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))  # fmt: skip
        site = Site(port)
        assert wait_for(lambda: answers(site), 30), "gunicorn did not start"
        return site

    yield start
    for server in servers:
        server.terminate()
        server.wait(10)


def answers(site: Site) -> bool:
    try:
        return site.request("GET", "/healthz/")[0].status == 200
    except OSError:
        return False


def served_from_copies(site: Site, url: str) -> str:
    """Warm the page and each worker's copy of it; the page as readers now get it."""
    for _ in range(20):
        response, html = site.request("GET", url)
        assert response.status == 200
    time.sleep(local.PING_SECONDS * 2)  # every worker's listener has subscribed and been heard
    for _ in range(20):
        response, html = site.request("GET", url)
        assert response.getheader("X-Cache") == "HIT"
    return html


def new_title_uncached(site: Site, url: str) -> bool:
    """The reader gets the new version, rendered by a worker that is serving uncached."""
    response, text = site.request("GET", url)
    return NEW_TITLE in text and response.getheader("X-Cache") is None


def publish_new_title() -> ArticlePage:
    article = ArticlePage.objects.live().get(title__startswith="Why Finnish Startups")
    article.title = NEW_TITLE
    article.save_revision().publish()
    return article


def test_hits_ask_redis_nothing_and_a_publish_elsewhere_is_fresh_at_once(gunicorn):
    site = gunicorn("redis://127.0.0.1:6379/15")
    url = ArticlePage.objects.live().get(title__startswith="Why Finnish Startups").url
    html = served_from_copies(site, url)

    before = mget_calls()
    for _ in range(50):
        response, text = site.request("GET", url)
        assert response.getheader("X-Cache") == "HIT" and text == html
    assert mget_calls() - before <= WORKERS, "each worker's copy answered, not Redis"

    publish_new_title()  # this test's process: an editor's publish, as the admin makes it
    response, text = site.request("GET", url)
    assert response.getheader("X-Cache") == "MISS" and NEW_TITLE in text
    response, text = site.request("GET", "/blog/")
    assert NEW_TITLE in text, "listings too"


@pytest.mark.parametrize("fault", ["cut", "freeze"])
def test_a_worker_that_cannot_hear_redis_stops_trusting_its_copy_within_the_lease(gunicorn, fault):
    """Cut: Redis is gone (connections drop). Freeze: Redis hangs (connections stay open, no
    answer, no announcement): only the lease tells the worker to stop trusting its copy."""
    proxy = TcpProxy("127.0.0.1", 6379)
    try:
        site = gunicorn(f"redis://127.0.0.1:{proxy.port}/15")
        url = ArticlePage.objects.live().get(title__startswith="Why Finnish Startups").url
        served_from_copies(site, url)

        getattr(proxy, fault)()  # the site can no longer hear Redis, nor this announcement:
        faulted = time.monotonic()
        publish_new_title()  # the editor's process still reaches Redis directly
        assert wait_for(lambda: new_title_uncached(site, url), 5)
        since_fault = time.monotonic() - faulted  # the lease, a 0.1 s Redis timeout, a render
        assert since_fault <= local.LEASE_SECONDS + 1, since_fault
        time.sleep(max(0.0, faulted + local.LEASE_SECONDS + 0.2 - time.monotonic()))
        assert all(new_title_uncached(site, url) for _ in range(6)), "every worker, by then"
    finally:
        proxy.close()


@pytest.mark.django_db
def test_the_copy_holds_at_most_the_configured_number_of_pages(client, settings):
    settings.PAGE_CACHE_LOCAL_ENTRIES = 2
    with override_settings(CACHES=redis_caches()):  # a new copy, with the new bound
        copy = local.copy()
        assert wait_for(copy.trusted, 3), "the listener is heard"
        urls = ["/", "/blog/", "/cities/helsinki/"]
        for url in urls:
            html = warm(client, url)
            for _ in range(3):  # read from Redis, then copied (once its store was announced)
                assert client.get(url).text == html
        assert len(copy.found) == 2, "the oldest copied page made room"
        for url in urls:
            assert client.get(url)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_listener_gives_up_a_hung_connection_and_trusts_again_once_redis_answers():
    proxy = TcpProxy("127.0.0.1", 6379)
    try:
        with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{proxy.port}/15")):
            copy = local.copy()
            assert wait_for(copy.trusted, 3), "the listener is heard"
            proxy.freeze()
            assert wait_for(lambda: not copy.trusted(), local.LEASE_SECONDS + 1)
            opened = len(proxy.connections)
            reconnected = wait_for(lambda: len(proxy.connections) > opened, 6)
            assert reconnected, "a connection that never answers is given up"
            proxy.restore()
            assert wait_for(copy.trusted, 5), "trusted again once Redis answers"
    finally:
        proxy.close()
