"""Admission control at the edge: no anonymous client can make the application render without
bound (searches and query strings limited per client, and given a bounded share of each host),
and background renewals never take every worker a reader's miss needs."""

import contextlib

import pytest

from pagecache import edge as edge_config
from tests.support.edge import BROWSER, Varnish, helsinki_article, warm
from tests.support.waiting import until


def test_renewals_take_their_own_few_connections_and_readers_keep_the_copy(
    varnish, edge, live_server
):
    """A soft-purged page is renewed through the `renew` backend (a few connections a host),
    so a crowd of renewals never takes every worker a reader's miss needs."""
    behind = Varnish([f"127.0.0.1:{live_server.thread.port}"], renewals=1)
    try:
        article = helsinki_article()
        html = warm(behind, article.url)
        assert behind.backend_requests() == {"app0": 1, "app0_bounded": 0, "app0_renew": 0}
        behind.request("PURGE", "/", **{"xkey-softpurge": f"page-{article.pk}"})
        stale = behind.get(article.url, **BROWSER)
        assert stale.status == 200 and stale.text == html, "the reader gets the copy at once"
        until(lambda: behind.backend_requests()["app0_renew"] == 1)  # the fetch after it
        behind.wait_idle()
        assert behind.backend_requests() == {"app0": 1, "app0_bounded": 0, "app0_renew": 1}
        assert behind.get(article.url, **BROWSER).headers["age"] in ("0", "1"), "renewed"
    finally:
        behind.stop()


def assert_limited_from(answers: list[int], limit: int) -> None:
    """vsthrottle is a token bucket refilled as time passes, so on a slow host a token or two
    comes back during the run: at least `limit` pass, then the block holds every later one."""
    denied_from = answers.index(429)
    assert denied_from >= limit and set(answers[:denied_from]) == {200}
    assert set(answers[denied_from:]) == {429}, "once over the limit the client stays blocked"


@pytest.mark.parametrize("path", ["/search/?q=helsinki"])
def test_searches_are_limited_per_client(edge, path):
    assert_limited_from([edge.get(path, **BROWSER).status for _ in range(40)], 10)
    assert edge.get(path).headers["retry-after"] == "30"


def test_searches_never_take_more_than_their_share_of_a_host():
    """Two searches hang on a host that never answers; the third is refused at once rather than
    queued, so the host's other workers stay free for readers."""
    import threading

    from tests.support.faults import SilentServer

    silent = SilentServer()
    behind = Varnish([f"127.0.0.1:{silent.port}"], bounded=2)
    try:
        for n in range(2):
            threading.Thread(
                target=lambda n=n: _quietly(behind.get, f"/search/?q={n}", timeout=5), daemon=True
            ).start()
        until(lambda: len(silent.accepted) == 2)
        third = behind.get("/search/?q=third", timeout=5)  # the backend's own timeout is 30 s
        assert third.status == 503, "refused, not queued behind the two"
        assert len(silent.accepted) == 2, "never sent to the host"
    finally:
        behind.stop()
        silent.close()


def _quietly(call, *args, **kwargs):
    with contextlib.suppress(OSError):
        call(*args, **kwargs)


def test_a_client_varying_a_query_string_is_limited(edge):
    """Whatever a page ignores (?page= on an article, ?x=): each new value is a miss, so misses
    with a query string take the bounded backend and a per-client limit."""
    article = helsinki_article()
    assert_limited_from([edge.get(f"{article.url}?x={n}", **BROWSER).status for n in range(60)], 20)
    assert edge.get(f"{article.url}?x=3", **BROWSER).cache == "HIT", "a kept one is served"
    assert edge.get(article.url, **BROWSER).status == 200, "the page itself stays open"


def test_search_can_run_in_a_process_of_its_own_behind_the_edge():
    """make serve's bounded gunicorn: searches go to its port, pages to the main one."""
    vcl = edge_config.backends_vcl(["127.0.0.1:8001"], bounded_hosts=["127.0.0.1:8004"], renewals=3)
    pages, bounded = vcl.split("backend app0_bounded", 1)
    bounded, renew = bounded.split("backend app0_renew", 1)
    assert '.port = "8001"' in pages and '.port = "8004"' in bounded
    assert "max_connections = 2" in bounded
    assert '.port = "8001"' in renew and "max_connections = 3" in renew, "renewals: the pages' host"
    with pytest.raises(ValueError, match="one bounded address"):
        edge_config.backends_vcl(["127.0.0.1:8001", "10.0.0.2:8001"], bounded_hosts=["x:1"])
