"""The official list of Vietnam's 3,321 commune-level units in force since 1 July 2025, shipped as a data file.

``data/vn_communes.csv``: one row per commune, ward or special zone (2,621 xã, 687 phường, 13 đặc khu), with the
statistics-office code of its province (``province_code``, two digits), its own code (``code``, five digits), its
official name and its kind (``commune``, ``ward``, ``special_zone``). Names, kinds and codes are public facts: the
list of administrative units published by Vietnam's statistics office (Cục Thống kê, Ministry of Finance; the
General Statistics Office until March 2025) after the 2025 rearrangement of communes, as collected in October 2025
by the vietnam-provinces project (release 2025.10.1); the file was written from it once and is part of this add-on.

:func:`commune_name_keys` and :func:`typed_commune_keys` compare a commune typed in an address with the official
names ("Phường Bến Thành", "P. Bến Thành" and, where no other commune reads the same without diacritics,
"phuong ben thanh").

Pure Python: no Odoo import.
"""

import csv
import re
from pathlib import Path

from .names import normalize_vn_name, vn_spelling_key

OFFICIAL_LIST = Path(__file__).resolve().parent.parent / "data" / "vn_communes.csv"
KINDS = ("commune", "ward", "special_zone")


class CommuneListError(ValueError):
    """The data file exists but does not hold the list of communes with their provinces."""


def official_communes_path():
    """Path of the official list shipped with the add-on (``None`` if it was removed from the installation)."""
    return OFFICIAL_LIST if OFFICIAL_LIST.is_file() else None


def province_code(code):
    """GSO code of a province as written in the official list and on our states (two digits): 1 -> "01"."""
    return f"{int(code):02d}"


def commune_code(code):
    """GSO code of a commune-level unit as the official list writes it (five digits): 70 -> "00070"."""
    return f"{int(code):05d}"


def read_official_communes(path):
    """``[(province GSO code, commune GSO code, commune name)]`` of the list in ``path``, in the file's order.

    Raise :class:`CommuneListError` when the file cannot be read or is not in the expected format.
    """
    communes = []
    try:
        with Path(path).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                if row["kind"] not in KINDS:
                    raise CommuneListError(f"unknown kind of unit {row['kind']!r} for {row['name']!r}")
                name = " ".join(row["name"].split())
                communes.append((province_code(row["province_code"]), commune_code(row["code"]), name))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError) as error:
        raise CommuneListError(str(error)) from error
    if not communes or any(not name for _province, _code, name in communes):
        raise CommuneListError("no communes, or a commune without a name")
    return communes


# The word opening a commune's name, written in full, without diacritics or abbreviated as in spreadsheets, and its
# official form. Thị trấn (townships) ended with the districts in 2025 but still appear in old addresses.
COMMUNE_KINDS = {
    "xã": "xã", "xa": "xã", "x": "xã",
    "phường": "phường", "phuong": "phường", "p": "phường",
    "đặc khu": "đặc khu", "dac khu": "đặc khu", "đk": "đặc khu", "dk": "đặc khu",
    "thị trấn": "thị trấn", "thi tran": "thị trấn", "tt": "thị trấn",
}  # fmt: skip
_PUNCTUATION = re.compile(r"[.,;:]")


def _split_kind(name):
    """``(official kind or None, rest)`` of a commune name as a spelling key ("P.Bến Thành" -> phường, bến thành)."""
    words = _PUNCTUATION.sub(" ", vn_spelling_key(name)).split()
    for size in (2, 1):
        kind = COMMUNE_KINDS.get(" ".join(words[:size]))
        if kind and len(words) > size:
            return kind, " ".join(words[size:])
    return None, " ".join(words)


KEY_KINDS = ("full", "folded")


def commune_name_keys(name):
    """Keys of an official commune name, one per :data:`KEY_KINDS`: its spelling key with the official kind, and the
    same without diacritics ("Phường Mỹ Tho": "phường mỹ tho", "phuong my tho").
    """
    kind, rest = _split_kind(name)
    full = f"{kind} {rest}" if kind else rest
    return full, normalize_vn_name(full)


def typed_commune_keys(text):
    """``[(kind of key, key)]`` of a commune typed in an address, to look up among the official names' keys (see
    :func:`commune_name_keys`), the surer first; none when the text does not say which kind of unit it names.

    The kind is required: many 2025 wards bear the name of a former district ("Thủ Đức", "Gò Vấp"), so a bare name
    in an older address may mean the district, a much larger area than the ward.
    A text typed without any diacritics ("xa thanh an") is looked up without diacritics only: it may mean Xã Thanh
    An as well as Xã Thạnh An, so it counts only where the province has one commune of that spelling.
    """
    kind, rest = _split_kind(text)
    if not kind:
        return []
    full = f"{kind} {rest}"
    folded = normalize_vn_name(full)
    if normalize_vn_name(text) == " ".join(vn_spelling_key(text).split()):  # no diacritics typed at all
        return [("folded", folded)]
    return [("full", full), ("folded", folded)]


def normalize_commune_code(code):
    """An official code as the list writes it: all-digit codes on five digits ("70", typed as a number in a
    spreadsheet, is "00070"); other codes as given, stripped.
    """
    code = (code or "").strip()
    return commune_code(code) if code.isdigit() and len(code) < 5 else code
