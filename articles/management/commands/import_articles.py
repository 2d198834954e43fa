"""`manage.py import_articles PATH...`: load articles written in the seed text format."""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.importer import ArticleFormatError, ArticleLoader, article_files, import_file
from articles.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = (
        "Import articles from text files or folders of *.txt files. Importing a file again "
        "updates its article. A file not in the format is reported and skipped; the others "
        "still import, and the command then exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    def handle(self, *args, paths: list[Path], **options):
        try:
            loader = ArticleLoader(ensure_site_tree())
        except ValueError as error:  # a malformed SITE_URL
            raise CommandError(str(error)) from error
        failures = 0
        outcomes: Counter[str] = Counter()
        for path in paths:
            try:
                files = article_files(path)
            except ArticleFormatError as error:
                failures += self.report(path, error)
                continue
            if not files:
                failures += self.report(path, "no *.txt article files in this folder")
            for file in files:
                try:
                    outcome = import_file(file, loader)
                except ArticleFormatError as error:
                    failures += self.report(file, error)
                    continue
                outcomes[outcome.status] += 1
                drafts = (
                    f", {outcome.drafts_created} draft(s) to write"
                    if outcome.drafts_created
                    else ""
                )
                self.stdout.write(f"{file}: {outcome.status} “{outcome.article.title}”{drafts}")
        imported = outcomes["created"] + outcomes["updated"]
        if failures:
            raise CommandError(f"{failures} file(s) not imported; {imported} imported")
        self.stdout.write(
            self.style.SUCCESS(
                f"{outcomes['created']} new, {outcomes['updated']} updated, "
                f"{outcomes['unchanged']} unchanged"
            )
        )

    def report(self, path: Path, error: object) -> int:
        self.stderr.write(f"{path}: {error}")
        return 1
