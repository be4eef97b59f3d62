"""Cadre views (work in progress)."""

from django.http import HttpResponse


def cadre_list(request):
    return HttpResponse("")


def my_record(request):
    return HttpResponse("")


def cadre_detail(request, pk):
    return HttpResponse("")
