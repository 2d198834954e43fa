"""A scheduled article goes live by itself: the background worker runs Wagtail's scheduled
publishing every minute (the page cache shows it at once) and folds the counted views."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage, BlogIndexPage
from articles.sample import add_articles
from tests.test_lead_pipeline import start_worker, wait_for
from tests.test_page_cache import page_cache, warm  # noqa: F401 (autouse fixture)
from tests.test_production import production_env


def test_the_worker_publishes_a_scheduled_article_and_the_cache_shows_it(launch_state, tmp_path):
    reader = Client()
    blog = BlogIndexPage.objects.get()
    article = add_articles(blog, 1)[0]
    article.title = "Scheduled: Hiring in Tampere"
    article.go_live_at = timezone.now() + timedelta(seconds=3)
    article.save_revision().publish()  # as an editor schedules it: a future go-live date
    article.refresh_from_db()
    assert not article.live and article.has_unpublished_changes
    for url in ("/blog/", "/blog/feed/", "/sitemap.xml"):
        assert "tampere" not in warm(reader, url).lower(), url

    env = production_env(tmp_path, CACHE_URL="redis://127.0.0.1:6379/15",
                         WORKER_PERIODIC_SECONDS="1")  # fmt: skip
    worker = start_worker(env)
    try:
        went_live = wait_for(lambda: ArticlePage.objects.get(pk=article.pk).live, 30)
        assert went_live, worker.poll() is not None and worker.stdout.read()
    finally:
        worker.terminate()
        worker.wait(10)
    article.refresh_from_db()
    assert article.title == "Scheduled: Hiring in Tampere"
    listing = reader.get("/blog/")
    said = worker.stdout.read()[-3000:]  # e.g. a page cache outage while invalidating
    assert "Scheduled: Hiring in Tampere" in listing.text, (listing.get("X-Cache"), said)
    assert "Scheduled: Hiring in Tampere" in reader.get("/blog/feed/").text
    assert article.slug in reader.get("/sitemap.xml").text
    assert reader.get(article.url).status_code == 200


def test_the_worker_folds_counted_views_into_daily_rows(launch_state, tmp_path):
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
