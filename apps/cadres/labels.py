"""The official Vietnamese labels of cadre fields and of their values: one source.

Official documents (the decision, the summary list), the import template's column headers and
anything else that prints a cadre field the way the Party's forms write it read these labels,
so the same field never reads differently in two places. The interface's own labels stay in the
translation catalogue (they are English source text); these are fixed Vietnamese terms.
"""

from .choices import Language, PoliticalTheory

#: Column labels of the cadre fields, as the forms of the organisation sector write them.
FIELD_LABELS = {
    "index": "STT",
    "full_name": "Họ và tên",
    "gender": "Giới tính",
    "date_of_birth": "Ngày sinh",
    "birth_year": "Năm sinh",
    "male_year": "Năm sinh Nam",
    "female_year": "Năm sinh Nữ",
    "ethnicity": "Dân tộc",
    "hometown": "Quê quán",
    "position": "Chức vụ, đơn vị công tác",
    "education": "Trình độ chuyên môn",
    "party_joined_on": "Ngày vào Đảng",
    "political_theory": "Lý luận chính trị",
    "languages": "Ngoại ngữ",
    "note": "Ghi chú",
}

#: Values of ``Cadre.political_theory`` as written on documents.
POLITICAL_THEORY_LABELS = {
    PoliticalTheory.ELEMENTARY: "Sơ cấp",
    PoliticalTheory.INTERMEDIATE: "Trung cấp",
    PoliticalTheory.ADVANCED: "Cao cấp",
    PoliticalTheory.BACHELOR: "Cử nhân",
}

#: Languages as written on documents ("Tiếng Anh C1").
LANGUAGE_LABELS = {
    Language.ENGLISH: "Tiếng Anh",
    Language.FRENCH: "Tiếng Pháp",
    Language.RUSSIAN: "Tiếng Nga",
    Language.CHINESE: "Tiếng Trung",
    Language.JAPANESE: "Tiếng Nhật",
    Language.KOREAN: "Tiếng Hàn",
    Language.GERMAN: "Tiếng Đức",
    Language.SPANISH: "Tiếng Tây Ban Nha",
    Language.LAO: "Tiếng Lào",
    Language.KHMER: "Tiếng Khmer",
}


def language_label(code: str) -> str:
    return LANGUAGE_LABELS.get(code, code)
