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
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_customer"], ["vi_VN"], overwrite=True)
        field = self.env["res.partner"].with_context(lang="vi_VN")._fields["lifecycle_stage"]
        self.assertEqual(field._description_string(self.env(context={"lang": "vi_VN"})), "Giai đoạn khách hàng")
