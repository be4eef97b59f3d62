"""Vocabularies of the demo data: names, positions, units, degrees, languages (data only).

Weights are relative frequencies, not percentages. The figures are plausible orders of magnitude
for Vietnamese leaders and civil servants (surname shares follow the commonly quoted national
shares), not statistics to quote.
"""

from typing import NamedTuple

# --- Names --------------------------------------------------------------------------------------

SURNAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 4.0),
    ("Huỳnh", 1.6),
    ("Phan", 4.5),
    ("Vũ", 3.0),
    ("Võ", 2.0),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đinh", 0.8),
    ("Trương", 0.7),
    ("Đoàn", 0.6),
    ("Lương", 0.5),
    ("Mai", 0.5),
    ("Cao", 0.5),
    ("Đào", 0.5),
    ("Hà", 0.5),
    ("Trịnh", 0.5),
    ("Phùng", 0.3),
    ("Lâm", 0.3),
    ("Tạ", 0.3),
    ("Lưu", 0.3),
    ("Lại", 0.2),
    ("Chu", 0.2),
    ("Kiều", 0.2),
    ("Tô", 0.2),
    ("Triệu", 0.2),
    ("Vương", 0.2),
    ("Thái", 0.2),
    ("Quách", 0.1),
    ("Tăng", 0.1),
    ("Nghiêm", 0.1),
    ("Khuất", 0.1),
    ("Mạc", 0.1),
    ("Thân", 0.1),
    ("Doãn", 0.1),
    ("Hứa", 0.1),
    ("Lã", 0.1),
    ("Tôn", 0.1),
    ("Âu", 0.1),
)

MIDDLE_NAMES_MALE: tuple[tuple[str, float], ...] = (
    ("Văn", 30),
    ("Đức", 8),
    ("Minh", 8),
    ("Hữu", 6),
    ("Quang", 6),
    ("Công", 5),
    ("Đình", 5),
    ("Thanh", 5),
    ("Quốc", 4),
    ("Xuân", 4),
    ("Ngọc", 4),
    ("Mạnh", 3),
    ("Hoàng", 3),
    ("Thế", 3),
    ("Trọng", 3),
    ("Tuấn", 2),
    ("Anh", 2),
    ("Trung", 2),
    ("Tiến", 2),
    ("Duy", 2),
    ("Bá", 2),
    ("Việt", 2),
    ("Hồng", 2),
    ("Thành", 2),
    ("Hải", 2),
    ("Kim", 1),
    ("Đăng", 1),
    ("Khắc", 1),
    ("Gia", 1),
    ("Sỹ", 1),
)

MIDDLE_NAMES_FEMALE: tuple[tuple[str, float], ...] = (
    ("Thị", 45),
    ("Thu", 6),
    ("Thanh", 6),
    ("Ngọc", 5),
    ("Minh", 4),
    ("Hồng", 4),
    ("Thùy", 3),
    ("Kim", 3),
    ("Phương", 3),
    ("Mai", 2),
    ("Lan", 2),
    ("Bích", 2),
    ("Hải", 2),
    ("Khánh", 2),
    ("Thúy", 2),
    ("Quỳnh", 2),
    ("Xuân", 2),
    ("Diệu", 1),
    ("Hoài", 1),
    ("Tuyết", 1),
    ("Vân", 1),
    ("Mỹ", 1),
)

#: Second middle names after "Thị" ("Nguyễn Thị Thu Hằng").
SECOND_MIDDLE_FEMALE = ("Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Kim", "Phương", "Lan", "Bích")

GIVEN_NAMES_MALE: tuple[str, ...] = (
    "An", "Anh", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Dương", "Đạt", "Định",
    "Đức", "Giang", "Hải", "Hậu", "Hiệp", "Hiếu", "Hòa", "Hoàng", "Hùng", "Hưng", "Huy",
    "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Linh", "Long", "Lực", "Minh", "Nam", "Nghĩa",
    "Ngọc", "Phong", "Phúc", "Phương", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thái", "Thắng",
    "Thành", "Thanh", "Thịnh", "Thuận", "Tiến", "Toàn", "Trí", "Trung", "Tú", "Tuấn", "Tùng",
    "Việt", "Vinh", "Vũ", "Hào", "Thủy",
)  # fmt: skip

GIVEN_NAMES_FEMALE: tuple[str, ...] = (
    "Anh", "Bích", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
    "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan", "Lý", "Mai",
    "Minh", "My", "Nga", "Ngân", "Ngọc", "Nhàn", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh",
    "Tâm", "Thảo", "Thanh", "Thu", "Thủy", "Thúy", "Trang", "Tuyết", "Uyên", "Vân", "Xuân",
    "Yến", "Hải", "Hoài", "Khánh", "Loan",
)  # fmt: skip

# --- Ethnicities --------------------------------------------------------------------------------

#: How each ethnic group's names are built: surnames (weighted), middle names by gender, and a
#: style ("kinh": surname middle given; "ede": Y/H' given surname; "hmong": surname A/Seo given).
ETHNIC_NAMES: dict[str, dict] = {
    "Tày": {
        "surnames": (("Nông", 4), ("Hoàng", 4), ("Lương", 2), ("Vi", 2), ("Hà", 2), ("Lục", 1)),
        "style": "kinh",
    },
    "Nùng": {
        "surnames": (("Hoàng", 4), ("Nông", 3), ("Lục", 2), ("Mã", 2), ("Chu", 1), ("Lăng", 1)),
        "style": "kinh",
    },
    "Thái": {
        "surnames": (("Lò", 4), ("Cầm", 3), ("Quàng", 2), ("Lường", 2), ("Vì", 2), ("Hà", 2)),
        "style": "kinh",
    },
    "Mường": {
        "surnames": (("Bùi", 5), ("Đinh", 4), ("Quách", 2), ("Hà", 2), ("Xa", 1)),
        "style": "kinh",
    },
    "Khmer": {
        "surnames": (("Thạch", 5), ("Sơn", 4), ("Danh", 3), ("Kim", 2), ("Lâm", 2), ("Trà", 1)),
        "style": "kinh",
    },
    "Hoa": {
        "surnames": (("Lâm", 3), ("Quách", 2), ("Trương", 2), ("Lý", 2), ("Hứa", 2), ("Mã", 1)),
        "style": "kinh",
    },
    "Dao": {
        "surnames": (("Triệu", 5), ("Bàn", 4), ("Lý", 2), ("Đặng", 2), ("Chảo", 1)),
        "style": "kinh",
    },
    "H'Mông": {
        "surnames": (("Giàng", 4), ("Sùng", 3), ("Vàng", 3), ("Thào", 3), ("Hạng", 2), ("Mùa", 2)),
        "middle_male": ("A", "Seo", "Mí", "Chứ"),
        "middle_female": ("Thị", "Thị", "Mỷ"),
        "given_male": ("Sình", "Páo", "Chứ", "Dìn", "Lử", "Phử", "Tủa", "Hồng", "Chinh", "Lềnh"),
        "given_female": ("Mai", "Dung", "Súa", "Mỷ", "Sở", "Chà", "Hoa", "Ly"),
        "style": "hmong",
    },
    "Ê Đê": {
        "surnames": (("Niê", 4), ("Mlô", 2), ("Êban", 2), ("Ktul", 1), ("Byă", 1), ("Adrơng", 1)),
        "given_male": ("Biêr", "Thông", "Khoa", "Wai", "Nguôn", "Djuan", "Dhăm", "Kông"),
        "given_female": ("Hen", "Nga", "Yim", "Dung", "Blim", "Hương", "Nai"),
        "style": "ede",
    },
    "Gia Rai": {
        "surnames": (("Ksor", 4), ("Rơ Mah", 3), ("Siu", 3), ("Rơ Lan", 2), ("Kpă", 2), ("Nay", 2)),
        "given_male": ("Phước", "Tuân", "Dun", "Hiếu", "Phi La", "Kai", "Hyên", "Thuyên"),
        "given_female": ("Hương", "H'Nga", "Bion", "Thu", "Nhí", "H'Ly"),
        "style": "surname_given",
    },
    "Chăm": {
        "surnames": (("Thành", 3), ("Quảng", 2), ("Đạo", 2), ("Lưu", 1), ("Thiên", 1), ("Bá", 1)),
        "style": "kinh",
    },
    "Ba Na": {
        "surnames": (("Đinh", 3), ("A", 2), ("Y", 1)),
        "style": "kinh",
    },
}

