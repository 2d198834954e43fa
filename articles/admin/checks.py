"""The article analysis (articles/analysis.py) in Wagtail's own Checks panel: one axe rule per
finding, met by the preview's h1 when the analysis names that finding on it."""

from wagtail.admin.userbar import ContentCheckerItem

from articles.analysis import CHECKS

FINDING_CHECK = "article-finding"
NEVER_PRESENT = "[data-article-finding-never-present]"


def rule_id(finding: str) -> str:
    return f"article-{finding}"


class ArticleContentChecks(ContentCheckerItem):
    """Wagtail's checks, plus a rule a finding fails: axe's own "has a descendant" test, asked
    for a descendant no page has."""

    axe_run_only = [*ContentCheckerItem.axe_run_only, *map(rule_id, CHECKS)]
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        *(
            {
                "id": rule_id(finding),
                "impact": "moderate",
                "selector": f'h1[data-content-findings~="{finding}"]',
                "tags": ["seo"],
                "any": [FINDING_CHECK],
                "enabled": True,
            }
            for finding in CHECKS
        ),
    ]
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        {"id": FINDING_CHECK, "evaluate": "has-descendant-evaluate",
         "options": {"selector": NEVER_PRESENT}},
    ]  # fmt: skip
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        **{
            rule_id(finding): {"error_name": check.error_name, "help_text": check.help_text}
            for finding, check in CHECKS.items()
        },
    }


def use_article_checks(request, items: list, page=None) -> None:
    """construct_wagtail_userbar: Wagtail's content checker becomes ours (editor and userbar)."""
    items[:] = [
        ArticleContentChecks(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ArticleContentChecks)
        else item
        for item in items
    ]
