from odoo.tests import new_test_user, tagged

from .common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestLeadsMoveToTheNewProvinces(CrmVnCustomerCommon):
    """l10n_vn_address moves every record that points at a merged province: leads too, whose address is copied from
    the customer when they are created and never follows it afterwards."""

    def test_leads_and_their_customers_move(self):
        ha_giang = self.env.ref("base.state_vn_VN-03")
        tuyen_quang = self.env.ref("base.state_vn_VN-07")
        self.assertFalse(ha_giang.active)
        self.assertEqual(ha_giang._vn_current_unit(), tuyen_quang)
        customer = self.env["res.partner"].create(
            {"name": "Lò Văn Páo", "country_id": self.vn.id, "state_id": ha_giang.id, "user_id": self.user_member.id}
        )
        Lead = self.env["crm.lead"].with_context(tracking_disable=True)
        lead = Lead.create({"name": "Chè Shan Tuyết", "partner_id": customer.id})
        lost = Lead.create({"name": "Homestay Đồng Văn", "state_id": ha_giang.id, "active": False, "probability": 0})
        self.assertEqual(lead.state_id, ha_giang, "copied from the customer")
        admin = new_test_user(self.env, "vn_prov_admin_crm", groups="base.group_system")
        wizard = self.env["crm.vn.province.migration"].with_user(admin).create({})
        line = wizard.line_ids.filtered(lambda line: line.old_state_id == ha_giang)
        self.assertEqual((line.partner_count, line.record_count), (1, 2))
        wizard.action_migrate()
        self.assertEqual((customer.state_id, lead.state_id, lost.state_id), (tuyen_quang, tuyen_quang, tuyen_quang))
        self.assertFalse(lost.active)