#: Minority shares (percent of cadres whose home province this is), by former province name.
#: Cadres are somewhat more often Kinh than the population; these shares reflect that.
HOMETOWN_ETHNICITIES: dict[str, tuple[tuple[str, float], ...]] = {
    "Cao Bằng": (("Tày", 35), ("Nùng", 25), ("H'Mông", 4), ("Dao", 4)),
    "Lạng Sơn": (("Nùng", 35), ("Tày", 30), ("Dao", 3)),
    "Hà Giang": (("H'Mông", 25), ("Tày", 20), ("Dao", 12)),
    "Bắc Kạn": (("Tày", 45), ("Dao", 12), ("Nùng", 8)),
    "Tuyên Quang": (("Tày", 22), ("Dao", 9), ("H'Mông", 3)),
    "Lào Cai": (("H'Mông", 15), ("Tày", 12), ("Dao", 12)),
    "Yên Bái": (("Tày", 14), ("Dao", 9), ("H'Mông", 8), ("Thái", 5)),
    "Thái Nguyên": (("Tày", 9), ("Nùng", 4), ("Dao", 2)),
    "Sơn La": (("Thái", 45), ("H'Mông", 12), ("Mường", 7)),
    "Điện Biên": (("Thái", 32), ("H'Mông", 25)),
    "Lai Châu": (("Thái", 28), ("H'Mông", 18), ("Dao", 10)),
    "Hòa Bình": (("Mường", 55), ("Thái", 3), ("Dao", 2)),
    "Phú Thọ": (("Mường", 10), ("Dao", 1)),
    "Thanh Hóa": (("Mường", 8), ("Thái", 6)),
    "Nghệ An": (("Thái", 8), ("H'Mông", 1)),
    "Quảng Ninh": (("Dao", 3), ("Tày", 3), ("Hoa", 1)),
    "Bắc Giang": (("Nùng", 4), ("Tày", 3), ("Hoa", 1)),
    "Đắk Lắk": (("Ê Đê", 15), ("Nùng", 2), ("Tày", 2)),
    "Đắk Nông": (("Nùng", 4), ("Tày", 3), ("Ê Đê", 2)),
    "Gia Lai": (("Gia Rai", 25), ("Ba Na", 10)),
    "Kon Tum": (("Ba Na", 15), ("Gia Rai", 5)),
    "Ninh Thuận": (("Chăm", 11),),
    "Bình Thuận": (("Chăm", 3),),
    "Trà Vinh": (("Khmer", 28),),
    "Sóc Trăng": (("Khmer", 28), ("Hoa", 4)),
    "Bạc Liêu": (("Khmer", 7), ("Hoa", 2)),
    "Kiên Giang": (("Khmer", 11), ("Hoa", 2)),
    "An Giang": (("Khmer", 4), ("Chăm", 1)),
    "TP Hồ Chí Minh": (("Hoa", 4),),
    "Lâm Đồng": (("Tày", 2), ("Nùng", 2)),
}

#: Relative number of cadres born in each former province (roughly its population, in millions).
HOMETOWN_WEIGHTS: dict[str, float] = {
    "Hà Nội": 8.4, "TP Hồ Chí Minh": 9.4, "Thanh Hóa": 3.7, "Nghệ An": 3.4, "Đồng Nai": 3.2,
    "Bình Dương": 2.7, "An Giang": 1.9, "Hải Phòng": 2.1, "Hà Tĩnh": 1.3, "Đắk Lắk": 1.9,
    "Bắc Giang": 1.9, "Hải Dương": 1.9, "Thái Bình": 1.9, "Nam Định": 1.9, "Kiên Giang": 1.7,
    "Long An": 1.7, "Gia Lai": 1.6, "Tiền Giang": 1.8, "Quảng Nam": 1.5, "Bình Định": 1.5,
    "Phú Thọ": 1.5, "Bắc Ninh": 1.5, "Đồng Tháp": 1.6, "Quảng Ninh": 1.4, "Lâm Đồng": 1.3,
    "Thái Nguyên": 1.3, "Hưng Yên": 1.3, "Vĩnh Phúc": 1.2, "Bình Thuận": 1.2, "Đà Nẵng": 1.2,
    "Quảng Ngãi": 1.2, "Sơn La": 1.3, "Cần Thơ": 1.3, "Tây Ninh": 1.2, "Sóc Trăng": 1.2,
    "Bà Rịa - Vũng Tàu": 1.2, "Bến Tre": 1.3, "Thừa Thiên Huế": 1.1, "Cà Mau": 1.2,
    "Khánh Hòa": 1.2, "Trà Vinh": 1.0, "Vĩnh Long": 1.0, "Ninh Bình": 1.0, "Bình Phước": 1.0,
    "Quảng Bình": 0.9, "Phú Yên": 0.9, "Hà Nam": 0.9, "Bạc Liêu": 0.9, "Tuyên Quang": 0.8,
    "Lạng Sơn": 0.8, "Hòa Bình": 0.9, "Yên Bái": 0.8, "Hà Giang": 0.9, "Lào Cai": 0.8,
    "Hậu Giang": 0.7, "Đắk Nông": 0.7, "Quảng Trị": 0.6, "Ninh Thuận": 0.6, "Điện Biên": 0.6,
    "Kon Tum": 0.6, "Cao Bằng": 0.5, "Lai Châu": 0.5, "Bắc Kạn": 0.3,
}  # fmt: skip

#: First three digits of a citizen ID (CCCD): the province where the birth was registered.
NATIONAL_ID_PROVINCE_CODES: dict[str, int] = {
    "Hà Nội": 1, "Hà Giang": 2, "Cao Bằng": 4, "Bắc Kạn": 6, "Tuyên Quang": 8, "Lào Cai": 10,
    "Điện Biên": 11, "Lai Châu": 12, "Sơn La": 14, "Yên Bái": 15, "Hòa Bình": 17,
    "Thái Nguyên": 19, "Lạng Sơn": 20, "Quảng Ninh": 22, "Bắc Giang": 24, "Phú Thọ": 25,
    "Vĩnh Phúc": 26, "Bắc Ninh": 27, "Hải Dương": 30, "Hải Phòng": 31, "Hưng Yên": 33,
    "Thái Bình": 34, "Hà Nam": 35, "Nam Định": 36, "Ninh Bình": 37, "Thanh Hóa": 38,
    "Nghệ An": 40, "Hà Tĩnh": 42, "Quảng Bình": 44, "Quảng Trị": 45, "Thừa Thiên Huế": 46,
    "Đà Nẵng": 48, "Quảng Nam": 49, "Quảng Ngãi": 51, "Bình Định": 52, "Phú Yên": 54,
    "Khánh Hòa": 56, "Ninh Thuận": 58, "Bình Thuận": 60, "Kon Tum": 62, "Gia Lai": 64,
    "Đắk Lắk": 66, "Đắk Nông": 67, "Lâm Đồng": 68, "Bình Phước": 70, "Tây Ninh": 72,
    "Bình Dương": 74, "Đồng Nai": 75, "Bà Rịa - Vũng Tàu": 77, "TP Hồ Chí Minh": 79,
    "Long An": 80, "Tiền Giang": 82, "Bến Tre": 83, "Trà Vinh": 84, "Vĩnh Long": 86,
    "Đồng Tháp": 87, "An Giang": 89, "Kiên Giang": 91, "Cần Thơ": 92, "Hậu Giang": 93,
    "Sóc Trăng": 94, "Bạc Liêu": 95, "Cà Mau": 96,
}  # fmt: skip

