"""Give the Editors and Moderators groups (created by Wagtail) what they need for articles.

Editors write and publish articles and keep authors, cities, offices and calls to action up to
date; Moderators can also delete those snippets and lock pages. Neither sees anything else.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPETS = ("author", "city", "office", "calltoaction")
GROUP_SNIPPET_ACTIONS = {
    "Editors": ("add", "change", "view"),
    "Moderators": ("add", "change", "delete", "view"),
}
GROUP_PAGE_PERMISSIONS = {
    "Editors": ("add_page", "change_page", "publish_page"),
    "Moderators": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()

    for name, actions in GROUP_SNIPPET_ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        codenames = [f"{action}_{model}" for action in actions for model in SNIPPETS]
        group.permissions.add(
            admin,
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames),
        )
        if root is None:
            continue
        for codename in GROUP_PAGE_PERMISSIONS[name]:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
