"""The editors' side of the articles, apart from what readers get: the page editor's form and
SEO panel (editing.py), the newsroom listing (newsroom.py), previews of the shared blocks
(shared_preview.py), the shared content's viewsets (viewsets.py) and the editors' own endpoints
(views.py). wagtail_hooks.py registers them.
"""
