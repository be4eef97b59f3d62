"""Malformed input on every filter: never a server error (issue 9).

Every URL of the permission matrix that a steering admin may open is requested with hostile
values in each of its filters (page and API) and in the common paging and sorting parameters.
A 400, a 404 or the page with the filter's errors are all fine; a 500 is not. The reported
instances are pinned by name below. Every form those pages render is then posted back with
hostile values (a Vietnamese form error, never a 500).
"""

import datetime

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from tests.test_permission_matrix import EXPECTED, world  # noqa: F401  (the shared fixture)

HUGE = "9" * 30
#: One per class: exponent, beyond any column, negative, fraction, impossible date, text.
HOSTILE = ["1e16", HUGE, "-1", "31/12/9999", "x" * 300 + "\x00"]
COMMON = ["page", "per_page", "sort", "ordering", "q", "year", "status", "agency"]


def _filter_names(url: str, response) -> set[str]:
    names = set(COMMON)
    context = getattr(response, "context", None)
    if context is not None and context.get("filter") is not None:
        names |= set(context["filter"].filters)
    view = getattr(resolve(url).func, "cls", None)
    filterset = getattr(view, "filterset_class", None)
    if filterset is not None:
        names |= set(filterset.base_filters)
    return names


def _urls(world):  # noqa: F811
    for name, (build, statuses) in sorted(EXPECTED.items()):
        if statuses["steering_admin"] == 200:
            yield name, reverse(name, kwargs=build(world) if build else None)


def test_hostile_filter_values_never_cause_a_server_error(world, client_for, api_for):  # noqa: F811
    admin = world["steering_admin"]
    page, api = client_for(admin), api_for(admin)
    page.raise_request_exception = api.raise_request_exception = False
    errors = []
    for name, url in _urls(world):
        client = api if url.startswith("/api/") else page
        first = client.get(url)
        for param in sorted(_filter_names(url, first)):
            for value in HOSTILE:
                status = client.get(url, {param: value}).status_code
                if status >= 500:
                    errors.append((name, param, value, status))
    assert errors == []


@pytest.mark.parametrize(
    "url",
    [
        "/courses/?year=1e16",
        "/api/courses/?year=1e16",
        "/planning/consolidation/0/",
        "/planning/consolidation/99999/",
        f"/cadres/{HUGE}/",
        f"/api/cadres/{HUGE}/",
        f"/cadres/?page={HUGE}",
        "/cadres/?sort=no_such_column",
        "/agencies/list/?per_page=-1",
        f"/courses/partners/?per_page={HUGE}",
        f"/api/cadres/?page={HUGE}",
    ],
)
def test_reported_urls_answer_400_or_404(url, client_for, steering_admin, api_for):
    client = api_for(steering_admin) if url.startswith("/api/") else client_for(steering_admin)
    assert client.get(url).status_code in (200, 400, 404)


def _needs(places="1", candidates=()):
    return {
        "year": 2027,
        "lines": [{"form": "SHORT", "content_group": 1, "places": places}],
        "candidates": list(candidates),
    }


def _nest(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_reported_api_bodies_answer_400(reference_data, steering_admin, agency_officer, api_for):
    from apps.planning.tests.factories import make_call

    make_call(year=2027, by=steering_admin, deadline=datetime.date(2099, 1, 1))
    api = api_for(agency_officer)
    url = "/api/planning/needs/"
    assert api.post(url, _needs(places=str(10**20)), format="json").status_code == 400
    assert api.post(url, _needs(candidates=[10**30]), format="json").status_code == 400
    for depth in (40, 5000):
        response = api.post(url, _nest(depth), content_type="application/json")
        assert response.status_code == 400, depth


# --- Hostile form posts -------------------------------------------------------------------------

#: One per class, posted in every field of a form at once; the first also in each field alone
#: (the others left as the page rendered them, so the form can pass and reach the database).
HOSTILE_POSTS = [str(10**30), "-" + str(10**30), "1e16", "31/12/9999", "x" * 5000]


def _forms(context):
    """Every form and formset a page renders (its context, flattened)."""
    from django.forms import BaseForm
    from django.forms.formsets import BaseFormSet

    seen = {}
    # A ContextList (several templates) has keys(); one RequestContext flattens to a dict.
    keys = context.keys() if hasattr(context, "keys") else context.flatten().keys()
    for key in keys:
        value = context[key]
        if isinstance(value, (BaseForm, BaseFormSet)):
            seen[id(value)] = value
    return list(seen.values())


def _initial(form) -> dict:
    """The data the page would post untouched: every field's rendered value."""
    from django.forms.formsets import BaseFormSet

    if isinstance(form, BaseFormSet):
        data = _initial(form.management_form)
        for member in form.forms:
            data.update(_initial(member))
        return data
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = str(value)
    return data


def _field_names(form) -> list[str]:
    from django.forms.formsets import BaseFormSet

    if isinstance(form, BaseFormSet):
        return [bound.html_name for member in form.forms for bound in member]
    return [bound.html_name for bound in form]


def test_hostile_form_posts_never_cause_a_server_error(world, client_for):  # noqa: F811
    page = client_for(world["steering_admin"])
    page.raise_request_exception = False
    errors, posted = [], 0
    for name, url in _urls(world):
        if url.startswith("/api/"):
            continue
        first = page.get(url)
        if first.status_code != 200 or first.context is None:
            continue
        for form in _forms(first.context):
            base, names = _initial(form), _field_names(form)
            variants = [dict(base, **dict.fromkeys(names, value)) for value in HOSTILE_POSTS]
            variants += [dict(base, **{field: HOSTILE_POSTS[0]}) for field in names]
            for data in variants:
                posted += 1
                if page.post(url, data).status_code >= 500:
                    hostile = sorted(k for k in names if data.get(k) in HOSTILE_POSTS)
                    errors.append((name, hostile[:3], str(data.get(hostile[0]))[:20]))
    assert posted > 100
    assert errors == []


@pytest.mark.parametrize(
    "name",
    [
        "partners:expert_create",
        "partners:expert_edit",
        "partners:partner_create",
        "partners:partner_edit",
        "programme:training_form_edit",
    ],
)
def test_reported_forms_answer_a_vietnamese_error_for_huge_keys(name, world, client_for):  # noqa: F811
    """10^30 in every field of the reported forms: the page again, with Vietnamese errors."""
    build, _statuses = EXPECTED[name]
    url = reverse(name, kwargs=build(world) if build else None)
    page = client_for(world["steering_admin"])
    forms = _forms(page.get(url).context)
    data = {}
    for form in forms:
        data.update(_initial(form), **dict.fromkeys(_field_names(form), str(10**30)))
    response = page.post(url, data)
    assert response.status_code == 200
    with translation.override("vi"):  # the suite runs in English; the product in Vietnamese
        errors = [str(error) for form in _forms(response.context) for error in _errors(form)]
    assert errors
    assert all(_is_vietnamese(error) for error in errors), errors


def _errors(form) -> list[str]:
    from django.forms.formsets import BaseFormSet

    if isinstance(form, BaseFormSet):
        return [e for member in form.forms for e in _errors(member)] + form.non_form_errors()
    return [error for errors in form.errors.values() for error in errors]


def _is_vietnamese(text: str) -> bool:
    return any(ch in text for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
