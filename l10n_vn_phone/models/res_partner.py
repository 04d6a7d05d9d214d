from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.phone import ascii_digits, normalize_vn_phone

PHONE_FIELDS = ("phone", "mobile")


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._l10n_vn_normalize_phone_vals(vals, self._l10n_vn_phone_country(vals))
        return super().create(vals_list)

    @api.model
    def name_create(self, name):
        """A contact picker offers to create what was typed: a phone number typed to find a customer is not the
        name of a new one (a contact named "0984 789 235")."""
        text = (name or "").strip()
        if text and normalize_vn_phone(text) and not any(char.isalpha() for char in text):
            raise ValidationError(
                self.env._(
                    '"%(number)s" is a phone number, not a name: create the contact with its name and put the number '
                    "in its Mobile field.",
                    number=text,
                )
            )
        return super().name_create(name)

    def write(self, vals):
        if any(fname in vals for fname in PHONE_FIELDS):
            by_country = {}
            for partner in self:
                country = partner._l10n_vn_phone_country(vals)
                by_country.setdefault(country, self.browse())
                by_country[country] |= partner
            if len(by_country) > 1:
                # Numbers are read in the country of each record: write each group (one country each).
                for partners in by_country.values():
                    partners.write(vals)
                return True
            country = next(iter(by_country), self._l10n_vn_phone_country(vals))
            vals = dict(vals)
            self._l10n_vn_normalize_phone_vals(vals, country)
        elif vals.get("country_id") and self.env["res.country"].browse(vals["country_id"]).code == "VN":
            # Numbers typed while the partner was not Vietnamese were kept as typed: read them now.
            result = super().write(vals)
            self._l10n_vn_normalize_typed_phones()
            return result
        return super().write(vals)

    def _l10n_vn_normalize_typed_phones(self):
        """Store in E.164 the numbers still as typed (no ``+``) of these Vietnamese partners; a number that cannot be
        read the Vietnamese way is left as it is (changing a country does not fail on an old number)."""
        for partner in self:
            vals = {}
            for fname in PHONE_FIELDS:
                raw = partner[fname]
                if raw and not raw.startswith("+"):
                    normalized = normalize_vn_phone(raw)
                    if normalized:
                        vals[fname] = normalized
            if vals:
                partner.write(vals)

    def _l10n_vn_phone_country(self, vals):
        """The country in which the numbers of ``vals`` are read for this partner: its own, else its company's."""
        Country = self.env["res.country"]
        if "country_id" in vals:
            country = Country.browse(vals["country_id"]) if vals["country_id"] else Country
        else:
            country = self[:1].country_id
        if not country:
            company = (
                self.env["res.company"].browse(vals["company_id"])
                if vals.get("company_id")
                else (self[:1].company_id or self.env.company)
            )
            country = company.country_id
        return country

    @api.model
    def _l10n_vn_normalize_phone_vals(self, vals, country):
        """Store Vietnamese numbers in E.164 and refuse impossible ones.

        Numbers are handled when the partner is Vietnamese (its country, or its company's when it has none) or when
        they are written with +84/0084; other countries' numbers are left to Odoo's phone_validation. The context
        key ``l10n_vn_phone_landline`` says the numbers are landlines (old 2017 area codes are then converted).
        """
        is_vn = country.code == "VN"
        landline = bool(self.env.context.get("l10n_vn_phone_landline"))
        for fname in PHONE_FIELDS:
            raw = vals.get(fname)
            if not raw or not isinstance(raw, str):
                continue
            compact = ascii_digits(raw).replace(" ", "")
            if not is_vn and not compact.startswith(("+84", "0084", "(+84)")):
                # Another country's number, left to phone_validation; its digits stored as digits all the same.
                vals[fname] = ascii_digits(raw)
                continue
            normalized = normalize_vn_phone(raw, landline=landline and fname == "phone")
            if not normalized:
                raise ValidationError(
                    self.env._(
                        '%(field)s: "%(value)s" is not a valid phone number. '
                        "Enter a Vietnamese number such as 0912 345 678 or 028 3812 3456, "
                        "or a foreign number starting with +.",
                        field=self._fields[fname]._description_string(self.env),
                        value=raw,
                    )
                )
            vals[fname] = normalized
