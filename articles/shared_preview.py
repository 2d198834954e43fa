"""Preview an unpublished call to action or office where readers will meet it: on an article."""

from django.http import HttpRequest

from .pages import ArticlePage
from .snippets import CallToAction, Office


def preview_article(block: CallToAction | Office) -> ArticlePage | None:
    """An article that shows this block: for a call to action, one that picked it; otherwise
    the newest article (every article shows the default pitch and the offices)."""
    articles = ArticlePage.objects.listed()
    if isinstance(block, CallToAction) and block.pk:
        return articles.filter(call_to_action=block).first() or articles.first()
    return articles.first()


def offices_with(office: Office) -> list[Office]:
    """The live office list as it will read once this office is published."""
    offices = [other for other in Office.objects.filter(live=True) if other.pk != office.pk]
    return sorted([*offices, office], key=lambda item: (item.sort_order, item.pk or 0))


def preview_template(block: CallToAction | Office) -> str:
    if preview_article(block):
        return "articles/article_page.html"
    return "articles/shared_block_preview.html"  # no article yet: the blocks on their own


def preview_context(block: CallToAction | Office, request: HttpRequest) -> dict:
    """The article page's own context, with the edited block in place of the live one."""
    article = preview_article(block)
    context = article.get_context(request) if article else {}
    if isinstance(block, CallToAction):
        context["call_to_action"] = block
    else:
        context["preview_offices"] = offices_with(block)
    return context
