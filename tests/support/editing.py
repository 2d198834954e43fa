"""An editor's forms in the Wagtail admin, filled as the editor fills them."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import Author, City


def article_form(author: Author, city: City, **overrides) -> dict:
    """The page editor's form for a new article, with `overrides` over the defaults."""
    data = {
        "title": "Why Berlin Startups Contract Their Backend",
        "slug": "why-berlin-startups-contract-their-backend",
        "intro": "Berlin is big, and still short of senior backend engineers.",
        "date": "2026-11-20",
        "author": author.pk,
        "city": city.pk,
        "topics": "Hiring, Contracting",
        "body": streamfield(
            [
                ("heading", "The market"),
                ("paragraph", rich_text("<p>Senior engineers are taken.</p>")),
            ]
        ),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(blog) -> str:
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", blog.pk))


def open_editor(page, url: str) -> None:
    """Open the editor and wait until each of Wagtail's edit watchers has taken its first look
    at the form (what autosave compares with): an edit made before is not seen as one."""
    page.add_init_script("""
        window.watchers = 0; window.watching = 0;
        document.addEventListener('w-unsaved:ready', () => { window.watchers += 1 });
        document.addEventListener('w-unsaved:watch-edits', () => { window.watching += 1 });
    """)
    page.goto(url)
    page.wait_for_function("window.watchers > 0 && window.watching >= window.watchers")
