"""Test-only authentication: Django's test client logs in without a request."""

from axes.backends import AxesStandaloneBackend


class AxesBackendAllowingClientLogin(AxesStandaloneBackend):
    """django-axes' backend, except for `client.login()`, which passes no request to count.

    Real logins over HTTP (the admin's form) carry a request and meet axes as in production.
    """

    def authenticate(self, request, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
