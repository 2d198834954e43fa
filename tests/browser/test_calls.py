"""A reader in New York books a call after the form: the times come in their own zone, the
pages pass axe at phone and desktop widths, and the call is moved and cancelled from its page."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from calls.links import booking_url
from calls.models import Call, CallHours
from tests.browser.axe import violations
from tests.support.leads import lead
from tests.support.people import member_of

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("build/screenshots")


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "timezone_id": "America/New_York"}


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)


def test_a_reader_books_moves_and_cancels_a_call_in_their_own_time_zone(page: Page, site):
    sam = member_of("Sales", "sam")
    # Hours round the clock: free times on the first day whatever the hour the test runs at.
    weekly = {str(day): [["00:00", "23:30"]] for day in range(7)}
    CallHours.objects.create(user=sam, time_zone="Europe/Helsinki", weekly=weekly)
    aino = lead("Aino Virtanen", "Nordpay")
    page.goto(site.url + "/" + booking_url(aino).split("/", 3)[3])
    expect(page).to_have_url(re.compile(r"tz=America%2FNew_York"))
    expect(page.get_by_label("Times are shown in")).to_have_value("America/New_York")
    expect(page.get_by_role("heading", level=1)).to_have_text("Book a call, Aino Virtanen")
    assert violations(page) == [], "booking page"
    shoot(page, "call-book")

    first = page.get_by_role("radio").first
    first.check()
    page.get_by_role("button", name="Book this time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your call is booked")
    expect(page.get_by_text("(America/New_York)")).to_be_visible()
    assert violations(page) == [], "the call's page"
    shoot(page, "call-booked")
    booked = Call.objects.get().starts_at

    page.locator("input[type=radio]:visible:not(:checked)").last.check()
    page.get_by_role("button", name="Move the call to this time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your call is booked")
    assert Call.objects.get().starts_at != booked
    page.get_by_role("button", name="Cancel the call").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your call is cancelled")
    assert Call.objects.get().state == "cancelled"
