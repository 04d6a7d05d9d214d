"""Vietnamese personal names compared for duplicate detection (pure Python, no ORM).

Contract (see ARCHITECTURE.md): :func:`normalize_vn_name` returns the text in NFC, case-folded, with single spaces
and the Vietnamese diacritics removed (``Đ/đ`` -> ``d``); it is the Vietnamese text folding of the customer layer,
given here under the name duplicate detection uses.

:func:`vn_name_match_key` goes one step further: the regional spellings of one surname (Huỳnh/Hoàng, Võ/Vũ) get
one spelling. Word order is left alone: matching compares sorted words, so "An Nguyen Van" (written Western style)
meets "Nguyen Van An".
"""

from odoo.addons.l10n_vn_address.tools.names import normalize_vn_name

__all__ = ["SURNAME_EQUIVALENTS", "normalize_vn_name", "vn_name_match_key"]

# Regional spellings of the same surname (after normalisation).
SURNAME_EQUIVALENTS = {"huynh": "hoang", "vo": "vu"}


def vn_name_match_key(raw: str | None) -> str:
    """Normalised name with one spelling per surname, for matching."""
    words = normalize_vn_name(raw).replace(".", " ").replace(",", " ").split()
    return " ".join(SURNAME_EQUIVALENTS.get(word, word) for word in words)
