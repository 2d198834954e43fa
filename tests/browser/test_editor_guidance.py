"""An editor writes a new article in the admin: the long title shows in full, a new city is
added from the chooser, and the SEO counters, previews and warnings follow the typing."""

import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page, expect

from articles.models import BlogIndexPage, City
from tests.support.builders import ArticleFactory

SHOTS = Path("build/screenshots")
TITLE = (
    "Riga Has Good Engineers — Why Startups There Still Contract Their Senior Backend Work Abroad"
)


def test_editor_writes_with_a_full_title_an_inline_city_and_live_seo_guidance(
    page: Page, site, login
):
    login("Editors", "eddie")
    blog = BlogIndexPage.objects.get()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/pages/add/articles/articlepage/{blog.pk}/")

    title = page.locator("#id_title")
    title.fill(TITLE)
    wraps = title.evaluate("box => [box.scrollHeight, box.clientHeight, box.value]")
    assert wraps[0] <= wraps[1] + 2, "the whole title is in view"
    assert wraps[2] == TITLE
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "editor-title-1280.png")

    page.get_by_role("button", name=re.compile("Choose city", re.I)).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Add a city").click()
    modal.get_by_label("Name").fill("Riga")
    modal.get_by_label("Country").fill("Latvia")
    modal.get_by_role("button", name="Add a city").click()
    expect(page.locator("[data-chooser-title]").filter(has_text="Riga")).to_be_visible()
    assert City.objects.filter(name="Riga", country="Latvia").exists()

    page.get_by_role("tab", name="Promote").click()
    panel = page.locator("[data-seo-panel]")
    expect(panel.locator('[data-out="title"]')).to_have_text(re.compile(r"^Riga Has Good.*…$"))
    expect(panel.locator('[data-warning="description"]')).to_be_visible()
    card_image = panel.locator('[data-out="image"]')  # the cover it will get, drawn as typed
    expect(card_image).to_have_attribute(
        "src", re.compile(r"cover-preview/\?title=Riga.*&city=\d+")
    )
    page.wait_for_function(
        "img => img.complete && img.naturalWidth === 1200", arg=card_image.element_handle()
    )
    expect(panel.locator('[data-out="drawing-note"]')).to_be_visible()

    page.locator("#id_seo_title").fill("Hiring senior backend engineers in Riga")
    typed = len("Hiring senior backend engineers in Riga")  # the site name is shown apart
    expect(page.locator(".seo-count").first).to_have_text(
        f"Title: {typed} of about 60 characters, before “ · {settings.WAGTAIL_SITE_NAME}”"
    )
    expect(page.locator(".seo-count").first).not_to_have_class(re.compile("seo-count--over"))
    expect(panel.locator('[data-out="share-title"]')).to_have_text(
        "Hiring senior backend engineers in Riga"
    )
    page.locator("#id_search_description").fill("Why Riga startups contract senior backend work.")
    expect(panel.locator('[data-warning="description"]')).to_be_hidden()
    expect(panel.locator('[data-out="description"]').first).to_have_text(
        "Why Riga startups contract senior backend work."
    )

    existing = "Why Finnish Startups Hire Async Backend Contractors to Scale Beyond Helsinki's Small Talent Pool"  # noqa: E501
    page.locator("#id_seo_title").fill(existing)
    expect(panel.locator('[data-warning="clash"]')).to_be_visible()
    expect(panel.locator("[data-clash-link]")).to_have_text(existing)
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "editor-seo-1280.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    panel.locator("[data-clash-link]").scroll_into_view_if_needed()
    expect(panel.locator("[data-clash-link]")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "nothing wider"
    page.screenshot(path=SHOTS / "editor-seo-375.png")


def test_the_preview_shows_the_cover_a_draft_will_get(page: Page, site, login):
    draft = ArticleFactory(published=False, title="Hiring backend engineers in Tartu")
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/pages/{draft.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    cover = preview.locator("img.article__cover")
    expect(cover).to_have_attribute(
        "src", re.compile(r"cover-preview/\?kind=cover&.*slug=hiring-backend-engineers-in-tartu")
    )
    cover.evaluate("img => img.decode()")  # drawn and loaded, not a broken image
    assert cover.evaluate("img => img.naturalWidth") == 1200
    page.screenshot(path=SHOTS / "editor-preview-cover-1280.png")


def test_the_call_to_actions_preview_opens_at_the_call_to_action(page: Page, site, login):
    from articles.models import CallToAction

    cta = CallToAction.objects.get(is_default=True)
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/snippets/articles/calltoaction/edit/{cta.pk}/")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("#cta-heading")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") == 0, "the editor's own page stays where it was"
    page.screenshot(path=SHOTS / "editor-cta-preview-1280.png")
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=SHOTS / "editor-cta-preview-375.png")
