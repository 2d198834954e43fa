"""The newsletter in the admin: the subscribers list, their numbers on the dashboard, and a
preview of the next digest, for editors."""

from django.urls import path
from wagtail import hooks

from .admin.dashboard import add_subscribers_panel, digest_preview
from .admin.viewsets import subscriber_viewset

hooks.register("register_admin_viewset", lambda: subscriber_viewset)
hooks.register("construct_homepage_panels", add_subscribers_panel)
hooks.register(
    "register_admin_urls",
    lambda: [path("newsletter/next-digest/", digest_preview, name="newsletter_digest_preview")],
)
