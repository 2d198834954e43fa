"""Each role sees only its own work: the admin's content URLs are closed to staff who hold no
content permission (Sales), whatever Wagtail lets any admin user open.

Wagtail opens its choosers, tag autocomplete, bulk-action confirmations and the admin API to
every admin user, so a Sales user could list page titles and drafts there by direct URL. Leads
are closed the other way by their own permissions (Inquiry, LeadsReport).
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.models import GroupPagePermission

CONTENT_URL_PREFIXES = (
    "/admin/choose-", "/admin/pages/", "/admin/api/", "/admin/bulk/", "/admin/images/",
    "/admin/documents/", "/admin/snippets/", "/admin/embeds/", "/admin/tag-autocomplete/",
)  # fmt: skip
CONTENT_APPS = {"wagtailcore", "wagtailimages", "wagtaildocs", "articles", "taggit"}


def has_content_access(user) -> bool:
    """Superusers, and anyone granted pages or a permission on site content."""
    if user.is_superuser:
        return True
    if any(perm.split(".")[0] in CONTENT_APPS for perm in user.get_all_permissions()):
        return True
    return GroupPagePermission.objects.filter(group__user=user).exists()


class RoleBoundaryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith(CONTENT_URL_PREFIXES)
            and request.user.is_authenticated
            and not has_content_access(request.user)
        ):
            raise PermissionDenied("This part of the admin is for editors.")
        return self.get_response(request)
