"""Excel import views (work in progress)."""

from django.http import HttpResponse


def import_list(request):
    return HttpResponse("")