RELIGIONS: tuple[tuple[str, float], ...] = (("", 96.5), ("Phật giáo", 2.5), ("Công giáo", 1.0))

FOREIGN_TIES: tuple[str, ...] = (
    "Con đang du học tại Úc",
    "Con đang du học tại Nhật Bản",
    "Em gái định cư tại Hoa Kỳ",
    "Anh trai định cư tại Cộng hòa Liên bang Đức",
    "Con rể là công dân Hàn Quốc",
    "Chị gái định cư tại Pháp",
)

# --- Positions ----------------------------------------------------------------------------------

TW = "TW_MANAGED"
PS = "PROVINCIAL_STANDING"
DC = "DEPARTMENT_CENTRAL"
DL = "DEPARTMENT_LOCAL"
OT = "OTHER"

#: Share of women by position level (leaders ~70/30 overall).
FEMALE_SHARE: dict[str, float] = {TW: 0.15, PS: 0.25, DC: 0.32, DL: 0.33, OT: 0.45}

#: Age in years on the reference date by level: (lowest, most common, highest).
AGE_BY_LEVEL: dict[str, tuple[int, int, int]] = {
    TW: (48, 58, 61),
    PS: (42, 54, 60),
    DC: (38, 52, 60),
    DL: (36, 51, 60),
}

#: Titles below department leadership (OTHER), by how often they appear, with their age range.
OTHER_TITLES: tuple[tuple[str, float, tuple[int, int, int]], ...] = (
    ("Trưởng phòng", 16, (35, 48, 60)),
    ("Phó Trưởng phòng", 22, (32, 44, 59)),
    ("Chuyên viên cao cấp", 4, (45, 54, 60)),
    ("Chuyên viên chính", 33, (32, 45, 60)),
    ("Chuyên viên", 25, (30, 36, 52)),
)

#: The step below each OTHER title in a career (quá trình công tác).
OTHER_LADDER: dict[str, str] = {
    "Trưởng phòng": "Phó Trưởng phòng",
    "Phó Trưởng phòng": "Chuyên viên chính",
    "Chuyên viên cao cấp": "Chuyên viên chính",
    "Chuyên viên chính": "Chuyên viên",
    "Chuyên viên": "Chuyên viên",
}


class RootPost(NamedTuple):
    """A leader post of a root agency.

    ``career`` lists the posts held before, most recent first: (title, where) with where "same"
    (this root) or "unit" / "so" / "party" (the head "{head}" or deputy "{deputy}" of one of
    its units, of any kind / a sở / a provincial party board). Titles may use {head},
    {deputy}, {standing} (the root's titles) and {lvl}, {party} (the province's words).
    """

    title: str
    level: str
    category: str  # ManagementCategory value
    count: int
    party_position: str = ""
    career: tuple[tuple[str, str], ...] = ()
    fields: tuple[str, ...] = ()  # fields of work; the root's own when empty


_CC_MEMBER = "Ủy viên Ban Chấp hành Trung ương Đảng"
_PROVINCE_CC_MEMBER = "Ủy viên Ban Chấp hành Đảng bộ {lvl}"
_UNIT_LEADERS = (("{head}", "unit"), ("{deputy}", "unit"))

#: Leader posts of a root agency by kind ("province" for provinces and cities).
ROOT_POSTS: dict[str, tuple[RootPost, ...]] = {
    "bo_nganh": (
        RootPost("{head}", TW, "BCT", 1, _CC_MEMBER, (("{deputy}", "same"), ("{head}", "unit"))),
        RootPost("{deputy}", TW, "BBT", 4, career=_UNIT_LEADERS),
    ),
    "ban_dang": (
        RootPost("{head}", TW, "BCT", 1, _CC_MEMBER, (("{deputy}", "same"), ("{head}", "unit"))),
        RootPost("{deputy}", TW, "BBT", 3, career=_UNIT_LEADERS),
    ),
    "to_chuc_ct_xh": (
        RootPost(
            "Chủ tịch", TW, "BCT", 1, _CC_MEMBER,
            (("Phó Chủ tịch", "same"), ("{head}", "unit")), ("TGDV", "TCCB"),
        ),
        RootPost("Phó Chủ tịch", TW, "BBT", 4, "", _UNIT_LEADERS, ("TGDV", "TCCB", "DN")),
    ),
    "dang_uy_truc_thuoc": (
        RootPost(
            "{deputy}", TW, "BBT", 2, "",
            (("{standing}", "same"), ("{head}", "unit")), ("TCCB", "KTGS"),
        ),
        RootPost("{standing}", PS, "OTHER", 5, "", _UNIT_LEADERS, ("TCCB", "KTGS", "TGDV")),
    ),
    "province": (
        RootPost(
            "Bí thư {party}", TW, "BCT", 1, _CC_MEMBER,
            (
                ("Chủ tịch Ủy ban nhân dân {lvl}", "same"),
                ("Phó Chủ tịch Ủy ban nhân dân {lvl}", "same"),
            ),
            ("TCCB",),
        ),
        RootPost(
            "Phó Bí thư Thường trực {party}", TW, "BBT", 1, "",
            (("Ủy viên Ban Thường vụ {party}", "same"), ("{head}", "party")), ("TCCB", "TGDV"),
        ),
        RootPost(
            "Chủ tịch Ủy ban nhân dân {lvl}", TW, "BBT", 1, "Phó Bí thư {party}",
            (("Phó Chủ tịch Ủy ban nhân dân {lvl}", "same"), ("{head}", "so")), ("QLNN",),
        ),
        RootPost(
            "Chủ tịch Hội đồng nhân dân {lvl}", TW, "BBT", 1, "Phó Bí thư {party}",
            (("Ủy viên Ban Thường vụ {party}", "same"), ("{head}", "party")), ("QLNN",),
        ),
        RootPost(
            "Ủy viên Ban Thường vụ {party}", PS, "OTHER", 6, "",
            (("{head}", "party"), ("{deputy}", "party")), ("TCCB", "TGDV", "KTGS", "NCPL"),
        ),
        # Vice-chairs are PROVINCIAL_STANDING only when they sit on the standing committee (the
        # standing vice-chair of the People's Committee); the others lead at provincial
        # department level and above (DEPARTMENT_LOCAL, KL §2.4).
        RootPost(
            "Phó Chủ tịch Thường trực Ủy ban nhân dân {lvl}", PS, "OTHER", 1,
            "Ủy viên Ban Thường vụ {party}",
            (("Phó Chủ tịch Ủy ban nhân dân {lvl}", "same"), ("{head}", "so")), ("KTTC", "QLNN"),
        ),
        RootPost(
            "Phó Chủ tịch Ủy ban nhân dân {lvl}", DL, "OTHER", 3, _PROVINCE_CC_MEMBER,
            (("{head}", "so"), ("{deputy}", "so")), ("KTTC", "XDGT", "VHXH", "NNMT", "QLNN"),
        ),
        RootPost(
            "Phó Chủ tịch Hội đồng nhân dân {lvl}", DL, "OTHER", 2, _PROVINCE_CC_MEMBER,
            (("{head}", "so"), ("{deputy}", "party")), ("QLNN", "NCPL"),
        ),
    ),
}  # fmt: skip

