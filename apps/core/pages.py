"""Page helpers every registry-style app shares: a filtered, paginated list and an edit page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_filters.views import FilterView
from django_tables2.views import SingleTableMixin

from .forms import apply_service_errors
from .permissions import may

TABLE_ATTRS = {"class": "table table-sm table-striped table-hover align-middle"}


class ListPage(SingleTableMixin, FilterView):
    """A list with filters and a table (``core/list.html``).

    ``perm`` (a permission of the app's policy) opens it and ``create_perm`` shows the create
    button.
    """

    paginate_by = 25
    template_name = "core/list.html"
    title = ""
    create_url = ""
    #: what the add button adds ("Add a course"); a bare "Add" says nothing
    create_label = ""
    links: tuple[tuple[str, str], ...] = ()
    perm = ""
    create_perm = ""

    def dispatch(self, request, *args, **kwargs):
        if not may(request.user, self.perm):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        user = self.request.user
        creates = bool(self.create_perm) and may(user, self.create_perm)
        context["create_url"] = self.create_url if creates else ""
        context["create_label"] = self.create_label
        context["links"] = self.links
        return context


def edit_page(
    request,
    form,
    *,
    save,
    title: str = "",
    cancel: str = "",
    template: str = "core/edit.html",
    context: dict | None = None,
    success_message: str = "",
    success_url: str = "",
):
    """The page of one edit form: validate, save through ``save(cleaned_data)``, report.

    ``save`` returns the saved object; its ValidationError goes onto the form. On success the
    message (``%(name)s`` = the object; "Saved." by default) is shown and the page redirects to
    ``success_url``, else to the object. ``template`` gets ``form``, ``title``, ``cancel`` and
    ``context``.
    """
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, (success_message or _("Saved.")) % {"name": obj})
            return redirect(success_url or obj)
    page = {"form": form, "title": title, "cancel": cancel, **(context or {})}
    return render(request, template, page)
