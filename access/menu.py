"""An admin menu item shown only to users who hold a permission, so that apps need not each
write their own visibility check."""

from wagtail.admin.menu import MenuItem

from .roles import has_content_access


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        return request.user.has_perm(self.permission)


class ContentStaffMenuItem(MenuItem):
    """Shown to staff who write or manage content (access.roles.has_content_access)."""

    def is_shown(self, request) -> bool:
        return has_content_access(request.user)
