"""The article form calls its tags "topics" and says a new one is added by typing it."""

import modelcluster.contrib.taggit
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0005_shared_blocks_drafts'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='topics',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='Comma-separated. A topic not used before is added as you type it.', through='articles.ArticleTopic', to='taggit.Tag', verbose_name='topics'),
        ),
    ]
