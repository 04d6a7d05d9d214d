from markupsafe import Markup

from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_partner_properties_definition = fields.PropertiesDefinition(
        "Customer Profile Properties",
        help="Extra customer-profile fields defined by administrators without code "
        "(they differ by industry: shoe size, vehicle, property type...).",
    )

    @api.model
    def _crm_vn_demo_keep_odoo_demo_apart(self, company_xmlid="crm_vn_customer.res_company_vn_demo"):
        """Demo data only (called by the application's demo, once every add-on's demo is loaded): the demo staff
        work in their Vietnamese company; Odoo's own demo records that belong to no company (the US contacts,
        leads, furniture) are given to Odoo's demo company, so that they stay out of the staff's screens; Odoo's demo
        meetings are archived and its posts in the company's general channel removed; the suite's demo customers
        belong to the Vietnamese company. Nothing of a real database is touched: only records of demo files."""
        company = self.env.ref(company_xmlid, raise_if_not_found=False)
        main = self.env.ref("base.main_company")
        if not company:
            return
        ours = ("crm_vn", "l10n_vn", "base_import_vn")
        Data = self.env["ir.model.data"].sudo()

        def demo_records(model):
            data = Data.search([("model", "=", model)])
            mine = self.env[model].browse(d.res_id for d in data if d.module.startswith(ours)).exists()
            odoo = self.env[model].browse(d.res_id for d in data if not d.module.startswith(ours)).exists()
            return mine, odoo

        users_partners = (
            self.env["res.users"].with_context(active_test=False).search([("partner_id", "!=", False)]).partner_id
        )
        companies_partners = self.env["res.company"].search([("partner_id", "!=", False)]).partner_id
        mine, odoo = demo_records("res.partner")
        odoo = odoo.with_context(active_test=False).filtered(
            lambda p: not p.company_id and p not in users_partners and p not in companies_partners
        )
        odoo.write({"company_id": main.id})
        mine.filtered(lambda p: not p.company_id and p not in users_partners and p not in companies_partners).write(
            {"company_id": company.id}
        )
        if "crm.lead" in self.env:
            _mine, leads = demo_records("crm.lead")
            leads.filtered(lambda lead: lead.company_id != company).write({"company_id": main.id})
        if "product.template" in self.env:
            _mine, products = demo_records("product.template")
            products.filtered(lambda p: not p.company_id and p.sale_ok and p.list_price).write({"company_id": main.id})
        if "calendar.event" in self.env:
            _mine, events = demo_records("calendar.event")
            events.write({"active": False})
        self._crm_vn_demo_translate_creation_notes(company)
        general = self.env.ref("mail.channel_all_employees", raise_if_not_found=False)
        if general:
            staff = self.env["res.users"].search([("company_ids", "in", company.ids)]).partner_id
            general.message_ids.filtered(lambda m: m.author_id not in staff and m.message_type == "comment").unlink()

    @api.model
    def _crm_vn_demo_translate_creation_notes(self, company):
        """Demo only: the "… created" notes of the suite's demo records were written while their add-on was being
        installed, before its Vietnamese terms were loaded: written again in the company's language."""
        lang = company.partner_id.lang
        if not lang or lang == "en_US":
            return
        ours = ("crm_vn", "l10n_vn", "base_import_vn")
        # the installation loads the terms of every add-on at its very end; the model names are needed now
        Module = self.env["ir.module.module"].sudo()
        Module._load_module_terms(
            Module.search([("state", "=", "installed"), ("name", "=like", "crm_vn%")]).mapped("name"), [lang]
        )
        data = self.env["ir.model.data"].sudo().search([("module", "=like", "crm_vn%")])
        by_model = {}
        for item in data:
            if (
                item.module.startswith(ours)
                and item.model in self.env
                and hasattr(self.env[item.model], "_creation_message")
            ):
                by_model.setdefault(item.model, []).append(item.res_id)
        Message = self.env["mail.message"].sudo()
        for model, ids in by_model.items():
            records = self.env[model].browse(ids).exists()
            if not records:
                continue
            self.env["ir.model"].invalidate_model(["name"])
            ir_model = self.env["ir.model"]._get(model)
            english, translated = ir_model.with_context(lang="en_US").name, ir_model.with_context(lang=lang).name
            if english == translated:
                continue
            # "<model> created", or "<model> được tạo": Odoo's wording is already in the language, the name not
            created_en = records[:1].with_context(lang="en_US")._creation_message()
            wording = records[:1].with_context(lang=lang)._creation_message().replace(translated, english)
            notes = Message.search(
                [
                    ("model", "=", model),
                    ("res_id", "in", records.ids),
                    ("body", "in", [f"<p>{created_en}</p>", f"<p>{wording}</p>"]),
                ]
            )
            for note in notes:
                note.body = Markup("<p>%s</p>") % records[:1].with_context(lang=lang)._creation_message()
