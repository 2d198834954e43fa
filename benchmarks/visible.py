"""How long after a change every article shows it: `visible.py TEXT PATHS BASE`.

Reads every path again and again (as readers keep doing) until each page holds TEXT; prints
the seconds since build/published.at, or exits 1 after a minute.
"""

import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

text, paths_file, base = sys.argv[1], sys.argv[2], sys.argv[3]
waiting = set(Path(paths_file).read_text().split())
published = float(Path("build/published.at").read_text())


def shows(path: str) -> bool:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return text in response.read().decode()


with ThreadPoolExecutor(8) as pool:
    while waiting and time.time() - published < 60:
        pending = sorted(waiting)
        waiting -= {path for path, ok in zip(pending, pool.map(shows, pending), strict=True) if ok}
print(f"{time.time() - published:.1f}" if not waiting else "never")
sys.exit(1 if waiting else 0)
