from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.models import publisher_name
from news.feeds import NewsAtomFeed, NewsRssFeed
from promises import views as promise_views
from promises.feeds import FollowUpAtomFeed, FollowUpRssFeed
from search.views import search

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("brand/<str:colour>.css", home_views.brand_css, name="brand_css"),
]

if settings.BENCH_ENDPOINTS:
    urlpatterns.append(path("bench/", include("bench.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# For partners, outside the language prefix (the language is in the path or the data):
# API v3 with the project's routers (registered in the apps' ready()), feeds, open data, embeds.
news_rss, news_atom = NewsRssFeed(publisher_name), NewsAtomFeed(publisher_name)
follow_ups_rss = FollowUpRssFeed(publisher_name)
follow_ups_atom = FollowUpAtomFeed(publisher_name)
urlpatterns += [
    path("api/v3/", api.urls),
    path("feeds/<str:language>/news/rss/", news_rss, name="news_feed_rss"),
    path("feeds/<str:language>/news/atom/", news_atom, name="news_feed_atom"),
    path("feeds/<str:language>/news/<slug:topic>/rss/", news_rss, name="topic_feed_rss"),
    path("feeds/<str:language>/news/<slug:topic>/atom/", news_atom, name="topic_feed_atom"),
    path("feeds/<str:language>/follow-ups/rss/", follow_ups_rss, name="follow_ups_feed_rss"),
    path("feeds/<str:language>/follow-ups/atom/", follow_ups_atom, name="follow_ups_feed_atom"),
    path(
        "feeds/agreements/<int:page_id>/follow-ups/rss/",
        follow_ups_rss,
        name="agreement_follow_ups_feed_rss",
    ),
    path(
        "feeds/agreements/<int:page_id>/follow-ups/atom/",
        follow_ups_atom,
        name="agreement_follow_ups_feed_atom",
    ),
    path(
        "open-data/agreements/<int:page_id>/promises.<str:format>",
        promise_views.export_promises,
        name="open_data_promises",
    ),
    path(
        "embed/agreements/<int:page_id>/",
        promise_views.embed_agreement,
        name="embed_agreement",
    ),
    path(
        "embed/promises/<int:promise_id>/",
        promise_views.embed_promise,
        name="embed_promise",
    ),
]

# Every public page carries its language: /sv/..., /en/...; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("sok/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# The 404 page is Django's own view with templates/404.html; the 500 page needs no database.
handler500 = "home.views.server_error"
