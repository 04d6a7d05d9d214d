from odoo import models

# Lines of the import report shown in the notification; the rest is counted.
REPORT_LINES = 20


class BaseImportImport(models.TransientModel):
    """The customer import report (legacy encodings, duplicates) without stopping a real import.

    base_import's client stops at the first batch that returns any message and
    shows it as an error, even an information. Our reports (``crm_vn_report``
    in the message) are therefore returned by the test run only, where they
    belong next to the columns; the real import, when it succeeds, sends them
    to the user as one sticky notification instead and goes on with the next
    batch. A batch that fails keeps every message, ours included, so the user
    sees the whole picture. Row numbers count from the first data row of the
    file, whatever the batch.
    """

    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        this = self.with_context(crm_vn_import_skip=options.get("skip", 0))
        result = super(BaseImportImport, this).execute_import(fields, columns, options, dryrun=dryrun)
        messages = result.get("messages") or []
        ours = [message for message in messages if message.get("crm_vn_report")]
        if dryrun or not ours or any(message["type"] == "error" for message in messages):
            return result
        self._crm_vn_notify_report(ours)
        return dict(result, messages=[message for message in messages if not message.get("crm_vn_report")])

    def _crm_vn_notify_report(self, report):
        lines = [message["message"] for message in report[:REPORT_LINES]]
        if len(report) > REPORT_LINES:
            lines.append(self.env._("… and %(count)s more.", count=len(report) - REPORT_LINES))
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "warning" if any(message["type"] == "warning" for message in report) else "info",
                "title": self.env._("Import of %(model)s", model=self.env["ir.model"]._get(self.res_model).name),
                # one paragraph: the notification shows no line breaks
                "message": " · ".join(lines),
                "sticky": True,
            },
        )
