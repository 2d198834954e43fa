"""From an article's call to action to a lead a Sales user finds in the admin, in Chromium."""

import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import ArticlePage
from contact.models import Inquiry
from tests.browser.forms import fill_contact_form

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_sends_the_form_and_sales_finds_the_lead(page: Page, site, login):
    article = ArticlePage.objects.live().get(title__startswith="Estonia Punches")
    page.goto(f"{site.url}{article.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)

    page.get_by_role("link", name="Tell us about your project").last.click()
    expect(page).to_have_url(re.compile(rf"/contact/\?article={article.pk}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about your project")

    # First attempt with a mistake: the summary takes focus and names the problem.
    page.get_by_label("Your name").fill("Kadri Kask")
    page.get_by_label("Work email").fill("kadri-at-example")
    page.get_by_role("button", name="Send and see your assessment").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter an email address like name@company.com.")
    expect(page.get_by_label("Your name")).to_have_value("Kadri Kask")

    fill_contact_form(
        page, email="kadri@tallinnpay.ee", company="TallinnPay", role="Head of Engineering",
        project="Reconciliation service for card payouts.",
        work="Tickets that rely on shared context", docs="Partial", start="In 1–3 months",
    )  # fmt: skip

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, Kadri Kask")
    expect(page.get_by_role("heading", level=2)).to_have_text("Closer than you think")
    lead = Inquiry.objects.get()
    assert (lead.source_article_id, lead.readiness) == (article.pk, "closer")

    login("Sales", "sam")
    page.get_by_role("link", name="Inquiries").first.click()
    row = page.get_by_role("row", name=re.compile("Kadri Kask"))
    expect(row).to_contain_text("TallinnPay")
    expect(row).to_contain_text("Closer than you think")
