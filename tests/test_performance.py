"""Content performance: views (reported by the reader's browser: pages come from the edge),
call-to-action clicks and form views counted without cookies or personal data, folded by the
worker into daily rows, and reported per article, city and author with the sales desk's leads
and money."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import ArticlePage
from performance.counting import day_key
from performance.folding import BATCH_PREFIX, compact, fold_counts
from performance.models import (
    DailyCount,
    FoldedBatch,
    Kind,
    MonthlyCount,
    PendingCount,
    SourceCount,
)
from tests.support.builders import ArticleFactory
from tests.support.counting import (
    BROWSER,
    COUNT_SCRIPT,
    Reader,
    beacon,
    counted,
    funnel_data,
    reader,
)
from tests.support.people import member_of

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.mark.django_db
def test_a_view_beacon_costs_no_sql_and_sets_no_cookie(article, redis, django_assert_num_queries):
    path, browser = article.url, reader()
    with django_assert_num_queries(0):
        answer = beacon(browser, path)
    assert answer.status_code == 204 and not answer.cookies
    assert answer["Cache-Control"] == "no-store"
    assert counted(redis) == {f"v {article.url}": 1}


@pytest.mark.django_db
def test_beacons_from_other_sites_and_for_other_paths_are_not_counted(article, redis):
    assert beacon(reader(), article.url, HTTP_SEC_FETCH_SITE="cross-site").status_code == 204
    for path in ["/search/", "/admin/", "/no/such/path/", "x" * 2000, "\x00"]:
        assert beacon(reader(), path).status_code == 204
    assert reader().get("/count/").status_code == 405
    assert counted(redis) == {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": BROWSER, "HTTP_DNT": "1"},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_SEC_GPC": "1"},
        {"HTTP_USER_AGENT": GOOGLEBOT},
        {"HTTP_USER_AGENT": "python-requests/2.32"},
        {},
    ],
    ids=["do-not-track", "global-privacy-control", "googlebot", "script", "no-user-agent"],
)
def test_readers_who_opt_out_and_bots_are_not_counted(article, redis, headers):
    for _ in range(2):
        assert Reader(**headers).get(article.url).status_code == 200
    assert Reader(**headers).get(f"/go/cta/{article.pk}/").status_code == 302
    assert counted(redis) == {}


@pytest.mark.django_db
def test_editors_previews_and_other_paths_are_not_counted(article, redis):
    editor = reader()
    editor.force_login(member_of("Editors", "eddie"))
    editor.get(article.url)
    editor.get(f"/go/cta/{article.pk}/")
    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=(article.pk,)))
    assert COUNT_SCRIPT not in preview.text, "a preview never reports a view"
    for path in ["/search/?q=helsinki", "/blog/feed/", "/sitemap.xml", "/no-such-page/"]:
        reader().get(path)
    assert counted(redis) == {}


@pytest.mark.django_db
def test_a_body_link_to_the_contact_form_counts_as_the_articles_click(redis):
    """The importer links "/contact" in an article's text: it goes where the button would."""
    article = ArticleFactory(
        body=[("paragraph", RichText('<p>The form at <a href="/contact/">/contact</a> helps.</p>'))]
    )
    page = reader().get(article.url).text
    [href] = re.findall(r'<a href="([^"]+)">/contact</a>', page)
    assert href == f"/go/cta/{article.pk}/?to=form"
    click = reader().get(href)
    assert click.status_code == 302 and click["Location"] == f"/contact/?article={article.pk}"
    reader().get(click["Location"])
    assert counted(redis) == {
        f"v {article.url}": 1, f"c {article.pk}": 1, f"f {article.pk}": 1, "v /contact/": 1,
    }  # fmt: skip


@pytest.mark.django_db
def test_cta_click_and_the_form_view_it_leads_to_are_attributed_to_the_article(article, redis):
    page = reader().get(article.url).text
    assert f'href="/go/cta/{article.pk}/" rel="nofollow"' in page
    click = reader().get(f"/go/cta/{article.pk}/")
    assert click.status_code == 302 and click["Location"] == f"/contact/?article={article.pk}"
    assert "Set-Cookie" not in click and click["Cache-Control"] == "no-store"
    assert reader().get(click["Location"]).status_code == 200
    assert counted(redis) == {
        f"v {article.url}": 1,
        f"c {article.pk}": 1,
        f"f {article.pk}": 1,
        "v /contact/": 1,
    }
    for odd in ["/go/cta/999999/", "/go/cta/99999999999999999999/", "/go/cta/x/"]:
        assert reader().get(odd).status_code == 404, odd


