from django.urls import path
from django.views.decorators.cache import never_cache

from . import views

app_name = "calls"
# Personal pages under /contact/ (which the edge passes): never kept by a cache.
urlpatterns = [
    path("book/<str:token>/", never_cache(views.book), name="book"),
    path("<uuid:key>/", never_cache(views.call_page), name="call"),
]
