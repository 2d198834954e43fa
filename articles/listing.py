"""One page of a listing of articles, for the blog index and the other listings."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

ARTICLES_PER_PAGE = 10
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def paginate(request: HttpRequest, queryset, per_page: int = ARTICLES_PER_PAGE) -> PaginatorPage:
    """One page of a listing; a page number that is not a page answers 404, never 500 (and one
    written oddly, 0 or 007 or a thousand digits, without counting the articles)."""
    number = request.GET.get("page", "1")
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404(_("No such page of articles"))
    paginator = Paginator(queryset, per_page)
    try:
        page = paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("No such page of articles")) from error
    page.links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
