"""Subscribing, confirming and unsubscribing. Personal pages: never cached (urls.py).

The subscribe form is also on cached pages (articles, home), which cannot carry a CSRF token:
the post is accepted only from this site's own pages (the browser's Sec-Fetch-Site, else the
Origin header), which is what a token would prove. Every answer to a post is the same "check
your inbox", so the form never tells whether an address is subscribed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from access.ratelimit import client_over_limit, over_limit

from .digests import site_choice
from .forms import PreferencesForm, SubscribeForm
from .links import CONFIRM, MANAGE, subscriber_of
from .mail import send_confirmation
from .models import Subscriber

TOO_MANY = _("Too many tries from your network just now. Please wait a minute and try again.")


def from_this_site(request: HttpRequest) -> bool:
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN")
    return origin is None or urlsplit(origin).netloc == request.get_host()


@csrf_exempt  # see the module's docstring: the origin is checked instead
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = SubscribeForm(initial={"article": request.GET.get("article", "")[:20]})
        return render(request, "newsletter/subscribe.html", {"form": form})
    if not from_this_site(request):
        return HttpResponseForbidden()
    form = SubscribeForm(request.POST)
    if form.is_spam:
        return redirect("newsletter:sent")  # looks like success; nothing is kept
    if client_over_limit(request, "subscribe", settings.NEWSLETTER_RATE_LIMIT):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return render(request, "newsletter/subscribe.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    keep(form.cleaned_data)
    return redirect("newsletter:sent")


def keep(data: dict) -> None:
    """A new or lapsed address waits for its confirmation; a subscribed one is left as it is.
    A few confirmations an hour per address at most, whoever asks."""
    email = data["email"]
    interests = sorted(data.get("interests") or [])
    try:
        with transaction.atomic():
            subscriber, created = Subscriber.objects.select_for_update().get_or_create(
                email=email, defaults={"interests": interests, "source_article": data["article"]}
            )
            if subscriber.state == Subscriber.State.ACTIVE:
                return
            if not created:
                subscriber.state, subscriber.interests = Subscriber.State.PENDING, interests
                subscriber.created_at = timezone.now()
                subscriber.save()
            if not over_limit(f"subscribe-address:{email}", 3, 3600):
                send_confirmation.enqueue(subscriber.pk)
    except IntegrityError:  # the same address, posted twice at once: the other post kept it
        return


def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/sent.html")


@csrf_exempt  # the signed link is the authority; a mail scanner's GET changes nothing
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = subscriber_of(token, CONFIRM)
    if subscriber is None or subscriber.state == Subscriber.State.UNSUBSCRIBED:
        return render(request, "newsletter/link_expired.html", status=404)
    if request.method == "POST" and subscriber.state == Subscriber.State.PENDING:
        subscriber.state, subscriber.confirmed_at = Subscriber.State.ACTIVE, timezone.now()
        subscriber.save(update_fields=["state", "confirmed_at"])
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a token
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = subscriber_of(token, MANAGE)
    if subscriber is None:
        return render(request, "newsletter/link_expired.html", status=404)
    chosen = site_choice()
    initial = {"interests": subscriber.interests, "rhythm": subscriber.rhythm or chosen.rhythm}
    preferences = PreferencesForm(initial=initial, weekly=chosen)
    saved = False
    if request.method == "POST" and request.POST.get("action") == "preferences":
        preferences = PreferencesForm(request.POST, weekly=chosen)
        if saved := preferences.is_valid():  # the same link: change what and how often
            subscriber.interests = sorted(preferences.cleaned_data["interests"])
            subscriber.rhythm = preferences.cleaned_data["rhythm"] or subscriber.rhythm
            subscriber.save(update_fields=["interests", "rhythm"])
    elif request.method == "POST" and subscriber.state != Subscriber.State.UNSUBSCRIBED:
        subscriber.state, subscriber.unsubscribed_at = (
            Subscriber.State.UNSUBSCRIBED, timezone.now()
        )  # fmt: skip
        subscriber.save(update_fields=["state", "unsubscribed_at"])
    context = {"subscriber": subscriber, "preferences": preferences, "saved": saved}
    return render(request, "newsletter/unsubscribe.html", context)
