"""Every user-facing string of the add-ons is in the .pot and translated in vi.po; each add-on's vi.po is its own;
a key term is said one way across the suite, the way tests/i18n_glossary.csv says it (Odoo's own word where Odoo has
one: the user reads Odoo's screens beside ours)."""

import csv
import re
from pathlib import Path

import polib

from odoo.tests import BaseCase, TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

REPO = Path(__file__).resolve().parent.parent
MODULES = sorted(path.parent.name for path in REPO.glob("*/__manifest__.py"))
GLOSSARY = REPO / "tests" / "i18n_glossary.csv"

# (msgid, glossary term) -> why the glossary's word is not the translation there. The term is the first English
# form of its glossary line; a msgid written "…text" stands for the msgids that contain the text (mail templates).
EXCEPTIONS = {
    ("…We have recorded your feedback", "feedback"): "'Chúng tôi sẽ phản hồi Quý khách trước' is the first response "
    "(the feedback's response deadline), said as the SLA says it",
    ("Lead Source", "lead"): "the source a customer came from (marketing's 'lead source', on res.partner), said "
    "'Nguồn khách hàng' as the profile's Customer Source",
    (
        "The report compares the month with the month before. You see the figures that your access\n"
        "                    rights let you see: your own, your team's if you lead it, everyone's for sales managers.",
        "lead",
    ): "'lead' is the verb (to lead a team)",
    ("Rating Last Feedback", "feedback"): "Odoo's rating field: the comment of the last rating ('nhận xét'), not a "
    "feedback record",
    (
        "Time off on the Vietnamese public holidays in this calendar, written every year. Companies located in "
        "Vietnam get them in all their calendars anyway; tick it for a Vietnamese team of a company elsewhere, or a "
        "calendar in Vietnam's time used by a company set up in another country.",
        "team",
    ): "a team of employees of any company ('nhóm'), not a sales team",
}

# what a msgid holds that is not English for the reader: placeholders, QWeb code and attributes, inline expressions
CODE = re.compile(
    r"\{\{.*?\}\}|%\(\w+\)[sd]|%[sd]|\b(?!title|alt|placeholder|aria-label)[\w:-]+=\"[^\"]*\"|\b\w+(?:\.\w+)+(?:\(\))?",
    re.DOTALL,
)
NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _plural(word):
    """The word and its plural forms, as a regular expression."""
    if word.lower().endswith("person"):
        return f"{word[:-6]}(?:person|persons|people)"
    if word.lower().endswith("y") and word[-2:-1].lower() not in "aeiou":
        return f"{word[:-1]}(?:y|ies)"
    return f"{word}(?:s|es)?"


def _english_pattern(form):
    words = re.split(r"[\s-]+", form.strip())
    return r"\b" + r"[\s-]+".join([re.escape(w) for w in words[:-1]] + [_plural(re.escape(words[-1]))]) + r"\b"


def _vietnamese_pattern(text):
    return re.compile(r"(?<!\w)" + re.escape(text.strip()) + r"(?!\w)", re.IGNORECASE)


def load_glossary(path=GLOSSARY):
    """The glossary's terms: English forms (``;``-separated; ``(state)`` for a state's label, matched as a whole
    msgid), the one Vietnamese word, and the Vietnamese words the term must not be translated by."""
    terms = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            english = row["english"].strip()
            whole = english.endswith("(state)")
            forms = [form.strip() for form in english.removesuffix("(state)").split(";") if form.strip()]
            terms.append(
                {
                    "key": forms[0],
                    "pattern": re.compile("|".join(_english_pattern(form) for form in forms), re.IGNORECASE),
                    "whole": whole,
                    "vietnamese": row["vietnamese"].strip(),
                    "avoid": [word.strip() for word in (row.get("avoid") or "").split(";") if word.strip()],
                    "note": row["note"].strip(),
                }
            )
    return terms


def terms_of(msgid, terms):
    """The glossary terms a msgid uses: a term found only inside a longer term found at the same place is not
    counted (``team`` in ``team leader``)."""
    text = CODE.sub(" ", msgid)
    found = []
    for term in terms:
        if term["whole"]:
            if term["pattern"].fullmatch(text.strip().rstrip(".:")):
                found.append((term, 0, len(text)))
            continue
        found.extend((term, match.start(), match.end()) for match in term["pattern"].finditer(text))
    return [
        term
        for term, start, end in found
        if not any(
            other is not term and o_start <= start and end <= o_end and o_end - o_start > end - start
            for other, o_start, o_end in found
        )
    ]


