"""Filling the contact form the way a reader does, by its visible labels."""

from playwright.sync_api import Page

SEND = "Send and see your assessment"


def fill_contact_form(
    page: Page,
    *,
    email: str,
    company: str,
    role: str,
    project: str,
    work: str,
    docs: str,
    start: str,
    name: str | None = None,
) -> None:
    """Answer every question (the name only when given) and send the form."""
    if name is not None:
        page.get_by_label("Your name").fill(name)
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Company").fill(company)
    page.get_by_label("Your role").fill(role)
    page.get_by_label("What is the project?").fill(project)
    page.get_by_label(work).check()
    page.get_by_label(docs).check()
    page.get_by_label("Desired start").select_option(label=start)
    page.get_by_label("I agree to be contacted").check()
    page.get_by_role("button", name=SEND).click()
