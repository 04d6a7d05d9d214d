import hashlib

from ..zalo import (
    backoff_minutes,
    event_key_hash,
    is_transient,
    param_problem,
    signature_matches,
    timestamp_is_fresh,
    webhook_mac,
    zalo_phone,
)


def test_zalo_phone():
    assert zalo_phone("+84912345678") == "84912345678"
    assert zalo_phone("+6581234567") is None
    assert zalo_phone("0912345678") is None
    assert zalo_phone(None) is None
    assert zalo_phone("+842438123456") is None, "a landline has no Zalo account: ZNS goes to mobiles only"
    assert zalo_phone("+84564728556") == "84564728556"


def test_webhook_mac_is_the_documented_concatenation():
    body = b'{"app_id":"123","event_name":"follow"}'
    expected = "mac=" + hashlib.sha256(b"123" + body + b"1700000000000" + b"s3cr3t").hexdigest()
    assert webhook_mac("123", body, "1700000000000", "s3cr3t") == expected
    assert signature_matches(expected, "123", body, "1700000000000", "s3cr3t")
    assert not signature_matches(expected, "123", body + b" ", "1700000000000", "s3cr3t")
    assert not signature_matches(expected, "123", body, "1700000000000", "other")
    assert not signature_matches("", "123", body, "1700000000000", "s3cr3t")
    assert not signature_matches(expected, "123", body, "1700000000000", "")
    # anything a sender puts in the header is compared, never an error: non-ASCII, bytes, spaces
    assert not signature_matches("mac=é", "123", body, "1700000000000", "s3cr3t")
    assert not signature_matches("mac=\udce9", "123", body, "1700000000000", "s3cr3t")
    assert signature_matches(expected.encode() + b" ", "123", body, "1700000000000", "s3cr3t")
    assert not signature_matches(b"mac=\xff", "123", body, "1700000000000", "s3cr3t")


def test_timestamp_is_fresh():
    now = 1_790_000_000.0
    assert timestamp_is_fresh("1790000000000", now)
    assert timestamp_is_fresh(str(int((now - 299) * 1000)), now)
    assert not timestamp_is_fresh(str(int((now - 301) * 1000)), now), "a captured event played later"
    assert not timestamp_is_fresh(str(int((now + 301) * 1000)), now), "dated in the future"
    assert not timestamp_is_fresh("1672531200000", now), "an event of 2023"
    assert timestamp_is_fresh("1790000000", now), "seconds accepted"
    for bad in ("", "abc", "nan", None):
        assert not timestamp_is_fresh(bad, now)


def test_event_key_hash():
    assert event_key_hash("user_send_text:m1") == hashlib.sha256(b"user_send_text:m1").hexdigest()
    assert event_key_hash("user_send_text:m1") != event_key_hash("user_send_text:m2")


def test_param_problem():
    assert param_problem("Nguyễn Văn An", "1") is None
    assert param_problem("x" * 31, "1") == ("too_long", 30)
    assert param_problem("x" * 31, "1", max_length=40) is None
    assert param_problem("", "4") == ("empty", None)
    assert param_problem("", "4", required=False) is None
    assert param_problem("1.250.000", "10") is None
    assert param_problem("một triệu", "10") == ("not_a_number", None)
    assert param_problem("A", "4", min_length=2) == ("too_short", 2)
    # the template detail names the kind of value instead of the create API's codes
    assert param_problem("một triệu", "NUMBER") == ("not_a_number", None)
    assert param_problem("1.250.000", "NUMBER") is None
    assert param_problem("Nguyễn Văn An", "STRING", max_length=30) is None
    assert param_problem("x" * 31, "STRING", max_length=30) == ("too_long", 30)


def test_retries():
    assert is_transient(-32) and is_transient(0, 503) and is_transient(0, 429)
    assert not is_transient(-108) and not is_transient(-124, 200)
    assert [backoff_minutes(n) for n in range(0, 7)] == [None, 1, 5, 15, 60, 240, None]
