"""Each user's whole journey, in Chromium, as a person would do it."""

import csv
import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import ArticlePage
from contact.models import Inquiry
from tests.support.leads import lead

pytestmark = pytest.mark.django_db(transaction=True)


def h1(page: Page):
    return page.get_by_role("heading", level=1)


def test_reader_browses_from_home_to_a_city(page: Page, site):
    page.goto(site.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Articles").click()
    expect(h1(page)).to_have_text("Articles")

    first = ArticlePage.objects.listed().first()
    page.get_by_role("link", name=first.title).click()
    expect(h1(page)).to_have_text(first.title)

    related = page.get_by_role("region", name="More articles").get_by_role("link").first
    related_title = related.inner_text()
    related.click()
    expect(h1(page)).to_have_text(related_title)

    author = page.locator("a.byline__name")
    author_name = author.inner_text()
    author.click()
    expect(h1(page)).to_have_text(author_name)

    helsinki = ArticlePage.objects.live().filter(city__name="Helsinki").first()
    page.goto(site.url + helsinki.url)
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link").last.click()
    expect(h1(page)).to_have_text("Articles on Helsinki")


def test_reader_searches_for_a_city(page: Page, site):
    page.goto(site.url + "/")
    page.get_by_role("searchbox", name="Search articles").fill("Tallinn")
    page.keyboard.press("Enter")
    expect(h1(page)).to_have_text("Search results for “Tallinn”")
    expect(page.locator(".card__title")).to_have_count(1)
    expect(page.locator(".card__title")).to_contain_text("Estonia Punches Above Its Weight")


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element is focused, as a keyboard user moves through the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} is not reachable by Tab")


def test_keyboard_only_reader_sends_the_form(page: Page, site):
    article = ArticlePage.objects.listed().first()
    page.goto(site.url + article.url)
    tab_to(page, ".cta a.button")
    page.keyboard.press("Enter")
    expect(h1(page)).to_have_text("Tell us about your project")

    tab_to(page, "#id_name")
    page.keyboard.type("Liis Kuusk")
    page.keyboard.press("Tab")
    page.keyboard.type("not-an-email")
    page.keyboard.press("Enter")  # a mistake: submitted early with a bad address
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter an email address like name@company.com.")

    tab_to(page, "#error-summary a")  # the summary links to the field
    page.keyboard.press("Enter")
    tab_to(page, "#id_email")
    page.keyboard.press("Control+A")
    page.keyboard.type("liis@kuusk.ee")
    for text in ("Kuusk Labs", "CTO", "A ledger service for our marketplace."):
        page.keyboard.press("Tab")
        page.keyboard.type(text)
    page.keyboard.press("Tab")  # "How work is defined": arrow keys choose within the group
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # desired start
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # consent
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    expect(h1(page)).to_have_text("Thank you, Liis Kuusk")
    expect(page.get_by_role("heading", name="Ready to hand work off now")).to_be_visible()
    assert Inquiry.objects.get().source_article_id == article.pk


def test_editor_edits_previews_and_publishes(page: Page, site, login):
    article = ArticlePage.objects.listed().first()
    login("Editors", "eddie")
    page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    page.locator("#id_title").fill("Helsinki, revised for 2027")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Helsinki, revised for 2027")
    page.goto(site.url + article.url)
    expect(h1(page)).to_have_text(article.title), "not public before publishing"

    page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    page.locator("#id_title").fill("Helsinki, revised for 2027")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile("has been published"))).to_be_visible()

    page.goto(site.url + article.url)
    expect(h1(page)).to_have_text("Helsinki, revised for 2027")


def test_sales_triages_a_lead_and_exports_the_list(page: Page, site, login):
    article = ArticlePage.objects.listed().first()
    lead("Mari Mets", "Mets AS", docs="partial", email="mari@mets.ee", source_article=article)
    login("Sales", "sam")
    page.get_by_role("link", name="Inquiries").first.click()
    page.get_by_role("link", name="Mari Mets").click()
    page.locator("#id_status").select_option(label="Contacted")
    page.locator("#id_note").fill("Called; follow up Friday.")
    page.locator("#id_next_step").fill("Send the proposal")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=re.compile("Mari Mets"))).to_contain_text("Contacted")
    page.get_by_role("link", name="Mari Mets").click()
    timeline = page.get_by_role("list", name="Timeline, newest first")
    expect(timeline).to_contain_text("Called; follow up Friday.")
    expect(timeline).to_contain_text("Status: New → Contacted")
    expect(page.get_by_role("link", name="Reply by e-mail")).to_have_attribute(
        "href", re.compile(r"^mailto:mari@mets\.ee\?subject=")
    )
    page.get_by_role("link", name="Inquiries").first.click()

    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    rows = list(csv.DictReader(download.value.path().read_text(encoding="utf-8").splitlines()))
    assert [(r["Name"], r["Status"]) for r in rows] == [("Mari Mets", "Contacted")]
