"""The call to action's click: counted, then on to where the button leads (the contact form)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from articles.models import ArticlePage
from articles.templatetags.article_tags import cta_href

from .counting import CLICK, count
from .visits import record_click


def cta_click(request: HttpRequest, article_id: str) -> HttpResponse:
    """The article's call-to-action button: one click counted, then where the button leads
    (`?to=form`: a link to the contact form in the article's body, counted the same)."""
    article = get_object_or_404(
        ArticlePage.objects.visible().select_related("call_to_action"), pk=int(article_id)
    )
    if not request.user.is_authenticated:
        count(request.META, f"{CLICK} {article.pk}")
        record_click(request.META)
    call_to_action = None if request.GET.get("to") == "form" else article.shown_call_to_action()
    response = redirect(cta_href(call_to_action, article))
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
