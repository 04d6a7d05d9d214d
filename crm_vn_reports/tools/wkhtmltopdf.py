"""What the installed wkhtmltopdf can print.

Only the builds "with patched qt" (wkhtmltopdf.org's packages) print the
header and footer of a QWeb PDF; the builds of Linux distributions are
linked with the plain Qt and print the body alone.
"""

import re


def wkhtmltopdf_version(version_output):
    """The version ``wkhtmltopdf --version`` printed ("0.12.6"), or None."""
    match = re.search(r"wkhtmltopdf\s+(\d+(?:\.\d+)+)", version_output or "")
    return match.group(1) if match else None


def has_patched_qt(version_output):
    """Whether ``wkhtmltopdf --version`` printed a build with the patched Qt."""
    return "with patched qt" in (version_output or "").lower()
