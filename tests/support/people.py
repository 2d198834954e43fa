"""Users of each role, and what the admin shows them."""

import re

from django.contrib.auth.models import Group, User

PASSWORD = "a-long-password-123"


def member_of(group_name: str, username: str, **names) -> User:
    """A user in one of the site's groups (Editors, Sales, …), as an administrator adds one."""
    user = User.objects.create_user(username, f"{username}@example.com", PASSWORD, **names)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def menu_urls(client) -> list[str]:
    """The admin sidebar's links (Wagtail renders the menu as JSON)."""
    return re.findall(r'"url": "([^"]+)"', client.get("/admin/").text)
