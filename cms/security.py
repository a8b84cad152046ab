"""The admin's side of the security headers: its own Content-Security-Policy.

The policies themselves are settings (cms/settings/base.py, docs/operations.md); django-csp
writes the header. What it cannot do by itself is choose a policy by path.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


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
