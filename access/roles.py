"""Roles as settings.ROLES declares them (config/settings/roles.py): the groups made to hold
exactly that, idempotently, and who counts as content staff."""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page


def has_content_access(user) -> bool:
    """Superusers, and anyone granted pages or a permission on site content."""
    if user.is_superuser:
        return True
    content = set(settings.CONTENT_APPS)
    if any(perm.split(".")[0] in content for perm in user.get_all_permissions()):
        return True
    return GroupPagePermission.objects.filter(group__user=user).exists()


def _permissions(index: dict[str, Permission], names: list[str]) -> list[Permission]:
    missing = sorted(set(names) - index.keys())
    if missing:
        raise LookupError(f"settings.ROLES names unknown permissions: {missing}")
    return [index[name] for name in names]


@transaction.atomic
def sync() -> list[str]:
    """Make every group in settings.ROLES hold exactly what it declares; say what changed."""
    for app_config in global_apps.get_app_configs():  # Wagtail's publish_* too, before migrate ends
        create_permissions(app_config, verbosity=0)
    index = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
    }
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.get_first_root_node()
    changes = []
    for name, role in settings.ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        before = set(group.permissions.values_list("pk", flat=True))
        group.permissions.set(_permissions(index, role["permissions"]))
        if created or before != set(group.permissions.values_list("pk", flat=True)):
            changes.append(f"{name}: permissions")
        if root_page is not None and _set_exactly(
            GroupPagePermission, group, _permissions(
                index, [f"wagtailcore.{codename}" for codename in role["pages"]]
            ), page=root_page,
        ):  # fmt: skip
            changes.append(f"{name}: pages")
        if root_collection is not None and _set_exactly(
            GroupCollectionPermission, group, _permissions(index, role["collections"]),
            collection=root_collection,
        ):  # fmt: skip
            changes.append(f"{name}: collections")
    return changes


def _set_exactly(model, group: Group, permissions: list[Permission], **where) -> bool:
    """The group's rows of `model` are exactly `permissions` on `where` (page or collection)."""
    rows = model.objects.filter(group=group)
    wanted = {p.pk for p in permissions}
    stale = rows.exclude(permission__in=wanted, **where)
    changed = stale.exists()
    stale.delete()
    have = set(rows.values_list("permission_id", flat=True))
    for permission in permissions:
        if permission.pk not in have:
            model.objects.create(group=group, permission=permission, **where)
            changed = True
    return changed


def sync_after_migrate(sender, **kwargs) -> None:
    """post_migrate (sent for auth, once per migrate or flush): the schema is whole by then."""
    sync()
