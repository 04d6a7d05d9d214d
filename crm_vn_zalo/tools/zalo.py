"""Pure helpers of the Zalo connector: phone format, webhook MAC, parameter checks, errors and back-off.

What Zalo's public documentation (developers.zalo.me: Official Account API v3, ZNS) and its SDKs say is summed up in
this add-on's readme; the values here follow it.
"""

import hashlib
import hmac
import math

from odoo.addons.l10n_vn_phone.tools.phone import is_vn_mobile

# ZNS parameter types as the template-create API numbers them, and the default maximum length of each. The template
# detail (/template/info/v2, "listParams[].type") names the value's kind instead ("STRING", "NUMBER", "DATE"...),
# with the length in "maxLength".
PARAM_MAX_LENGTH = {
    "1": 30,  # customer name
    "2": 15,  # phone number
    "3": 200,  # address
    "4": 30,  # code (order, feedback reference)
    "5": 30,  # custom label
    "6": 30,  # transaction status
    "7": 50,  # contact information
    "8": 5,  # gender / title
    "9": 200,  # product or brand name
    "10": 20,  # quantity or amount
    "11": 20,  # time
    "12": 30,  # OTP
    "13": 200,  # URL
    "14": 12,  # currency (VND)
    "15": 90,  # bank transfer note
}
# Zalo's answer "error" codes a later try may cure (rate limits, Zalo's own failures); any other is final.
TRANSIENT_ERRORS = {-32, -100, -1}
# Parameter kinds whose value must be a number (the create API's codes 10 quantity/amount and 14 currency, the
# template detail's "NUMBER").
NUMBER_PARAM_TYPES = {"10", "14", "NUMBER"}
# Zalo signs an event with its time (milliseconds since the epoch): an event older or newer than this is refused, so a
# captured event cannot be played again later.
WEBHOOK_MAX_AGE_SECONDS = 300
# A webhook body above this size is refused before it is parsed (Zalo's events are a few kilobytes).
WEBHOOK_MAX_BYTES = 64 * 1024
EXPIRED_TOKEN_ERRORS = {-124, -216}
# Minutes to wait before try n (1-based) of a message that met a transient error.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def zalo_phone(e164):
    """The number as ZNS wants it: international without "+" (84912345678), or None when it is not a Vietnamese
    mobile number in E.164 (ZNS reaches the Zalo account of a mobile number; a landline has none: Zalo answers -108)."""
    if not e164 or not e164[1:].isdigit() or not is_vn_mobile(e164):
        return None
    return e164[1:]


def webhook_mac(app_id, body, timestamp, oa_secret_key):
    """The X-ZEvent-Signature Zalo sends with an event: "mac=" + hex SHA-256 of app id, raw body, timestamp and the
    OA secret key, concatenated."""
    raw = b"".join(str(part).encode() if not isinstance(part, bytes) else part for part in (app_id, body, timestamp))
    return "mac=" + hashlib.sha256(raw + oa_secret_key.encode()).hexdigest()


def signature_matches(given, app_id, body, timestamp, oa_secret_key):
    """Whether ``given`` (the header's value, str or bytes, anything a sender puts there) is the MAC of the raw
    ``body``; compared as bytes in constant time."""
    if not given or not oa_secret_key:
        return False
    if isinstance(given, str):
        given = given.encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given.strip(), webhook_mac(app_id, body, timestamp, oa_secret_key).encode())


def timestamp_is_fresh(timestamp, now, max_age=WEBHOOK_MAX_AGE_SECONDS):
    """Whether an event's ``timestamp`` (milliseconds since the epoch, as Zalo sends it; seconds accepted too) is
    within ``max_age`` seconds of ``now`` (seconds since the epoch)."""
    try:
        value = float(str(timestamp).strip())
    except ValueError:
        return False
    if math.isnan(value):
        return False
    seconds = value / 1000 if value > 1e11 else value
    return abs(seconds - now) <= max_age


def event_key_hash(key):
    """What is kept of an event's idempotency key: its SHA-256, so that a resent event is recognised after the
    anonymisation deleted what it led to, without keeping who sent it."""
    return hashlib.sha256(str(key).encode()).hexdigest()


def param_problem(value, param_type, max_length=None, min_length=0, required=True):
    """Why ``value`` cannot fill a ZNS parameter, as (reason, limit): ("empty", None), ("too_long", 30),
    ("too_short", 2), ("not_a_number", None); None when it can."""
    text = "" if value is None else str(value)
    if not text:
        return ("empty", None) if required else None
    limit = max_length or PARAM_MAX_LENGTH.get(str(param_type))
    if limit and len(text) > limit:
        return ("too_long", limit)
    if min_length and len(text) < min_length:
        return ("too_short", min_length)
    if str(param_type).upper() in NUMBER_PARAM_TYPES and not text.replace(".", "").replace(",", "").isdigit():
        return ("not_a_number", None)
    return None


def is_transient(error_code, http_status=None):
    return (http_status is not None and (http_status == 429 or http_status >= 500)) or error_code in TRANSIENT_ERRORS


def backoff_minutes(attempt):
    """Minutes to wait after failed try ``attempt`` (1-based), or None when no try is left."""
    if attempt < 1 or attempt > len(BACKOFF_MINUTES):
        return None
    return BACKOFF_MINUTES[attempt - 1]
