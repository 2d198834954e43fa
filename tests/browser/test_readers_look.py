"""Layout a reader notices: no shift while covers load, cards that line up, a footer at the
bottom, body images as wide as the text, search reachable on a phone, and a clean printout."""

import pytest
from playwright.sync_api import Page, expect
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True)

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1000);
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_covers_load_without_moving_the_page(page: Page, site, width):
    page.set_viewport_size({"width": width, "height": 800})
    article = ArticlePage.objects.listed().first()
    for path in ["/", "/blog/", article.url]:
        page.goto(site.url + path, wait_until="load")
        assert page.evaluate(LAYOUT_SHIFT) == 0, path


def test_cards_in_a_row_line_up_whatever_they_hold(page: Page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url + "/")
    rows: dict[int, list[dict]] = {}
    for card in page.locator(".card-grid .card").all():
        box = card.bounding_box()
        parts = {
            part: card.locator(f".card__{part}").bounding_box()["y"]
            for part in ("title", "meta", "summary")
        }
        rows.setdefault(round(box["y"]), []).append({"height": box["height"], **parts})
    assert any(len(cards) > 1 for cards in rows.values())
    for cards in rows.values():
        for key in ("height", "title", "meta", "summary"):
            assert len({round(card[key]) for card in cards}) == 1, (key, cards)


def test_footer_sits_at_the_bottom_of_a_short_page(page: Page, site):
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(site.url + "/search/?q=zzzzzz")
    footer = page.locator(".site-footer").bounding_box()
    assert round(footer["y"] + footer["height"]) == 1000


def test_body_images_fill_the_text_column(page: Page, site):
    article = ArticlePage.objects.listed().first()
    image = Image.objects.create(title="Office", file=get_test_image_file(size=(1600, 900)))
    article.body.append(("image", {"image": image, "caption": "Our Helsinki office"}))
    article.save_revision().publish()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site.url + article.url)
    column = page.locator(".prose").evaluate(
        "prose => prose.clientWidth - parseFloat(getComputedStyle(prose).paddingLeft)"
        " - parseFloat(getComputedStyle(prose).paddingRight)"
    )
    shown = page.locator(".prose figure img").bounding_box()["width"]
    assert abs(shown - column) <= 1, (shown, column)


def test_search_is_one_tab_away_on_a_phone(page: Page, site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site.url + "/blog/")
    for _ in range(3):  # skip link, site name, search
        page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Search")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Search for")).to_be_visible()


def test_an_article_prints_as_text_with_its_links_spelled_out(page: Page, site):
    article = ArticlePage.objects.listed().first()
    page.goto(site.url + article.url)
    page.emulate_media(media="print")
    expect(page.locator(".site-header nav")).to_be_hidden()
    expect(page.locator(".related")).to_be_hidden()
    expect(page.locator(".cta")).to_be_visible()
    button = page.locator(".cta .button")
    after = button.evaluate("link => getComputedStyle(link, '::after').content")
    assert f"/contact/?article={article.pk}" in after
    assert button.evaluate("link => getComputedStyle(link).backgroundColor") in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    page.pdf(path="build/screenshots/article-print.pdf")


@pytest.mark.parametrize("width", [375, 1280])
def test_the_call_to_actions_button_comes_before_its_detail(page: Page, site, width):
    """A reader who has decided acts at once: on a phone the button is right under the heading,
    on a wide screen it sits beside the detail rather than below it."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site.url + ArticlePage.objects.listed().first().url)
    cta = page.locator(".cta")
    heading = cta.get_by_role("heading", level=2).bounding_box()
    button = cta.locator(".button").bounding_box()
    detail = cta.locator(".cta__text").bounding_box()
    assert button["y"] - (heading["y"] + heading["height"]) < 60
    if width < 900:
        assert button["y"] < detail["y"]
    else:
        assert button["x"] + button["width"] < detail["x"]


def test_listings_use_the_width_of_a_wide_screen(page: Page, site):
    """/blog/, an author's, a city's and a search's cards fill the row as on home."""
    page.set_viewport_size({"width": 1280, "height": 900})
    header = None
    for path in ["/", "/blog/", "/authors/eric-hanson/", "/cities/helsinki/", "/search/?q=backend"]:
        page.goto(site.url + path)
        header = header or page.locator(".site-header__inner").bounding_box()
        cards = [box for box in (c.bounding_box() for c in page.locator(".card").all()) if box]
        first_row = [box for box in cards if abs(box["y"] - cards[0]["y"]) < 2]
        assert len(first_row) >= min(3, len(cards)), path
        right = max(box["x"] + box["width"] for box in first_row)
        assert right >= header["x"] + header["width"] - 40 or len(cards) < 3, path