#: Head, deputy and standing-committee titles of roots whose titles differ from their kind's.
ROOT_TITLES: dict[str, tuple[str, str, str]] = {
    "bo_nganh": ("Bộ trưởng", "Thứ trưởng", ""),
    "ban_dang": ("Trưởng Ban", "Phó Trưởng Ban", ""),
    "dang_uy_truc_thuoc": ("Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Ủy viên Ban Thường vụ Đảng ủy"),
    "NHNN": ("Thống đốc", "Phó Thống đốc", ""),
    "TTCP": ("Tổng Thanh tra Chính phủ", "Phó Tổng Thanh tra Chính phủ", ""),
    "VPCP": ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Phó Chủ nhiệm Văn phòng Chính phủ", ""),
    "VPQH": ("Chủ nhiệm Văn phòng Quốc hội", "Phó Chủ nhiệm Văn phòng Quốc hội", ""),
    "TANDTC": ("Chánh án", "Phó Chánh án", ""),
    "VKSNDTC": ("Viện trưởng", "Phó Viện trưởng", ""),
    "KTNN": ("Tổng Kiểm toán nhà nước", "Phó Tổng Kiểm toán nhà nước", ""),
    "UBKTTW": ("Chủ nhiệm", "Phó Chủ nhiệm", ""),
    "VPTW": ("Chánh Văn phòng", "Phó Chánh Văn phòng", ""),
    "HVCTQG": ("Giám đốc Học viện", "Phó Giám đốc Học viện", ""),
    "QUTW": ("Bí thư Quân ủy Trung ương", "Phó Bí thư Quân ủy Trung ương",
             "Ủy viên Thường vụ Quân ủy Trung ương"),
    "DUCATW": ("Bí thư Đảng ủy Công an Trung ương", "Phó Bí thư Đảng ủy Công an Trung ương",
               "Ủy viên Ban Thường vụ Đảng ủy Công an Trung ương"),
}  # fmt: skip

#: Field of work of each central root (its leaders and units without a field of their own).
ROOT_FIELDS: dict[str, str] = {
    "BTCTW": "TCCB", "BTGDVTW": "TGDV", "BCSCLTW": "KTTC", "BNCTW": "NCPL", "UBKTTW": "KTGS",
    "VPTW": "QLNN", "BQP": "QPAN", "BCA": "QPAN", "BNG": "DN", "BNV": "TCCB", "BTP": "NCPL",
    "BTC": "KTTC", "BCT": "KTTC", "BNNMT": "NNMT", "BXD": "XDGT", "BVHTTDL": "VHXH",
    "BKHCN": "KHCN", "BGDDT": "VHXH", "BYT": "VHXH", "BDTTG": "VHXH", "NHNN": "KTTC",
    "TTCP": "KTGS", "VPCP": "QLNN", "VPQH": "QLNN", "TANDTC": "NCPL", "VKSNDTC": "NCPL",
    "KTNN": "KTGS", "MTTQ": "TGDV", "DUCP": "TCCB", "DUQH": "TCCB", "DUCQD": "TCCB",
    "DUMTTQ": "TCCB", "QUTW": "QPAN", "DUCATW": "QPAN", "HVCTQG": "TGDV",
}  # fmt: skip

#: Head and deputy titles of a unit by kind, unless its entry names its own.
UNIT_TITLES: dict[str, tuple[str, str]] = {
    "tong_cuc": ("Tổng cục trưởng", "Phó Tổng cục trưởng"),
    "cuc": ("Cục trưởng", "Phó Cục trưởng"),
    "vu": ("Vụ trưởng", "Phó Vụ trưởng"),
    "so": ("Giám đốc Sở", "Phó Giám đốc Sở"),
    "don_vi": ("Trưởng Ban", "Phó Trưởng Ban"),
}

# --- Units --------------------------------------------------------------------------------------
# A unit entry: (name, kind, field, extra) where extra may hold "titles" (head, deputy),
# "head_level" (a level code), "children" (more entries) and "short" (short name).

CHIEF_OF_OFFICE = {"titles": ("Chánh Văn phòng", "Phó Chánh Văn phòng")}
CHIEF_INSPECTOR = {"titles": ("Chánh Thanh tra", "Phó Chánh Thanh tra")}

COMMON_MINISTRY_UNITS: tuple[tuple, ...] = (
    ("Văn phòng Bộ", "don_vi", "QLNN", CHIEF_OF_OFFICE),
    ("Thanh tra Bộ", "don_vi", "KTGS", CHIEF_INSPECTOR),
    ("Vụ Tổ chức cán bộ", "vu", "TCCB", {}),
    ("Vụ Hợp tác quốc tế", "vu", "DN", {}),
    ("Vụ Pháp chế", "vu", "NCPL", {}),
    ("Vụ Kế hoạch - Tài chính", "vu", "KTTC", {}),
)


def _vu(*names: str, field: str = "") -> tuple[tuple, ...]:
    return tuple((name, "vu", field, {}) for name in names)


def _cuc(*names: str, field: str = "") -> tuple[tuple, ...]:
    return tuple((name, "cuc", field, {}) for name in names)


def _ban(*names: str, field: str = "") -> tuple[tuple, ...]:
    return tuple((name, "don_vi", field, {}) for name in names)


def _office(name: str) -> tuple:
    return (name, "don_vi", "QLNN", CHIEF_OF_OFFICE)


def _led(name: str, kind: str, field: str, head: str, deputy: str, **extra) -> tuple:
    return (name, kind, field, {"titles": (head, deputy), **extra})


def _mass_organisation(name: str, field: str, head: str, deputy: str) -> tuple:
    """A central mass organisation under the Front: its leader ranks with a minister."""
    children = _ban("Ban Tổ chức", "Ban Tuyên giáo", "Ban Quốc tế")
    return _led(name, "don_vi", field, head, deputy, head_level=TW, children=children)


