"""Values every template needs, read once from settings."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"site_name": settings.WAGTAIL_SITE_NAME}
