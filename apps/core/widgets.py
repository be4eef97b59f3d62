"""Form widgets shared by the apps."""

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


def picker_attrs(placeholder, no_results=None) -> dict:
    """Attributes that turn a select into a searchable picker (static/core/app.js, Tom Select)."""
    return {
        "data-picker": "",
        "data-placeholder": placeholder,
        "data-no-results": no_results or _("Nothing matches."),
    }


class FastSelect(forms.Select):
    """A single select rendered in Python.

    Django renders each option through a template, which costs tens of milliseconds for the
    ~1,500 agencies of the tree; this widget builds the same HTML directly.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = "" if value is None else str(value)
        selected = mark_safe(" selected")
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), selected if str(key) == chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class CachedOptionsSelect(FastSelect):
    """A FastSelect whose options are cached under ``cache_key`` when one is set.

    The key must change whenever the choices do (the agency selectors include the latest
    history id of the tree); the selected option is marked after reading from the cache.
    """

    cache_key: str | None = None
    timeout = 3600

    def render(self, name, value, attrs=None, renderer=None):
        if not self.cache_key:
            return super().render(name, value, attrs, renderer)
        options = cache.get(self.cache_key)
        if options is None:
            options = str(super().render(name, None, attrs, renderer))
            options = options[options.index(">") + 1 : -len("</select>")].replace(
                " selected", "", 1
            )
            cache.set(self.cache_key, options, self.timeout)
        chosen = conditional_escape("" if value is None else str(value))
        marker = f'<option value="{chosen}">'
        options = options.replace(marker, f'<option value="{chosen}" selected>', 1)
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe(options))
