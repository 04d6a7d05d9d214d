"""Pure helpers of the Zalo connector: phone format, webhook MAC, parameter checks, errors and back-off.

What Zalo's public documentation (developers.zalo.me: Official Account API v3, ZNS) and its SDKs say is summed up in
this add-on's readme; the values here follow it.
"""

import hashlib
import hmac

# ZNS parameter types (template detail "listParams[].type") and the default maximum length of each.
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
EXPIRED_TOKEN_ERRORS = {-124, -216}
# Minutes to wait before try n (1-based) of a message that met a transient error.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def zalo_phone(e164):
    """The number as ZNS wants it: international without "+" (84912345678), or None when not Vietnamese E.164."""
    if not e164 or not e164.startswith("+84") or not e164[1:].isdigit():
        return None
    return e164[1:]


def webhook_mac(app_id, body, timestamp, oa_secret_key):
    """The X-ZEvent-Signature Zalo sends with an event: "mac=" + hex SHA-256 of app id, raw body, timestamp and the
    OA secret key, concatenated."""
    raw = b"".join(str(part).encode() if not isinstance(part, bytes) else part for part in (app_id, body, timestamp))
    return "mac=" + hashlib.sha256(raw + oa_secret_key.encode()).hexdigest()


def signature_matches(given, app_id, body, timestamp, oa_secret_key):
    if not given or not oa_secret_key:
        return False
    return hmac.compare_digest(given.strip(), webhook_mac(app_id, body, timestamp, oa_secret_key))


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
    if str(param_type) in ("10", "14") and not text.replace(".", "").replace(",", "").isdigit():
        return ("not_a_number", None)
    return None


def is_transient(error_code, http_status=None):
    return (http_status is not None and (http_status == 429 or http_status >= 500)) or error_code in TRANSIENT_ERRORS


def backoff_minutes(attempt):
    """Minutes to wait after failed try ``attempt`` (1-based), or None when no try is left."""
    if attempt < 1 or attempt > len(BACKOFF_MINUTES):
        return None
    return BACKOFF_MINUTES[attempt - 1]
