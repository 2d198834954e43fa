"""Sales hold no permission on site content: Wagtail's own migrations hand the document and image
choosers to every group with admin access, Sales included."""

from django.db import migrations

CONTENT_APPS = ["wagtailcore", "wagtailimages", "wagtaildocs", "articles", "taggit"]


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name="Sales"):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label__in=CONTENT_APPS)
        )
        GroupCollectionPermission.objects.filter(group=group).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0004_leads_report_permission"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
