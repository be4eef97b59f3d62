"""Programme settings views (work in progress)."""

from django.http import HttpResponse


def settings_overview(request):
    return HttpResponse("")
