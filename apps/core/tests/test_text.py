from hypothesis import given
from hypothesis import strategies as st

from apps.core.text import normalize_vi


def test_it_strips_diacritics_case_and_d():
    assert normalize_vi("Nguyễn Văn An") == "nguyen van an"
    assert normalize_vi("ĐỖ  Đức   Đạt") == "do duc dat"
    assert normalize_vi("Phạm Thị Hương Giang") == "pham thi huong giang"


def test_it_handles_empty_values():
    assert normalize_vi("") == ""
    assert normalize_vi(None) == ""


@given(st.text())
def test_it_is_idempotent(text):
    once = normalize_vi(text)
    assert normalize_vi(once) == once


VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper()))
def test_it_leaves_only_ascii_for_vietnamese_text(text):
    assert normalize_vi(text).isascii()
