"""An editor's change made a third of the way into a load phase: `publish.py KIND SECONDS`.

KIND is `article` (an established article updated), `cta` (the default call to action's
heading changed and published) or `unpublish` (an article taken down). Django is set up, and
what an editor's running process has loaded is loaded, before the phase starts (the file
build/publisher.ready says so): the phase measures the change, not a Python start-up. Prints
what readers should now see: the new text, or the path that must be gone; writes how long the
change itself took (build/published.took).
"""

import sys
import time
from pathlib import Path

import django

django.setup()

from articles.models import ArticlePage, CallToAction  # noqa: E402

kind, seconds = sys.argv[1], float(sys.argv[2])
articles = ArticlePage.objects.live().exclude(first_published_at=None).order_by("pk")
page = articles.first() if kind == "article" else articles.last()
cta = CallToAction.default()
page.url  # noqa: B018  (URL patterns and the site root, as in a running process)
Path("build/publisher.ready").touch()
time.sleep(seconds / 3)
started = time.monotonic()
if kind == "article":
    page.title += " (updated)"
    page.save_revision().publish()
    shown = page.title
elif kind == "cta":
    cta.heading = f"Scale Your Backend, {time.time():.0f}"
    cta.save_revision().publish()
    shown = cta.heading
else:
    shown = page.url
    page.unpublish()
Path("build/published.shown").write_text(shown)
Path("build/published.path").write_text(page.url)
Path("build/published.at").write_text(str(time.time()))  # last: visible.py waits for it
Path("build/published.took").write_text(f"{time.monotonic() - started:.2f}")
print(shown)