def glossary_problems(msgid, msgstr, terms, exceptions=None, used=None):
    """What the translation of ``msgid`` says against the glossary, as sentences."""
    exceptions = EXCEPTIONS if exceptions is None else exceptions
    problems = []
    found = terms_of(msgid, terms)
    translation = CODE.sub(" ", msgstr)
    for term in {id(term): term for term in found}.values():
        excepted = [
            key
            for key in exceptions
            if key[1] == term["key"] and (key[0] == msgid or (key[0].startswith("…") and key[0][1:] in msgid))
        ]
        if excepted:
            if used is not None:
                used.update(excepted)
            continue
        if not _vietnamese_pattern(term["vietnamese"]).search(translation):
            problems.append(f'"{term["key"]}" is not "{term["vietnamese"]}"')
        for word in term["avoid"]:
            if _vietnamese_pattern(word).search(translation) and not any(
                word.lower() in other["vietnamese"].lower() for other in found if other is not term
            ):
                problems.append(f'"{term["key"]}" is said "{word}"')
    return problems


def _modules_named(entry):
    """The add-ons an entry of a .po file names: its ``#. module:`` comments and its references."""
    names = set(re.findall(r"^module: (\S+)$", entry.comment or "", re.MULTILINE))
    for occurrence, __ in entry.occurrences:
        if occurrence.startswith("code:addons/"):
            names.add(occurrence.split("/")[1])
        elif ":" in occurrence:
            names.add(occurrence.rsplit(":", 1)[1].split(".")[0])
        else:
            names.add(occurrence)
    return names


def catalogs(case, module):
    """The add-on's .pot and vi.po (polib would read a missing file's path as the text of a catalog)."""
    folder = REPO / module / "i18n"
    pot_path, vi_path = folder / f"{module}.pot", folder / "vi.po"
    case.assertTrue(pot_path.is_file(), f"{module} ships no i18n/{module}.pot")
    case.assertTrue(vi_path.is_file(), f"{module} ships no i18n/vi.po")
    return polib.pofile(str(pot_path)), polib.pofile(str(vi_path))


