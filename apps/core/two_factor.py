"""The second-factor rule, one place for pages and API (session and token alike)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions


def second_factor_required(user) -> bool:
    """True if this user's role must pass TOTP (steering admins and finance officers)."""
    return bool(getattr(settings, "DE165_REQUIRE_2FA", True) and user.needs_two_factor)


def second_factor_missing(user) -> bool:
    """True if the user's session has passed the password step but not the second factor."""
    return second_factor_required(user) and not user.is_verified()


def token_issued_after_verification(token) -> bool:
    """A token of a 2FA role counts only if it was issued after the user enrolled a TOTP app.

    Tokens are issued on a page behind the second factor; a token created before enrolment
    (by an operator, or while 2FA was off) is refused until the user issues a new one.
    """
    enrolled = (
        TOTPDevice.objects.devices_for_user(token.user, confirmed=True)
        .filter(created_at__lte=token.created)
        .exists()
    )
    return enrolled


SECOND_FACTOR_MESSAGE = _(
    "Your role needs the second factor: sign in on the website with your authenticator code first."
)


class SessionAuthentication(authentication.SessionAuthentication):
    """Session authentication that refuses a session which has not passed the second factor."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and second_factor_missing(result[0]):
            raise exceptions.AuthenticationFailed(SECOND_FACTOR_MESSAGE)
        return result


class TokenAuthentication(authentication.TokenAuthentication):
    """Token authentication that refuses a 2FA role's token issued before its verification."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if second_factor_required(user) and not token_issued_after_verification(token):
            raise exceptions.AuthenticationFailed(SECOND_FACTOR_MESSAGE)
        return user, token


class TwoFactorSessionScheme(SessionScheme):
    """The OpenAPI description of the session authentication above (a cookie, as before)."""

    target_class = "apps.core.two_factor.SessionAuthentication"
