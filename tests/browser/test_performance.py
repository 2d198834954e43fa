"""Sales and editors read the Content performance report and an article's side panel."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from articles.models import ArticlePage
from tests.support.counting import funnel_data

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("build/screenshots")


@pytest.mark.parametrize("width", [768, 1280])
def test_report_reads_well_and_sorts_by_a_column(page: Page, site, login, width):
    article = ArticlePage.objects.listed().get(title__startswith="Why Finnish")
    funnel_data(article)
    login("Sales", "sally")
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(f"{site.url}/admin/reports/content-performance/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Content performance")
    page.get_by_role("link", name="Leads", exact=True).click()
    first = page.locator(".performance__table tbody tr").first.locator("th")
    expect(first).to_contain_text("Why Finnish")
    expect(page.get_by_role("img", name="Article views and leads per day")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"performance-report-{width}.png", full_page=True)


def test_article_side_panel_shows_its_numbers(page: Page, site, login):
    article = ArticlePage.objects.listed().get(title__startswith="Why Finnish")
    funnel_data(article)
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    page.get_by_role("button", name="Toggle performance").click()
    panel = page.locator('[data-side-panel="performance"]')
    expect(panel).to_be_visible()
    expect(panel.get_by_text("Leads")).to_be_visible()
    page.wait_for_timeout(500)  # the panel slides in
    title = page.locator("#id_title")
    assert title.evaluate("box => box.scrollHeight <= box.clientHeight + 2"), "title in full"
    page.screenshot(path=SHOTS / "performance-side-panel-1280.png")


CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"


def test_pages_from_the_edge_are_counted_once_per_view_and_opt_outs_never(
    browser, edge, shared_redis
):
    """The edge answers the page, the browser's beacon reports the view: a counted view for
    each page a reader loaded, hits included, and none for readers who opt out."""
    import redis as redis_lib

    from tests.support import run_redis
    from tests.support.counting import counted
    from tests.support.waiting import until

    redis = redis_lib.Redis.from_url(run_redis.URL)
    article = ArticlePage.objects.listed().get(title__startswith="Why Finnish")
    reader = browser.new_context(user_agent=CHROME).new_page()
    loads = [article.url, article.url, "/blog/", article.url]
    for path in loads:
        reader.goto(edge.url + path)
    assert edge.get(article.url, **{"User-Agent": CHROME}).cache == "HIT", "served by the edge"
    expected = {f"v {article.url}": 3, "v /blog/": 1}
    until(lambda: counted(redis) == expected)
    for header in ({"Sec-GPC": "1"}, {"DNT": "1"}):
        opted_out = browser.new_context(user_agent=CHROME, extra_http_headers=header).new_page()
        opted_out.goto(edge.url + article.url)
        opted_out.goto(edge.url + "/blog/")
    reader.goto(edge.url + "/")  # a last counted view: the opted-out ones had their chance
    until(lambda: counted(redis).get("v /") == 1)
    assert counted(redis) == {**expected, "v /": 1}
