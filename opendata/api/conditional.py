"""ETags and conditional GET for API responses.

The tag is a hash of the exact JSON sent, so it changes whenever anything a
client sees changes, and a client that already holds it gets 304 with no body.
"""

import hashlib

from django.utils.cache import get_conditional_response, patch_vary_headers
from rest_framework.response import Response


class ConditionalGetMixin:
    """Adds ETag and answers If-None-Match with 304 on successful reads."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not isinstance(response, Response):
            return response
        response.render()
        digest = hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = f'"{digest}"'
        response["Cache-Control"] = (
            "public, max-age=60"
            if not request.user.is_authenticated
            else "private, max-age=0"
        )
        patch_vary_headers(response, ("Accept", "Authorization", "Cookie"))
        conditional = get_conditional_response(
            request._request, etag=response["ETag"], response=response
        )
        return conditional
