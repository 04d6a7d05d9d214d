"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo crm_vn_reports/tools/tests``."""

from odoo.addons.crm_vn_reports.tools.wkhtmltopdf import has_patched_qt, wkhtmltopdf_version


def test_debian_build_is_unpatched():
    # Printed by Debian 12's package wkhtmltopdf 0.12.6-2+b1.
    output = "wkhtmltopdf 0.12.6\n"
    assert wkhtmltopdf_version(output) == "0.12.6"
    assert not has_patched_qt(output)


def test_wkhtmltopdf_org_build_is_patched():
    # Printed by wkhtmltox_0.12.6.1-3.bookworm_amd64.deb from wkhtmltopdf.org.
    output = "wkhtmltopdf 0.12.6.1 (with patched qt)\n"
    assert wkhtmltopdf_version(output) == "0.12.6.1"
    assert has_patched_qt(output)


def test_no_output():
    assert wkhtmltopdf_version("") is None
    assert not has_patched_qt(None)
