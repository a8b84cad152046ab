from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Removes a user's authenticator app, e.g. after a lost phone. The user then logs in with "
        "the password alone and, where two-factor authentication is required, enrols a new app."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Removed {deleted} authenticator app(s) of {username}.")
