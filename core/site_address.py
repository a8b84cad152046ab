"""The Wagtail Site record follows PUBLIC_BASE_URL.

Wagtail's own code builds some URLs from the Site's hostname and port (its page listing in the
API, the CDN purges of wagtail.contrib.frontend_cache). Keeping the record in step on every
`migrate` makes those agree with ours, with the setting as the one place to change it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def sync_default_site(**kwargs) -> None:
    """A post_migrate receiver: the default Site takes its hostname and port from the setting."""
    base = getattr(settings, "PUBLIC_BASE_URL", "")
    if not base:
        return
    parts = urlsplit(base)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()  # save(), not update(): Wagtail clears its cached site root paths on save
