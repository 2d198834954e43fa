"""The site's own covers: no words (the heading is right beside them), a palette of the city and
a motif of the topic, laid out from the article's own seed, so a listing reads as articles, not
one block, and two articles on one city and topic are still told apart. Cheap: a few shapes."""

import hashlib
import io
import math
import random

from PIL import Image as Canvas
from PIL import ImageDraw

from .meta import COVER_SIZE

W, H = COVER_SIZE
# (background, large shapes, small shapes, highlight): dark enough for the light page around.
PALETTES = [
    ("#0f2a44", "#1d4f7a", "#2f6ea3", "#f2b84b"),  # harbour night
    ("#14342b", "#1f5c4a", "#2f8a6d", "#e8d27a"),  # pine
    ("#3a1f2b", "#6b2f45", "#9c4462", "#f3c6a5"),  # brick
    ("#1e2140", "#383d7a", "#5660b3", "#9ee6d8"),  # dusk
    ("#2b2a1c", "#55532f", "#827f45", "#f0a35e"),  # moss
    ("#102f35", "#1b5963", "#2a8794", "#ffd38a"),  # fjord
    ("#2d1c3a", "#543470", "#7b4fa3", "#f7b2c4"),  # heather
    ("#332016", "#6a3f22", "#9b5f33", "#f4d9a0"),  # amber
]


def pick(key: str, choices: list | tuple):
    """The same choice for the same key on every machine (not Python's salted hash)."""
    return choices[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(choices)]


def circles(draw, rng, colours) -> None:
    for x in range(60, W, 150):
        for y in range(60, H, 150):
            r = rng.choice((18, 30, 44, 58))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(colours[1:3]))
    x, y = rng.randrange(150, W - 150), rng.randrange(150, H - 150)
    draw.ellipse((x - 70, y - 70, x + 70, y + 70), fill=colours[3])


def stripes(draw, rng, colours) -> None:
    for offset in range(-H, W + H, 90):
        width = rng.choice((30, 45, 60))
        fill = colours[3] if rng.random() < 0.08 else rng.choice(colours[1:3])
        draw.polygon([(offset, 0), (offset + width, 0), (offset + width - H, H), (offset - H, H)],
                     fill=fill)  # fmt: skip


def arcs(draw, rng, colours) -> None:
    cx, cy = rng.choice(((0, H), (W, H), (W, 0), (0, 0)))
    highlight = rng.randrange(6, 12)
    for n, radius in enumerate(range(1300, 80, -90)):
        fill = colours[3] if n == highlight else (colours[1], colours[0])[n % 2]
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=fill)


def bars(draw, rng, colours) -> None:
    top = H - 60
    for n, x in enumerate(range(60, W - 60, 70)):
        height = int((0.3 + 0.6 * abs(math.sin(n * 0.7 + rng.random()))) * (H - 140))
        fill = colours[3] if rng.random() < 0.1 else colours[1 + n % 2]
        draw.rectangle((x, top - height, x + 44, top), fill=fill)


def waves(draw, rng, colours) -> None:
    phase = rng.random() * math.tau
    for n, base in enumerate(range(40, H + 80, 55)):
        points = [(x, base + 28 * math.sin(x / 90 + phase + n * 0.5)) for x in range(0, W + 20, 20)]
        fill = colours[3] if n == 5 else colours[1 + n % 2]
        draw.line(points, fill=fill, width=14 if n != 5 else 18)


def triangles(draw, rng, colours) -> None:
    size = 120
    for row, y in enumerate(range(0, H + size, size)):
        for x in range(-size, W + size, size):
            shift = (row % 2) * size // 2
            up = [(x + shift, y + size), (x + shift + size // 2, y), (x + shift + size, y + size)]
            fill = colours[3] if rng.random() < 0.05 else rng.choice(colours[:3])
            draw.polygon(up, fill=fill)


MOTIFS = [circles, stripes, arcs, bars, waves, triangles]


def draw_artwork(city: str, topic: str, seed: str) -> bytes:
    """A 1200×630 PNG: the city's palette, the topic's motif, the article's own arrangement."""
    colours = pick(f"city:{city}", PALETTES)
    motif = pick(f"topic:{topic}", MOTIFS)
    canvas = Canvas.new("RGB", COVER_SIZE, colours[0])
    motif(ImageDraw.Draw(canvas), random.Random(seed), colours)
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()
