"""Vietnamese text in legacy encodings (pure Python, no ORM).

Old offices' spreadsheets hold Vietnamese typed with pre-Unicode fonts. Once
the file is read the text is a string of cp1252/Latin-1 characters that only
looked Vietnamese in the old font:

- TCVN3 (ABC, TCVN 5712:1993 "VN3", the ``.VnTime`` fonts): one byte a letter,
  ``Nguyễn Văn An`` reads ``NguyÔn V¨n An``. VN3 only has lower-case toned
  letters (plus Ă Â Ê Ô Ơ Ư Đ); capitals were typed with the same codes in the
  ``.VnTimeH`` fonts, which draw them as capitals. Decoding therefore restores
  case from the text around them: a cell whose ASCII letters are all capitals
  is upper-cased, and a toned letter starting a word is capitalised when every
  other word of the cell starts with a capital.
- VNI-Windows: a base letter followed by a mark character, ``Nguyeãn Vaên An``;
  ơ, ư, đ and some toned i/y are single characters.
- VIQR (RFC 1456): ASCII marks after the vowel, ``Nguye^~n Va(n An``, ``DD``/``dd``
  for Đ/đ at the start of a word, ``\\`` before a mark character keeps it literal.

Sources of the tables, cross-checked against each other: the TCVN 5712 table
of X.Org's X-TrueType ``TCVNtoUCS2.c`` (VN1, whose lower-case half is VN3),
VBKey's ``mdlCodeTable.bas`` (TCVN3 and VNI-Windows), xvnkb's ``vni.h`` and
``viqr.h``, the ``vietnamese-conversion`` npm package and NetBSD's
``citrus_viqr.c`` (generated from RFC 1456).

:func:`detect_legacy` only answers when converting turns words that are not
Vietnamese into valid Vietnamese syllables (checked by :func:`is_vn_syllable`),
so Unicode Vietnamese, English, French or Spanish names, e-mails, URLs and
numbers are left alone. :func:`to_unicode` converts what it detects and
returns NFC in every case; decomposed Unicode comes back composed, reported
as ``"decomposed"`` (not a legacy encoding: callers usually stay silent).
"""

import re
import unicodedata

TCVN3 = "tcvn3"
VNI = "vni"
VIQR = "viqr"
DECOMPOSED = "decomposed"
LEGACY_ENCODINGS = (TCVN3, VNI, VIQR)
# Proper names, shown as they are in every language.
ENCODING_LABELS = {TCVN3: "TCVN3 (ABC)", VNI: "VNI-Windows", VIQR: "VIQR", DECOMPOSED: "Unicode NFD"}

# Tones in table order: none, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VOWELS = "aăâeêioôơuưy"

# TCVN3 (VN3) code of each lower-case vowel in tone order, as the bytes read in cp1252.
_TCVN3_ROWS = {
    "a": "aµ¶·¸¹",
    "ă": "¨»¼½¾Æ",
    "â": "©ÇÈÉÊË",
    "e": "eÌÎÏÐÑ",
    "ê": "ªÒÓÔÕÖ",
    "i": "i×ØÜÝÞ",
    "o": "oßáâãä",
    "ô": "«åæçèé",
    "ơ": "¬êëìíî",
    "u": "uïñòóô",
    "ư": "\xadõö÷øù",  # ư is 0xAD, the soft hyphen in cp1252
    "y": "yúûüýþ",
}
_TCVN3_OTHERS = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

