"""The view beacon: readers' browsers report the pages they read (static/js/count.js).

Pages come from the edge cache, which the application never hears from, so the page reports
itself once loaded. The beacon costs a dictionary increment (counting.py) and three cache round
trips for the visit (visits.py): no ORM work, no cookie, no CSRF token (it changes nothing but a
count, and a cross-site page cannot send it: browsers mark it with Sec-Fetch-Site). The
exclusions are the same as before: DNT, GPC, bots (counting.wanted), previews (they never load
the script), signed-in users (below).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pagecache.middleware import session_cookie

from .counting import count, view_field
from .visits import record_view

MAX_PATH_BYTES = 512


def signed_in(request: HttpRequest) -> bool:
    """Only a request with a session can be a signed-in user's; only then is it looked up."""
    cookie = request.META.get("HTTP_COOKIE", "")
    return bool(session_cookie(settings.SESSION_COOKIE_NAME).search(cookie)) and (
        request.user.is_authenticated
    )


@csrf_exempt
@require_POST
def count_view(request: HttpRequest) -> HttpResponse:
    if request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") == "same-origin":
        if "p" in request.POST:  # count.js: the path, the referrer, the landing query string
            path, referrer, query = (request.POST.get(k, "")[:MAX_PATH_BYTES] for k in "prq")
        else:  # a page cached before the referrer was sent: the path alone
            path = request.body[:MAX_PATH_BYTES].decode("utf-8", "replace")
            referrer = query = ""
        path = path.strip()
        if (field := view_field(path)) is not None and not signed_in(request):
            count(request.META, field)
            record_view(request.META, path, referrer, query)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response
