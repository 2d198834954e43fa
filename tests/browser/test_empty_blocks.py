"""An editor adds a body block and leaves it empty: autosave keeps it in the draft (Wagtail
checks required fields on publish only), and the block itself says so where the editor is,
until it is written in."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from wagtail.rich_text import RichText

from tests.support.builders import ArticleFactory
from tests.support.editing import open_editor

SHOTS = Path("build/screenshots")


def test_an_empty_block_autosave_kept_is_flagged_in_place_until_written_in(page: Page, site, login):
    writing = ArticleFactory(body=[("paragraph", RichText("<p>The first paragraph.</p>"))])
    login("Editors", "eddie")
    page.set_viewport_size({"width": 1280, "height": 900})
    open_editor(page, f"{site.url}/admin/pages/{writing.pk}/edit/")
    blocks = page.locator("[data-streamfield-child]")
    expect(blocks).to_have_count(1)

    page.get_by_role("button", name=re.compile("Insert a block", re.I)).last.click()
    page.get_by_role("option", name="Paragraph").click()
    expect(blocks).to_have_count(2)
    # Wagtail puts the cursor in the new block a moment later: the editor is writing in it.
    expect(blocks.nth(1).locator(".public-DraftEditor-content")).to_be_focused()
    expect(blocks.nth(1).locator("[data-empty-block-flag]")).to_have_count(0)
    # The editor moves on to the title and leaves the new block empty; autosave keeps it.
    with page.expect_response(lambda r: r.request.method == "POST" and "/edit/" in r.url):
        page.locator("#id_title").fill("Hiring in Oulu, revised")
    flag = blocks.nth(1).locator("[data-empty-block-flag]")
    expect(flag).to_be_visible(timeout=15_000)
    expect(blocks.nth(0).locator("[data-empty-block-flag]")).to_have_count(0)
    flag.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "editor-empty-block-1280.png")
    page.set_viewport_size({"width": 375, "height": 800})
    flag.scroll_into_view_if_needed()
    expect(flag).to_be_in_viewport()
    page.screenshot(path=SHOTS / "editor-empty-block-375.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    blocks.nth(1).locator(".public-DraftEditor-content").click()
    page.keyboard.type("Now it says something.")
    expect(page.locator("[data-empty-block-flag]")).to_have_count(0, timeout=15_000)
