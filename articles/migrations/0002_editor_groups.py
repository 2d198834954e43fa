"""Roles now live in one place, config/settings/roles.py, and access.roles.sync gives the
groups exactly that after every migrate; this step is kept, empty, as it was applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
