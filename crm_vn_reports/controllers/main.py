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
        """
        try:
            export = request.env["crm.vn.xlsx.export"].search([("id", "=", export_id)])
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
