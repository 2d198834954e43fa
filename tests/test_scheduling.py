"""A scheduled article goes live by itself: the background worker runs Wagtail's scheduled
publishing every minute (and purges the edge, which shows it at once) and folds the counted
views."""

from datetime import timedelta

from django.utils import timezone

from articles.models import ArticlePage, BlogIndexPage
from articles.sample import add_articles
from tests.edge import until
from tests.test_edge import BROWSER, warm
from tests.test_lead_pipeline import start_worker, wait_for
from tests.test_production import production_env


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

    env = production_env(tmp_path, CACHE_URL="redis://127.0.0.1:6379/15",
                         WORKER_PERIODIC_SECONDS="1", EDGE_PURGE_URLS=edge.url)  # fmt: skip
    worker = start_worker(env)
    try:
        went_live = wait_for(lambda: ArticlePage.objects.get(pk=article.pk).live, 30)
        assert went_live, worker.poll() is not None and worker.stdout.read()
    finally:
        worker.terminate()
        worker.wait(10)
    article.refresh_from_db()
    assert article.title == "Scheduled: Hiring in Tampere"
    said = worker.stdout.read()[-3000:]  # e.g. an edge that did not confirm the purge
    for path, shown in [("/blog/", article.title), ("/blog/feed/", article.title),
                        ("/sitemap.xml", article.slug)]:  # fmt: skip
        # A soft purge: a reader or two may still get the old copy while it is renewed.
        assert until(lambda p=path, s=shown: s in edge.get(p, **BROWSER).text), (path, said)
    assert edge.get(article.url, **BROWSER).status == 200


def test_the_worker_folds_counted_views_into_daily_rows(launch_state, shared_redis, tmp_path):
    from performance.models import DailyCount, Kind
    from tests.test_performance import reader

    article = ArticlePage.objects.listed().first()
    for _ in range(3):
        assert reader().get(article.url).status_code == 200
    env = production_env(tmp_path, CACHE_URL="redis://127.0.0.1:6379/15",
                         WORKER_PERIODIC_SECONDS="1")  # fmt: skip
    worker = start_worker(env)
    try:
        rows = DailyCount.objects.filter(kind=Kind.ARTICLE, key=str(article.pk))
        folded = wait_for(lambda: rows.filter(views=3).exists(), 30)
        assert folded, worker.poll() is not None and worker.stdout.read()
    finally:
        worker.terminate()
        worker.wait(10)
