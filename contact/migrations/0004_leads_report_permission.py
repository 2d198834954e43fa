"""Roles now live in one place, config/settings/roles.py, and access.roles.sync gives the
groups exactly that after every migrate; this step is kept, empty, as it was applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("contact", "0003_lead_pipeline")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
