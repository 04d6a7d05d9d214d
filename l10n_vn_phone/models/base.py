from odoo import models

from ..tools.phone import ascii_digits, normalize_vn_phone


class Base(models.AbstractModel):
    _inherit = "base"

    def _phone_format_number(self, number, country, force_format="E164", raise_exception=False):
        """Read a Vietnamese number the way it is written in Vietnam before Odoo formats it.

        Odoo's ``phone_sanitized`` (SMS, blacklist, mailing, duplicate keys) and every number formatting go through
        here: an eleven-digit mobile number of before 2018 (0168 123 4567), full-width digits or "(+84) 0912..." are
        turned into today's number first, so that two ways of writing one number give one sanitized value.
        """
        if number and isinstance(number, str):
            compact = ascii_digits(number).replace(" ", "")
            if (country and country.code == "VN") or compact.startswith(("+84", "0084", "(+84)")):
                number = normalize_vn_phone(number) or number
        return super()._phone_format_number(number, country, force_format=force_format, raise_exception=raise_exception)
