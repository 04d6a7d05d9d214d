from . import res_city, res_country_state, res_partner
