"""Sales' side of the leads, in the admin: the Inquiries viewset (viewsets.py, forms.py), the
pipeline (pipeline.py), the dashboard's Sales desk (dashboard.py), the lead's timeline
(timeline.py) and the Leads by article report (views.py). wagtail_hooks.py registers them."""
