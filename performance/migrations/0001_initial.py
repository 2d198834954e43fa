"""Counts per page per day and month, folded batches, and the database tally."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0007_generated_covers'),
    ]

    operations = [
        migrations.CreateModel(
            name='FoldedBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True)),
                ('folded_at', models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.CreateModel(
            name='PendingCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('field', models.CharField(max_length=300)),
                ('count', models.PositiveIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('day', 'field'), name='one_pending_count')],
            },
        ),
        migrations.CreateModel(
            name='DailyCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('article', 'Article'), ('listing', 'Listing'), ('author', 'Author page'), ('city', 'City page'), ('contact', 'Contact page')], max_length=10)),
                ('key', models.CharField(help_text='Article id, author or city slug, or path.', max_length=255)),
                ('views', models.PositiveIntegerField(default=0)),
                ('cta_clicks', models.PositiveIntegerField(default=0, verbose_name='call-to-action clicks')),
                ('form_views', models.PositiveIntegerField(default=0, verbose_name='contact-form views')),
                ('day', models.DateField(db_index=True)),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='articles.articlepage')),
            ],
            options={
                'permissions': [('view_contentperformance', 'Can see the content performance report')],
                'constraints': [models.UniqueConstraint(fields=('day', 'kind', 'key'), name='one_daily_count')],
            },
        ),
        migrations.CreateModel(
            name='MonthlyCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('article', 'Article'), ('listing', 'Listing'), ('author', 'Author page'), ('city', 'City page'), ('contact', 'Contact page')], max_length=10)),
                ('key', models.CharField(help_text='Article id, author or city slug, or path.', max_length=255)),
                ('views', models.PositiveIntegerField(default=0)),
                ('cta_clicks', models.PositiveIntegerField(default=0, verbose_name='call-to-action clicks')),
                ('form_views', models.PositiveIntegerField(default=0, verbose_name='contact-form views')),
                ('month', models.DateField(help_text='The first day of the month.')),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='articles.articlepage')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('month', 'kind', 'key'), name='one_monthly_count')],
            },
        ),
    ]
