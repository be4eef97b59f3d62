"""One change-history reader (``apps.core.history``) behind the agency, setting and cadre pages:
the same rows (when, who, field label, before → after), Vietnamese labels and choice names."""

from decimal import Decimal

from django.urls import reverse
from django.utils import translation

from apps.agencies.models import Agency
from apps.agencies.selectors import agency_history
from apps.agencies.services import agency_update
from apps.cadres import services as cadre_services
from apps.cadres.models import Cadre
from apps.cadres.selectors import cadre_history
from apps.cadres.tests.factories import CadreFactory
from apps.core.history import HistoryEntry
from apps.programme import services as programme_services
from apps.programme.models import RuleSetting
from apps.programme.selectors import setting_history


def _choice(model, field: str, code: str) -> str:
    return str(dict(model._meta.get_field(field).flatchoices)[code])


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


def test_the_three_pages_read_history_through_one_reader(
    steering_admin, ministry, programme_settings
):
    agency_update(actor=steering_admin, agency=ministry, kind="tinh")
    setting = RuleSetting.objects.get(code="retirement_min_years")
    programme_services.rule_setting_update(
        actor=steering_admin, setting=setting, value=Decimal("3"), severity="fail"
    )
    cadre = CadreFactory(agency=ministry, gender="M")
    cadre_services.cadre_update(
        actor=steering_admin, cadre=cadre, version=cadre.version, gender="F"
    )
    with translation.override("vi"):
        readers = [
            (agency_history(fetched_by=steering_admin, agency=ministry), Agency, "kind", "tinh"),
            (setting_history(setting), RuleSetting, "severity", "fail"),
            (cadre_history(cadre=cadre), Cadre, "gender", "F"),
        ]
        for entries, model, field, code in readers:
            assert all(isinstance(entry, HistoryEntry) for entry in entries)
            latest = entries[0]
            assert latest.user == steering_admin
            assert latest.kind
            change = {c.label: c for c in latest.changes}[_label(model, field)]
            assert change.new == _choice(model, field, code) != code


def test_pages_show_choice_names_never_codes(
    client_for, steering_admin, ministry, programme_settings
):
    agency_update(actor=steering_admin, agency=ministry, kind="tinh")
    cadre = CadreFactory(agency=ministry, gender="M")
    cadre_services.cadre_update(
        actor=steering_admin, cadre=cadre, version=cadre.version, gender="F"
    )
    client = client_for(steering_admin)
    with translation.override("vi"):
        pages = [
            (
                reverse("agencies:agency_detail", args=[ministry.pk]),
                Agency,
                "kind",
                "bo_nganh",
                "tinh",
            ),
            (reverse("cadres:cadre_detail", args=[cadre.pk]), Cadre, "gender", "M", "F"),
        ]
        for url, model, field, old, new in pages:
            text = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
            before, after = _choice(model, field, old), _choice(model, field, new)
            assert f"<del>{before}</del> → <ins>{after}</ins>" in text
            assert f"<del>{old}</del>" not in text
