"""Every page needs a login; steering admins and finance officers also need their TOTP code."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .two_factor import second_factor_missing

#: URL name prefixes reachable without a login (the API authenticates itself, with the same
#: second-factor rule: apps.core.two_factor).
PUBLIC_PREFIXES = ("/static/", "/api/", "/i18n/")
PUBLIC_NAMES = frozenset({"core:login", "core:health"})
#: URL names reachable after the password step but before the second factor.
SECOND_STEP_NAMES = frozenset(
    {"core:otp_verify", "core:otp_setup", "core:logout", "core:health", "core:set_language"}
)


class LoginRequiredAndTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    # Django calls process_view on middleware classes that define it.
    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(PUBLIC_PREFIXES):
            return None
        match = request.resolver_match
        name = f"{match.namespace}:{match.url_name}" if match and match.namespace else ""
        if name in PUBLIC_NAMES:
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}")
        if second_factor_missing(user) and name not in SECOND_STEP_NAMES:
            return redirect("core:otp_verify")
        return None


class LanguageMiddleware:
    """Vietnamese unless the user chose another language (cookie set by the language switch).

    The browser's Accept-Language is deliberately ignored: the interface of the programme is
    Vietnamese whatever the language of the computer it is used on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response but static files.

    Pages, exports, documents, the API and the token page carry personal data; by rule none may
    be kept by a browser or proxy cache (a view that sets its own Cache-Control keeps it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL) and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response


#: Paging parameters every list reads (django-tables2, DRF): bounded here, once for all lists.
PAGING_LIMITS = {"page": 2_147_483_647, "per_page": 100, "page_size": 100}


class BoundedPagingMiddleware:
    """Drop a ``page``/``per_page`` that is not a whole number in range, so the list falls
    back to its default instead of a server error (``per_page=-1``, ``per_page=10**30``), and
    remove NUL characters from every query value (``?q=x%00``), which PostgreSQL cannot hold."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = [
            key
            for key, limit in PAGING_LIMITS.items()
            if key in request.GET
            and not (request.GET[key].isdigit() and 1 <= int(request.GET[key]) <= limit)
        ]
        nul = any("\x00" in value for value in request.GET.values())
        if bad or nul:
            query = request.GET.copy()
            for key in bad:
                del query[key]
            if nul:
                # PostgreSQL refuses NUL in a text value: every search and filter would be a 500.
                for key, values in list(query.lists()):
                    query.setlist(key, [value.replace("\x00", "") for value in values])
            query._mutable = False
            request.GET = query
        return self.get_response(request)
