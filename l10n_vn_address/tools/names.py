"""Vietnamese name normalisation (pure Python, no ORM).

Contract (see ARCHITECTURE.md): :func:`normalize_vn_name` returns the text in
NFC, case-folded, with single spaces and the Vietnamese diacritics removed
(``Đ/đ`` -> ``d``, which Unicode does not decompose). Removing the marks also
makes old and new tone placement (Hoà/Hòa, Thuỷ/Thủy) equal.

:func:`vn_spelling_key` keeps the diacritics (Tân Thành and Tân Thạnh are two
places) but writes the tone of an open "oa", "oe" or "uy" one way (Hoà/Hòa,
Thuỷ/Thủy give one key): for official names, where diacritics matter.
"""

import re
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


# In decomposed text: "o" + "a"/"e" or "u" + "y" + a tone mark, ending the syllable ("qu" is a consonant).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OPEN_SYLLABLE = re.compile(rf"(?<!q)(o(?=[ae][{_TONES}])|u(?=y[{_TONES}]))([aey])([{_TONES}])(?![a-z\u0300-\u036f])")


def vn_spelling_key(raw: str | None) -> str:
    """NFC, case-folded, single spaces, diacritics kept, the tone of open oa/oe/uy on the first vowel."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFD", " ".join(unicodedata.normalize("NFC", raw).casefold().split()))
    return unicodedata.normalize("NFC", _OPEN_SYLLABLE.sub(r"\1\3\2", text))
