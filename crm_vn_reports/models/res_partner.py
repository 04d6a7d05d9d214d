from odoo import models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _crm_vn_favourite_categories(self, limit=3):
        """{commercial partner id: product categories, most revenue first} from confirmed order lines.

        Reads only the order lines of the customers of ``self`` the caller may
        read (indexed by order partner).
        """
        partners = self.commercial_partner_id._filtered_access("read")
        if not partners:
            return {}
        self.env["sale.order.line"].flush_model(["order_partner_id", "product_id", "price_subtotal", "state"])
        self.env.cr.execute(
            SQL(
                """
                SELECT partner_id, categ_id FROM (
                    SELECT p.commercial_partner_id AS partner_id, pt.categ_id,
                           row_number() OVER (PARTITION BY p.commercial_partner_id
                                              ORDER BY sum(sol.price_subtotal) DESC, pt.categ_id) AS rank
                      FROM sale_order_line sol
                      JOIN res_partner p ON p.id = sol.order_partner_id
                      JOIN product_product pp ON pp.id = sol.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE sol.state = 'sale' AND p.commercial_partner_id = ANY(%(partners)s)
                       AND pt.categ_id IS NOT NULL
                  GROUP BY p.commercial_partner_id, pt.categ_id
                ) ranked
                WHERE rank <= %(limit)s
                ORDER BY partner_id, rank
                """,
                partners=partners.ids,
                limit=limit,
            )
        )
        result = {}
        Category = self.env["product.category"]
        for partner_id, categ_id in self.env.cr.fetchall():
            result[partner_id] = result.get(partner_id, Category) | Category.browse(categ_id)
        return result

    def _crm_vn_analytics(self):
        """The customer analytics row of this customer in the current company, empty if none."""
        self.ensure_one()
        return self.env["crm.vn.customer.report"].search(
            [("partner_id", "=", self.commercial_partner_id.id), ("company_id", "=", self.env.company.id)], limit=1
        )
