"""Agency views (work in progress)."""

from django.http import HttpResponse

from apps.core.scoping import get_scoped_or_404

from .models import Agency


def agency_tree(request):
    return HttpResponse("")


def agency_detail(request, pk):
    get_scoped_or_404(Agency.objects, request.user, pk=pk)
    return HttpResponse("")
