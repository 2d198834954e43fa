"""An admin menu item shown only to users who hold a permission, so that apps need not each
write their own visibility check."""

from wagtail.admin.menu import MenuItem


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        return request.user.has_perm(self.permission)
