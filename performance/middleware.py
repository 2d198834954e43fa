"""Count the views Django renders itself (the page cache counted the ones it looked up)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .counting import COUNTED, count, view_field


class ViewCountMiddleware:
    """After AuthenticationMiddleware: editors and other logged-in users are never counted."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and not request.META.get(COUNTED)
            and not request.user.is_authenticated
            and (field := view_field(request.META))
        ):
            count(request.META, field)
        return response
