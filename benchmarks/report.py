"""Print the benchmark's figures and ratios; exit 1 when a target is missed."""

import os
import platform
import sys
from pathlib import Path

CACHED_TARGET = 0.8


def rows(path: str) -> list[list[str]]:
    return [line.split("\t") for line in Path(path).read_text().splitlines() if line.strip()]


def main(rps_file: str, small_file: str, large_file: str) -> int:
    rps = {name: (float(value or 0), int(bad or 0)) for name, value, bad in rows(rps_file)}
    static = rps["static CSS file"][0] or 1
    cores = len(os.sched_getaffinity(0))
    machine = f"{platform.node()}, {platform.machine()}, Python {platform.python_version()}"
    print(f"\nMachine: {machine}, {cores} cores")
    print(f"\n{'page':<22}{'req/s':>10}{'× static':>10}{'non-2xx':>10}")
    for name, (value, bad) in rps.items():
        print(f"{name:<22}{value:>10.0f}{value / static:>10.2f}{bad:>10}")
    small = {name: int(count) for _, name, count, _ in rows(small_file)}
    large = {name: int(count) for _, name, count, _ in rows(large_file)}
    small_n, large_n = rows(small_file)[0][0], rows(large_file)[0][0]
    heading = "SQL queries per uncached page"
    print(f"\n{heading:<30}{small_n + ' articles':>14}{large_n + ' articles':>16}")
    for name in small:
        print(f"{name:<30}{small[name]:>14}{large[name]:>16}")

    failures = []
    if rps["cached article"][0] < CACHED_TARGET * static:
        failures.append(f"cached article below {CACHED_TARGET}× the static file")
    if any(bad for _, bad in rps.values()):
        failures.append("non-2xx responses under load")
    if small != large:
        failures.append("query counts grow with the number of articles")
    print("\nTargets:", "all met" if not failures else "MISSED: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
