from django.urls import path
from django.views.decorators.cache import never_cache

from . import views

app_name = "contact"
# Personal pages (the form holds the reader's CSRF token; the thanks page their lead): never
# kept by the edge, a CDN or the browser.
urlpatterns = [
    path("", never_cache(views.ContactView.as_view()), name="form"),
    path("thanks/", never_cache(views.thanks), name="thanks"),
    path("privacy/", never_cache(views.privacy), name="privacy"),
]
