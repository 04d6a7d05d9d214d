"""Every menu of the CRM and Dashboards apps, walked in a real browser as each demo role, the way a newcomer clicks
through the demo: no error dialog, no Odoo US demo record, no dollar sign in the Vietnamese company, no English left
of the suite's own strings in a Vietnamese session, phone numbers as Vietnamese staff read them.

The demo users (``lan`` salesperson, ``hung`` team leader, ``mai`` sales manager) come from the demo data this suite
installs; their sessions are in Vietnamese, like the demo's.
"""

import json
import re
from pathlib import Path

import polib

from odoo.tests import HttpCase, tagged

from odoo.addons.crm_vn_base.tests.common import slow

REPO = Path(__file__).resolve().parent.parent
APPS = ("crm.crm_menu_root", "spreadsheet_dashboard.spreadsheet_dashboard_menu_root")
# English words of the suite's strings that Vietnamese keeps as they are (names, abbreviations).
KEPT = re.compile(r"^(Zalo|ZNS|OA|SMS|SLA|NPS|RFM|VIP|Email|Excel|PDF|ID|API|URL|IAP|OTP|Facebook|Messenger|Odoo)\b")

WALK = """
(async () => {
    const { steps, english, usNames } = %(params)s;
    const env = odoo.__WOWL_DEBUG__.root.env;
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const problems = [];
    async function settle() {
        for (let i = 0; i < 100; i++) {
            await wait(100);
            if (!document.querySelector(".o_blockUI, .o_loading_indicator")) {
                break;
            }
        }
        await wait(700);
    }
    for (const [label, action] of steps) {
        console.log(`walking: ${label}`);
        try {
            const opened = await Promise.race([
                env.services.action.doAction(action, { clearBreadcrumbs: true }).then(() => true),
                wait(20000).then(() => false),
            ]);
            if (!opened) {
                problems.push(`${label}: did not open within 20 seconds`);
            }
        } catch (error) {
            problems.push(`${label}: ${error.message || error}`);
        }
        await settle();
        if (document.querySelector(".o_error_dialog")) {
            problems.push(`${label}: an error dialog`);
        }
        const text = (document.querySelector(".o_action_manager") || document.body).innerText;
        const seen = [text, ...[...document.querySelectorAll(".o_action_manager input")].map((i) => i.value)];
        const all = seen.join("\\n");
        if (all.includes("$")) {
            problems.push(`${label}: a dollar sign`);
        }
        for (const name of usNames) {
            if (all.includes(name)) {
                problems.push(`${label}: Odoo's US demo record "${name}"`);
            }
        }
        for (const phrase of english) {
            if (text.includes(phrase)) {
                problems.push(`${label}: English "${phrase}"`);
            }
        }
        if (/\\+84\\d{9}/.test(all)) {
            problems.push(`${label}: a phone number in E.164 (+84...) instead of the national form`);
        }
        document.querySelectorAll(".modal .btn-close").forEach((button) => button.click());
    }
    if (problems.length) {
        console.error("Walking the menus:\\n" + problems.join("\\n"));
    } else {
        console.log("test successful");
    }
})();
"""


@slow
@tagged("post_install", "-at_install", "crm_vn_demo")
class TestMenusWalk(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.english = sorted(cls._english_of_the_suite())
        cls.us_names = sorted(cls._odoo_us_demo_names())

    @classmethod
    def _english_of_the_suite(cls):
        """The suite's own strings translated to something else in its vi.po: seen on a Vietnamese screen, they
        are English left untranslated (only phrases of two words or more, letters only)."""
        phrases = set()
        for po_path in REPO.glob("*/i18n/vi.po"):
            for entry in polib.pofile(str(po_path)):
                msgid = entry.msgid
                if (
                    entry.msgstr
                    and entry.msgstr != msgid
                    and re.fullmatch(r"[A-Z][A-Za-z]+( [A-Za-z]+)+", msgid)
                    and not KEPT.match(msgid)
                ):
                    phrases.add(msgid)
        return phrases

    @classmethod
    def _odoo_us_demo_names(cls):
        """Names of Odoo's own demo contacts (not users, not companies of the database), leads and products."""
        names = set()
        data = cls.env["ir.model.data"].search(
            [("module", "in", ("base", "crm", "sale", "product")), ("model", "in", ("res.partner", "crm.lead"))]
        )
        kept = (
            cls.env["res.users"].with_context(active_test=False).search([]).partner_id
            | cls.env["res.company"].search([]).partner_id
        )
        for item in data:
            record = cls.env[item.model].browse(item.res_id).exists()
            if record and not (record._name == "res.partner" and record in kept):
                names.add(record.name)
        return {name for name in names if name and len(name) > 5}

    def _steps(self, user):
        """(label, action) of every menu of the apps the user opens, then their own customer and feedback forms."""
        env = self.env(user=user, context={"lang": "vi_VN"})
        Menu = env["ir.ui.menu"]
        visible = Menu.browse(Menu._visible_menu_ids())
        steps = []
        for app in APPS:
            root = self.env.ref(app, raise_if_not_found=False)
            if not root:
                continue
            for menu in visible.filtered(lambda m, root=root: m.action and m.parent_path.startswith(root.parent_path)):
                label = " / ".join(menu.complete_name.split("/"))
                steps.append((label, menu.action.id))
        customer = env["res.partner"].search([("user_id", "=", user.id), ("mobile", "!=", False)], limit=1)
        feedback = env["crm.vn.feedback"].search([], limit=1)
        for record in (customer, feedback):
            if not record:
                continue
            steps.append(
                (
                    f"{record._description} {record.display_name}",
                    {"type": "ir.actions.act_window", "res_model": record._name, "res_id": record.id,
                     "views": [[False, "form"]]},
                )
            )  # fmt: skip
        return steps

    def _walk(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertEqual(user.lang, "vi_VN")
        steps = self._steps(user)
        self.assertGreater(len(steps), 5)
        params = json.dumps({"steps": steps, "english": self.english, "usNames": self.us_names})
        self.browser_js("/odoo", WALK % {"params": params}, "odoo.isReady", login=login, timeout=900)

    def test_salesperson(self):
        self._walk("lan")

    def test_team_leader(self):
        self._walk("hung")

    def test_sales_manager(self):
        self._walk("mai")
