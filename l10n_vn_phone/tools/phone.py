"""Vietnamese phone-number normalisation (pure Python, no ORM).

Contract (see ARCHITECTURE.md): :func:`normalize_vn_phone` returns the E.164
form (``+84...``) of a valid number, converting the 2018 eleven-digit mobile
prefixes and the 2017 landline area codes, validates other countries' numbers
given with ``+``/``00``, and returns ``None`` for empty or impossible text.

The 2017 landline conversion is ambiguous: an old landline such as
``08 3812 3456`` (Ho Chi Minh City before 2017) is also a valid mobile number
today. Such a number is only converted when the caller knows it is a landline
(``landline=True``); a number that is valid as it stands is otherwise kept,
and one that is valid only once converted is converted.
"""

import re
import unicodedata

import phonenumbers

# 2018: eleven-digit mobile numbers lost their "1xx" prefix (only the prefix
# changed, the last seven digits stayed). Source: shared/data, MIC notice.
MOBILE_PREFIX_2018 = {
    "0162": "032",
    "0163": "033",
    "0164": "034",
    "0165": "035",
    "0166": "036",
    "0167": "037",
    "0168": "038",
    "0169": "039",
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}

# 2017: landline area codes (Decision 2036/QD-BTTTT), old code -> new code,
# both without the trunk "0". The subscriber part never changed.
LANDLINE_AREA_2017 = {
    "22": "212",
    "231": "213",
    "20": "214",
    "230": "215",
    "29": "216",
    "52": "232",
    "53": "233",
    "54": "234",
    "510": "235",
    "511": "236",
    "37": "237",
    "38": "238",
    "39": "239",
    "33": "203",
    "240": "204",
    "25": "205",
    "26": "206",
    "27": "207",
    "280": "208",
    "281": "209",
    "320": "220",
    "321": "221",
    "241": "222",
    "31": "225",
    "351": "226",
    "36": "227",
    "350": "228",
    "30": "229",
    "780": "290",
    "781": "291",
    "710": "292",
    "711": "293",
    "74": "294",
    "76": "296",
    "77": "297",
    "79": "299",
    "4": "24",
    "8": "28",
    "61": "251",
    "62": "252",
    "64": "254",
    "55": "255",
    "56": "256",
    "57": "257",
    "58": "258",
    "68": "259",
    "60": "260",
    "501": "261",
    "500": "262",
    "63": "263",
    "59": "269",
    "70": "270",
    "651": "271",
    "72": "272",
    "73": "273",
    "650": "274",
    "75": "275",
    "66": "276",
    "67": "277",
}

_EXTENSION_RE = re.compile(r"(?:ext\.?|extension|x|máy lẻ|nhánh)\s*\d+\s*$", re.IGNORECASE)
_ALLOWED_RE = re.compile(r"^[\d\s.\-/()+]+$")


