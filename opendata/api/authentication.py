"""Token authentication that checks a key's form before looking it up."""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

# DRF issues 40 lowercase hexadecimal characters.
TOKEN_KEY = re.compile(r"^[0-9a-f]{40}$")


class ApiTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``; malformed keys never reach the database."""

    def authenticate_credentials(self, key: str):
        if not TOKEN_KEY.match(key):
            raise AuthenticationFailed(_("Invalid token."))
        return super().authenticate_credentials(key)