# VNI-Windows spelling of each lower-case vowel in tone order; capitals are the
# same characters upper-cased (cp1252 pairs: ù/Ù, ô/Ô, ñ/Ñ...).
_VNI_ROWS = {
    "a": ("a", "aø", "aû", "aõ", "aù", "aï"),
    "ă": ("aê", "aè", "aú", "aü", "aé", "aë"),
    "â": ("aâ", "aà", "aå", "aã", "aá", "aä"),
    "e": ("e", "eø", "eû", "eõ", "eù", "eï"),
    "ê": ("eâ", "eà", "eå", "eã", "eá", "eä"),
    "i": ("i", "ì", "æ", "ó", "í", "ò"),
    "o": ("o", "oø", "oû", "oõ", "où", "oï"),
    "ô": ("oâ", "oà", "oå", "oã", "oá", "oä"),
    "ơ": ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï"),
    "u": ("u", "uø", "uû", "uõ", "uù", "uï"),
    "ư": ("ö", "öø", "öû", "öõ", "öù", "öï"),
    "y": ("y", "yø", "yû", "yõ", "yù", "î"),
}
_VNI_OTHERS = {"đ": "ñ", "Đ": "Ñ"}

# VIQR: vowel modifiers and tone marks (RFC 1456).
_VIQR_MODIFIERS = {"ă": "a(", "â": "a^", "ê": "e^", "ô": "o^", "ơ": "o+", "ư": "u+"}
_VIQR_TONES = ("", "`", "?", "~", "'", ".")
_VIQR_SPECIAL = "^(+`?~'.\\dD"


def _with_tone(vowel, tone):
    return unicodedata.normalize("NFC", vowel + _TONES[tone])


def _build_tables():
    tcvn3_encode, vni_encode, viqr_encode = dict(_TCVN3_OTHERS), dict(_VNI_OTHERS), {"đ": "dd", "Đ": "DD"}
    for vowel in _VOWELS:
        viqr_base = _VIQR_MODIFIERS.get(vowel, vowel)
        for tone in range(6):
            lower = _with_tone(vowel, tone)
            upper = lower.upper()
            tcvn3_encode[lower] = _TCVN3_ROWS[vowel][tone]
            if tone:
                # VN3 has no toned capitals: .VnTimeH draws the lower-case codes as capitals.
                tcvn3_encode[upper] = _TCVN3_ROWS[vowel][tone]
            vni_encode[lower] = _VNI_ROWS[vowel][tone]
            vni_encode[upper] = _VNI_ROWS[vowel][tone].upper()
            viqr_encode[lower] = viqr_base + _VIQR_TONES[tone]
            viqr_encode[upper] = viqr_base.upper() + _VIQR_TONES[tone]
    for table in (tcvn3_encode, vni_encode, viqr_encode):
        for plain in [key for key, value in table.items() if key == value]:
            del table[plain]
    tcvn3_decode = {code: letter for letter, code in tcvn3_encode.items() if letter.islower() or letter in "ĂÂÊÔƠƯĐ"}
    vni_decode = {code: letter for letter, code in vni_encode.items()}
    return tcvn3_encode, tcvn3_decode, vni_encode, vni_decode, viqr_encode


_TCVN3_ENCODE, _TCVN3_DECODE, _VNI_ENCODE, _VNI_DECODE, _VIQR_ENCODE = _build_tables()
# TCVN3 codes of toned letters: the same code stands for the capital in .VnTimeH.
_TCVN3_CASELESS = {code for vowel, row in _TCVN3_ROWS.items() for code in row[1:]}
_TCVN3_HATTED_LOWER = {_TCVN3_ROWS[vowel][0] for vowel in "ăâêôơư"} | {"®"}
_VIQR_MODIFY = {(base, mark): letter for letter, (base, mark) in _VIQR_MODIFIERS.items()}
_VIQR_MODIFY.update({(base.upper(), mark): letter.upper() for (base, mark), letter in list(_VIQR_MODIFY.items())})
_VIQR_TONE_OF = {mark: tone for tone, mark in enumerate(_VIQR_TONES) if mark}
_VN_VOWELS = set(_VOWELS + _VOWELS.upper())
# VIQR marks that ordinary text hardly has: a modifier, ` or ~ after a vowel,
# "dd" starting a word, or ' ? . inside a word.
_VIQR_STRONG = re.compile(r"[aeiouyAEIOUY][\^(+`~]|(?<![A-Za-z])[dD][dD][aeiouyAEIOUY]|[aeiouyAEIOUY][.?'][A-Za-z]")