@pytest.mark.django_db
def test_every_kind_of_page_is_counted_once_per_view(article, redis):
    author, city = article.author, article.city
    paths = ["/", "/blog/", article.url, f"/authors/{author.slug}/", f"/cities/{city.slug}/"]
    for path in paths * 2:
        assert reader().get(path).status_code == 200
    assert counted(redis) == {f"v {path}": 2 for path in paths}


@pytest.mark.django_db
def test_without_redis_counts_go_to_the_database_and_fold_the_same_way(article, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    reader().get(article.url)
    reader().get(f"/go/cta/{article.pk}/")
    assert dict(PendingCount.objects.values_list("field", "count")) == {
        f"v {article.url}": 1,
        f"c {article.pk}": 1,
        f"u {article.url}": 1,  # one visitor
        f"e {article.url}": 1,  # whose visit began there
        "s direct\x1f\x1f": 1,  # with no referrer
        "k direct\x1f\x1f": 1,  # whose click it was
    }
    fold_counts()
    row = DailyCount.objects.get(kind=Kind.ARTICLE, key=str(article.pk))
    assert (row.views, row.cta_clicks, row.article_id) == (1, 1, article.pk)
    assert (row.visitors, row.entries) == (1, 1)
    assert list(SourceCount.objects.values_list("channel", "visits", "cta_clicks")) == [
        ("direct", 1, 1)
    ]
    assert not PendingCount.objects.exists()


@pytest.mark.django_db
def test_folding_moves_counts_into_daily_rows_exactly_once(article, redis):
    for _ in range(3):
        reader().get(article.url)
    reader().get(f"/go/cta/{article.pk}/")
    redis.hincrby(day_key(), "v /blog/no-such-article/", 5)
    fold_counts()
    row = DailyCount.objects.get(day=timezone.localdate(), kind=Kind.ARTICLE, key=str(article.pk))
    assert (row.views, row.cta_clicks) == (3, 1)
    assert DailyCount.objects.filter(kind=Kind.ARTICLE).count() == 1, "unknown paths dropped"
    assert not redis.keys("performance:*")

    # A worker that stopped after committing, before deleting its batch, never counts it twice.
    batch = f"{BATCH_PREFIX}{timezone.localdate()}:crashed"
    redis.hset(batch, f"v {article.url}", 7)
    FoldedBatch.objects.create(name=batch)
    fold_counts()
    assert DailyCount.objects.get(pk=row.pk).views == 3 and not redis.exists(batch)

    # A slug change keeps the history: rows are per article, not per address.
    article.slug = "helsinki-renamed"
    article.save_revision().publish()
    reader().get(ArticlePage.objects.get(pk=article.pk).url)
    fold_counts()
    assert DailyCount.objects.get(pk=row.pk).views == 4


@pytest.mark.django_db
def test_old_daily_rows_become_monthly_totals(article, settings):
    settings.PERFORMANCE_DAILY_DAYS = 30
    old = timezone.localdate() - timedelta(days=60)
    for offset in range(3):
        DailyCount.objects.create(
            day=old + timedelta(days=offset), kind=Kind.ARTICLE, key=str(article.pk),
            article=article, views=10, cta_clicks=1,
        )  # fmt: skip
    recent = DailyCount.objects.create(
        day=timezone.localdate(), kind=Kind.ARTICLE, key=str(article.pk), article=article, views=1
    )
    compact()
    assert list(DailyCount.objects.all()) == [recent]
    months = MonthlyCount.objects.all()
    assert sum(m.views for m in months) == 30 and sum(m.cta_clicks for m in months) == 3


@pytest.mark.django_db
def test_report_shows_the_funnel_per_article_for_editors_and_sales(article, blog, redis):
    funnel_data(article)
    reader().get(article.url)  # today, not folded yet: included
    for group, name in [("Editors", "eddie"), ("Sales", "sally")]:
        client = Client()
        client.force_login(member_of(group, name))
        response = client.get(reverse("content_performance"), {"days": "7"})
        assert response.status_code == 200
        row = next(r for r in response.context["rows"] if r["article"] == article)
        assert (row["views"], row["cta_clicks"], row["form_views"]) == (201, 20, 10)
        assert (row["leads"], row["qualified"], row["won"], row["won_value"]) == (3, 2, 1, 12000)
        assert (row["cta_clicks_rate"], row["leads_rate"], row["won_rate"]) == ("10%", "30%", "50%")
        totals = response.context["totals"]
        assert totals["leads"] == 4 and totals["views"] == 201
        assert "<svg" in response.text and "Article views and leads per day" in response.text


@pytest.mark.django_db
def test_report_by_city_sorting_periods_and_bad_input(article, blog):
    funnel_data(article)
    client = Client()
    client.force_login(User.objects.create_superuser("admin", "a@example.com", "x" * 20))
    url = reverse("content_performance")
    thirty = client.get(url, {"days": "30", "by": "city", "sort": "-views"}).context
    helsinki = next(r for r in thirty["rows"] if r["name"] == article.city.name)
    assert helsinki["views"] == 1200 and helsinki["leads"] == 3
    assert thirty["rows"][0] == helsinki, "sorted by views, most first"
    authors = client.get(url, {"days": "90", "by": "author", "sort": "name"}).context["rows"]
    assert [r["name"] for r in authors] == sorted(r["name"] for r in authors)

    custom = {"days": "custom", "start": "2020-01-01", "end": "2019-01-01"}
    response = client.get(url, custom)
    assert response.status_code == 200 and "The period ends before it starts." in response.text
    for odd in [{"days": "x"}, {"sort": "password"}, {"by": "'; drop"}, {"days": "custom"}]:
        assert client.get(url, odd).status_code == 200


@pytest.mark.django_db
def test_report_exports_csv_and_xlsx(article, blog):
    funnel_data(article)
    client = Client()
    client.force_login(member_of("Sales", "sally"))
    response = client.get(reverse("content_performance"), {"days": "30", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    exported = next(r for r in rows if r["Name"] == article.title)
    assert exported["Views"] == "1200" and exported["Won value (EUR)"] == "12000.00"
    xlsx = client.get(reverse("content_performance"), {"days": "30", "export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
def test_only_report_roles_see_it(client):
    url = reverse("content_performance")
    assert client.get(url).status_code == 302  # to the login
    client.force_login(User.objects.create_user("nobody", "n@example.com", "x" * 20))
    assert client.get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_article_edit_view_has_a_performance_side_panel(article, blog):
    funnel_data(article)
    client = Client()
    client.force_login(member_of("Editors", "eddie"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).text
    assert 'data-side-panel="performance"' in html
    assert "<dt>Views</dt><dd>1200</dd>" in html and "<dt>Leads</dt><dd>3</dd>" in html
    blog_html = client.get(reverse("wagtailadmin_pages:edit", args=(blog.pk,))).text
    assert 'data-side-panel="performance"' not in blog_html


@pytest.mark.django_db
def test_privacy_page_says_what_is_counted(client):
    html = client.get("/contact/privacy/").text
    assert "no cookie" in html.lower() and "Do Not Track" in html
    assert f"until {settings.PERFORMANCE_VISIT_MINUTES} minutes pass" in html


def test_the_worker_folds_every_minute():
    assert "performance.folding.fold_counts" in settings.WORKER_PERIODIC_JOBS


@pytest.mark.django_db
def test_a_process_adds_up_its_counts_and_keeps_them_while_redis_is_down(settings, redis):
    from django.test import override_settings

    from performance.counting import Tally
    from tests.support.faults import free_port
    from tests.support.run_redis import redis_caches

    settings.PERFORMANCE_FLUSH_SECONDS = 3600  # written only when flushed here
    tally = Tally()
    for _ in range(5):
        tally.add("v /blog/")
    assert counted(redis) == {}, "a hit costs no Redis command"
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        tally.flush()  # Redis down: nothing lost
    assert counted(redis) == {}
    tally.flush()
    assert counted(redis) == {"v /blog/": 5}
