import pytest

from odoo.addons.crm_vn_base.tools.channels import CHANNELS, RENAMED, channel_selection


def test_selection_in_the_order_asked():
    assert channel_selection("zalo", "call") == [("zalo", "Zalo"), ("call", "Phone call")]


def test_unknown_code_is_refused():
    with pytest.raises(KeyError):
        channel_selection("phone")


def test_renamed_codes_point_at_current_ones():
    assert set(RENAMED.values()) <= set(CHANNELS)
    assert not set(RENAMED) & set(CHANNELS)
