"""Production settings for the servers that the outage tests start (tests/servers.py).

Everything as in production (DEBUG off, kept database connections with health checks, the page
cache, the 500 handler), except static files, which would need `collectstatic` first.
"""

from cms.settings.production import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
