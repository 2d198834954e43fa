"""Each role sees only its own work: in the admin, staff who hold no content permission (Sales)
reach only the screens access.boundaries opens to them, whatever Wagtail opens to any admin
user. Leads are closed the other way by their own permissions (Inquiry, LeadsReport).
"""

from collections.abc import Callable
from functools import cache

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from .boundaries import is_open
from .roles import has_content_access


@cache
def admin_root() -> str:
    return reverse("wagtailadmin_home")


class RoleBoundaryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path_info.startswith(admin_root())
            and request.user.is_authenticated
            and not has_content_access(request.user)
            and not self.opens(request)
        ):
            raise PermissionDenied(_("This part of the admin is for editors."))
        return self.get_response(request)

    @staticmethod
    def opens(request: HttpRequest) -> bool:
        try:
            return is_open(resolve(request.path_info))
        except Resolver404:
            return True  # answered 404 further on
