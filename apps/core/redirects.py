"""Where to go after a form: a ``next`` address only if it stays on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, default: str) -> str:
    """``next`` from the form or query string if it is a URL of this site, else ``default``.

    Django's check refuses other hosts, schemes and tricks such as ``//evil``, ``/\\evil``
    or control characters, which a prefix test on "/" lets through.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
