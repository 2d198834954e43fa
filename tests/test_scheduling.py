"""A scheduled article goes live by itself: the background worker runs Wagtail's scheduled
publishing every minute (and purges the edge, which shows it at once) and folds the counted
views."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import ArticlePage, BlogIndexPage
from articles.sample import add_articles
from tests.support.edge import BROWSER, warm
from tests.support.processes import output, production_env, start_worker
from tests.support.waiting import until

pytestmark = pytest.mark.slow  # real processes


def test_the_worker_publishes_a_scheduled_article_and_the_edge_shows_it(edge, tmp_path):
    blog = BlogIndexPage.objects.get()
    article = add_articles(blog, 1)[0]
    article.title = "Scheduled: Hiring in Tampere"
    article.go_live_at = timezone.now() + timedelta(seconds=3)
    article.save_revision().publish()  # as an editor schedules it: a future go-live date
    article.refresh_from_db()
    assert not article.live and article.has_unpublished_changes
    for url in ("/blog/", "/blog/feed/", "/sitemap.xml"):
        assert "tampere" not in warm(edge, url).lower(), url

    env = production_env(tmp_path, WORKER_PERIODIC_SECONDS="1", EDGE_PURGE_URLS=edge.url)
    worker = start_worker(env)
    try:  # the worker keeps running, as it does in production: it repeats or retries purges
        until(lambda: ArticlePage.objects.get(pk=article.pk).live, 30, explain=output(worker))
        article.refresh_from_db()
        assert article.title == "Scheduled: Hiring in Tampere"
        for path, shown in [("/blog/", article.title), ("/blog/feed/", article.title),
                            ("/sitemap.xml", article.slug)]:  # fmt: skip
            # A soft purge: a reader or two may still get the old copy while it is renewed.
            until(lambda p=path, s=shown: s in edge.get(p, **BROWSER).text, 20,
                  explain=lambda p=path: (p, edge.get(p, **BROWSER).headers))  # fmt: skip
        assert edge.get(article.url, **BROWSER).status == 200
    finally:
        worker.terminate()
        worker.wait(10)


def test_the_worker_folds_counted_views_into_daily_rows(launch_state, shared_redis, tmp_path):
    from performance.models import DailyCount, Kind
    from tests.support.counting import reader

    article = ArticlePage.objects.listed().first()
    for _ in range(3):
        assert reader().get(article.url).status_code == 200
    env = production_env(tmp_path, WORKER_PERIODIC_SECONDS="1")
    worker = start_worker(env)
    try:
        rows = DailyCount.objects.filter(kind=Kind.ARTICLE, key=str(article.pk))
        until(lambda: rows.filter(views=3).exists(), 30, explain=output(worker))
    finally:
        worker.terminate()
        worker.wait(10)
