"""Roles for leads: Sales view and triage inquiries (and nothing of pages); Editors and
Moderators see only the leads-per-article report, never the inquiries themselves."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Sales": [
        ("wagtailadmin", "access_admin"),
        ("contact", "view_inquiry"),
        ("contact", "change_inquiry"),
        ("contact", "report_inquiry"),
    ],
    "Editors": [("contact", "report_inquiry")],
    "Moderators": [("contact", "report_inquiry")],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("articles", "0002_editor_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
