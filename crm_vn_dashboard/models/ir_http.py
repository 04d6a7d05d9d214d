from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """After login, the sales team lands on its dashboard instead of Discuss: a sales manager on *Sales Teams*,
        a salesperson on *My Customers*. A home action the user (or an administrator) chose stays theirs."""
        info = super().session_info()
        user = self.env.user
        if info.get("home_action_id") or not user._is_internal():
            return info
        if user.has_group("sales_team.group_sale_manager"):
            xmlid = "crm_vn_dashboard.action_dashboard_sales_team"
        elif user.has_group("sales_team.group_sale_salesman"):
            xmlid = "crm_vn_dashboard.action_dashboard_my_customers"
        else:
            return info
        action = self.env.ref(xmlid, raise_if_not_found=False)
        if action:
            info["home_action_id"] = action.id
        return info
