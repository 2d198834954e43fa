"""Preview an unpublished call to action or office where readers will meet it: on an article."""

from django.http import HttpRequest
from django.template.response import TemplateResponse

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


def serve_preview(block: CallToAction | Office, request: HttpRequest) -> TemplateResponse:
    """The article page as it renders, with the edited block in place of the live one; with no
    article published yet, the blocks on their own."""
    article = preview_article(block)
    context = article.get_context(request) if article else {}
    if isinstance(block, CallToAction):
        context["call_to_action"] = block
    else:
        context["preview_offices"] = offices_with(block)
    template = "articles/article_page.html" if article else "articles/shared_block_preview.html"
    return TemplateResponse(request, template, context)
