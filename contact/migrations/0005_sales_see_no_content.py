"""Roles now live in one place, config/settings/roles.py, and access.roles.sync gives the
groups exactly that after every migrate; this step is kept, empty, as it was applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0004_leads_report_permission"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
