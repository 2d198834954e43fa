"""Write the edge's VCL for these application hosts (make serve, the bench, a deploy)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pagecache import edge


class Command(BaseCommand):
    help = "Write site.vcl and backends.vcl for varnishd into a folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--host", action="append", dest="hosts", required=True,
            help="An application host as HOST:PORT (repeat for several).",
        )  # fmt: skip
        parser.add_argument("--bounded-connections", type=int, default=edge.BOUNDED_CONNECTIONS)

    def handle(self, directory: Path, hosts: list[str], bounded_connections: int, **options):
        try:
            vcl = edge.write(directory, hosts, bounded_connections)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(vcl))
