"""How long after a change every article shows it: `visible.py TEXT PATHS BASE`.

Reads every path again and again (as readers keep doing) until each page holds TEXT, and takes
from the edge's `Age` header when that copy was rendered: so it can run after the load phase
(adding no load of its own) and still say when the last page changed. Prints the seconds from
build/published.at to then, or "never" (exit 1) when some page does not show it after a minute.
"""

import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

text, paths_file, base = sys.argv[1], sys.argv[2], sys.argv[3]
waiting = set(Path(paths_file).read_text().split())
published = float(Path("build/published.at").read_text())


rendered: list[float] = []  # when each page's copy that shows TEXT was made


def shows(path: str) -> bool:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        if text not in response.read().decode():
            return False
        rendered.append(time.time() - int(response.headers.get("Age") or 0))
        return True


with ThreadPoolExecutor(8) as pool:
    while waiting and time.time() - published < 60:
        pending = sorted(waiting)
        waiting -= {path for path, ok in zip(pending, pool.map(shows, pending), strict=True) if ok}
print(f"{max(max(rendered) - published, 0):.1f}" if not waiting else "never")
sys.exit(1 if waiting else 0)
