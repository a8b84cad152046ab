"""Mounted under /bench/ only when BENCH_ENDPOINTS is on (NYTORGET_BENCH=1)."""

from django.urls import path

from .views import ping, search

urlpatterns = [path("ping/", ping), path("search/", search)]