# ---------------------------------------------------------------------------
# Vietnamese syllables
# ---------------------------------------------------------------------------

_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", *"bcdđghklmnprstvx", "")
_RHYME = re.compile(r"([aăâeêioôơuưy]+)(ch|nh|ng|[cmnpt])?")
_FINAL_OPTIONAL = {"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"}
_FINAL_REQUIRED = {"ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo", "ôô"}
# fmt: off
_NO_FINAL = {
    "ia", "ua", "ưa", "uơ", "uya", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi",
    "ưu", "iêu", "yêu", "uôi", "ươi", "ươu", "oai", "oay", "oao", "oeo", "uây", "uyu",
}
# fmt: on
_STOP_FINALS = {"c", "ch", "p", "t"}
_TONE_MARKS = set(_TONES[1:])
_WORD = re.compile(r"[^\W\d_]+")


def _split_tone(word):
    """``(word without its tone, index of the toned letter or None, tone mark)``; None when two tones."""
    letters, tone_index, tone = [], None, ""
    for index, char in enumerate(unicodedata.normalize("NFC", word.lower())):
        decomposed = unicodedata.normalize("NFD", char)
        marks = [mark for mark in decomposed if mark in _TONE_MARKS]
        if marks:
            if tone or len(marks) > 1:
                return None
            tone_index, tone = index, marks[0]
            letters.append(
                unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in _TONE_MARKS))
            )
        else:
            letters.append(char)
    return "".join(letters), tone_index, tone


def _tone_positions(nucleus, final):
    """Where the tone may sit in a vowel cluster (old and new placement: hoà/hòa, thuỷ/thủy)."""
    modified = [index for index, char in enumerate(nucleus) if char in "ăâêôơư"]
    if modified:
        return {modified[-1]}
    if len(nucleus) == 1 or final:
        return {len(nucleus) - 1}
    if nucleus in ("oa", "oe", "uy"):
        return {0, 1}
    return {0} if len(nucleus) == 2 else {1}


def is_vn_syllable(word: str) -> bool:
    """True when ``word`` (any case, composed or not) is a well-formed Vietnamese syllable.

    The check is structural: an initial consonant, a vowel cluster, a final
    consonant, at most one tone, placed on the vowel that carries it (old and
    new placement are both accepted: Hoà/Hòa), and only the acute or the dot
    below before c, ch, p, t. It does not know the dictionary.
    """
    split = _split_tone(word)
    if split is None:
        return False
    base, tone_index, tone = split
    for initial in _INITIALS:
        if not base.startswith(initial):
            continue
        match = _RHYME.fullmatch(base, len(initial))
        if not match:
            continue
        nucleus, final = match.group(1), match.group(2) or ""
        if final:
            if nucleus not in _FINAL_OPTIONAL and nucleus not in _FINAL_REQUIRED:
                continue
        elif nucleus not in _FINAL_OPTIONAL and nucleus not in _NO_FINAL:
            continue
        if tone_index is None:
            return True
        if final in _STOP_FINALS and tone not in ("\u0301", "\u0323"):
            continue
        if tone_index - len(initial) in _tone_positions(nucleus, final):
            return True
    return False


def _vn_letter_count(text):
    return sum(1 for char in text if char in _VIQR_ENCODE)


# ---------------------------------------------------------------------------
# Decoding and encoding
# ---------------------------------------------------------------------------


