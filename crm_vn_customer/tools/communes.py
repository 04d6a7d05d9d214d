"""The official list of Vietnam's 3,321 commune-level units (2025), read from the ``vietnam-provinces`` package.

That package (PyPI, GPL-3.0-or-later, optional: see requirements.txt) holds the General Statistics Office's list of
provinces and communes in force since 2025-07-01 as a JSON file. Only that data file is read here; none of the
package's code is imported, so our add-ons keep their own licence whether it is installed or not.

Pure Python: no Odoo import. The format read is the package's ``data/nested-divisions.json``: a list of provinces
``{"code": 1, "name": ..., "wards": [{"code": 70, "name": "Phường Hoàn Kiếm", ...}, ...]}``.
"""

import importlib.util
import json
from pathlib import Path

PACKAGE = "vietnam_provinces"
DATA_FILE = ("data", "nested-divisions.json")


class CommuneListError(ValueError):
    """The data file exists but does not hold a list of provinces with their communes."""


def official_communes_path():
    """Path of the package's data file, or ``None`` when the package (or its file) is not installed."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    if not spec or not spec.origin:
        return None
    path = Path(spec.origin).parent.joinpath(*DATA_FILE)
    return path if path.is_file() else None


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
    try:
        provinces = json.loads(Path(path).read_text(encoding="utf-8"))
        communes = [
            (province_code(province["code"]), commune_code(ward["code"]), " ".join(str(ward["name"]).split()))
            for province in provinces
            for ward in province["wards"]
        ]
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
        raise CommuneListError(str(error)) from error
    if not communes or any(not name for _province, _code, name in communes):
        raise CommuneListError("no communes, or a commune without a name")
    return communes
