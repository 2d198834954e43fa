"""Generated articles, for load tests, benchmarks and the test suite (never real content)."""

from itertools import count

from wagtail.rich_text import RichText

from .pages import ArticlePage, BlogIndexPage

_numbers = count(1)
BODY = "<p>Generated to measure the site at size. {n}</p>"


def add_articles(blog: BlogIndexPage, how_many: int, **fields) -> list[ArticlePage]:
    """Live articles with a heading and a paragraph; fields (city, author, …) apply to all."""
    taken = set(blog.get_children().values_list("slug", flat=True))
    created = []
    while len(created) < how_many:
        number = next(_numbers)
        slug = f"generated-article-{number}"
        if slug in taken:
            continue
        page = ArticlePage(
            title=f"Generated article {number}",
            slug=slug,
            intro=f"Summary of generated article {number}.",
            body=[("heading", "A section"), ("paragraph", RichText(BODY.format(n=number)))],
            **fields,
        )
        blog.add_child(instance=page)
        created.append(page)
    return created
