"""Vietnamese name normalisation (pure Python, no ORM).

Contract (see ARCHITECTURE.md): :func:`normalize_vn_name` returns the text in
NFC, case-folded, with single spaces and the Vietnamese diacritics removed
(``Đ/đ`` -> ``d``, which Unicode does not decompose).
"""

import unicodedata

_D_TABLE = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})


def normalize_vn_name(raw: str | None) -> str:
    """Return a comparable key for a Vietnamese personal name."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", raw).translate(_D_TABLE)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())
