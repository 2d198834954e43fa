"""An editor plans from the dashboard and the Articles list: drafts and the schedule first,
articles to write folded after a few; the list filtered by city."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.support.builders import ArticleFactory, CityFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path("build/screenshots")


def test_editor_plans_from_the_newsroom_the_articles_list_and_the_calendar(page: Page, site, login):
    for n in range(4):
        ArticleFactory(published=False, to_write=True, title=f"Zeta placeholder {n}")
    tartu = ArticleFactory(title="Hiring in Tartu", city=CityFactory(name="Tartu"))
    login("Editors", "eddie")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        plan(page, site, tartu, width)


def plan(page: Page, site, tartu, width: int) -> None:
    page.goto(f"{site.url}/admin/")
    newsroom = page.locator(".newsroom")
    headings = newsroom.get_by_role("heading", level=3).all_inner_texts()
    assert headings[:2] == ["Drafts in progress", "Scheduled"], headings
    folded = newsroom.locator("details")
    expect(folded.get_by_text("Zeta placeholder 3")).to_be_hidden()
    folded.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(folded.get_by_text("Zeta placeholder 3")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"editor-newsroom-{width}.png", full_page=True)

    page.goto(f"{site.url}{reverse('articles_articlepage:index')}?city={tartu.city_id}")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Tartu")
    expect(rows.first).to_contain_text(tartu.author.name)
    page.screenshot(path=SHOTS / f"editor-articles-list-{width}.png")

    page.goto(f"{site.url}/admin/")
    if width < 800:  # the sidebar is folded behind its toggle
        page.get_by_role("button", name="Toggle sidebar").click()
    page.get_by_role("link", name="Planning calendar").click()
    today = page.locator(".planning__day--today")
    expect(today.get_by_role("link", name="Hiring in Tartu")).to_be_visible()
    page.screenshot(path=SHOTS / f"editor-calendar-{width}.png")
    today.get_by_role("link", name="Hiring in Tartu").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{tartu.pk}/edit/$"))
