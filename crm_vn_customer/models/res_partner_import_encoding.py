from odoo import models
from odoo.models import fix_import_export_id_paths

from ..tools.legacy_encoding import ENCODING_LABELS, LEGACY_ENCODINGS, to_unicode

TEXT_FIELD_TYPES = ("char", "text", "html")
# A relational column without sub-field holds the display name to look up.
NAMED_FIELD_TYPES = ("many2one", "many2many")


class ResPartner(models.Model):
    """Legacy Vietnamese encodings in imports (base_import's test run and import, or ``load`` over RPC).

    Only with ``import_file`` in the context (base_import sets it; RPC callers
    may pass it): module data files and other internal ``load`` calls stay
    untouched. Every text cell (char, text and html fields, and the names of
    many2one/many2many columns) written in TCVN3, VNI or VIQR is converted to
    Unicode before anything else reads the row, so that phone normalisation,
    duplicate detection (res_partner_import.py, called after this override)
    and name look-ups see the real text. Each conversion is reported as an
    info message naming the row and the column (shown by the test run; the
    real import sends them as a notification, see base_import_import.py);
    decomposed Unicode is composed silently. The context key ``crm_vn_skip_legacy_encoding`` turns it off.
    """

    _inherit = "res.partner"

    def load(self, fields, data):
        if not self.env.context.get("import_file") or self.env.context.get("crm_vn_skip_legacy_encoding"):
            return super().load(fields, data)
        data, report = self._vn_convert_legacy_rows(fields, data)
        result = super().load(fields, data)
        if report:
            result = dict(result, messages=list(result.get("messages") or []) + report)
        return result

    def _vn_convert_legacy_rows(self, fields, data):
        """``(rows with text cells in Unicode NFC, info messages)``; rows past ``_import_limit`` are kept as is."""
        columns = []
        for index, field_name in enumerate(fields):
            labels = self._vn_text_column_labels(field_name)
            if labels:
                columns.append((index, fix_import_export_id_paths(field_name), " / ".join(labels)))
        if not columns:
            return data, []
        limit = self.env.context.get("_import_limit") or len(data)
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

    def _vn_text_column_labels(self, field_name):
        """Labels of the fields along an import column holding text, or None for other columns."""
        model = self
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
            row=row_index + 1 + self.env.context.get("crm_vn_import_skip", 0),
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
            "crm_vn_report": True,
        }


def _shorten(text, width=80):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
