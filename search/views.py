"""The site search page."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from core.localization import active_locale

from .engine import SiteSearch, clean_query

RESULTS_PER_PAGE = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The site search. Any query string gives a page: bad input is cleaned, never an error."""
    query = clean_query(request.GET.get("q"))
    search_type = request.GET.get("type")
    locale = active_locale()
    site_search = SiteSearch(query, locale)
    context = {"query": query, "search_type": None, "groups": [], "results": None}
    if search_type in SiteSearch.TYPES and query:
        ids = site_search.ids(search_type)
        # get_page() turns ?page=abc into page 1 and ?page=999 into the last page.
        page_obj = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = site_search.hits(search_type, list(page_obj.object_list), request)
        context.update(
            search_type=search_type,
            type_label=site_search.label(search_type),
            results=page_obj,
            total=len(ids),
        )
    elif query:
        context["groups"] = site_search.groups(request)
        context["total"] = sum(group.total for group in context["groups"])
    response = TemplateResponse(request, "search/search.html", context)
    if query:
        # Result pages are not for search engines' indexes; the empty search page may be found.
        response["X-Robots-Tag"] = "noindex"
    return response
