"""The one helper that shows a service's ValidationError on a form."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from apps.core.forms import apply_service_errors


class NameForm(forms.Form):
    name = forms.CharField()


def bound_form() -> NameForm:
    form = NameForm({"name": "x"})
    assert form.is_valid()
    return form


def test_field_errors_go_to_the_field_and_unknown_fields_to_the_form():
    form = bound_form()
    apply_service_errors(
        form,
        ValidationError({"name": "Taken.", "code": "Bad code.", NON_FIELD_ERRORS: "Overall."}),
    )
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Bad code.", "Overall."]
    assert "code" not in form.errors


def test_an_error_without_fields_is_a_non_field_error():
    form = bound_form()
    apply_service_errors(form, ValidationError(["One.", "Two."]))
    assert form.non_field_errors() == ["One.", "Two."]
    assert "name" not in form.errors
