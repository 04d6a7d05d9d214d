import logging
import subprocess

from odoo import api, models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..tools.wkhtmltopdf import has_patched_qt, wkhtmltopdf_version

_logger = logging.getLogger(__name__)
# Said once per process, whatever the number of databases.
_UNPATCHED_SAID = []


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _register_hook(self):
        super()._register_hook()
        self._crm_vn_check_wkhtmltopdf()

    @api.model
    def _crm_vn_check_wkhtmltopdf(self):
        """Say once in the log when wkhtmltopdf is a build without the patched Qt: the PDF reports then print
        without their header and footer (company, page numbers). Return whether the build is patched, or None
        when there is no wkhtmltopdf to ask (Odoo says so itself)."""
        try:
            output = subprocess.run(
                [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, text=True, timeout=30, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        patched = has_patched_qt(output)
        if not patched and not _UNPATCHED_SAID:
            _UNPATCHED_SAID.append(True)
            _logger.warning(
                "wkhtmltopdf %s is built without the patched Qt: PDF reports print without their header and footer "
                "(company, address, page numbers). Install the build 'with patched qt' from "
                "https://wkhtmltopdf.org/downloads.html (or https://github.com/wkhtmltopdf/packaging/releases).",
                wkhtmltopdf_version(output) or "(unknown version)",
            )
        return patched

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        """Print from the primary the records a read replica does not have yet.

        The PDF routes are read-only requests, which Odoo runs on the read replica when there is one
        (``db_replica_host``). A customer printed right after being created, from a replica that has not replayed
        that yet, would be missing: the suite's reports are then rendered from the primary. Records changed (not
        created) just before print as the replica has them, a fraction of a second older.
        """
        if self.env.cr.readonly and res_ids:
            report = self._get_report(report_ref)
            if report.report_name.startswith("crm_vn_") and report.model in self.env:
                ids = set(res_ids if isinstance(res_ids, list | tuple) else [res_ids])
                if len(self.env[report.model].browse(ids).exists()) < len(ids):
                    with self.env.registry.cursor() as cr:  # the primary
                        return super(IrActionsReport, self.with_env(self.env(cr=cr)))._render_qweb_pdf(
                            report_ref, res_ids=res_ids, data=data
                        )
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
