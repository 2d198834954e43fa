"""Roles now live in one place, config/settings/roles.py, and access.roles.sync gives the
groups exactly that after every migrate; this step is kept, empty, as it was applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("articles", "0002_editor_groups"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
