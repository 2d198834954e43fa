"""Print the benchmark's figures and ratios; exit 1 when a target is missed."""

import os
import platform
import sys
from pathlib import Path

CACHED_TARGET = 0.85  # with every request counted as a reader's view
PUBLISH_THROUGHPUT = 0.8  # of steady, while an article is published
PUBLISH_P99_RATIO, PUBLISH_P99_MS = 2.0, 60.0
IN_FLIGHT = 64  # connections × 2: requests the server may finish after wrk stopped reading
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def ms(latency: str) -> float:
    """wrk's '1.23ms' / '850.00us' / '1.10s' in milliseconds."""
    for unit in ("us", "ms", "s"):
        if latency.endswith(unit):
            return float(latency[: -len(unit)]) * UNITS_MS[unit]
    return float(latency or 0)


def rows(path: str) -> list[list[str]]:
    return [line.split("\t") for line in Path(path).read_text().splitlines() if line.strip()]


def publish_report(publish_file: str) -> list[str]:
    """Random reads of 300 cached articles, steady and with one publish mid-run."""
    phases = {name: (float(rps), ms(p50), ms(p99), int(bad)) for name, rps, p50, p99, bad in
              rows(publish_file)}  # fmt: skip
    print(f"\n{'300 articles, random reads':<28}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    for name, (rps, p50, p99, _) in phases.items():
        print(f"{name:<28}{rps:>10.0f}{p50:>10.2f}{p99:>10.2f}")
    (steady, _, steady_p99, _), (during, _, p99, bad) = phases["steady"], phases["publish"]
    ratio, p99_ratio = during / (steady or 1), p99 / (steady_p99 or 1)
    print(f"{'publish ÷ steady':<28}{ratio:>10.2f}{'':>10}{p99_ratio:>10.2f}")
    failures = []
    if ratio < PUBLISH_THROUGHPUT:
        failures.append(f"throughput during a publish below {PUBLISH_THROUGHPUT}× steady")
    if p99_ratio > PUBLISH_P99_RATIO or p99 > PUBLISH_P99_MS:
        failures.append(f"p99 during a publish above {PUBLISH_P99_RATIO}× steady or 60 ms")
    if bad:
        failures.append("non-2xx responses during a publish")
    return failures


def main(
    rps_file: str, small_file: str, large_file: str, publish_file: str, counted_file: str
) -> int:
    measured = rows(rps_file)
    rps = {name: (float(value or 0), int(bad or 0)) for name, value, bad, _ in measured}
    sent = {name: int(total or 0) for name, _, _, total in measured}
    views = int(rows(counted_file)[0][1])
    static = rps["static CSS file"][0] or 1
    cores = len(os.sched_getaffinity(0))
    machine = f"{platform.node()}, {platform.machine()}, Python {platform.python_version()}"
    print(f"\nMachine: {machine}, {cores} cores")
    print(f"\n{'page':<22}{'req/s':>10}{'× static':>10}{'non-2xx':>10}")
    for name, (value, bad) in rps.items():
        print(f"{name:<22}{value:>10.0f}{value / static:>10.2f}{bad:>10}")
    cached = sent["cached article"]
    print(f"\nViews counted during the cached-article run: {views} of {cached} requests")
    small = {name: int(count) for _, name, count, _ in rows(small_file)}
    large = {name: int(count) for _, name, count, _ in rows(large_file)}
    small_n, large_n = rows(small_file)[0][0], rows(large_file)[0][0]
    heading = "SQL queries per uncached page"
    print(f"\n{heading:<30}{small_n + ' articles':>14}{large_n + ' articles':>16}")
    for name in small:
        print(f"{name:<30}{small[name]:>14}{large[name]:>16}")

    failures = publish_report(publish_file)
    if rps["cached article"][0] < CACHED_TARGET * static:
        failures.append(f"cached article below {CACHED_TARGET}× the static file")
    # wrk counts the responses it read; the server also counted those still in flight at the end.
    if not cached <= views <= cached + IN_FLIGHT:
        failures.append("the cached requests were not each counted once")
    if any(bad for _, bad in rps.values()):
        failures.append("non-2xx responses under load")
    if any(large[name] > small[name] for name in small):
        failures.append("query counts grow with the number of articles")
    print("\nTargets:", "all met" if not failures else "MISSED: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
