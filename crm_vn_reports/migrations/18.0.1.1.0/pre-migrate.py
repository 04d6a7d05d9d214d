from odoo.tools import SQL


def migrate(cr, version):
    """18.0.1.1.0: vendors that are also someone's customers stay owned.
    ``noupdate`` records are never loaded again on an update: delete it here, the data file creates it anew."""
    cr.execute(
        """SELECT model, res_id, id FROM ir_model_data WHERE module = %s AND name IN %s""",
        ("crm_vn_reports", ("res_partner_rule_vendor",)),
    )
    for model, res_id, data_id in cr.fetchall():
        cr.execute(SQL("DELETE FROM %s WHERE id = %s", SQL.identifier(model.replace(".", "_")), res_id))
        cr.execute("DELETE FROM ir_model_data WHERE id = %s", (data_id,))
