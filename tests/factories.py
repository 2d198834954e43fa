"""Build articles directly (no importer) for tests that need many of them."""

from itertools import count

from wagtail.rich_text import RichText

from articles.models import ArticlePage, BlogIndexPage

_numbers = count(1)


def add_articles(blog: BlogIndexPage, how_many: int, **fields) -> list[ArticlePage]:
    """Live articles with a one-paragraph body; fields (city, author, …) apply to all."""
    created = []
    for _ in range(how_many):
        number = next(_numbers)
        page = ArticlePage(
            title=f"Generated article {number}",
            slug=f"generated-article-{number}",
            intro=f"Summary of generated article {number}.",
            body=[("paragraph", RichText(f"<p>Body of generated article {number}.</p>"))],
            **fields,
        )
        blog.add_child(instance=page)
        created.append(page)
    return created
