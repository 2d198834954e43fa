"""The report's daily chart as SVG drawn on the server: no script, no outside request."""

WIDTH, HEIGHT, PAD = 720, 160, 24


def daily_chart(days: list[dict]) -> dict:
    """Bars for article views per day, a line for leads per day (each on its own scale)."""
    if not days:
        return {}
    top_views = max(day["views"] for day in days) or 1
    top_leads = max(day["leads"] for day in days) or 1
    step = (WIDTH - 2 * PAD) / len(days)
    usable = HEIGHT - 2 * PAD
    bars, points = [], []
    for n, day in enumerate(days):
        height = usable * day["views"] / top_views
        x = PAD + n * step
        bars.append({"x": round(x + step * 0.15, 1), "y": round(HEIGHT - PAD - height, 1),
                     "width": round(step * 0.7, 1), "height": round(height, 1), **day})  # fmt: skip
        y = HEIGHT - PAD - usable * day["leads"] / top_leads
        points.append(f"{x + step / 2:.1f},{y:.1f}")
    return {
        "width": WIDTH, "height": HEIGHT, "bars": bars, "leads_line": " ".join(points),
        "top_views": max(day["views"] for day in days),
        "top_leads": max(day["leads"] for day in days),
        "first": days[0]["day"], "last": days[-1]["day"], "baseline": HEIGHT - PAD,
        "right": WIDTH - PAD, "pad": PAD, "label_y": HEIGHT - 6,
    }  # fmt: skip
