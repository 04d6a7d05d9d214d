from odoo import models


class CrmVnDuplicateMergeLog(models.Model):
    """A merge log copies the values of the customers merged: anonymising a customer removes them from the logs
    that name it (the log itself stays: who merged what, when). Not part of the export: the values are the
    customer's own, exported with the customer."""

    _name = "crm.vn.duplicate.merge.log"
    _inherit = ["crm.vn.duplicate.merge.log", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "merge_logs"
    _crm_vn_pd_sequence = 30
    _crm_vn_pd_export = False
    _crm_vn_pd_empty = ("values_before",)

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Merge logs whose copied values were removed")
