"""A rule setting's structured parameters as a person reads them (the roadmap as a table)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

#: the roadmap's groups in the order they are shown, with their names
ROADMAP_GROUPS = (("M", gettext_lazy("Men")), ("F", gettext_lazy("Women")))


def age_text(months: int) -> str:
    """720 → "60 tuổi", 723 → "60 tuổi 3 tháng"."""
    years, rest = divmod(int(months), 12)
    if not rest:
        return _("age %(years)d") % {"years": years}
    return _("age %(years)d and %(months)d months") % {"years": years, "months": rest}


def months_text(months: int) -> str:
    return ngettext("%(months)d month", "%(months)d months", int(months)) % {"months": months}


@dataclass
class RoadmapRow:
    group: str
    before: str
    base: str
    step: str
    maximum: str
    reached_in: int | None


@dataclass
class ParamsDisplay:
    #: (label, value) pairs for a flat parameter set
    rows: list[tuple[str, str]] = field(default_factory=list)
    #: the retirement roadmap, one row per group
    roadmap: list[RoadmapRow] = field(default_factory=list)
    base_year: int | None = None

    def __bool__(self) -> bool:
        return bool(self.rows or self.roadmap)


def _roadmap(params: dict) -> ParamsDisplay:
    base_year = int(params.get("base_year") or 0) or None
    rows = []
    names = dict(ROADMAP_GROUPS)
    for key in [key for key, _name in ROADMAP_GROUPS] + sorted(
        key for key, value in params.items() if isinstance(value, dict) and key not in names
    ):
        group = params.get(key)
        if not isinstance(group, dict):
            continue
        keys = ("base_months", "step_months", "max_months")
        base, step, top = (int(group.get(key) or 0) for key in keys)
        reached = None
        if base_year and step and top >= base:
            reached = base_year + -(-(top - base) // step)
        before = group.get("pre_base_months")
        rows.append(
            RoadmapRow(
                group=str(names.get(key, key)),
                before=age_text(before) if before else "—",
                base=age_text(base) if base else "—",
                step=months_text(step) if step else "—",
                maximum=age_text(top) if top else "—",
                reached_in=reached,
            )
        )
    return ParamsDisplay(roadmap=rows, base_year=base_year)


#: labels of the flat parameters settings use
PARAM_LABELS = {"scale_max": gettext_lazy("Highest score of the scale")}


def describe(code: str, params: dict | None) -> ParamsDisplay:
    """What a rule setting's ``params`` mean, labelled; never its JSON keys."""
    if not params:
        return ParamsDisplay()
    if code == "retirement_age":
        return _roadmap(params)
    rows = [(str(PARAM_LABELS.get(key, key)), str(value)) for key, value in params.items()]
    return ParamsDisplay(rows=rows)
