"""A subscriber opens the link in their e-mail and chooses how often and what to hear about:
the page passes axe at phone and desktop widths, fits them, and the choice is kept."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from newsletter.links import unsubscribe_url
from newsletter.models import Subscriber
from tests.browser.axe import violations
from tests.support.builders import ArticleFactory, CityFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("build/screenshots")


def test_a_subscriber_chooses_how_often_and_what_on_their_page(page: Page, site):
    ArticleFactory(city=CityFactory(name="Oulu"))
    subscriber = Subscriber.objects.create(email="aino@nordpay.com", state="active")
    page.goto(site.url + "/" + unsubscribe_url(subscriber).split("/", 3)[3])
    page.get_by_label("As soon as an article is published").check()
    page.get_by_label("Oulu").check()
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_role("status")).to_be_visible()
    subscriber.refresh_from_db()
    assert (subscriber.rhythm, subscriber.interests) == ("now", ["city:oulu"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"subscription-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert violations(page) == [], width
