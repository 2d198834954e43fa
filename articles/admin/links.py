"""Links between articles: live articles no other live article
links to (readers reach them only through listings and search), and live articles that link to
a draft or to a page since deleted (a reader gets a 404)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from articles.admin.screens import ContentStaffScreen
from articles.pages import ArticlePage, ArticleRelatedLink

LINKED_PAGE = re.compile(  # Wagtail's stored page link, its attributes in either order
    r'<a\b(?=[^>]*\blinktype="page")[^>]*\bid="(\d{1,9})"'
)


@dataclass
class BrokenLink:
    article: ArticlePage
    target_id: int
    target: Page | None  # None: deleted


def links_between_live_articles() -> tuple[dict[int, ArticlePage], set[tuple[int, int]]]:
    """The live articles by id, and each (from, to) page link one of them holds: in its body
    (read from the rich text, so a link to a page since deleted is still seen) and among its
    related picks."""
    live = ArticlePage.objects.live().in_bulk()
    links = {(article.pk, target) for article in live.values() for target in linked_ids(article)}
    picks = ArticleRelatedLink.objects.filter(page__in=list(live)).values_list("page", "target")
    return live, links | set(picks)


def linked_ids(article: ArticlePage) -> set[int]:
    """The pages an article's body links to, read from its rich text."""
    return {
        int(target)
        for block in article.body
        if block.block_type == "paragraph"
        for target in LINKED_PAGE.findall(block.value.source)
    }


def orphans(live: dict[int, ArticlePage], links: set[tuple[int, int]]) -> list[ArticlePage]:
    linked = {target for source, target in links if source != target}
    return sorted((a for pk, a in live.items() if pk not in linked), key=lambda a: a.title)


def broken(live: dict[int, ArticlePage], links: set[tuple[int, int]]) -> list[BrokenLink]:
    targets = Page.objects.in_bulk({target for _, target in links})
    found = [
        BrokenLink(live[source], target, targets.get(target))
        for source, target in links
        if target not in targets or not targets[target].live
    ]
    return sorted(found, key=lambda link: (link.article.title, link.target_id))


class ArticleLinksView(ContentStaffScreen):
    page_title = _("Links between articles")
    header_icon = "link"
    template_name = "articles/admin/links.html"

    def get_context_data(self, **kwargs) -> dict:
        live, links = links_between_live_articles()
        return super().get_context_data(
            **kwargs, orphans=orphans(live, links), broken=broken(live, links)
        )
