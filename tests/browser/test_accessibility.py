"""WCAG 2.2 AA with axe-core, keyboard access and layout at phone and desktop widths."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import ArticlePage
from tests.browser.axe import violations
from tests.browser.forms import fill_contact_form
from tests.support.builders import long_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_wcag_violations_on_any_kind_of_page(page: Page, site):
    article = ArticlePage.objects.listed().first()
    long = long_article(["Why now", "What it costs", "Who does the work", "Next steps"])
    for path in ["/", "/blog/", article.url, long.url, "/search/?q=helsinki", "/contact/",
                 "/authors/eric-hanson/", "/cities/helsinki/", "/no-such-page/"]:  # fmt: skip
        page.goto(site.url + path)
        assert violations(page) == [], path

    page.goto(site.url + "/contact/")
    page.get_by_role("button", name="Send and see your assessment").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert violations(page) == [], "contact form with errors"

    fill_contact_form(
        page, name="Aino", email="aino@example.fi", company="Oy", role="CTO", project="An API.",
        work="Written specs with acceptance criteria", docs="Written and current",
        start="As soon as possible",
    )  # fmt: skip
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, Aino")
    assert violations(page) == [], "thank-you page"


def test_skip_link_comes_first_and_focus_is_visible(page: Page, site):
    page.goto(site.url + "/blog/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "after the skip link, Tab continues inside the main content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    card_outline = page.evaluate(
        "getComputedStyle(document.activeElement.closest('.card') || document.activeElement)"
        ".outlineStyle"
    )
    assert "solid" in (outline, card_outline), "a visible focus ring"


def test_every_control_is_reachable_by_keyboard_without_a_trap(page: Page, site):
    page.goto(site.url + "/contact/")
    controls = page.evaluate(
        "[...document.querySelectorAll('a[href], button, input:not([type=hidden]), select,"
        " textarea')].filter(e => e.offsetParent !== null).length"
    )
    seen = set()
    for _ in range(controls + 5):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    # Radio groups take one Tab stop each, so allow for the extra options in them.
    assert len(seen) >= controls - 6, "Tab moves on through every control"
    assert not any('name="website"' in html for html in seen), "the honeypot is never reached"


def load_lazy_images(page: Page) -> None:
    """Scroll through the page so lazy covers load before a full-page screenshot."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, 600):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(30)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function("[...document.images].every(image => image.complete)")


@pytest.mark.parametrize("width", [375, 768, 1280])
def test_every_page_type_fits_the_width_and_is_photographed(page: Page, site, width):
    article = ArticlePage.objects.listed().first()
    page.set_viewport_size({"width": width, "height": 900})
    long = long_article(["Why now", "What it costs", "Who does the work", "Next steps"])
    pages = {"home": "/", "listing": "/blog/", "article": article.url, "long-article": long.url,
             "author": "/authors/eric-hanson/", "contact": "/contact/"}  # fmt: skip
    for name, path in pages.items():
        page.goto(site.url + path)
        too_wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => "
            "e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName)"
        )
        assert too_wide == [], (path, width)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('main p:not(.eyebrow)')).fontSize)"
        )
        assert size >= 16, ("readable body text", path)
        header = page.locator(".site-header").bounding_box()["height"]
        assert header <= 80, (path, width, header)
        load_lazy_images(page)
        page.screenshot(path=f"build/screenshots/{name}-{width}.png", full_page=True)
