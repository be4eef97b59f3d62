from django import forms

from apps.core.widgets import FastSelect


class ChoiceForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("", "Tất cả"), ("a", "Ban <Đảng>"), ("b", "Bộ")],
        widget=FastSelect,
        required=False,
    )


def test_it_renders_the_same_options_as_django_and_escapes_labels():
    html = str(ChoiceForm({"kind": "b"})["kind"])
    assert html.startswith('<select id="id_kind" name="kind">')
    assert '<option value="b" selected>Bộ</option>' in html
    assert '<option value="a">Ban &lt;Đảng&gt;</option>' in html
    assert '<option value="">Tất cả</option>' in html


def test_it_selects_the_empty_option_without_a_value():
    html = str(ChoiceForm()["kind"])
    assert '<option value="" selected>' in html
    assert html.count("selected") == 1