def _decode_tcvn3(text):
    letters = []
    caseless = set()  # decoded from a toned code: the capital has the same code
    for index, char in enumerate(text):
        letters.append(_TCVN3_DECODE.get(char, char))
        if char in _TCVN3_CASELESS:
            caseless.add(index)
    ascii_letters = [char for char in text if char.isascii() and char.isalpha()]
    if len(ascii_letters) >= 2 and all(char.isupper() for char in ascii_letters):
        # A cell typed in capitals (.VnTimeH): every Vietnamese letter is a capital.
        return "".join(
            letter.upper() if char in _TCVN3_CASELESS or char in _TCVN3_HATTED_LOWER else letter
            for char, letter in zip(text, letters, strict=True)
        )
    starts = [
        index for index, letter in enumerate(letters) if letter.isalpha() and not _is_letter_at(letters, index - 1)
    ]
    caseless_starts = [index for index in starts if index in caseless]
    if caseless_starts and all(letters[index].isupper() for index in starts if index not in caseless_starts):
        for index in caseless_starts:
            letters[index] = letters[index].upper()
    return "".join(letters)


def _is_letter_at(letters, index):
    return index >= 0 and letters[index].isalpha()


def _decode_vni(text):
    result = []
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            result.append(_VNI_DECODE[pair])
            index += 2
            continue
        result.append(_VNI_DECODE.get(text[index], text[index]))
        index += 1
    return "".join(result)


def _decode_viqr(text):
    result = []
    word_start = True  # the next letter starts a word
    toned = False  # the current word already has its tone
    modifiable = False  # the last output character is a vowel of the current word
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1] if index + 1 < len(text) else ""
        if char == "\\" and following and following in _VIQR_SPECIAL:
            result.append(following)
            index += 2
            if following.isalpha():
                word_start = modifiable = False
            else:
                word_start, toned, modifiable = True, False, False
            continue
        if word_start and char in "dD" and following in ("d", "D"):
            result.append("đ" if char == "d" else "Đ")
            word_start = modifiable = False
            index += 2
            continue
        if modifiable and (result[-1], char) in _VIQR_MODIFY:
            result[-1] = _VIQR_MODIFY[(result[-1], char)]
            index += 1
            continue
        if modifiable and not toned and char in _VIQR_TONE_OF:
            result[-1] = _with_tone(result[-1], _VIQR_TONE_OF[char])
            toned, modifiable = True, False
            index += 1
            continue
        result.append(char)
        index += 1
        if char.isalpha():
            word_start = False
            modifiable = char in _VN_VOWELS
        else:
            word_start, toned, modifiable = True, False, False
    return "".join(result)


_DECODERS = {TCVN3: _decode_tcvn3, VNI: _decode_vni, VIQR: _decode_viqr}


def decode_legacy(text: str, encoding: str) -> str:
    """Convert ``text`` from the legacy ``encoding`` ("tcvn3", "vni", "viqr") to Unicode NFC.

    Characters that are not part of the encoding are kept as they are.
    """
    if encoding not in _DECODERS:
        raise ValueError(f"Unknown legacy encoding: {encoding!r}")
    return unicodedata.normalize("NFC", _DECODERS[encoding](text or ""))


def _encode_viqr(text):
    result = []
    for index, char in enumerate(text):
        previous = text[index - 1] if index else ""
        if char in _VIQR_ENCODE:
            result.append(_VIQR_ENCODE[char])
        elif char == "\\" or (char in _VIQR_SPECIAL and previous.lower() in _VN_VOWELS and not char.isalpha()):
            result.append("\\" + char)  # a literal mark after a vowel (or a backslash)
        elif char in "dD" and previous in "dD" and previous and not _is_letter_at(text, index - 2):
            result.append("\\" + char)  # "dd" at the start of a word would read as đ
        else:
            result.append(char)
    return "".join(result)


def encode_legacy(text: str, encoding: str) -> str:
    """Write Unicode ``text`` in a legacy encoding: the inverse of :func:`decode_legacy` (used by tests).

    TCVN3 has no toned capitals: they are written with the lower-case codes, as
    typed for the ``.VnTimeH`` fonts, and :func:`decode_legacy` restores their case
    from the rest of the text.
    """
    text = unicodedata.normalize("NFC", text or "")
    if encoding == TCVN3:
        return "".join(_TCVN3_ENCODE.get(char, char) for char in text)
    if encoding == VNI:
        return "".join(_VNI_ENCODE.get(char, char) for char in text)
    if encoding == VIQR:
        return _encode_viqr(text)
    raise ValueError(f"Unknown legacy encoding: {encoding!r}")


