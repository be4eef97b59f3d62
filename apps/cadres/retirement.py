"""Expected retirement date from the roadmap of Nghị định 135/2020/NĐ-CP (setting
``retirement_age`` of ``apps.programme.settings_registry``)."""

import calendar
import datetime


def _add_months(day: datetime.date, months: int) -> tuple[int, int]:
    total = day.year * 12 + (day.month - 1) + months
    return total // 12, total % 12 + 1


def retirement_age_months(gender: str, year: int, roadmap: dict) -> int:
    """The retirement age in force in ``year`` for ``gender``, in months."""
    rule = roadmap[gender]
    steps = year - int(roadmap["base_year"])  # before the base year: the ages of BLLĐ 2012
    if steps < 0:
        return rule["pre_base_months"]
    return min(rule["base_months"] + rule["step_months"] * steps, rule["max_months"])


def expected_retirement(date_of_birth: datetime.date, gender: str, roadmap: dict) -> datetime.date:
    """Last day of the month in which the person reaches the age in force that year.

    The age that applies is the one in force in the year the person reaches it, so we iterate
    over years rather than solve a closed formula (reference/cadre-record.md).
    """
    first_year = date_of_birth.year + retirement_age_months(gender, 0, roadmap) // 12
    for year in range(first_year, date_of_birth.year + 100):
        reach_year, reach_month = _add_months(
            date_of_birth, retirement_age_months(gender, year, roadmap)
        )
        if reach_year <= year:
            last_day = calendar.monthrange(reach_year, reach_month)[1]
            return datetime.date(reach_year, reach_month, last_day)
    raise ValueError("No retirement year found within 100 years of birth.")  # pragma: no cover
