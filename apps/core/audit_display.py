"""The audit log as sentences: who did what to which object, when, from where, and what changed.

Entries store codes (``cadres.reveal_identifiers``, ``cadres.cadre``) and a JSON detail; this
module turns a page of them into what an auditor reads: the action's Vietnamese name, the
object's name with a link, and each change as "field: before → after" with the field's label.
Objects are fetched in one query per object type on the page, whatever the page size.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AuditEntry

DECIMAL = re.compile(r"^-?\d+\.\d+$")

#: More changes than this are summarised ("12 changes") and shown on demand.
SHORT_LIST = 4

#: The actions recorded outside the workflow core, by their code.
ACTIONS = {
    "agencies.create": gettext_lazy("created the agency"),
    "agencies.update": gettext_lazy("changed the agency"),
    "agencies.merge": gettext_lazy("merged the agency"),
    "cadres.create": gettext_lazy("added the cadre"),
    "cadres.update": gettext_lazy("changed the cadre's record"),
    "cadres.export": gettext_lazy("exported the cadre list"),
    "cadres.import": gettext_lazy("imported cadres"),
    "cadres.identifier_search": gettext_lazy("searched cadres by identity number"),
    "cadres.reveal_identifiers": gettext_lazy("viewed the identity and passport numbers of"),
    "cadres.language_set": gettext_lazy("recorded a foreign language of"),
    "cadres.language_delete": gettext_lazy("removed a foreign language of"),
    "cadres.position_add": gettext_lazy("added a position to the history of"),
    "cadres.position_delete": gettext_lazy("removed a position from the history of"),
    "cadres.training_add": gettext_lazy("added a training record of"),
    "cadres.training_update": gettext_lazy("changed a training record of"),
    "cadres.training_delete": gettext_lazy("removed a training record of"),
    "cadres.training_import": gettext_lazy("imported training history from a file"),
    "core.api_token_reset": gettext_lazy("renewed their API key"),
    "core.export_download": gettext_lazy("downloaded the export"),
    "core.audit_export": gettext_lazy("exported the audit log"),
    "courses.create": gettext_lazy("created the course"),
    "courses.update": gettext_lazy("changed the course"),
    "courses.agenda_add": gettext_lazy("added an agenda item to"),
    "courses.agenda_delete": gettext_lazy("removed an agenda item from"),
    "courses.phase_update": gettext_lazy("changed a phase of"),
    "documents.decision_draft": gettext_lazy("drafted the decision for"),
    "documents.decision_issue": gettext_lazy("issued the decision for"),
    "documents.issuer_save": gettext_lazy("changed the issuing body"),
    "documents.document_download": gettext_lazy("downloaded the document"),
    "documents.summary_list": gettext_lazy("made the summary list of"),
    "nominations.export": gettext_lazy("exported the nominations"),
    "nominations.override": gettext_lazy("overrode the eligibility result of"),
    "nominations.recheck": gettext_lazy("checked the eligibility again of"),
    "partners.partner_create": gettext_lazy("added the partner"),
    "partners.partner_update": gettext_lazy("changed the partner"),
    "partners.expert_create": gettext_lazy("added the expert"),
    "partners.expert_update": gettext_lazy("changed the expert"),
    "planning.call_open": gettext_lazy("opened the call for needs"),
    "planning.needs_register": gettext_lazy("registered the needs"),
    "planning.needs_update": gettext_lazy("changed the needs registration"),
    "planning.needs_reopen": gettext_lazy("reopened the needs registration"),
    "planning.needs_remind": gettext_lazy("reminded agencies to register for"),
    "planning.consolidation_export": gettext_lazy("exported the consolidation of needs"),
    "planning.plan_create": gettext_lazy("created the plan"),
    "planning.plan_export": gettext_lazy("exported the plan"),
    "planning.plan_revise": gettext_lazy("started a revision of the plan"),
    "planning.course_add": gettext_lazy("added a planned course to"),
    "planning.course_delete": gettext_lazy("removed a planned course from"),
    "planning.quotas_set": gettext_lazy("set the quotas of"),
    "planning.quota_move": gettext_lazy("moved quota places in"),
    "planning.quota_release": gettext_lazy("released unused quota places of"),
    "programme.update": gettext_lazy("changed the programme setting"),
}

#: Labels of the keys details use outside "before"/"after".
DETAIL_KEYS = {
    "reason": gettext_lazy("Reason"),
    "note": gettext_lazy("Note"),
    "until": gettext_lazy("Open until"),
    "rows": gettext_lazy("Rows"),
    "filters": gettext_lazy("Filters"),
    "year": gettext_lazy("Year"),
    "topic": gettext_lazy("Topic"),
    "places": gettext_lazy("Places"),
    "successor": gettext_lazy("Successor"),
    "merged_on": gettext_lazy("Merged on"),
    "cut_off": gettext_lazy("Cut-off date"),
    "form": gettext_lazy("Form"),
    "from": gettext_lazy("From"),
    "to": gettext_lazy("To"),
    "digits": gettext_lazy("Digits searched"),
    "previous": gettext_lazy("Previous version"),
    "q": gettext_lazy("Search"),
    "agencies": gettext_lazy("Agencies"),
}


@dataclass
class Change:
    label: str
    before: str = ""
    after: str = ""
    #: a value recorded without a before (a reason, a count)
    value: str = ""


@dataclass
class EntryView:
    entry: AuditEntry
    actor: str
    action: str
    subject: str
    url: str
    changes: list[Change] = field(default_factory=list)

    @property
    def shown(self) -> list[Change]:
        return self.changes if len(self.changes) <= SHORT_LIST + 1 else self.changes[:SHORT_LIST]

    @property
    def more(self) -> list[Change]:
        return [] if len(self.changes) <= SHORT_LIST + 1 else self.changes[SHORT_LIST:]


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label) if label else None
    except (LookupError, ValueError):
        return None


def model_name(label: str) -> str:
    model = _model(label)
    return str(model._meta.verbose_name).capitalize() if model is not None else ""


def action_name(code: str) -> str:
    """The action's Vietnamese name; a workflow step reads "moved … to “Đã duyệt”"."""
    if code in ACTIONS:
        return str(ACTIONS[code])
    parts = code.split(".")
    if len(parts) == 3:
        model = _model(f"{parts[0]}.{parts[1]}")
        status = _choice(model, "status", parts[2]) if model is not None else parts[2]
        if parts[2] == "draft" and model is not None:
            return _("created (draft)")
        return _("moved to “%(status)s”:") % {"status": status}
    return _("did an action")


