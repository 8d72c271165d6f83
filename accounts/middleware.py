from django.conf import settings
from django.utils import translation


class PreferredLanguageMiddleware:
    """Signed-in people read in the language of their profile.

    A language chosen with the switcher (the language cookie) still wins, so
    someone can look at the other language without changing their profile.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if (
            user is not None
            and user.is_authenticated
            and user.preferred_language
            and not chosen
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)
