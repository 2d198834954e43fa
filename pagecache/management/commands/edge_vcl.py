"""Write the edge's VCL for these application hosts and print the varnishd command that runs
it (make serve, the bench, a deploy)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pagecache import edge


class Command(BaseCommand):
    help = "Write site.vcl and backends.vcl into DIRECTORY/vcl; print the varnishd command."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--host", action="append", dest="hosts", required=True,
            help="An application host as HOST:PORT (repeat for several).",
        )  # fmt: skip
        parser.add_argument("--listen", default="127.0.0.1:8000", help="Varnish's HOST:PORT.")
        parser.add_argument("--memory", default="256m", help="Varnish's cache size.")
        parser.add_argument("--bounded-connections", type=int, default=edge.BOUNDED_CONNECTIONS)
        parser.add_argument(
            "--renew-connections", type=int, default=edge.RENEW_CONNECTIONS,
            help="Connections a host gives background renewals (fewer than its workers).",
        )  # fmt: skip
        parser.add_argument(
            "--bounded-host", action="append", dest="bounded_hosts",
            help="Where a host runs search and other client-varied work (one per --host).",
        )  # fmt: skip

    def handle(self, directory: Path, hosts: list[str], **options) -> None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            directory.chmod(0o755)
            vcl = edge.write(
                directory / "vcl", hosts, options["bounded_connections"],
                bounded_hosts=options["bounded_hosts"], renewals=options["renew_connections"],
            )  # fmt: skip
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        command = edge.varnishd_command(
            vcl, options["listen"], directory / "work", options["memory"]
        )
        self.stdout.write(" ".join(command))
