"""Vietnamese name normalisation (pure Python, no ORM).

Contract (see ARCHITECTURE.md): :func:`normalize_vn_name` returns the text in
NFC, case-folded, with single spaces and the Vietnamese diacritics removed
(``Đ/đ`` -> ``d``, which Unicode does not decompose). Removing the marks also
makes old and new tone placement (Hoà/Hòa, Thuỷ/Thủy) equal.

:func:`vn_name_match_key` goes one step further for duplicate detection: the
regional spellings of one surname (Huỳnh/Hoàng, Võ/Vũ) get one spelling.
Word order is left alone: matching compares sorted words, so "An Nguyen Van"
(written Western style) meets "Nguyen Van An".
"""

import unicodedata

_D_TABLE = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})

# Regional spellings of the same surname (after normalisation).
SURNAME_EQUIVALENTS = {"huynh": "hoang", "vo": "vu"}


def normalize_vn_name(raw: str | None) -> str:
    """Return a comparable key for a Vietnamese personal name."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", raw).translate(_D_TABLE)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


def vn_name_match_key(raw: str | None) -> str:
    """Normalised name with one spelling per surname, for matching."""
    words = normalize_vn_name(raw).replace(".", " ").replace(",", " ").split()
    return " ".join(SURNAME_EQUIVALENTS.get(word, word) for word in words)


def normalize_email(raw: str | None) -> str:
    """Trimmed, lower-cased e-mail address ('' when there is none)."""
    return (raw or "").strip().lower()
