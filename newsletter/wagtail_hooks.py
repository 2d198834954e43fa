"""The newsletter in the admin: the subscribers list for editors."""

from wagtail import hooks

from .admin.viewsets import subscriber_viewset

hooks.register("register_admin_viewset", lambda: subscriber_viewset)
