"""Scheduled publishing without cron: the background worker runs Wagtail's own command."""

import io

from django.core.management import call_command

from background.locks import only_one_worker


def publish_scheduled() -> None:
    """Every minute (a worker periodic job): pages and snippets whose go-live time has come are
    published and expired ones unpublished, by the same code (and signals, so the page cache is
    purged) as an editor's publish."""
    with only_one_worker("publish_scheduled") as mine:
        if mine:
            call_command("publish_scheduled", stdout=io.StringIO())
