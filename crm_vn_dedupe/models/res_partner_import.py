from odoo import models

from ..tools.matching import score_pair


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
        threshold = self.env.company.crm_vn_duplicate_threshold or 85
        kept = []
        linked = []
        earlier = []  # (MatchData, name) of the rows of this batch that will be created
        for data in data_list:
            values = data["values"]
            if values.get("id") or (data.get("xml_id") and self.env.ref(data["xml_id"], raise_if_not_found=False)):
                kept.append(data)
                continue
            self.flush_model()
            match = self._vn_match_data(values, self.browse())
            candidates = self.browse()._vn_duplicate_candidates(values, limit=3)
            in_file = self._vn_best_in_batch(match, earlier, threshold)
            if not candidates and not in_file:
                kept.append(data)
                earlier.append((match, values.get("name") or ""))
                continue
            if candidates:
                best = candidates[0]
                match_name = best["partner"]._vn_duplicate_public_info()[best["partner"].id]["name"]
            else:
                best = in_file
                match_name = self.env._("%(name)s (an earlier row of this file)", name=in_file["name"])
            kwargs = {
                "name": values.get("name") or "",
                "match": match_name,
                "score": int(best["score"]),
                "reasons": ", ".join(best["reasons"]),
            }
            row_mode = mode
            if mode == "link" and candidates and not best["partner"].has_access("read"):
                row_mode = "skip"  # another salesperson's customer: not linked to a row of the importer's
            message = self._vn_import_message(row_mode, kwargs)
            report.append(dict(data.get("info", {}), type="warning", message=message, vn_import_report=True))
            if row_mode == "create":
                kept.append(data)
                earlier.append((match, values.get("name") or ""))
            elif row_mode == "link" and candidates:
                linked.append((data, best["partner"]))
        records = super()._load_records(kept, update=update, ignore_duplicates=ignore_duplicates)
        for data, partner in linked:
            if data.get("xml_id"):
                self.env["ir.model.data"].sudo()._update_xmlids(
                    [{"xml_id": data["xml_id"], "record": partner, "noupdate": data.get("noupdate", False)}]
                )
            records |= partner
        return records

    def _vn_import_message(self, mode, kwargs):
        if mode == "skip":
            return self.env._(
                "Not imported: %(name)s already exists as %(match)s (%(score)s%% match: %(reasons)s).", **kwargs
            )
        if mode == "link":
            return self.env._("Linked to the existing customer %(match)s (%(score)s%% match: %(reasons)s).", **kwargs)
        return self.env._(
            "Created although %(match)s looks like the same customer (%(score)s%% match: %(reasons)s).", **kwargs
        )

    def _vn_best_in_batch(self, match, earlier, threshold):
        """The best match of ``match`` among earlier rows of the same batch, as a candidate dict."""
        labels = self._vn_reason_labels()
        best = None
        for other, name in earlier:
            score, codes = score_pair(match, other)
            if score >= threshold and (best is None or score > best["score"]):
                best = {"name": name, "score": score, "reasons": [labels[code] for code in codes]}
        return best
