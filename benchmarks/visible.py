"""How long after a change every article shows it: `visible.py PATHS BASE`.

Waits for the editor's change (build/published.at; the new text in build/published.shown), then
reads every path of the PATHS file again and again (as readers keep doing) until each page holds
the text, taking from the edge's `Age` header when the first copy seen with it was rendered: so
it can poll one page during a load phase, or every article after one, adding no load of its own
to the phase. Prints the seconds from the change to the last page's, or "never" (exit 1).
"""

import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

paths_file, base = sys.argv[1], sys.argv[2]
done = Path("build/published.at")
deadline = time.time() + 120
while not done.exists() and time.time() < deadline:
    time.sleep(0.02)
published = float(done.read_text())
text = Path("build/published.shown").read_text()
waiting = set(Path(paths_file).read_text().split())
rendered: list[float] = []  # when the first copy of each page that shows the text was made


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
        time.sleep(0.05)
print(f"{max(max(rendered) - published, 0):.1f}" if not waiting else "never")
sys.exit(1 if waiting else 0)
