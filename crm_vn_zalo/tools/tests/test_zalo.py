import hashlib

from ..zalo import backoff_minutes, is_transient, param_problem, signature_matches, webhook_mac, zalo_phone


def test_zalo_phone():
    assert zalo_phone("+84912345678") == "84912345678"
    assert zalo_phone("+6581234567") is None
    assert zalo_phone("0912345678") is None
    assert zalo_phone(None) is None


def test_webhook_mac_is_the_documented_concatenation():
    body = b'{"app_id":"123","event_name":"follow"}'
    expected = "mac=" + hashlib.sha256(b"123" + body + b"1700000000000" + b"s3cr3t").hexdigest()
    assert webhook_mac("123", body, "1700000000000", "s3cr3t") == expected
    assert signature_matches(expected, "123", body, "1700000000000", "s3cr3t")
    assert not signature_matches(expected, "123", body + b" ", "1700000000000", "s3cr3t")
    assert not signature_matches(expected, "123", body, "1700000000000", "other")
    assert not signature_matches("", "123", body, "1700000000000", "s3cr3t")
    assert not signature_matches(expected, "123", body, "1700000000000", "")


def test_param_problem():
    assert param_problem("Nguyễn Văn An", "1") is None
    assert param_problem("x" * 31, "1") == ("too_long", 30)
    assert param_problem("x" * 31, "1", max_length=40) is None
    assert param_problem("", "4") == ("empty", None)
    assert param_problem("", "4", required=False) is None
    assert param_problem("1.250.000", "10") is None
    assert param_problem("một triệu", "10") == ("not_a_number", None)
    assert param_problem("A", "4", min_length=2) == ("too_short", 2)


def test_retries():
    assert is_transient(-32) and is_transient(0, 503) and is_transient(0, 429)
    assert not is_transient(-108) and not is_transient(-124, 200)
    assert [backoff_minutes(n) for n in range(0, 7)] == [None, 1, 5, 15, 60, 240, None]
