from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.models.ir_actions_report import IrActionsReport
from odoo.addons.crm_vn_base.tests.common import slow


@slow
@tagged("post_install", "-at_install", "crm_vn_reports")
class TestReportsMobileTours(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_print_a_customer_profile_on_a_phone(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        seller = new_test_user(
            self.env, "vn_print_tour", groups="sales_team.group_sale_salesman", name="Lan In Hồ Sơ", lang="vi_VN"
        )
        customer = self.env["res.partner"].create(
            {"name": "Trịnh Thu Trang", "mobile": "0912 357 911", "user_id": seller.id, "lifecycle_stage": "customer"}
        )
        printed = []
        render = IrActionsReport._render_qweb_pdf

        def spy(report, report_ref, res_ids=None, data=None):
            # records what is printed, for whom, and renders it as usual
            printed.append((str(report_ref), list(res_ids or []), report.env.uid))
            return render(report, report_ref, res_ids=res_ids, data=data)

        with patch.object(IrActionsReport, "_render_qweb_pdf", spy):
            self.start_tour("/odoo", "crm_vn_reports_mobile_print_profile", login="vn_print_tour")
        self.assertEqual(printed, [("crm_vn_reports.report_customer_profile", customer.ids, seller.id)])
