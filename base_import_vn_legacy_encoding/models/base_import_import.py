from odoo import models
from odoo.models import fix_import_export_id_paths

from ..tools.legacy_encoding import ENCODING_LABELS, LEGACY_ENCODINGS, to_unicode

# Lines of the import report shown in the notification; the rest is counted.
REPORT_LINES = 20
TEXT_FIELD_TYPES = ("char", "text", "html")
# A relational column without sub-field holds the display name to look up.
NAMED_FIELD_TYPES = ("many2one", "many2many")


class BaseImportImport(models.TransientModel):
    """Legacy Vietnamese encodings in imported files, and an import report that does not stop the import.

    Every text cell of the file (char, text and html fields, and the names looked up by many2one/many2many
    columns) written in TCVN3, VNI or VIQR is converted to Unicode right after the file is read, before the
    model's ``load`` sees it, for any model: phone normalisation, duplicate detection and name look-ups see the
    real text. Decomposed Unicode is composed silently. Each conversion is reported as an information naming the
    row and the column.

    Report: base_import's client stops at the first batch that returns any message and shows it as an error, even
    an information. Messages flagged ``vn_import_report`` (ours, and those of add-ons that report on an import,
    such as duplicate detection) are therefore returned by the test run only, where they belong next to the
    columns; the real import, when it succeeds, sends them to the user as one sticky notification instead and goes
    on with the next batch. A batch that fails keeps every message, so the user sees the whole picture. Row
    numbers count from the first data row of the file, whatever the batch (context key ``vn_import_skip``).
    """

    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        conversions = []
        this = self.with_context(vn_import_skip=options.get("skip", 0), vn_legacy_encoding_report=conversions)
        result = super(BaseImportImport, this).execute_import(fields, columns, options, dryrun=dryrun)
        messages = list(result.get("messages") or []) + conversions
        ours = [message for message in messages if message.get("vn_import_report")]
        if dryrun or not ours or any(message["type"] == "error" for message in messages):
            return dict(result, messages=messages)
        self._vn_notify_import_report(ours)
        return dict(result, messages=[message for message in messages if not message.get("vn_import_report")])

    def _parse_import_data(self, data, import_fields, options):
        data = super()._parse_import_data(data, import_fields, options)
        report = self.env.context.get("vn_legacy_encoding_report")
        if report is None:
            return data
        converted, messages = self._vn_convert_legacy_rows(import_fields, data, options.get("limit") or len(data))
        data[:] = converted
        report.extend(messages)
        return data

    def _vn_convert_legacy_rows(self, fields, data, limit):
        """``(rows with text cells in Unicode NFC, info messages)``; rows past this batch's ``limit`` are kept."""
        Model = self.env[self.res_model]
        columns = []
        for index, field_name in enumerate(fields):
            labels = self._vn_text_column_labels(Model, field_name)
            if labels:
                columns.append((index, fix_import_export_id_paths(field_name), " / ".join(labels)))
        if not columns:
            return data, []
        rows, report = [], []
        for row_index, row in enumerate(data):
            if row_index >= limit:
                rows.append(row)
                continue
            cells = list(row)
            for index, path, label in columns:
                cell = cells[index] if index < len(cells) else None
                if not isinstance(cell, str) or not cell.strip():
                    continue
                converted, encoding = to_unicode(cell)
                cells[index] = converted
                if encoding in LEGACY_ENCODINGS:
                    report.append(
                        self._vn_legacy_message(row_index, path, label, encoding=encoding, before=cell, after=converted)
                    )
            rows.append(cells)
        return rows, report

    def _vn_text_column_labels(self, model, field_name):
        """Labels of the fields along an import column holding text, or None for other columns."""
        labels = []
        path = fix_import_export_id_paths(field_name) if field_name else []
        for position, name in enumerate(path):
            field = model._fields.get(name)
            if field is None:
                return None  # "id", ".id", unknown or property columns
            labels.append(field._description_string(self.env))
            if position == len(path) - 1:
                return labels if field.type in TEXT_FIELD_TYPES + NAMED_FIELD_TYPES else None
            if not field.relational:
                return None
            model = self.env[field.comodel_name]
        return None

    def _vn_legacy_message(self, row_index, path, label, *, encoding, before, after):
        message = self.env._(
            "Row %(row)s, %(column)s: converted from %(encoding)s: %(before)s → %(after)s",
            row=row_index + 1 + self.env.context.get("vn_import_skip", 0),
            column=label,
            encoding=ENCODING_LABELS[encoding],
            before=_shorten(before),
            after=_shorten(after),
        )
        return {
            "type": "info",
            "message": message,
            "record": row_index,
            "rows": {"from": row_index, "to": row_index},
            "field": path[0],
            "field_path": path,
            "vn_import_report": True,
        }

    def _vn_notify_import_report(self, report):
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


def _shorten(text, width=80):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
