"""Preview an unpublished call to action or office where readers will meet it: on an article.

The blocks (snippets.py) say what they put in the page and which article shows them; this
module renders it, finding articles through the app registry, since pages.py imports the
blocks and not the other way round.
"""

from django.apps import apps
from django.http import HttpRequest
from django.template.response import TemplateResponse


def serve_preview(request: HttpRequest, shown: dict, picked_by: dict | None = None):
    """The article page as it renders with `shown` (the edited block) over its own context, on
    an article matching `picked_by` or else the newest (every article shows the default pitch
    and the offices); with no article published yet, the blocks on their own."""
    articles = apps.get_model("articles", "ArticlePage").objects.listed()
    article = (picked_by and articles.filter(**picked_by).first()) or articles.first()
    context = article.get_context(request) if article else {}
    context.update(shown)
    template = "articles/article_page.html" if article else "articles/shared_block_preview.html"
    return TemplateResponse(request, template, context)
