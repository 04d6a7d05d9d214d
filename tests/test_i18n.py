"""Every user-facing string of the add-ons is in the .pot and translated in vi.po."""

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

REPO = Path(__file__).resolve().parent.parent
MODULES = sorted(path.parent.name for path in REPO.glob("*/__manifest__.py"))


@tagged("post_install", "-at_install", "crm_vn_i18n")
class TestTranslations(TransactionCase):
    def test_pot_and_vi_po_complete(self):
        for module in MODULES:
            with self.subTest(module=module):
                terms = {
                    source
                    for mod, __, __, __, source, __, __ in TranslationModuleReader(self.env.cr, modules=[module])
                    if mod == module and source
                }
                pot = {entry.msgid for entry in polib.pofile(str(REPO / module / "i18n" / f"{module}.pot"))}
                vi = polib.pofile(str(REPO / module / "i18n" / "vi.po"))
                self.assertFalse(terms - pot, f"{module}.pot is out of date: regenerate it")
                self.assertFalse(terms - {e.msgid for e in vi}, f"{module}/i18n/vi.po lacks terms")
                empty = [entry.msgid for entry in vi if not entry.msgstr]
                self.assertFalse(empty, f"untranslated in {module}/i18n/vi.po")
                for entry in vi:
                    if "%(" in entry.msgid:
                        # named placeholders survive translation
                        for placeholder in {p.split(")")[0] for p in entry.msgid.split("%(")[1:]}:
                            self.assertIn(f"%({placeholder})", entry.msgstr, entry.msgid)

    def test_vietnamese_loaded_in_the_ui(self):
        """Every field label of our add-ons shows, for a Vietnamese user, the translation its vi.po gives."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(MODULES, ["vi_VN"], overwrite=True)
        vi_env = self.env(context={"lang": "vi_VN"})
        checked = 0
        for module in MODULES:
            translations = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(str(REPO / module / "i18n" / "vi.po"))
                if any(
                    occurrence.startswith("model:ir.model.fields,field_description:")
                    for occurrence, __ in entry.occurrences
                )
            }
            fields = self.env["ir.model.fields"].search([("modules", "ilike", module), ("state", "=", "base")])
            for field in fields:
                if field.model not in self.env or field.name not in self.env[field.model]._fields:
                    continue
                # fields of our own only: an Odoo field we extend (a selection added to) keeps Odoo's label
                xmlids = field._get_external_ids().get(field.id, [])
                if not xmlids or any(not xmlid.startswith(f"{module}.") for xmlid in xmlids):
                    continue
                source = field.with_context(lang="en_US").field_description
                if source in translations:
                    label = self.env[field.model]._fields[field.name]._description_string(vi_env)
                    with self.subTest(module=module, field=f"{field.model}.{field.name}"):
                        self.assertEqual(label, translations[source])
                    checked += 1
        self.assertGreater(checked, 100)
