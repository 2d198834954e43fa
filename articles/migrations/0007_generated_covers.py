"""GeneratedCover: the drawn cover of an article without a feed image (outside its revisions)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0006_topics_label'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='GeneratedCover',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(help_text='What it was drawn from, hashed.', max_length=64)),
                ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailimages.image')),
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='generated_cover', to='articles.articlepage')),
            ],
        ),
    ]
