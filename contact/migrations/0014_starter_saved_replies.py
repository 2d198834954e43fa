"""Two saved replies to start from; the team edits or deletes them under Saved replies."""

from django.db import migrations

STARTERS = [
    (
        "First answer: book a call",
        "Hi {first_name},\n\nThank you for writing to us about {company}'s project. I read what "
        "you sent after {article}, and I would like to hear more in a 30-minute call.\n\nWhich "
        "of these times suit you this week? Or suggest one that does.\n\nBest regards,\n{my_name}",
    ),
    (
        "Ask for the written specification",
        "Hi {first_name},\n\nThanks again for the call. To estimate the work for {company} "
        "well, could you send us the written specification, or what you have of it, and the "
        "current documentation?\n\nBest regards,\n{my_name}",
    ),
]


def add_starters(apps, schema_editor):
    SavedReply = apps.get_model("contact", "SavedReply")
    for order, (title, body) in enumerate(STARTERS):
        SavedReply.objects.get_or_create(title=title, defaults={"body": body, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("contact", "0013_saved_replies")]
    operations = [migrations.RunPython(add_starters, migrations.RunPython.noop)]
