"""Editors' and Sales' admin side of performance: the report (views.py, forms.py, chart.py)
and the article editor's side panel (side_panel.py). wagtail_hooks.py registers them."""
