"""URL map: the admin, documents, then every other path is a Wagtail page."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.urls import editing_sessions
from wagtail.documents import urls as wagtaildocs_urls

from access.views import RateLimitedPasswordResetView
from performance.beacon import count_view
from performance.views import cta_click

from . import patches
from .views import healthz, media

handler500 = "config.views.server_error"
patches.tell_ping_of_own_saves(editing_sessions.urlpatterns)

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path(  # before Wagtail's own, which it replaces
        "admin/password_reset/",
        RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("contact/call/", include("calls.urls")),
    path("contact/", include("contact.urls")),
    path("subscribe/", include("newsletter.urls")),
    path("count/", count_view, name="count_view"),
    # Up to 9 digits: a longer number names no page (and would overflow the database's integer).
    re_path(r"^go/cta/(?P<article_id>[0-9]{1,9})/$", cta_click, name="cta_click"),
    path("", include("articles.urls")),
]

if settings.ANYMAIL.get("MAILGUN_WEBHOOK_SIGNING_KEY"):  # leads' answers (contact/inbox.py)
    from anymail.webhooks.mailgun import MailgunInboundWebhookView, MailgunTrackingWebhookView

    urlpatterns.insert(0, path("mail/inbound/mailgun/", MailgunInboundWebhookView.as_view()))
    # Bounces and complaints (newsletter/receivers.py): nothing more to that address.
    urlpatterns.insert(0, path("mail/tracking/mailgun/", MailgunTrackingWebhookView.as_view()))

if settings.DEBUG or settings.SERVE_MEDIA:
    # Images only: documents go through /documents/, which checks their privacy settings.
    image_files = r"^media/(?P<path>(?:original_images|images)/[^/]+)$"
    urlpatterns.append(re_path(image_files, media, name="media"))

urlpatterns += [path("", include(wagtail_urls))]