#: Units of each central body besides the common ministry units (for ministries).
CENTRAL_UNITS: dict[str, tuple[tuple, ...]] = {
    "BTCTW": (
        *_vu(
            "Vụ Tổ chức - Điều lệ", "Vụ Cơ sở đảng, đảng viên", "Vụ Cán bộ, công chức",
            "Vụ Chính sách cán bộ", "Vụ Bảo vệ chính trị nội bộ", "Vụ Tổng hợp",
            "Vụ Địa phương I", "Vụ Địa phương II", "Vụ Địa phương III",
        ),
        _office("Văn phòng Ban"),
        ("Văn phòng Ban Chỉ đạo Đề án 165", "don_vi", "DN", CHIEF_OF_OFFICE),
    ),
    "BTGDVTW": (
        *_vu(
            "Vụ Lý luận chính trị", "Vụ Báo chí - Xuất bản", "Vụ Tuyên truyền",
            "Vụ Văn hóa - Văn nghệ", "Vụ Khoa giáo", "Vụ Dân vận các cơ quan nhà nước",
            "Vụ Công tác dân tộc, tôn giáo", "Vụ Địa phương I", "Vụ Địa phương II",
        ),
        _office("Văn phòng Ban"),
    ),
    "BCSCLTW": (
        *_vu("Vụ Kinh tế", field="KTTC"),
        *_vu("Vụ Văn hóa - Xã hội", field="VHXH"),
        *_vu("Vụ Khoa học, công nghệ và đổi mới sáng tạo", field="KHCN"),
        *_vu("Vụ Nông nghiệp, nông thôn", field="NNMT"),
        *_vu("Vụ Quốc phòng, an ninh, đối ngoại", field="DN"),
        *_vu("Vụ Tổng hợp", field="QLNN"),
        _office("Văn phòng Ban"),
    ),
    "BNCTW": (
        *_vu(
            "Vụ Theo dõi công tác phòng, chống tham nhũng, tiêu cực", "Vụ Nội chính",
            "Vụ Tư pháp", "Vụ Cải cách tư pháp", "Vụ Địa phương I", "Vụ Địa phương II",
        ),
        _office("Văn phòng Ban"),
    ),
    "UBKTTW": (
        *_vu(
            "Vụ Địa phương I", "Vụ Địa phương II", "Vụ Địa phương III", "Vụ Địa phương IV",
            "Vụ Kiểm tra, giám sát khối Trung ương", "Vụ Tổng hợp",
        ),
        _office("Văn phòng Ủy ban"),
    ),
    "VPTW": (
        *_vu("Vụ Tổng hợp", "Vụ Hành chính - Lưu trữ", field="QLNN"),
        *_vu("Vụ Đối ngoại", field="DN"),
        *_cuc("Cục Tài chính - Quản trị", "Cục Quản trị T.26", field="KTTC"),
        *_cuc("Cục Cơ yếu Đảng", field="QPAN"),
    ),
    "BQP": (
        _led(
            "Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam", "don_vi", "QPAN",
            "Tổng Tham mưu trưởng", "Phó Tổng Tham mưu trưởng",
            children=_cuc("Cục Tác chiến", "Cục Quân huấn", "Cục Dân quân tự vệ",
                          "Cục Cứu hộ - Cứu nạn"),
        ),
        _led(
            "Tổng cục Chính trị Quân đội nhân dân Việt Nam", "tong_cuc", "QPAN",
            "Chủ nhiệm Tổng cục Chính trị", "Phó Chủ nhiệm Tổng cục Chính trị",
            children=_cuc("Cục Tổ chức", "Cục Cán bộ", "Cục Tuyên huấn",
                          "Cục Bảo vệ an ninh Quân đội", "Cục Chính sách - Xã hội"),
        ),
        ("Tổng cục Hậu cần - Kỹ thuật", "tong_cuc", "QPAN",
         {"children": _cuc("Cục Quân nhu", "Cục Quân y", "Cục Xe - Máy",
                           "Cục Kỹ thuật binh chủng")}),
        ("Tổng cục Công nghiệp quốc phòng", "tong_cuc", "KHCN",
         {"children": _cuc("Cục Kế hoạch và Đầu tư", "Cục Khoa học công nghệ và Môi trường")}),
        *_cuc("Cục Đối ngoại", "Cục Gìn giữ hòa bình Việt Nam", field="DN"),
        *_cuc("Cục Tài chính", "Cục Kinh tế", field="KTTC"),
        *_cuc("Cục Khoa học quân sự", field="KHCN"),
    ),
    "BCA": (
        *_cuc(
            "Cục An ninh chính trị nội bộ", "Cục An ninh kinh tế",
            "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
            "Cục Cảnh sát hình sự", "Cục Cảnh sát giao thông",
            "Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường",
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Cục Quản lý xuất nhập cảnh",
            "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
            "Cục Công tác đảng và công tác chính trị", "Cục Tổ chức cán bộ",
            "Cục Pháp chế và cải cách hành chính, tư pháp", "Cục Kế hoạch và tài chính",
        ),
        *_cuc("Cục Đối ngoại", field="DN"),
    ),
    "BNG": (
        *_vu(
            "Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương", "Vụ Đông Bắc Á", "Vụ Châu Âu",
            "Vụ Châu Mỹ", "Vụ Trung Đông - Châu Phi", "Vụ Chính sách đối ngoại", "Vụ ASEAN",
            "Vụ Các tổ chức quốc tế", "Vụ Luật pháp và Điều ước quốc tế",
            "Vụ Ngoại giao kinh tế", "Vụ Ngoại giao văn hóa và UNESCO", "Vụ Thông tin báo chí",
            field="DN",
        ),
        *_cuc("Cục Lãnh sự", "Cục Lễ tân Nhà nước", "Cục Phục vụ ngoại giao đoàn", field="DN"),
        _led("Ủy ban Nhà nước về người Việt Nam ở nước ngoài", "don_vi", "DN",
             "Chủ nhiệm", "Phó Chủ nhiệm"),
    ),
    "BNV": (
        *_vu(
            "Vụ Công chức - Viên chức", "Vụ Chính quyền địa phương", "Vụ Tổ chức - Biên chế",
            "Vụ Tiền lương", "Vụ Cải cách hành chính", "Vụ Tổ chức phi chính phủ", field="QLNN",
        ),
        *_cuc(
            "Cục Việc làm", "Cục Quan hệ lao động và Tiền lương",
            "Cục Quản lý lao động ngoài nước", "Cục Văn thư và Lưu trữ nhà nước",
            "Cục Người có công", field="QLNN",
        ),
        *_ban("Ban Thi đua - Khen thưởng Trung ương", field="QLNN"),
    ),
    "BTP": (
        *_vu(
            "Vụ Các vấn đề chung về xây dựng pháp luật", "Vụ Pháp luật hình sự - hành chính",
            "Vụ Pháp luật dân sự - kinh tế", "Vụ Pháp luật quốc tế", field="NCPL",
        ),
        *_cuc(
            "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính",
            "Cục Hộ tịch, quốc tịch, chứng thực", "Cục Bổ trợ tư pháp", "Cục Trợ giúp pháp lý",
            "Cục Quản lý thi hành án dân sự", "Cục Đăng ký quốc gia giao dịch bảo đảm",
            "Cục Con nuôi", field="NCPL",
        ),
    ),
    "BTC": (
        *_vu(
            "Vụ Ngân sách nhà nước", "Vụ Chính sách thuế, phí và lệ phí",
            "Vụ Tổng hợp kinh tế quốc dân", "Vụ Đầu tư", "Vụ Tài chính các ngân hàng",
            field="KTTC",
        ),
        *_cuc(
            "Cục Thuế", "Cục Hải quan", "Cục Quản lý nợ và Kinh tế đối ngoại",
            "Cục Quản lý công sản", "Cục Thống kê", "Cục Đầu tư nước ngoài",
            "Cục Phát triển doanh nghiệp", "Cục Dự trữ Nhà nước", field="KTTC",
        ),
        _led("Ủy ban Chứng khoán Nhà nước", "don_vi", "KTTC", "Chủ tịch", "Phó Chủ tịch"),
    ),
    "BCT": (
        *_vu(
            "Vụ Thị trường trong nước", "Vụ Chính sách thương mại đa biên",
            "Vụ Thị trường châu Á - châu Phi", "Vụ Thị trường châu Âu - châu Mỹ", field="KTTC",
        ),
        *_cuc(
            "Cục Xuất nhập khẩu", "Cục Phòng vệ thương mại", "Cục Công nghiệp", "Cục Điện lực",
            "Cục Xúc tiến thương mại", "Cục Hóa chất",
            "Cục Kỹ thuật an toàn và Môi trường công nghiệp", field="KTTC",
        ),
        _led("Ủy ban Cạnh tranh Quốc gia", "don_vi", "KTTC", "Chủ tịch", "Phó Chủ tịch"),
    ),
    "BNNMT": _cuc(
        "Cục Trồng trọt và Bảo vệ thực vật", "Cục Chăn nuôi và Thú y",
        "Cục Thủy sản và Kiểm ngư", "Cục Lâm nghiệp và Kiểm lâm", "Cục Quản lý đất đai",
        "Cục Môi trường", "Cục Biến đổi khí hậu", "Cục Quản lý tài nguyên nước",
        "Cục Khí tượng Thủy văn", "Cục Địa chất và Khoáng sản Việt Nam",
        "Cục Biển và Hải đảo Việt Nam", "Cục Quản lý đê điều và Phòng, chống thiên tai",
        "Cục Kinh tế hợp tác và Phát triển nông thôn", field="NNMT",
    ),
    "BXD": (
        *_cuc(
            "Cục Đường bộ Việt Nam", "Cục Hàng hải và Đường thủy Việt Nam",
            "Cục Hàng không Việt Nam", "Cục Đường sắt Việt Nam",
            "Cục Kinh tế - Quản lý đầu tư xây dựng",
            "Cục Giám định nhà nước về chất lượng công trình xây dựng", "Cục Phát triển đô thị",
            "Cục Quản lý nhà và thị trường bất động sản", "Cục Đăng kiểm Việt Nam", field="XDGT",
        ),
        *_vu("Vụ Quy hoạch - Kiến trúc", "Vụ Vận tải và An toàn giao thông", field="XDGT"),
    ),
    "BVHTTDL": (
        *_cuc(
            "Cục Di sản văn hóa", "Cục Nghệ thuật biểu diễn", "Cục Điện ảnh",
            "Cục Bản quyền tác giả", "Cục Thể dục thể thao Việt Nam",
            "Cục Du lịch Quốc gia Việt Nam", "Cục Báo chí",
            "Cục Phát thanh, truyền hình và thông tin điện tử", "Cục Xuất bản, In và Phát hành",
            field="VHXH",
        ),
        *_vu("Vụ Văn hóa dân tộc", "Vụ Gia đình", field="VHXH"),
        *_cuc("Cục Hợp tác quốc tế", field="DN"),
    ),
    "BKHCN": (
        *_vu(
            "Vụ Khoa học xã hội, nhân văn và tự nhiên", "Vụ Khoa học kỹ thuật và công nghệ",
            "Vụ Kinh tế và Xã hội số", field="KHCN",
        ),
        *_cuc(
            "Cục Đổi mới sáng tạo", "Cục Sở hữu trí tuệ", "Cục Năng lượng nguyên tử",
            "Cục An toàn bức xạ và hạt nhân", "Cục Bưu điện Trung ương", "Cục Viễn thông",
            "Cục Tần số vô tuyến điện", "Cục Công nghiệp công nghệ thông tin",
            "Cục Chuyển đổi số quốc gia", "Cục An toàn thông tin", field="KHCN",
        ),
        _led("Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia", "don_vi", "KHCN",
             "Chủ nhiệm", "Phó Chủ nhiệm"),
    ),
    "BGDDT": (
        *_vu(
            "Vụ Giáo dục Mầm non", "Vụ Giáo dục Phổ thông", "Vụ Giáo dục Đại học",
            "Vụ Giáo dục Chính trị và Công tác học sinh, sinh viên",
            "Vụ Giáo dục nghề nghiệp và Giáo dục thường xuyên", field="VHXH",
        ),
        *_cuc(
            "Cục Quản lý chất lượng", "Cục Nhà giáo và Cán bộ quản lý giáo dục",
            "Cục Khoa học công nghệ và Thông tin", field="VHXH",
        ),
        *_cuc("Cục Hợp tác quốc tế", field="DN"),
    ),
    "BYT": (
        *_cuc(
            "Cục Quản lý Khám, chữa bệnh", "Cục Quản lý Dược", "Cục An toàn thực phẩm",
            "Cục Phòng bệnh", "Cục Khoa học công nghệ và Đào tạo", "Cục Bà mẹ và Trẻ em",
            "Cục Quản lý Y, Dược cổ truyền", "Cục Bảo trợ xã hội", "Cục Dân số",
            "Cục Hạ tầng và Thiết bị y tế", field="VHXH",
        ),
        *_vu("Vụ Bảo hiểm y tế", field="VHXH"),
    ),
    "BDTTG": (
        *_vu(
            "Vụ Chính sách dân tộc", "Vụ Địa phương I", "Vụ Địa phương II", "Vụ Địa phương III",
            "Vụ Dân tộc thiểu số", "Vụ Tuyên truyền công tác dân tộc", field="VHXH",
        ),
        *_ban("Ban Tôn giáo Chính phủ", field="VHXH"),
    ),
    "NHNN": (
        *_vu(
            "Vụ Chính sách tiền tệ", "Vụ Tín dụng các ngành kinh tế", "Vụ Quản lý ngoại hối",
            "Vụ Thanh toán", "Vụ Ổn định tiền tệ - tài chính", "Vụ Dự báo, thống kê - tiền tệ",
            field="KTTC",
        ),
        *_cuc(
            "Cục Quản lý, giám sát tổ chức tín dụng", "Cục Phòng, chống rửa tiền",
            "Cục Công nghệ thông tin", field="KTTC",
        ),
    ),
    "TTCP": (
        *_cuc(
            "Cục Giải quyết khiếu nại, tố cáo và thanh tra khu vực 1",
            "Cục Giải quyết khiếu nại, tố cáo và thanh tra khu vực 2",
            "Cục Giải quyết khiếu nại, tố cáo và thanh tra khu vực 3",
            "Cục Phòng, chống tham nhũng, tiêu cực", "Cục Thanh tra doanh nghiệp", field="KTGS",
        ),
        *_vu("Vụ Giám sát, thẩm định và Xử lý sau thanh tra", field="KTGS"),
    ),
    "VPCP": (
        *_vu(
            "Vụ Tổng hợp", "Vụ Kinh tế tổng hợp", "Vụ Công nghiệp", "Vụ Nông nghiệp",
            "Vụ Khoa giáo - Văn xã", "Vụ Pháp luật", "Vụ Nội chính", "Vụ Đổi mới doanh nghiệp",
            "Vụ Thư ký - Biên tập", field="QLNN",
        ),
        *_vu("Vụ Quan hệ quốc tế", field="DN"),
        *_cuc("Cục Kiểm soát thủ tục hành chính", field="QLNN"),
    ),
    "VPQH": (
        *_vu(
            "Vụ Tổng hợp", "Vụ Pháp luật", "Vụ Kinh tế - Tài chính", "Vụ Văn hóa - Xã hội",
            "Vụ Dân nguyện", "Vụ Quốc phòng, An ninh và Đối ngoại", "Vụ Công tác đại biểu",
            "Vụ Khoa học, Công nghệ và Môi trường", field="QLNN",
        ),
        *_vu("Vụ Đối ngoại", field="DN"),
    ),
    "TANDTC": (
        *_vu(
            "Vụ Tổng hợp", "Vụ Pháp chế và Quản lý khoa học", "Vụ Giám đốc kiểm tra I",
            "Vụ Giám đốc kiểm tra II", "Vụ Giám đốc kiểm tra III", field="NCPL",
        ),
        *_cuc("Cục Kế hoạch - Tài chính", field="KTTC"),
    ),
    "VKSNDTC": (
        *_vu(
            "Vụ Thực hành quyền công tố và kiểm sát điều tra án an ninh",
            "Vụ Thực hành quyền công tố và kiểm sát điều tra án trật tự xã hội",
            "Vụ Thực hành quyền công tố và kiểm sát điều tra án kinh tế, tham nhũng",
            "Vụ Kiểm sát thi hành án dân sự", "Vụ Kiểm sát việc giải quyết các vụ án hành chính",
            "Vụ Pháp chế và Quản lý khoa học", field="NCPL",
        ),
        *_vu("Vụ Hợp tác quốc tế và Tương trợ tư pháp về hình sự", field="DN"),
        *_cuc("Cục Điều tra", field="NCPL"),
    ),
    "KTNN": (
        *_vu("Vụ Tổng hợp", "Vụ Chế độ và Kiểm soát chất lượng kiểm toán", field="KTGS"),
        *(
            _led(f"Kiểm toán nhà nước chuyên ngành {number}", "don_vi", "KTGS",
                 "Kiểm toán trưởng", "Phó Kiểm toán trưởng")
            for number in ("I", "II", "III", "IV", "V")
        ),
    ),
    "MTTQ": (
        *_ban("Ban Tổ chức - Cán bộ", field="TCCB"),
        *_ban("Ban Dân chủ - Pháp luật", field="NCPL"),
        *_ban("Ban Tuyên giáo", field="TGDV"),
        *_ban("Ban Đối ngoại", field="DN"),
        *_ban("Ban Phong trào", field="VHXH"),
        _office("Văn phòng Ủy ban Trung ương"),
        _mass_organisation("Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "TGDV",
                           "Chủ tịch", "Phó Chủ tịch"),
        _mass_organisation("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "TGDV",
                           "Bí thư thứ nhất", "Bí thư"),
        _mass_organisation("Tổng Liên đoàn Lao động Việt Nam", "VHXH",
                           "Chủ tịch", "Phó Chủ tịch"),
        _mass_organisation("Trung ương Hội Nông dân Việt Nam", "NNMT",
                           "Chủ tịch", "Phó Chủ tịch"),
        _mass_organisation("Trung ương Hội Cựu chiến binh Việt Nam", "QPAN",
                           "Chủ tịch", "Phó Chủ tịch"),
    ),
}  # fmt: skip

