"""The leads report moves to its own permission (on the LeadsReport proxy), so Editors and
Moderators hold no permission on Inquiry and see none of its history entries."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORT_GROUPS = ["Sales", "Editors", "Moderators"]


def move(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    report = Permission.objects.get(content_type__app_label="contact", codename="view_leadsreport")
    for group in Group.objects.filter(name__in=REPORT_GROUPS):
        group.permissions.add(report)
    Permission.objects.filter(content_type__app_label="contact", codename="report_inquiry").delete()


class Migration(migrations.Migration):
    dependencies = [("contact", "0003_lead_pipeline")]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
