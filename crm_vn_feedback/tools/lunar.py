"""Vietnamese lunar calendar: moved to ``crm_vn_customer.tools.lunar``; re-exported here."""

from odoo.addons.crm_vn_customer.tools.lunar import TIME_ZONE, hung_kings_day, lunar_new_year, lunar_to_solar

__all__ = ["TIME_ZONE", "hung_kings_day", "lunar_new_year", "lunar_to_solar"]