@tagged("post_install", "-at_install", "crm_vn_i18n")
class TestTranslationFiles(BaseCase):
    """The .pot and vi.po files themselves (no database)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.terms = load_glossary()

    def test_each_vi_po_is_the_addons_own(self):
        """Its header names the add-on, its entries come from the add-on (model names, view ids, code paths), its
        msgids are those of the add-on's .pot, each translated."""
        for module in MODULES:
            with self.subTest(module=module):
                pot, vi = catalogs(self, module)
                named = re.findall(r"^\s*\*\s*(\S+)\s*$", vi.header, re.MULTILINE)
                self.assertEqual(named, [module], f"the header of {module}/i18n/vi.po names {named}")
                for path, catalog in ((f"{module}.pot", pot), ("vi.po", vi)):
                    strangers = {
                        entry.msgid[:60]: sorted(_modules_named(entry) - {module})
                        for entry in catalog
                        if _modules_named(entry) - {module} or not _modules_named(entry)
                    }
                    self.assertFalse(strangers, f"{module}/i18n/{path}: entries of another add-on (or of none)")
                pot_ids, vi_ids = {entry.msgid for entry in pot}, {entry.msgid for entry in vi}
                self.assertFalse(pot_ids - vi_ids, f"{module}/i18n/vi.po lacks msgids of {module}.pot")
                self.assertFalse(vi_ids - pot_ids, f"{module}/i18n/vi.po has msgids that {module}.pot has not")
                untranslated = [entry.msgid for entry in vi if not entry.msgstr.strip()]
                self.assertFalse(untranslated, f"untranslated in {module}/i18n/vi.po")
                unusable = [entry.msgid for entry in vi if entry.obsolete or "fuzzy" in entry.flags]
                self.assertFalse(unusable, f"obsolete or fuzzy entries in {module}/i18n/vi.po")

    def test_placeholders_survive_translation(self):
        for module in MODULES:
            with self.subTest(module=module):
                __, vi = catalogs(self, module)
                for entry in vi:
                    self.assertEqual(
                        sorted(set(NAMED_PLACEHOLDER.findall(entry.msgstr))),
                        sorted(set(NAMED_PLACEHOLDER.findall(entry.msgid))),
                        entry.msgid,
                    )
                    self.assertEqual(entry.msgstr.count("%s"), entry.msgid.count("%s"), entry.msgid)

    def test_one_vietnamese_word_per_term(self):
        """Every msgid that uses a term of the glossary is translated with the glossary's word, and never with the
        words the glossary rejects, unless EXCEPTIONS says why."""
        used = set()
        for module in MODULES:
            with self.subTest(module=module):
                __, vi = catalogs(self, module)
                problems = [
                    f"{entry.msgid!r} → {entry.msgstr!r}: {problem}"
                    for entry in vi
                    for problem in glossary_problems(entry.msgid, entry.msgstr, self.terms, used=used)
                ]
                self.assertFalse(
                    problems, f"{module}/i18n/vi.po against tests/i18n_glossary.csv:\n" + "\n".join(problems)
                )
        self.assertFalse(set(EXCEPTIONS) - used, "exceptions no vi.po needs any more")

    def test_the_glossary_check_finds_what_it_names(self):
        """The matcher itself: plurals, multi-word terms, longer terms first, states as whole labels."""
        terms = load_glossary()
        cases = [
            ("Salespeople", "Các chuyên viên sales", []),
            (
                "Salespeople",
                "Các nhân viên kinh doanh",
                ['"salesperson" is not "chuyên viên sales"', '"salesperson" is said "nhân viên kinh doanh"'],
            ),
            ("Team Leader", "Trưởng nhóm", []),
            ("Read", "Đọc", ['"read" is not "đã đọc"']),
            ("Can the salesperson read it?", "Chuyên viên sales có đọc được không?", []),
            ("Feedback and its first response", "Phản ánh và phản hồi đầu tiên", []),
            (
                "Feedbacks of the month",
                "Phản hồi trong tháng",
                ['"feedback" is not "phản ánh"', '"feedback" is said "phản hồi"'],
            ),
            (
                "On the Do-Not-Call list",
                "Trong danh sách không liên hệ",
                ['"Do-Not-Call" is not "không quảng cáo"', '"Do-Not-Call" is said "không liên hệ"'],
            ),
            ('<i title="Deadline"/>', '<i title="Hạn"/>', []),
            ('<t t-out="object.customer_id.name"/>', '<t t-out="object.customer_id.name"/>', []),
        ]
        for msgid, msgstr, expected in cases:
            with self.subTest(msgid=msgid, msgstr=msgstr):
                self.assertEqual(sorted(glossary_problems(msgid, msgstr, terms, exceptions={})), sorted(expected))

    def test_the_glossary_is_complete(self):
        keys = {term["key"].lower() for term in load_glossary()}
        required = {
            "feedback", "complaint", "sales team", "salesperson", "team leader", "lead", "opportunity", "customer",
            "prospect", "contact", "do-not-call", "consent", "data request", "hand-over", "duplicate", "commune",
            "ward", "province", "escalation", "deadline", "sla", "rating", "message", "official account", "template",
            "refresh token", "read", "failed", "sent",
        }  # fmt: skip
        self.assertFalse(required - keys, "terms missing from tests/i18n_glossary.csv")
        for term in load_glossary():
            self.assertTrue(term["vietnamese"] and term["note"], term["key"])


@tagged("post_install", "-at_install", "crm_vn_i18n")
class TestTranslations(TransactionCase):
    def test_pot_and_vi_po_complete(self):
        """The .pot of each add-on holds the terms of its code, views and data as installed."""
        for module in MODULES:
            with self.subTest(module=module):
                terms = {
                    source
                    for mod, __, __, __, source, __, __ in TranslationModuleReader(self.env.cr, modules=[module])
                    if mod == module and source
                }
                pot, vi = catalogs(self, module)
                self.assertFalse(terms - {e.msgid for e in pot}, f"{module}.pot is out of date: regenerate it")
                self.assertFalse(terms - {e.msgid for e in vi}, f"{module}/i18n/vi.po lacks terms")

    def test_vietnamese_loaded_in_the_ui(self):
        """Every field label of our add-ons shows, for a Vietnamese user, the translation its vi.po gives."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(MODULES, ["vi_VN"], overwrite=True)
        vi_env = self.env(context={"lang": "vi_VN"})
        checked = 0
        for module in MODULES:
            translations = {
                entry.msgid: entry.msgstr
                for entry in catalogs(self, module)[1]
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
