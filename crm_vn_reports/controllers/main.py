"""HTTP routes of the Excel exports."""

import os
import tempfile

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import Stream, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CrmVnXlsxExportController(http.Controller):
    @http.route("/crm_vn_reports/xlsx/<int:export_id>", type="http", auth="user", methods=["GET"], readonly=True)
    def crm_vn_xlsx_download(self, export_id):
        """Write the export to a temporary file as the requesting user and stream it from disk.

        Another user's export is not found (record rule on ``create_uid``).
        The file is opened by the response before it is unlinked: the
        operating system keeps it until the response is sent, and the disk
        space is freed however the download ends.

        A read-only request: with a read replica (``db_replica_host``) Odoo
        runs it there. The export was created by the request just before, on
        the primary; a replica that has not replayed it yet does not have it,
        and the file is then written from the primary (the replica's lag).
        """
        if request.env.cr.readonly and not self._crm_vn_export_exists(request.env, export_id):
            with request.env.registry.cursor() as cr:  # the primary
                return self._crm_vn_xlsx_response(request.env(cr=cr), export_id)
        return self._crm_vn_xlsx_response(request.env, export_id)

    @staticmethod
    def _crm_vn_export_exists(env, export_id):
        """Whether the export row is in the database of ``env`` (whoever may read it)."""
        env.cr.execute("SELECT 1 FROM crm_vn_xlsx_export WHERE id = %s", [export_id])
        return bool(env.cr.fetchone())

    def _crm_vn_xlsx_response(self, env, export_id):
        try:
            export = env["crm.vn.xlsx.export"].search([("id", "=", export_id)])
        except AccessError as error:
            raise NotFound() from error
        if not export:
            raise NotFound()
        fd, path = tempfile.mkstemp(prefix="crm_vn_xlsx_", suffix=".xlsx")
        os.close(fd)
        try:
            export._generate_xlsx(path)
            stream = Stream(
                type="path",
                path=path,
                mimetype=XLSX_MIMETYPE,
                download_name=export._xlsx_filename(),
                as_attachment=True,
                conditional=False,
                etag=False,
                size=os.path.getsize(path),
            )
            response = stream.get_response()
        finally:
            os.unlink(path)
        return response
