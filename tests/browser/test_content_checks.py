"""The editor's Checks panel reads the article itself (the page's <main>), not the call to
action, offices and related cards around it, and agrees with the page's reading time."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from articles.models import ArticlePage
from tests.support.builders import ArticleFactory

SHOTS = Path("build/screenshots")


def test_checks_panel_counts_the_article_and_agrees_with_its_reading_time(page: Page, site, login):
    article = ArticlePage.objects.live().get(title__startswith="Helsinki Has 600")
    page.goto(site.url + article.url)
    main_words = len(page.locator("main").inner_text().split())
    page_words = len(page.locator("body").inner_text().split())
    shown = int(re.search(r"(\d+) min read", page.locator("main").inner_text()).group(1))
    assert page_words - main_words > 100, "the CTA, offices and cards are outside <main>"

    login("Editors", "eddie")
    page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    page.get_by_role("button", name=re.compile("Toggle checks", re.I)).click()
    words = page.locator("[data-content-word-count]")
    expect(words).to_have_text(re.compile(r"^\d+$"), timeout=20_000)
    counted = int(words.inner_text())
    assert abs(counted - main_words) <= main_words * 0.1, (counted, main_words)
    assert counted < page_words - 100
    expect(page.locator("[data-content-reading-time]")).to_have_text(
        f"{shown} min" if shown == 1 else f"{shown} mins"
    )


def test_checks_panel_analyses_the_article_and_its_keyphrase(page: Page, site, login):
    draft = ArticleFactory(published=False, title="Hiring in Tartu")
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/pages/{draft.pk}/edit/")
    page.get_by_role("button", name=re.compile("Toggle checks", re.I)).click()
    panel = page.locator("[data-side-panel='checks']")
    expect(panel.get_by_text("No focus keyphrase")).to_be_visible(timeout=20_000)
    expect(panel.get_by_text("The article is short")).to_be_visible()
    expect(panel.get_by_text("No links to other articles")).to_be_visible()
    page.screenshot(path=SHOTS / "editor-checks-1280.png")
    page.set_viewport_size({"width": 375, "height": 800})
    expect(panel.get_by_text("No focus keyphrase")).to_be_in_viewport()
    page.screenshot(path=SHOTS / "editor-checks-375.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("tab", name="Promote").click()
    page.get_by_label("Focus keyphrase").fill("backend engineers in Tartu")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile("has been (updated|saved)"))).to_be_visible()
    # The checker runs on the saved draft whether or not Wagtail reopens its panel.
    expect(panel.get_by_text("Focus keyphrase not in the title")).to_be_attached(timeout=20_000)
    expect(panel.get_by_text("No focus keyphrase")).to_have_count(0)
