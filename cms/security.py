"""What the security libraries need from the project (docs/operations.md).

The policies and limits are settings (cms/settings/base.py); django-csp writes the header and
django-axes counts failed logins. Here: the admin's own policy by path, the client's address
behind the proxy, and the lockout page.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_PATH_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with `ADMIN_CONTENT_SECURITY_POLICY` under the admin's paths.

    Wagtail's admin needs inline styles that public pages must never allow. A view that sets its
    own header (the embeds, Wagtail's document view) keeps it.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def client_ip(request: HttpRequest) -> str:
    """The client's address, as login throttling counts it.

    Each of the `TRUSTED_PROXY_COUNT` proxies in front of the app appends the address it saw to
    X-Forwarded-For, so the client is that many entries from the right; anything further left is
    the client's own claim and is ignored.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(
    request: HttpRequest, response: HttpResponseBase | None, credentials: dict | None
) -> HttpResponse:
    """django-axes' answer to a locked-out login: the admin's look, in the user's language."""
    cooloff = settings.AXES_COOLOFF_TIME
    locked = render(
        request,
        "cms/login_locked.html",
        {"minutes": int(cooloff.total_seconds() // 60)},
        status=429,
    )
    locked["Retry-After"] = str(int(cooloff.total_seconds()))
    return locked