#: Common ministry units a central body does not have (it has its own units for them).
WITHOUT_COMMON_UNITS: dict[str, frozenset[str]] = {
    "BQP": frozenset({"Vụ Tổ chức cán bộ", "Vụ Hợp tác quốc tế", "Vụ Kế hoạch - Tài chính"}),
    "BCA": frozenset(
        {"Vụ Tổ chức cán bộ", "Vụ Hợp tác quốc tế", "Vụ Pháp chế", "Vụ Kế hoạch - Tài chính"}
    ),
    "BNG": frozenset({"Vụ Hợp tác quốc tế"}),
    "BVHTTDL": frozenset({"Vụ Hợp tác quốc tế"}),
    "BGDDT": frozenset({"Vụ Hợp tác quốc tế"}),
    "TTCP": frozenset({"Thanh tra Bộ"}),
    "VPCP": frozenset({"Vụ Hợp tác quốc tế", "Vụ Pháp chế", "Thanh tra Bộ"}),
    "VPQH": frozenset({"Vụ Hợp tác quốc tế", "Vụ Pháp chế", "Thanh tra Bộ"}),
    "TANDTC": frozenset({"Vụ Pháp chế", "Vụ Kế hoạch - Tài chính"}),
    "VKSNDTC": frozenset({"Vụ Hợp tác quốc tế", "Vụ Pháp chế"}),
    "KTNN": frozenset({"Thanh tra Bộ"}),
}

