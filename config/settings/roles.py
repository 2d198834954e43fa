"""The site's roles and what each may do, in one place: `access.roles.sync` makes the groups
hold exactly this after every `migrate` (and `manage.py sync_roles`), so a permission granted
or taken away by hand in the admin's group editor comes back to what is written here.

Editors write and publish articles and keep the shared records (authors, cities, offices, calls
to action) up to date; Moderators can also delete those and lock pages; Sales work the leads.
Every role sees the leads-per-article and content-performance reports (counts and money only).
"""

SHARED_RECORDS = ("author", "city", "office", "calltoaction")
PUBLISHED_RECORDS = ("office", "calltoaction")
MEDIA = ("wagtailimages.%s_image", "wagtaildocs.%s_document")
REPORTS = ("contact.view_leadsreport", "performance.view_contentperformance")
SUBSCRIBERS = {"Editors": ["newsletter.view_subscriber", "newsletter.change_newslettersettings"],
               "Moderators": ["newsletter.view_subscriber", "newsletter.change_subscriber",
                              "newsletter.delete_subscriber",
                              "newsletter.change_newslettersettings"]}  # fmt: skip


def _content(actions: tuple[str, ...], page_actions: tuple[str, ...]) -> dict:
    records = [f"articles.{a}_{m}" for a in actions for m in SHARED_RECORDS]
    published = [f"articles.publish_{m}" for m in PUBLISHED_RECORDS]
    media = [pattern % a for pattern in MEDIA for a in ("add", "change", "choose", "delete")]
    return {
        "permissions": ["wagtailadmin.access_admin", *records, *published, *media, *REPORTS],
        "pages": list(page_actions),  # on the root page, so on every page
        "collections": [pattern % a for pattern in MEDIA for a in ("add", "change", "choose")],
    }


ROLES = {
    "Editors": _content(("add", "change", "view"), ("add_page", "change_page", "publish_page")),
    "Moderators": _content(
        ("add", "change", "delete", "view"),
        ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    ),
    "Sales": {
        "permissions": [
            "wagtailadmin.access_admin",
            "contact.view_inquiry",
            "contact.change_inquiry",
            "contact.view_unmatchedmail",
            "contact.change_unmatchedmail",
            "contact.delete_unmatchedmail",
            *(
                f"contact.{action}_{model}"
                for action in ("add", "change", "delete", "view")
                for model in ("lostreason", "savedreply")
            ),
            *REPORTS,
        ],  # fmt: skip
        "pages": [],
        "collections": [],
    },
}

# A permission on one of these apps (or any page permission) makes a user content staff: the
# admin's page, image, document and snippet screens are open to them (access.boundaries).
CONTENT_APPS = ("wagtailcore", "wagtailimages", "wagtaildocs", "articles", "taggit")

for _name, _extra in SUBSCRIBERS.items():  # the subscribers list: content staff's, not Sales'
    ROLES[_name]["permissions"] += _extra
