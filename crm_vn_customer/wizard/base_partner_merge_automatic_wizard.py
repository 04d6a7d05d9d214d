from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        """Fields an external system sets (``crm_vn_external``: a Zalo user id and its conversation...) move together
        and once: the kept contact keeps its own, else takes those of the first merged contact that has some; the
        merged contacts give theirs up first (a Zalo user id belongs to one contact). Odoo's merge then writes on the
        kept contact only values it already holds for them, which the user may do."""
        fnames = [
            fname
            for fname in dst_partner._crm_vn_external_fnames()
            if not dst_partner._fields[fname].compute
            and dst_partner._fields[fname].type not in ("one2many", "many2many")
        ]
        if fnames:
            source = next(
                (partner for partner in dst_partner | src_partners if any(partner[fname] for fname in fnames)), None
            )
            if source:
                moved = source._convert_to_write({fname: source[fname] for fname in fnames})
                # sudo: written by their external system only; the merge itself was checked as the user
                src_partners.sudo().write(dict.fromkeys(fnames, False))
                dst_partner.sudo().write(moved)
        return super()._update_values(src_partners, dst_partner)
