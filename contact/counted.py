"""The contact form's page counts as a page view (settings.COUNTED_PAGES)."""

SECTIONS = [("contact", r"/contact/", None)]
