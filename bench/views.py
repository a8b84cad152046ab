"""Endpoints for `make bench`, mounted only when BENCH_ENDPOINTS is on (NYTORGET_BENCH=1).

`ping` is the framework's ceiling: the whole middleware stack and nothing else. `search` runs the
site's search backend over the news articles, for the search target when no search page exists;
`?order=relevance` ranks the matches instead of listing the newest first.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from news.models import NewsArticlePage


@never_cache
def ping(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def search(request: HttpRequest) -> JsonResponse:
    query = request.GET.get("q", "")[:100]
    locale = Locale.objects.get(language_code=request.GET.get("locale", "sv"))
    articles = NewsArticlePage.objects.live().public().filter(locale=locale).defer_streamfields()
    if request.GET.get("order") == "relevance":
        results = articles.search(query)[:10]
    else:
        # Newest first, as a news archive lists: PostgreSQL stops at the tenth match.
        results = articles.order_by("-first_published_at").search(query, order_by_relevance=False)[
            :10
        ]
    return JsonResponse({"query": query, "results": [{"title": p.title} for p in results]})
