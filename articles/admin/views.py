"""The editors' own admin endpoints (the screens are viewsets, registered in wagtail_hooks)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from access.roles import has_content_access
from articles.cover_art import draw_artwork
from articles.covers import cover_facts
from articles.pages import ArticlePage
from articles.share_card import draw_cover
from articles.snippets import Author, City

from .editing import title_clash

PREVIEW_MAX_AGE = 3600  # one drawing per title, city and author an editor tries


def title_check(request: HttpRequest) -> JsonResponse:
    """The SEO panel asks, as the editor types, whether another article has this title."""
    if not has_content_access(request.user):
        raise PermissionDenied
    clash = title_clash(ArticlePage, request.GET.get("title", "")[:255], _id(request, "page"))
    if clash is None:
        return JsonResponse({"clash": None})
    edit_url = reverse("wagtailadmin_pages:edit", args=(clash.pk,))
    return JsonResponse({"clash": {"title": clash.title, "edit_url": edit_url}})


def _id(request: HttpRequest, name: str) -> int | None:
    """An id the editor's page sends, if it is a plain number of up to 9 digits; else none."""
    raw = request.GET.get(name, "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def _chosen(model, request: HttpRequest, name: str):
    """The snippet a chooser names by id, if there is one."""
    pk = _id(request, name)
    return model.objects.filter(pk=pk).first() if pk is not None else None


def cover_preview(request: HttpRequest) -> HttpResponse:
    """The cover an article without a feed image will get, drawn from what the editor has typed
    so far: the SEO panel and the preview show it before the first publish draws it for real."""
    if not has_content_access(request.user):
        raise PermissionDenied
    city = _chosen(City, request, "city")
    if request.GET.get("kind") == "cover":
        seed, topic = (request.GET.get(name, "")[:255] for name in ("slug", "topic"))
        png = draw_artwork(city.slug if city else "", topic, seed)
    else:
        article = ArticlePage(
            title=" ".join(request.GET.get("title", "")[:255].split()), city=city,
            author=_chosen(Author, request, "author"),
        )  # fmt: skip
        png = draw_cover(*cover_facts(article), settings.WAGTAIL_SITE_NAME)
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, private=True, max_age=PREVIEW_MAX_AGE)
    return response
