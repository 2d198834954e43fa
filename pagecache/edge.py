"""The edge's configuration for a set of application hosts: the shipped VCL and its backends.

The VCL in deploy/varnish/ is the same everywhere; only the hosts differ (one in `make serve`,
two in the multi-host test, N in production), so they are written beside it as backends.vcl.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings

SITE_VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "site.vcl"
# Connections each host accepts from the bounded director (search, query strings): with two
# of them busy, the rest of the host's workers keep serving everything else.
BOUNDED_CONNECTIONS = 2
# Connections each host gives background renewals (a stale copy served while one fetch brings
# the new one): fewer than its workers, so a reader's miss (a new page, a 404) never waits
# behind a crowd of renewals. make serve passes its workers less one.
RENEW_CONNECTIONS = 3

BACKEND = """\
backend app{n} {{
    .host = "{host}";
    .port = "{port}";
    .first_byte_timeout = 30s;{probe}
}}

backend app{n}_bounded {{
    .host = "{b_host}";
    .port = "{b_port}";
    .first_byte_timeout = 30s;
    .max_connections = {bounded};{probe}
}}

backend app{n}_renew {{
    .host = "{host}";
    .port = "{port}";
    .first_byte_timeout = 30s;
    .max_connections = {renewals};{probe}
}}
"""

DIRECTORS = "import directors;\n"
DIRECTORS_SUFFIXES = (("pages", ""), ("bounded", "_bounded"), ("renew", "_renew"))
PROBE = """\
probe health {
    .url = "/healthz/";
    .interval = 2s;
    .timeout = 5s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}
"""


def parse_host(address: str) -> tuple[str, int]:
    """'10.0.0.5:8001' → ('10.0.0.5', 8001); a clear error for anything else."""
    host, _, port = address.strip().rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"An application host is HOST:PORT, not {address!r}")
    return host.strip("[]"), int(port)


def backends_vcl(
    hosts: list[str],
    bounded: int = BOUNDED_CONNECTIONS,
    probe: bool | None = None,
    bounded_hosts: list[str] | None = None,
    renewals: int = RENEW_CONNECTIONS,
) -> str:
    """Three round-robin directors over the hosts: `pages` for cacheable work, `renew` for
    background renewals of it (`renewals` connections a host), `bounded` for what a client can
    vary (`bounded` connections a host; at `bounded_hosts`, one for each host, where each runs
    that work in a process of its own at a low CPU weight). With `probe`
    (the default for more than one host), a host whose /healthz/ fails 3 times in 5 is left out
    until it answers again; a single host is always tried (one answering its probe late under
    load must not turn every miss into an error)."""  # fmt: skip
    if not hosts:
        raise ValueError("Name at least one application host (HOST:PORT)")
    if bounded_hosts and len(bounded_hosts) != len(hosts):
        raise ValueError("Name one bounded address (HOST:PORT) for each application host")
    probe = len(hosts) > 1 if probe is None else probe
    parts, adds = [DIRECTORS + (PROBE if probe else "")], []
    probe_line = "\n    .probe = health;" if probe else ""
    for n, address in enumerate(hosts):
        host, port = parse_host(address)
        b_host, b_port = parse_host(bounded_hosts[n]) if bounded_hosts else (host, port)
        parts.append(BACKEND.format(n=n, host=host, port=port, bounded=bounded, probe=probe_line,
                                    b_host=b_host, b_port=b_port, renewals=renewals))  # fmt: skip
        adds.extend(f"    {name}.add_backend(app{n}{suffix});\n"
                    for name, suffix in DIRECTORS_SUFFIXES)  # fmt: skip
    init = "sub vcl_init {\n" + "".join(
        f"    new {name} = directors.round_robin();\n" for name, _ in DIRECTORS_SUFFIXES
    )
    init += "".join(adds) + "}\n"
    return "\n".join(parts) + "\n" + init


def write(
    directory: Path,
    hosts: list[str],
    bounded: int = BOUNDED_CONNECTIONS,
    probe: bool | None = None,
    bounded_hosts: list[str] | None = None,
    renewals: int = RENEW_CONNECTIONS,
) -> Path:
    """site.vcl and backends.vcl in `directory`, readable by varnishd's own user (it drops
    privileges: a private temporary folder is out of its reach). Returns site.vcl's path."""
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o755)
    (directory / "backends.vcl").write_text(
        backends_vcl(hosts, bounded, probe, bounded_hosts, renewals)
    )
    vcl = Path(shutil.copy(SITE_VCL, directory / "site.vcl"))
    for path in (vcl, directory / "backends.vcl"):
        os.chmod(path, 0o644)
    return vcl


# What varnishd leaves out of its shared-memory log: the record of each reader's request and
# response (headers, timestamps, VCL steps), a fifth of a cache hit's cost (84k → 102k hits/s
# on this 2-core VM). Backend fetches, purges and errors are still logged; nothing here reads
# the readers' lines (views are counted by the beacon), and varnishncsa would need them back.
# Begin, End and Link stay, so that varnishlog still groups what is logged.
QUIET_LOG_TAGS = (
    "ReqStart",
    "ReqMethod",
    "ReqURL",
    "ReqProtocol",
    "ReqHeader",
    "ReqUnset",
    "ReqAcct",
    "RespProtocol",
    "RespStatus",
    "RespReason",
    "RespHeader",
    "RespUnset",
    "Timestamp",
    "VCL_call",
    "VCL_return",
    "VCL_Log",
    "Hit",
)


def varnishd_command(vcl: Path, listen: str, workdir: Path, memory: str = "256m") -> list[str]:
    """varnishd in the foreground, with the VCL's folder as where its include is found."""
    return [
        "varnishd", "-F", "-a", listen, "-f", str(vcl), "-n", str(workdir),
        "-p", f"vcl_path={vcl.parent}:/etc/varnish:/usr/share/varnish/vcl",
        "-p", "vsl_mask=" + ",".join(f"-{tag}" for tag in QUIET_LOG_TAGS),
        "-s", f"malloc,{memory}",
    ]  # fmt: skip
