"""Absolute URLs: the one rule that pages, feeds, the API, exports and meta tags follow.

`PUBLIC_BASE_URL` (required in production) names the site's public address. Without it
(development, tests) a URL names the address the request came to, so `make run` links to
itself on whatever host and port serves it. Code that builds a URL without the request (the
API's page fields) gets the address of the request being served, which the middleware keeps.
Django and the standard library only: the settings import it.
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.functional import lazy

_serving: ContextVar[str] = ContextVar("serving_address", default="")


def request_root(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def public_root(request: HttpRequest | None = None) -> str:
    """Scheme and host that absolute URLs start with; "" when nothing says it."""
    configured = getattr(settings, "PUBLIC_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    if isinstance(request, HttpRequest):
        return request_root(request)
    return _serving.get()


# For settings that Wagtail reads as a string on each use (WAGTAILAPI_BASE_URL).
lazy_public_root = lazy(public_root, str)


def absolute(url: str, request: HttpRequest | None = None) -> str:
    """A path made absolute by the rule above; a URL that is already absolute is kept."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return public_root(request) + url


class ServingAddressMiddleware:
    """Keeps the address of the request being served for URLs built without the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if getattr(settings, "PUBLIC_BASE_URL", ""):
            return self.get_response(request)  # the configured address wins anyway
        token = _serving.set(request_root(request))
        try:
            return self.get_response(request)
        finally:
            _serving.reset(token)


class PublicURLPageMixin:
    """Pages whose full URL follows the rule above instead of the Wagtail Site's hostname.

    Wagtail builds a page's full URL from its Site record ("localhost" in a new install);
    overriding `get_url_parts` is Wagtail's documented way to change it.
    """

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        root = public_root(request)
        if parts is None or parts[1] is None or not root:
            return parts
        site_id, _root_url, page_path = parts
        return site_id, root, page_path