def _parse_valid(international_digits: str):
    """The phonenumbers object of "+<digits>", or None when it is not a valid number."""
    try:
        number = phonenumbers.parse("+" + international_digits)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _is_valid_vn(national: str, landline_only: bool = False) -> bool:
    """``national`` holds the digits after the trunk "0" (national significant number)."""
    number = _parse_valid("84" + national)
    if not number:
        return False
    if landline_only:
        return phonenumbers.number_type(number) in (
            phonenumbers.PhoneNumberType.FIXED_LINE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
    return True


def _convert_mobile_2018(national: str) -> str | None:
    if len(national) == 10 and national.startswith("1"):
        new_prefix = MOBILE_PREFIX_2018.get("0" + national[:3])
        if new_prefix:
            return new_prefix[1:] + national[3:]
    return None


def _convert_landline_2017(national: str) -> str | None:
    # Try the longest old code first: "511" before "51" (which is no code).
    for length in (3, 2, 1):
        new_code = LANDLINE_AREA_2017.get(national[:length])
        if new_code:
            converted = new_code + national[length:]
            return converted if len(converted) == 10 else None
    return None


def _national_digits(text: str) -> tuple[str, bool]:
    """Split ``text`` into (digits, international?) with VN trunk/country prefixes removed.

    Returns the national significant number for Vietnamese numbers, or the
    full international digits (without "+") when the number belongs to
    another country.
    """
    compact = re.sub(r"[\s.\-/()]", "", text)
    if compact.startswith("+"):
        digits = compact[1:]
        international = True
    elif compact.startswith("00"):
        digits = compact[2:]
        international = True
    else:
        digits = compact
        international = False
    if "+" in digits:
        return "", False
    if international:
        if digits.startswith("84"):
            national = digits[2:]
            # "+84 (0) 912 ..." is written often enough.
            return (national[1:] if national.startswith("0") else national), False
        return digits, True
    if digits.startswith("0"):
        return digits[1:], False
    if digits.startswith("84") and len(digits) in (11, 12):
        # "84912345678": country code without "+" (CSV exports of Zalo, Facebook).
        return digits[2:], False
    # A spreadsheet dropped the leading zero ("912345678", "1623456789").
    return digits, False


def _format_foreign(digits: str) -> str | None:
    number = _parse_valid(digits)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None


def _vn_candidates(national: str, landline: bool) -> list[str]:
    """National numbers to try, most likely first."""
    mobile = _convert_mobile_2018(national)
    if mobile:
        # An eleven-digit "01xx" number only ever meant an old mobile.
        return [mobile]
    landline_number = _convert_landline_2017(national)
    if not landline_number:
        return [national]
    if landline and not _is_valid_vn(national, landline_only=True):
        return [landline_number, national]
    return [national, landline_number]


def ascii_digits(text: str) -> str:
    """``text`` with the digits of any script as ASCII digits (the full-width digits some phone keyboards type,
    Arabic-Indic...), full-width "+", dashes and spaces as their ASCII forms."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


def normalize_vn_phone(raw: str | None, landline: bool = False) -> str | None:
    """Return ``raw`` in E.164, or ``None`` when it is empty or not a valid number.

    :param raw: the number as typed (spaces, dots, dashes, parentheses,
        ``+84``/``0084``/``84``/``0`` prefixes, a trailing extension are accepted).
    :param landline: the caller knows the number is a landline, so an old
        2017 area code is converted even when the old form is a valid mobile.
    """
    text = _EXTENSION_RE.sub("", ascii_digits(raw).strip()).strip() if isinstance(raw, str) else ""
    if not _ALLOWED_RE.match(text) or not text.isascii():
        return None
    national, foreign = _national_digits(text)
    if not national.isdigit():
        return None
    if foreign:
        return _format_foreign(national)
    valid = [candidate for candidate in _vn_candidates(national, landline) if _is_valid_vn(candidate)]
    return "+84" + valid[0] if valid else None


def mask_phone(phone: str | None) -> str:
    """Show only the country code and the last three digits: ``+84*******678``."""
    if not phone:
        return ""
    digits = re.sub(r"\D", "", phone)
    if len(digits) <= 5:
        return "*" * len(digits)
    head = "+84" if phone.startswith("+84") else ("+" if phone.startswith("+") else "")
    keep = digits[:2] if head == "+84" else ""
    return head + "*" * (len(digits) - len(keep) - 3) + digits[-3:]


def is_vn_mobile(e164: str | None) -> bool:
    """Whether ``e164`` (as :func:`normalize_vn_phone` returns it) is a Vietnamese mobile number: what Zalo, SMS
    marketing and ZNS reach; a landline never receives them."""
    if not e164 or not e164.startswith("+84"):
        return False
    number = _parse_valid(e164[1:])
    return bool(number) and phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def format_vn_phone(e164: str | None) -> str:
    """A number as Vietnamese staff read and dial it: the national form of a Vietnamese number (``0912 345 678``,
    ``024 3812 3456``), other countries' numbers in their international form, anything else as it is. What is
    stored stays E.164; this is for display only (lists, PDFs, Excel)."""
    if not e164 or not isinstance(e164, str) or not e164.startswith("+"):
        return e164 or ""
    number = _parse_valid(e164[1:])
    if not number:
        return e164
    if number.country_code == 84:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