def _choice(model, name: str, value) -> str:
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    choices = dict(model_field.flatchoices) if getattr(model_field, "choices", None) else {}
    return str(choices.get(value, value))


def _value(model, name: str, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if model is not None:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None and getattr(model_field, "choices", None):
            return _choice(model, name, value)
    if isinstance(value, str):
        if DECIMAL.match(value):
            return number_format(Decimal(value).normalize(), use_l10n=True)
        try:
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(_value(None, name, item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_value(None, key, item)}" for key, item in value.items())
    return str(value)


def _label(model, name: str) -> str:
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name).capitalize()
        except (FieldDoesNotExist, AttributeError):
            pass
    return str(DETAIL_KEYS.get(name, name.replace("_", " ").capitalize()))


def changes(entry: AuditEntry, names: dict) -> list[Change]:
    """The entry's detail as labelled changes; ``names`` resolves quota keys to readable names."""
    detail = entry.detail or {}
    model = _model(detail.get("model", "")) or _model(entry.object_type)
    if isinstance(detail.get("before"), dict) or isinstance(detail.get("after"), dict):
        before, after = detail.get("before") or {}, detail.get("after") or {}
        return [
            Change(
                _label(model, name),
                before=_value(model, name, before.get(name)),
                after=_value(model, name, after.get(name)),
            )
            for name in sorted(set(before) | set(after))
            if before.get(name) != after.get(name)
        ]
    if entry.action == "planning.quotas_set":
        return [
            Change(names.get(key, key), value=str(places))
            for key, places in sorted(detail.items(), key=lambda item: names.get(item[0], ""))
        ]
    found = []
    for key, value in detail.items():
        if key == "model" or key == "id":
            continue
        if key == "places" and isinstance(value, dict):
            found += [Change(names.get(k, k), value=str(v)) for k, v in value.items()]
            continue
        if key == "filters" and isinstance(value, dict):
            value = {k: v for k, v in value.items() if v and k != "page"}
            if not value:
                continue
            shown = "; ".join(f"{_label(None, k)}: {v}" for k, v in value.items())
            found.append(Change(_label(None, key), value=shown))
            continue
        found.append(Change(_label(model, key), value=_value(model, key, value)))
    return found


def _quota_names(entries: list[AuditEntry]) -> dict[str, str]:
    """'agency/form' and 'form/group' keys of quota and needs details, read as names."""
    agency_ids, form_keys, group_keys = set(), set(), set()
    for entry in entries:
        detail = entry.detail or {}
        if entry.action == "planning.quotas_set":
            for key in detail:
                agency, _sep, form = key.partition("/")
                agency_ids.add(agency)
                form_keys.add(form)
        elif isinstance(detail.get("places"), dict):
            for key in detail["places"]:
                form, _sep, group = key.partition("/")
                form_keys.add(form)
                group_keys.add(group)
    names: dict[str, str] = {}
    agency_model, form_model = _model("agencies.agency"), _model("programme.trainingform")
    group_model = _model("programme.contentgroup")
    agencies = forms = groups = {}
    if agency_ids and agency_model is not None:
        ids = [int(pk) for pk in agency_ids if pk.isdigit()]
        rows = agency_model.objects.filter(pk__in=ids).values_list("pk", "name")
        agencies = {str(pk): name for pk, name in rows}
    if form_keys and form_model is not None:
        forms = {}
        for pk, code, name in form_model.objects.values_list("pk", "code", "name"):
            forms[str(pk)] = forms[code] = name
    if group_keys and group_model is not None:
        groups = {}
        for pk, code, name in group_model.objects.values_list("pk", "code", "name"):
            groups[str(pk)] = groups[str(code)] = name
    for entry in entries:
        detail = entry.detail or {}
        if entry.action == "planning.quotas_set":
            for key in detail:
                agency, _sep, form = key.partition("/")
                names[key] = f"{agencies.get(agency, agency)} — {forms.get(form, form)}"
        elif isinstance(detail.get("places"), dict):
            for key in detail["places"]:
                form, _sep, group = key.partition("/")
                names[key] = f"{forms.get(form, form)} — {groups.get(group, group)}"
    return names


def _objects(entries: list[AuditEntry]) -> dict[tuple[str, str], models.Model]:
    """The entries' objects, one query per object type."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.object_type and entry.object_id:
            wanted[entry.object_type].add(entry.object_id)
    found = {}
    for label, ids in wanted.items():
        model = _model(label)
        if model is None:
            continue
        keys = [int(pk) for pk in ids if pk.isdigit()]
        for obj in model._base_manager.filter(pk__in=keys):
            found[(label, str(obj.pk))] = obj
    return found


def _subject(kind: str, name: str) -> str:
    """ "cơ quan Bộ Nội vụ"; a name that already says what it is ("Kế hoạch năm 2026") alone."""
    if not kind or name.lower().startswith(kind.lower()):
        return name
    return f"{kind.lower()} {name}".strip()


def present(entries) -> list[EntryView]:
    """A page of entries as sentences (entries with their actor selected)."""
    entries = list(entries)
    objects = _objects(entries)
    names = _quota_names(entries)
    views = []
    for entry in entries:
        obj = objects.get((entry.object_type, entry.object_id))
        url = ""
        if obj is not None and hasattr(obj, "get_absolute_url"):
            try:
                url = obj.get_absolute_url()
            except Exception:
                url = ""
        subject = str(obj) if obj is not None else entry.object_repr
        kind = model_name(entry.object_type)
        views.append(
            EntryView(
                entry=entry,
                actor=entry.actor.full_name or entry.actor.username,
                action=action_name(entry.action),
                subject=_subject(kind, subject),
                url=url,
                changes=changes(entry, names),
            )
        )
    return views
