"""axe-core in the page: WCAG 2.2 AA and best practice, as every browser test checks them."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHECKED = [*WCAG_22_AA, "best-practice"]  # landmark-unique, region, heading-order, …


def violations(page: Page) -> list[str]:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": CHECKED}})
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result.response["violations"]]