#: Units of a party committee directly under the Centre.
PARTY_COMMITTEE_UNITS: tuple[tuple, ...] = (
    ("Văn phòng Đảng ủy", "don_vi", "QLNN", CHIEF_OF_OFFICE),
    ("Ban Tổ chức Đảng ủy", "don_vi", "TCCB", {}),
    ("Ủy ban Kiểm tra Đảng ủy", "don_vi", "KTGS", {"titles": ("Chủ nhiệm", "Phó Chủ nhiệm")}),
    ("Ban Tuyên giáo và Dân vận Đảng ủy", "don_vi", "TGDV", {}),
)

#: Units of every province or city. Placeholders: {lvl} "tỉnh"/"thành phố", {party}
#: "Tỉnh ủy"/"Thành ủy", {place} "Nghệ An". The name is the short name plus the place.
PROVINCIAL_UNITS: tuple[tuple, ...] = (
    ("Sở Nội vụ", "so", "TCCB", {}),
    ("Sở Tài chính", "so", "KTTC", {}),
    ("Sở Tư pháp", "so", "NCPL", {}),
    ("Sở Công Thương", "so", "KTTC", {}),
    ("Sở Xây dựng", "so", "XDGT", {}),
    ("Sở Nông nghiệp và Môi trường", "so", "NNMT", {}),
    ("Sở Giáo dục và Đào tạo", "so", "VHXH", {}),
    ("Sở Y tế", "so", "VHXH", {}),
    ("Sở Văn hóa, Thể thao và Du lịch", "so", "VHXH", {}),
    ("Sở Khoa học và Công nghệ", "so", "KHCN", {}),
    ("Thanh tra {lvl}", "so", "KTGS", CHIEF_INSPECTOR),
    ("Văn phòng Ủy ban nhân dân {lvl}", "so", "QLNN", CHIEF_OF_OFFICE),
    ("Văn phòng {party}", "don_vi", "QLNN", CHIEF_OF_OFFICE),
    ("Ban Tổ chức {party}", "don_vi", "TCCB", {"head_level": PS}),
    ("Ban Tuyên giáo và Dân vận {party}", "don_vi", "TGDV", {"head_level": PS}),
    ("Ủy ban Kiểm tra {party}", "don_vi", "KTGS",
     {"titles": ("Chủ nhiệm", "Phó Chủ nhiệm"), "head_level": PS}),
    ("Ban Nội chính {party}", "don_vi", "NCPL", {"head_level": PS}),
    ("Đảng ủy Ủy ban nhân dân {lvl}", "don_vi", "TCCB",
     {"titles": ("Phó Bí thư Thường trực Đảng ủy", "Phó Bí thư Đảng ủy")}),
    ("Đảng ủy các cơ quan Đảng {lvl}", "don_vi", "TCCB",
     {"titles": ("Bí thư Đảng ủy", "Phó Bí thư Đảng ủy")}),
    ("Trường Chính trị {lvl}", "don_vi", "TGDV", {"titles": ("Hiệu trưởng", "Phó Hiệu trưởng")}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam {lvl}", "don_vi", "TGDV",
     {"titles": ("Chủ tịch", "Phó Chủ tịch"), "head_level": PS}),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân {lvl}", "don_vi", "QLNN",
     {"titles": ("Chánh Văn phòng", "Phó Chánh Văn phòng"),
      "short": "Văn phòng Đoàn ĐBQH và HĐND"}),
    ("Ban Quản lý các khu công nghiệp {lvl}", "don_vi", "KTTC", {}),
    ("Liên đoàn Lao động {lvl}", "don_vi", "VHXH", {"titles": ("Chủ tịch", "Phó Chủ tịch")}),
    ("Công an {lvl}", "don_vi", "QPAN",
     {"titles": ("Giám đốc Công an", "Phó Giám đốc Công an"), "head_level": PS}),
    ("Bộ Chỉ huy Quân sự {lvl}", "don_vi", "QPAN",
     {"titles": ("Chỉ huy trưởng", "Phó Chỉ huy trưởng"), "head_level": PS}),
)  # fmt: skip

#: Units only some provinces have: (unit entry, province codes).
PROVINCIAL_OPTIONAL_UNITS: tuple[tuple[tuple, frozenset[str]], ...] = (
    (("Sở Ngoại vụ", "so", "DN", {}),
     frozenset({"HNI", "HCM", "HPG", "DNG", "QNH", "LCI", "LSN", "CBG", "TNH", "AGG", "KHA",
                "DBN", "LCU", "TQG", "QTI", "NAN", "GLI", "DLK"})),
    (("Sở Dân tộc và Tôn giáo", "so", "VHXH", {}),
     frozenset({"LCU", "DBN", "SLA", "LSN", "CBG", "TQG", "LCI", "TNN", "PTO", "QNH", "THA",
                "NAN", "QNG", "GLI", "DLK", "LDG", "KHA", "VLG", "CTO", "AGG", "CMU"})),
    (("Sở Du lịch", "so", "VHXH", {}), frozenset({"HNI", "HCM"})),
    (("Sở Quy hoạch - Kiến trúc", "so", "XDGT", {}), frozenset({"HNI", "HCM"})),
    (("Sở An toàn thực phẩm", "so", "VHXH", {}), frozenset({"HCM"})),
)  # fmt: skip

#: Provinces where a neighbour's language is more common among cadres.
BORDER_LANGUAGES: dict[str, frozenset[str]] = {
    "lo": frozenset({"DBN", "SLA", "THA", "NAN", "HTH", "QTI", "HUE", "DNG", "QNG"}),
    "zh": frozenset({"LCU", "DBN", "LCI", "TQG", "CBG", "LSN", "QNH"}),
    "km": frozenset({"GLI", "DLK", "DNI", "TNH", "DTP", "AGG"}),
}

