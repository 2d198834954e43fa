"""For editors on the admin home: how many follow the blog, and what the next digest holds."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..digests import new_articles
from ..mail import digest_items
from ..models import Subscriber

PERMISSION = "newsletter.view_subscriber"


class SubscribersPanel(Component):
    name = "subscribers"
    order = 120
    template_name = "newsletter/admin/subscribers_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        counts = Subscriber.objects.aggregate(
            active=Count("pk", filter=Q(state=Subscriber.State.ACTIVE)),
            pending=Count("pk", filter=Q(state=Subscriber.State.PENDING)),
        )
        return {**counts, "next": new_articles(timezone.now()).count()}


def add_subscribers_panel(request, panels: list) -> None:
    if request.user.has_perm(PERMISSION):
        panels.append(SubscribersPanel())


def digest_preview(request: HttpRequest) -> HttpResponse:
    """The next digest as a subscriber without chosen interests will get it."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    items = digest_items(new_articles(timezone.now()).select_related("city"))
    context = {"items": items, "unsubscribe": "#", "site_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponse(render_to_string("newsletter/email/digest.html", context))
