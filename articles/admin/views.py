"""The editors' own admin endpoints (the screens are viewsets, registered in wagtail_hooks)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from access.roles import has_content_access
from articles.pages import ArticlePage

from .editing import title_clash


def title_check(request: HttpRequest) -> JsonResponse:
    """The SEO panel asks, as the editor types, whether another article has this title."""
    if not has_content_access(request.user):
        raise PermissionDenied
    page_id = request.GET.get("page", "")
    known = page_id.isascii() and page_id.isdigit() and len(page_id) <= 9  # else no page
    clash = title_clash(
        ArticlePage, request.GET.get("title", "")[:255], int(page_id) if known else None
    )
    if clash is None:
        return JsonResponse({"clash": None})
    edit_url = reverse("wagtailadmin_pages:edit", args=(clash.pk,))
    return JsonResponse({"clash": {"title": clash.title, "edit_url": edit_url}})
