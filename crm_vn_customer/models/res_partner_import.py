from odoo import models


class ResPartner(models.Model):
    """Duplicates in imports (base_import's test run and import, or ``load`` over RPC).

    Each row about to create a customer is checked against existing
    customers, earlier rows of the same file included (they are in the
    database by then). Per the company's setting the row is skipped, linked to
    the existing customer, or created anyway; every case is reported as a
    warning naming the row, the match and its score, in the test run too.
    """

    _inherit = "res.partner"

    def load(self, fields, data):
        if not self.env.context.get("import_file") or "crm_vn_import_report" in self.env.context:
            return super().load(fields, data)
        report = []
        result = super(ResPartner, self.with_context(crm_vn_import_report=report)).load(fields, data)
        if report:
            result = dict(result, messages=list(result.get("messages", [])) + report)
        return result

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        report = self.env.context.get("crm_vn_import_report")
        skip_allowed = (
            self.env.context.get("crm_vn_skip_duplicate_check") and self._vn_duplicate_check_allowed_to_skip()
        )
        if report is None or skip_allowed:
            return super()._load_records(data_list, update=update, ignore_duplicates=ignore_duplicates)
        mode = self.env.company.crm_vn_duplicate_import_mode
        kept = []
        linked = []
        for data in data_list:
            values = data["values"]
            if values.get("id") or (data.get("xml_id") and self.env.ref(data["xml_id"], raise_if_not_found=False)):
                kept.append(data)
                continue
            self.flush_model()
            candidates = self.browse()._vn_duplicate_candidates(values, limit=3)
            if not candidates:
                kept.append(data)
                continue
            best = candidates[0]
            info = best["partner"]._vn_duplicate_public_info()[best["partner"].id]
            kwargs = {
                "name": values.get("name") or "",
                "match": info["name"],
                "score": int(best["score"]),
                "reasons": ", ".join(best["reasons"]),
            }
            if mode == "skip":
                message = self.env._(
                    "Not imported: %(name)s already exists as %(match)s (%(score)s%% match: %(reasons)s).",
                    **kwargs,
                )
            elif mode == "link":
                message = self.env._(
                    "Linked to the existing customer %(match)s (%(score)s%% match: %(reasons)s).", **kwargs
                )
            else:
                message = self.env._(
                    "Created although %(match)s looks like the same customer (%(score)s%% match: %(reasons)s).",
                    **kwargs,
                )
            report.append(dict(data.get("info", {}), type="warning", message=message))
            if mode == "create":
                kept.append(data)
            elif mode == "link":
                linked.append((data, best["partner"]))
        records = super()._load_records(kept, update=update, ignore_duplicates=ignore_duplicates)
        for data, partner in linked:
            if data.get("xml_id"):
                self.env["ir.model.data"].sudo()._update_xmlids(
                    [{"xml_id": data["xml_id"], "record": partner, "noupdate": data.get("noupdate", False)}]
                )
            records |= partner
        return records
