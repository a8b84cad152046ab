"""Tells the page cache which page a response serves (pagecache/tags.py)."""

from wagtail import hooks

from .tags import serving_page


@hooks.register("before_serve_page")
def record_the_served_page(page, request, serve_args, serve_kwargs):
    serving_page(page)
