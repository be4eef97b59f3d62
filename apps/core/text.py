"""Vietnamese text utilities: accent- and case-insensitive search keys."""

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "ð": "d"})


def normalize_vi(text: str | None) -> str:
    """Return a search key: lower case, without diacritics, with đ as d and single spaces.

    The same key is stored beside the name and computed from the query, so search behaves the
    same on SQLite and PostgreSQL without database extensions.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
