"""Editors, Moderators and Sales see the Content performance report (counts and money only)."""

from django.db import migrations

GROUPS = ("Editors", "Moderators", "Sales")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="performance", model="dailycount")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_contentperformance",
        defaults={"name": "Can see the content performance report"},
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0001_initial"),
        ("contact", "0006_sales_desk"),
        ("articles", "0002_editor_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
