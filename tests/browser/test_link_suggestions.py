"""An editor writing an article sees which live articles to link to and links one, on the
words they selected, with one click: the saved body holds Wagtail's internal page link."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from wagtail.rich_text import RichText

from articles.pages import ArticlePage
from tests.support.builders import ArticleFactory, CityFactory
from tests.support.waiting import until

SHOTS = Path("build/screenshots")


def test_editor_links_selected_words_to_a_suggested_article(page: Page, site, login):
    city = CityFactory(name="Tartu")
    target = ArticleFactory(title="Contracting a payments team in Tartu", city=city)
    writing = ArticleFactory(
        city=city, body=[("paragraph", RichText("<p>Read about payments work here.</p>"))]
    )
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/pages/{writing.pk}/edit/")
    panel = page.locator("[data-link-suggestions]")
    suggestion = panel.locator("[data-suggestion]").filter(has_text=target.title)
    expect(suggestion).to_contain_text("same city, Tartu")

    text = page.locator(".public-DraftEditor-content").first
    text.get_by_text("payments work").click()
    # Select the words "payments work" in the paragraph, as an editor would with the mouse.
    text.evaluate(
        """box => { const node = [...box.querySelectorAll('span[data-text]')]
             .find(s => s.textContent.includes('payments work')).firstChild;
           const start = node.textContent.indexOf('payments work');
           const range = document.createRange();
           range.setStart(node, start); range.setEnd(node, start + 'payments work'.length);
           const selection = window.getSelection();
           selection.removeAllRanges(); selection.addRange(range); }"""
    )
    page.wait_for_timeout(100)  # Draft.js reads the selection on selectionchange
    suggestion.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "editor-link-suggestions-1280.png")
    suggestion.get_by_role("button", name=re.compile("Link to")).click()
    expect(panel.locator("[data-link-status]")).to_contain_text(target.title)
    linked = text.locator("a, [data-draftail-trigger]").filter(has_text="payments work")
    expect(linked).to_have_count(1)

    page.get_by_role("button", name="Save draft").click()

    def saved_body() -> str:
        draft = ArticlePage.objects.get(pk=writing.pk).get_latest_revision_as_object()
        return draft.body[0].value.source

    link = rf'<a (?=[^>]*linktype="page")[^>]*id="{target.pk}"[^>]*>payments work</a>'
    until(lambda: re.search(link, saved_body()), explain=saved_body)

    page.set_viewport_size({"width": 375, "height": 800})
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "editor-link-suggestions-375.png")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