# --- Qualifications -----------------------------------------------------------------------------

#: Highest degree by level: (degree code, weight).
DEGREES: dict[str, tuple[tuple[str, float], ...]] = {
    TW: (("TS", 50), ("ThS", 45), ("CN", 5)),
    PS: (("TS", 30), ("ThS", 60), ("CN", 10)),
    DC: (("TS", 25), ("ThS", 60), ("CN", 15)),
    DL: (("TS", 10), ("ThS", 60), ("CN", 30)),
    OT: (("TS", 3), ("ThS", 40), ("CN", 55), ("CD", 2)),
}

#: Share of doctors who are associate professors / professors, by level.
ACADEMIC_TITLES: dict[str, tuple[float, float]] = {
    TW: (0.25, 0.06),
    PS: (0.10, 0.01),
    DC: (0.12, 0.02),
    DL: (0.05, 0.0),
    OT: (0.02, 0.0),
}

DEGREE_LABELS = {
    "CD": "Cao đẳng",
    "CN": "Cử nhân",
    "KS": "Kỹ sư",
    "ThS": "Thạc sĩ",
    "TS": "Tiến sĩ",
}

#: Fields whose first degree is usually an engineer's (Kỹ sư) rather than a bachelor's.
ENGINEERING_FIELDS = frozenset({"KHCN", "XDGT", "NNMT"})

SPECIALITIES: dict[str, tuple[str, ...]] = {
    "TCCB": ("Luật", "Quản lý công", "Xây dựng Đảng và chính quyền nhà nước", "Hành chính công"),
    "KTGS": ("Kinh tế", "Luật", "Kế toán", "Kiểm toán"),
    "TGDV": ("Triết học", "Báo chí", "Chính trị học", "Lịch sử Đảng Cộng sản Việt Nam"),
    "NCPL": ("Luật", "Luật Hình sự", "Luật Kinh tế", "Luật Hiến pháp và Luật Hành chính"),
    "DN": ("Quan hệ quốc tế", "Ngôn ngữ Anh", "Kinh tế quốc tế", "Luật quốc tế"),
    "QPAN": ("Khoa học quân sự", "An ninh nhân dân", "Chỉ huy tham mưu", "Luật"),
    "KTTC": ("Kinh tế", "Tài chính - Ngân hàng", "Kế toán", "Quản trị kinh doanh"),
    "KHCN": ("Công nghệ thông tin", "Vật lý", "Điện tử - Viễn thông", "Khoa học máy tính"),
    "NNMT": ("Nông học", "Quản lý đất đai", "Khoa học môi trường", "Lâm nghiệp", "Thủy lợi"),
    "XDGT": ("Xây dựng dân dụng và công nghiệp", "Kiến trúc", "Cầu đường", "Quy hoạch vùng"),
    "VHXH": ("Y học", "Giáo dục học", "Văn hóa học", "Xã hội học", "Dược học"),
    "QLNN": ("Quản lý công", "Hành chính công", "Luật", "Kinh tế chính trị"),
}

#: Political theory by level: (value, weight); "cu_nhan" counts with "cao_cap".
POLITICAL_THEORY: dict[str, tuple[tuple[str, float], ...]] = {
    TW: (("cao_cap", 80), ("cu_nhan", 20)),
    PS: (("cao_cap", 85), ("cu_nhan", 15)),
    DC: (("cao_cap", 85), ("trung_cap", 12), ("cu_nhan", 3)),
    DL: (("cao_cap", 80), ("trung_cap", 20)),
    OT: (("cao_cap", 20), ("trung_cap", 50), ("so_cap", 20), ("", 10)),
}

STATE_MANAGEMENT: dict[str, tuple[tuple[str, float], ...]] = {
    TW: (("chuyen_vien_cao_cap", 100),),
    PS: (("chuyen_vien_cao_cap", 90), ("chuyen_vien_chinh", 10)),
    DC: (("chuyen_vien_cao_cap", 55), ("chuyen_vien_chinh", 45)),
    DL: (("chuyen_vien_cao_cap", 35), ("chuyen_vien_chinh", 65)),
    OT: (("chuyen_vien_chinh", 45), ("chuyen_vien", 45), ("", 10)),
}

# --- Languages ----------------------------------------------------------------------------------

#: Probability of knowing English, by level (~60 % overall).
ENGLISH_SHARE: dict[str, float] = {TW: 0.72, PS: 0.6, DC: 0.72, DL: 0.55, OT: 0.58}

ENGLISH_LEVELS: tuple[tuple[str, float], ...] = (
    ("A2", 8), ("B1", 35), ("B2", 35), ("C1", 17), ("C2", 5),
)  # fmt: skip
OTHER_LANGUAGE_LEVELS: tuple[tuple[str, float], ...] = (
    ("A2", 20), ("B1", 40), ("B2", 25), ("C1", 12), ("C2", 3),
)  # fmt: skip

#: Probability of each other language (before border and age adjustments).
OTHER_LANGUAGES: tuple[tuple[str, float], ...] = (
    ("fr", 0.05), ("ru", 0.04), ("zh", 0.05), ("ja", 0.02), ("ko", 0.02), ("de", 0.01),
    ("lo", 0.005), ("km", 0.003),
)  # fmt: skip

#: Certificates by language and level: (certificate, score) choices.
CERTIFICATES: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "en": {
        "A2": (("Chứng chỉ tiếng Anh bậc 2 (VSTEP)", ""), ("KET", "Pass")),
        "B1": (("VSTEP bậc 3", "5.0"), ("IELTS", "4.5"), ("PET", "Pass"), ("TOEIC", "550")),
        "B2": (("IELTS", "6.0"), ("VSTEP bậc 4", "6.5"), ("TOEFL iBT", "80"), ("TOEIC", "785")),
        "C1": (("IELTS", "7.0"), ("TOEFL iBT", "100"), ("CAE", "Grade B")),
        "C2": (("IELTS", "8.0"), ("CPE", "Grade A")),
    },
    "fr": {"A2": (("DELF A2", ""),), "B1": (("DELF B1", ""),), "B2": (("DELF B2", ""),),
           "C1": (("DALF C1", ""),), "C2": (("DALF C2", ""),)},
    "ru": {"A2": (("TRKI-A2", ""),), "B1": (("TRKI-1", ""),), "B2": (("TRKI-2", ""),),
           "C1": (("TRKI-3", ""),), "C2": (("TRKI-4", ""),)},
    "zh": {"A2": (("HSK 2", ""),), "B1": (("HSK 3", ""),), "B2": (("HSK 4", ""),),
           "C1": (("HSK 5", ""),), "C2": (("HSK 6", ""),)},
    "ja": {"A2": (("JLPT N5", ""),), "B1": (("JLPT N4", ""),), "B2": (("JLPT N3", ""),),
           "C1": (("JLPT N2", ""),), "C2": (("JLPT N1", ""),)},
    "ko": {"A2": (("TOPIK 2", ""),), "B1": (("TOPIK 3", ""),), "B2": (("TOPIK 4", ""),),
           "C1": (("TOPIK 5", ""),), "C2": (("TOPIK 6", ""),)},
    "de": {"A2": (("Goethe-Zertifikat A2", ""),), "B1": (("Goethe-Zertifikat B1", ""),),
           "B2": (("Goethe-Zertifikat B2", ""),), "C1": (("Goethe-Zertifikat C1", ""),),
           "C2": (("Goethe-Zertifikat C2", ""),)},
}  # fmt: skip

#: Used for a language without its own certificates (Lao, Khmer): the 6-level framework.
FRAMEWORK_CERTIFICATE = "Chứng chỉ ngoại ngữ theo Khung năng lực 6 bậc"
