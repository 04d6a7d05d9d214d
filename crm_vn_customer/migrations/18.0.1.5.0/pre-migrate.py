from odoo.tools import SQL


def migrate(cr, version):
    """18.0.1.5.0: the ownership rules no longer treat portal customers as colleagues, and give read access only
    through the colleagues' exception.
    ``noupdate`` records are never loaded again on an update: delete them here, the data file creates them anew."""
    cr.execute(
        """SELECT model, res_id, id FROM ir_model_data WHERE module = %s AND name IN %s""",
        ("crm_vn_customer", ("res_partner_rule_personal", "mail_followers_rule_personal")),
    )
    for model, res_id, data_id in cr.fetchall():
        cr.execute(SQL("DELETE FROM %s WHERE id = %s", SQL.identifier(model.replace(".", "_")), res_id))
        cr.execute("DELETE FROM ir_model_data WHERE id = %s", (data_id,))
