from django.urls import path
from django.views.decorators.cache import never_cache

from . import views

app_name = "newsletter"
# Personal pages: never kept by the edge, a CDN or the browser (the VCL passes /subscribe/).
urlpatterns = [
    path("", never_cache(views.subscribe), name="subscribe"),
    path("sent/", never_cache(views.sent), name="sent"),
    path("confirm/<str:token>/", never_cache(views.confirm), name="confirm"),
    path("unsubscribe/<str:token>/", never_cache(views.unsubscribe), name="unsubscribe"),
]