# ---------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------


def _is_single_byte(text):
    for char in text:
        if ord(char) < 0x100:
            continue
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            return False
    return True


def _chunk_is_vietnamese(chunk):
    """Every word of the chunk is a Vietnamese syllable, and no legacy symbol (such as ``§``) is left."""
    if any(not char.isascii() and unicodedata.category(char)[0] not in "LMNZ" for char in chunk):
        return False
    return all(is_vn_syllable(word) for word in _WORD.findall(chunk))


def _changed_chunks(text, encoding):
    """``(before, after)`` of the whitespace-separated chunks that decoding changes."""
    chunks = text.split()
    decoded = [decode_legacy(chunk, encoding) for chunk in chunks]
    return [(before, after) for before, after in zip(chunks, decoded, strict=True) if before != after]


def _is_evidence(text, encoding, changed):
    """Whether the changed chunks show ``text`` is written in ``encoding``."""
    if not changed or any("@" in before or "://" in before for before, _after in changed):
        return False  # nothing to convert, or an e-mail address or URL
    if not all(_chunk_is_vietnamese(after) for _before, after in changed):
        return False
    if encoding == VIQR:
        # "?", "." and "'" are ordinary punctuation: want several marked syllables
        return len(changed) >= 2 and bool(_VIQR_STRONG.search(text))
    # Already Vietnamese (a Unicode text that happens to read as legacy) is no
    # evidence, nor is a lone symbol such as "·" or "©".
    return not all(_chunk_is_vietnamese(before) for before, _after in changed) and any(
        re.search("[A-Za-z]", before) for before, _after in changed
    )


def _plausibility(text, encoding):
    """Score of the conversion of ``text`` from ``encoding``, or None when it is not plausible."""
    if not _is_evidence(text, encoding, _changed_chunks(text, encoding)):
        return None
    decoded = decode_legacy(text, encoding)
    words = [word for word in _WORD.findall(decoded) if not (word.isascii() and word.isupper() and len(word) > 1)]
    ratio = sum(1 for word in words if is_vn_syllable(word)) / len(words) if words else 0
    if ratio < 2 / 3:
        return None  # mostly foreign words: leave the text alone
    return ratio, _vn_letter_count(decoded) - _vn_letter_count(text)


def detect_legacy(text: str) -> str | None:
    """The legacy encoding ``text`` is written in ("tcvn3", "vni", "viqr"), or None.

    None for Unicode text (Vietnamese or not), plain ASCII, e-mails, URLs,
    numbers, and anything whose conversion would not give Vietnamese words.
    """
    if not text or not isinstance(text, str):
        return None
    if text.isascii():
        if not any(char in "^(+`?~'." for char in text) and not re.search(r"(?<![^\W\d_])[dD][dD]", text):
            return None
        candidates = (VIQR,)
    elif _is_single_byte(text):
        candidates = (TCVN3, VNI)
    else:
        return None  # holds characters no legacy font produced: already Unicode
    best, best_score = None, None
    for encoding in candidates:
        score = _plausibility(text, encoding)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = encoding, score
    return best


def to_unicode(text: str) -> tuple[str, str | None]:
    """``(NFC text, what it was converted from)``.

    The second item is "tcvn3", "vni" or "viqr" for a legacy encoding,
    "decomposed" for Unicode that only needed composing (NFD, as some
    keyboards and macOS produce), None when the text was already NFC.
    Anything but a non-empty string is returned as it is, with None.
    """
    if not text or not isinstance(text, str):
        return text, None
    encoding = detect_legacy(text)
    if encoding:
        return decode_legacy(text, encoding), encoding
    composed = unicodedata.normalize("NFC", text)
    return composed, (DECOMPOSED if composed != text else None)
