"""The one registry of rule settings: what each is, its type, and its default.

Every reader goes through it: ``settings_registry.get("realism_over_request")`` answers a
``Decimal``, ``get("same_form_repeat_years")`` an ``int``, ``get("retirement_age")`` the roadmap
dict. The value a steering admin saved (``RuleSetting``) wins; without one (a database loaded
before the setting existed, or a setting never loaded) the default is the one in
``reference/programme.yaml`` — there is no other copy of a default in the code.
``load()`` reads every setting in one query for code that needs several (eligibility).
"""

import functools
from dataclasses import dataclass
from decimal import Decimal

from apps.core.reference import read_reference_yaml

from .models import RuleSetting


@dataclass(frozen=True)
class SettingSpec:
    code: str
    name: str  # Vietnamese, as shown in the settings pages
    #: int, Decimal (fractional), bool, dict (a JSON object, in ``params``), or None for a rule
    #: that is only switched between fail and warning (read with ``severity``).
    kind: type | None
    unit: str = ""
    # The clause a setting comes from is data: ``source`` in reference/programme.yaml.


SPECS: dict[str, SettingSpec] = {
    spec.code: spec
    for spec in (
        SettingSpec(
            "retirement_min_years",
            "Thời gian công tác còn lại tối thiểu trước khi nghỉ hưu (năm)",
            Decimal,
            "năm",
        ),
        SettingSpec(
            "same_form_repeat_years",
            "Không tham gia cùng hình thức trong số năm gần đây",
            int,
            "năm",
        ),
        SettingSpec(
            "other_programme_same_year",
            "Trùng đối tượng với chương trình hợp tác khác trong cùng năm",
            None,
        ),
        SettingSpec("date_clash", "Trùng thời gian với khóa học khác", None),
        SettingSpec(
            "max_per_agency_per_delegation",
            "Số người tối đa của một cơ quan trong một đoàn",
            int,
            "người",
        ),
        SettingSpec(
            "match_threshold", "Ngưỡng điểm khớp tên khi phát hiện trùng lặp", Decimal, "0–1"
        ),
        SettingSpec(
            "language_gate_pass_mark",
            "Điểm đạt bài kiểm tra cuối giai đoạn học ngoại ngữ trong nước",
            int,
            "điểm",
        ),
        SettingSpec(
            "realism_over_request",
            "Mức vượt tối đa của nhu cầu đăng ký so với số đã thực hiện các năm trước",
            Decimal,
            "tỷ lệ",
        ),
        SettingSpec(
            "realism_history_years",
            "Số năm trước năm kế hoạch dùng để tính tỷ lệ thực hiện",
            int,
            "năm",
        ),
        SettingSpec("retirement_age", "Lộ trình tuổi nghỉ hưu", dict, "tháng"),
        # The candidate finder's weights (apps.finder): the points each part of the fit gives.
        SettingSpec("finder_weight_planning_pool", "Gợi ý cán bộ: trong quy hoạch", int, "điểm"),
        SettingSpec(
            "finder_weight_named_in_needs",
            "Gợi ý cán bộ: đã được đăng ký trong nhu cầu của năm",
            int,
            "điểm",
        ),
        SettingSpec(
            "finder_weight_field_match",
            "Gợi ý cán bộ: lĩnh vực công tác khớp nhóm nội dung của lớp",
            int,
            "điểm",
        ),
        SettingSpec("finder_weight_language", "Gợi ý cán bộ: trình độ ngoại ngữ", int, "điểm"),
        SettingSpec(
            "finder_weight_years_to_serve",
            "Gợi ý cán bộ: thời gian công tác còn lại (tối đa khi còn từ 10 năm)",
            int,
            "điểm",
        ),
        SettingSpec(
            "finder_weight_not_trained",
            "Gợi ý cán bộ: thời gian từ lần bồi dưỡng ở nước ngoài gần nhất (tối đa khi chưa từng"
            " hoặc từ 5 năm)",
            int,
            "điểm",
        ),
        SettingSpec(
            "finder_weight_balance",
            "Gợi ý cán bộ: cân đối nam nữ, trung ương và địa phương trong lớp",
            int,
            "điểm",
        ),
    )
}


@functools.cache
def defaults() -> dict[str, dict]:
    """Each setting's default row (value, severity, params) from reference/programme.yaml."""
    data = read_reference_yaml()
    rows = {code: dict(row or {}) for code, row in data["rules"].items()}
    roadmap = dict(data["retirement_age"])
    roadmap.pop("source", None)
    rows["retirement_age"] = {"params": roadmap}
    return rows


def _spec(code: str) -> SettingSpec:
    try:
        return SPECS[code]
    except KeyError:
        raise KeyError(f"Unknown rule setting {code!r}: declare it in SPECS.") from None


def _typed(spec: SettingSpec, value):
    if spec.kind is Decimal:
        # 1.5000 as saved reads 1.5 (and 2.0000 reads 2), never in exponent form.
        return Decimal(format(Decimal(str(value)).normalize(), "f"))
    if spec.kind is bool:
        return bool(value)
    if spec.kind is int:
        number = Decimal(str(value))
        if number != number.to_integral_value():
            raise ValueError(f"{spec.code} must be a whole number, not {value}.")
        return int(number)
    raise TypeError(f"{spec.code}: no value of kind {spec.kind}.")


class Values:
    """The settings as saved, with the defaults of programme.yaml where nothing is saved."""

    def __init__(self, rows: dict[str, RuleSetting]):
        self.rows = rows

    def get(self, code: str):
        spec = _spec(code)
        row = self.rows.get(code)
        if spec.kind is dict:
            return self.params(code)
        if spec.kind is None:
            raise KeyError(f"Rule setting {code!r} has no value: read its severity.")
        value = row.value if row is not None and row.value is not None else None
        if value is None:
            value = defaults().get(code, {}).get("value")
        if value is None:
            raise KeyError(f"Rule setting {code!r} has no value and no default.")
        return _typed(spec, value)

    def severity(self, code: str) -> str:
        _spec(code)
        row = self.rows.get(code)
        if row is not None and row.severity:
            return row.severity
        return defaults().get(code, {}).get("severity", "")

    def params(self, code: str) -> dict:
        _spec(code)
        row = self.rows.get(code)
        default = defaults().get(code, {}).get("params", {})
        return {**default, **(row.params if row is not None and row.params else {})}

    def source(self, code: str) -> str:
        """The clause the setting comes from, as saved or as in programme.yaml."""
        row = self.rows.get(code)
        if row is not None and row.source not in ("", "setting"):
            return row.source
        return defaults().get(code, {}).get("source", "")


def load(codes=None) -> Values:
    """The settings (all, or those of ``codes``) read in one query."""
    rows = RuleSetting.objects.all()
    if codes is not None:
        rows = rows.filter(code__in=list(codes))
    return Values({row.code: row for row in rows})


def get(code: str):
    """One setting's typed value."""
    return load([code]).get(code)


def params(code: str) -> dict:
    return load([code]).params(code)


def severity(code: str) -> str:
    return load([code]).severity(code)
