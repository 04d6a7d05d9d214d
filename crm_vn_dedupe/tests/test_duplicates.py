from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged

from odoo.addons.crm_vn_base.tests.common import committed_env, run_in_workers, slow
from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestDuplicateCandidates(CrmVnCustomerCommon):
    """The contract method on each kind of Vietnamese variant, and the negatives."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.an = cls.env["res.partner"].create(
            {
                "name": "Nguyễn Văn An",
                "mobile": "0912 345 678",
                "email": "an.nguyen@example.vn",
                "birthdate_date": "1988-04-12",
                "city": "Hà Nội",
                "user_id": cls.user_other.id,
            }
        )
        cls.hoa = cls.env["res.partner"].create(
            {"name": "Huỳnh Thị Hoà", "mobile": "0162 345 6789", "user_id": cls.user_member.id}
        )

    def _found(self, vals, record=None):
        candidates = (record or self.env["res.partner"])._vn_duplicate_candidates(vals)
        return {c["partner"]: c for c in candidates}

    def test_variants_found(self):
        variants = {
            "phone written internationally": {"name": "Nguyễn Văn An", "mobile": "+84912345678"},
            "upper case without diacritics": {"name": "NGUYEN VAN AN", "phone": "84 912 345 678"},
            "decomposed unicode": {"name": "Nguye\u0302\u0303n Va\u0306n An", "mobile": "0912.345.678"},
            "western order": {"name": "An Nguyen Van", "mobile": "0912345678"},
            "missing middle name": {"name": "Nguyễn An", "mobile": "0912345678"},
            "typo": {"name": "Nguyễn Văn Ann", "mobile": "0912345678"},
            "email only, other case": {"name": "Nguyễn Văn An", "email": "  AN.Nguyen@Example.VN "},
            "name and birthday only": {"name": "Nguyen Van An", "birthdate_date": "1988-04-12"},
        }
        for label, vals in variants.items():
            with self.subTest(label):
                found = self._found(vals)
                self.assertIn(self.an, found)
                self.assertGreaterEqual(found[self.an]["score"], 85)
        old_mobile = {
            "old 11-digit mobile, surname spelled Hoàng": {"name": "Hoàng Thị Hòa", "mobile": "032 345 6789"},
            "tone placement": {"name": "Huỳnh Thị Hòa", "phone": "+84 32 345 6789"},
        }
        for label, vals in old_mobile.items():
            with self.subTest(label):
                self.assertIn(self.hoa, self._found(vals))

    def test_result_shape_and_reasons(self):
        candidates = self.env["res.partner"]._vn_duplicate_candidates(
            {"name": "NGUYEN VAN AN", "mobile": "0912345678", "city": "Ha Noi"}
        )
        self.assertEqual(len(candidates), 1)
        self.assertEqual(set(candidates[0]), {"partner", "score", "reasons"})
        self.assertEqual(candidates[0]["partner"], self.an)
        self.assertIsInstance(candidates[0]["score"], float)
        self.assertIn("same phone number", candidates[0]["reasons"])
        self.assertIn("same name", candidates[0]["reasons"])
        self.assertIn("same ward or commune", candidates[0]["reasons"])

    def test_record_excluded_and_changes_applied(self):
        self.assertEqual(self._found({"name": "Nguyễn Văn An"}, record=self.an), {})
        other = self.env["res.partner"].create({"name": "Nguyễn Văn An", "mobile": "0987 000 111"})
        # "other" gets An's number: the changed values are matched, not the stored ones
        self.assertIn(self.an, self._found({"mobile": "0912 345 678"}, record=other))

    def test_namesake_is_not_a_duplicate(self):
        namesake = {"name": "Nguyễn Văn An", "mobile": "0977 111 222", "birthdate_date": "1995-01-01"}
        self.assertNotIn(self.an, self._found(namesake))
        self.env.company.crm_vn_duplicate_threshold = 1
        found = self._found(namesake)
        self.assertLess(found[self.an]["score"], 50)
        self.assertIn("different birthday", found[self.an]["reasons"])

    def test_shared_household_phone_is_a_notice(self):
        wife = {"name": "Trần Thị Bình", "mobile": "0912 345 678"}
        self.assertNotIn(self.an, self._found(wife))
        self.env.company.crm_vn_duplicate_threshold = 40
        found = self._found(wife)
        self.assertLess(found[self.an]["score"], 85)
        self.assertIn("different name", found[self.an]["reasons"])

    def test_threshold_setting(self):
        self.env.company.crm_vn_duplicate_threshold = 100
        self.assertNotIn(self.an, self._found({"name": "Nguyễn Văn Ann", "mobile": "0912345678"}))
        with self.assertRaises(ValidationError):
            self.env.company.crm_vn_duplicate_threshold = 0
            self.env.company.flush_recordset()

    def test_candidates_found_whatever_the_rights_masked_view(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        candidates = Partner._vn_duplicate_candidates({"name": "Nguyen Van An", "mobile": "0912345678"})
        self.assertEqual(candidates[0]["partner"].id, self.an.id)
        with self.assertRaises(AccessError):
            candidates[0]["partner"].read(["mobile"])
        info = candidates[0]["partner"]._vn_duplicate_public_info()[self.an.id]
        self.assertEqual(info["name"], "Nguyễn Văn An")
        self.assertEqual(info["owner"], "Phạm Minh Tuấn")
        self.assertEqual(info["phone"], "+84******678")
        self.assertEqual(info["email"], "")
        self.assertFalse(info["readable"])
        own = self.an.with_user(self.user_other)._vn_duplicate_public_info()[self.an.id]
        self.assertEqual(own["phone"], "+84912345678")

    def test_form_warning_banner(self):
        with Form(self.env["res.partner"].with_user(self.user_member)) as form:
            form.name = "NGUYEN VAN AN"
            form.mobile = "0912 345 678"
            [warning] = form.vn_duplicate_candidates
            form.mobile = "0912 000 999"
            form.email = "someone@example.vn"
            self.assertFalse(form.vn_duplicate_candidates)
        self.assertEqual(
            (warning["id"], warning["name"], warning["owner"], warning["detail"], warning["readable"]),
            (self.an.id, "Nguyễn Văn An", "owner: Phạm Minh Tuấn", "+84******678", False),
        )
        self.assertNotIn("+84912345678", str(warning))
        self.assertNotIn("an.nguyen@example.vn", str(warning))
        self.assertIn("Ask Phạm Minh Tuấn or your manager", warning["advice"])
        # the colleague who owns it may open it: the full number, no advice
        with Form(self.env["res.partner"].with_user(self.user_other)) as form:
            form.name = "NGUYEN VAN AN"
            form.mobile = "0912 345 678"
            [own] = form.vn_duplicate_candidates
            form.mobile = "0912 000 999"
        self.assertEqual(
            (own["detail"], own["readable"], own["advice"]), ("+84912345678, an.nguyen@example.vn", True, "")
        )


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestDuplicatePolicy(CrmVnCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.crm_vn_duplicate_policy = "block"
        cls.an = cls.env["res.partner"].create(
            {"name": "Nguyễn Văn An", "mobile": "0912 345 678", "email": "an@example.vn", "user_id": cls.user_other.id}
        )

    def test_refusal_on_create_write_and_rpc_like_calls(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        count = Partner.sudo().search_count([])
        with self.assertRaises(ValidationError) as error:
            Partner.create({"name": "NGUYEN VAN AN", "mobile": "+84 912 345 678"})
        message = str(error.exception)
        self.assertIn("Phạm Minh Tuấn", message)
        self.assertIn("+84******678", message)
        self.assertNotIn("+84912345678", message)
        with self.assertRaises(ValidationError):
            Partner.create({"name": "Nguyễn Văn An", "email": " AN@example.vn"})
        self.assertEqual(Partner.sudo().search_count([]), count, "nothing saved")
        # a household member with the same phone is allowed
        wife = Partner.create({"name": "Trần Thị Bình", "mobile": "0912 345 678"})
        # changing an existing customer into a duplicate is refused too
        other = Partner.create({"name": "Nguyễn Văn An", "mobile": "0987 000 111"})
        with self.assertRaises(ValidationError):
            other.write({"mobile": "0912345678"})
        self.assertTrue(wife.exists())

    def test_skip_context_only_for_managers(self):
        vals = {"name": "Nguyễn Văn An", "mobile": "0912345678"}
        with self.assertRaises(ValidationError):
            self.env["res.partner"].with_user(self.user_member).with_context(crm_vn_skip_duplicate_check=True).create(
                vals
            )
        created = (
            self.env["res.partner"]
            .with_user(self.user_manager)
            .with_context(crm_vn_skip_duplicate_check=True)
            .create(vals)
        )
        self.assertTrue(created)

    def test_warn_policy_saves(self):
        self.env.company.crm_vn_duplicate_policy = "warn"
        created = (
            self.env["res.partner"]
            .with_user(self.user_member)
            .create({"name": "Nguyễn Văn An", "mobile": "0912345678"})
        )
        self.assertTrue(created)
        self.assertIn("Nguyễn Văn An", created.with_user(self.user_member).vn_duplicate_warning)


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestDuplicateImport(CrmVnCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.an = cls.env["res.partner"].create({"name": "Nguyễn Văn An", "mobile": "0915 555 666"})
        cls.rows = [
            ["Nguyen Van An", "0915555666"],  # duplicates an existing customer
            ["Lê Thị Mới", "0933 222 111"],  # new
            ["LE THI MOI", "+84933222111"],  # duplicates the row above
        ]

    def _load(self, mode):
        self.env.company.crm_vn_duplicate_import_mode = mode
        Partner = self.env["res.partner"].with_user(self.user_manager).with_context(import_file=True)
        return Partner.load(["name", "mobile"], self.rows)

    def _warnings(self, result):
        return {m["rows"]["from"]: m["message"] for m in result["messages"] if m["type"] == "warning"}

    def test_test_run_reports_before_writing(self):
        with self.env.cr.savepoint(flush=False) as savepoint:
            result = self._load("skip")
            savepoint.rollback()
        warnings = self._warnings(result)
        self.assertEqual(sorted(warnings), [0, 2])
        self.assertIn("Nguyễn Văn An", warnings[0])
        self.assertIn("Lê Thị Mới", warnings[2])
        self.assertRegex(warnings[0], r"\d+% match")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Lê Thị Mới")]))

    def test_skip(self):
        result = self._load("skip")
        self.assertEqual(len(result["ids"]), 1)
        self.assertEqual(self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84915555666")]), 1)
        self.assertEqual(self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84933222111")]), 1)

    def test_link(self):
        result = self._load("link")
        self.assertIn(self.an.id, result["ids"])
        self.assertEqual(self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84915555666")]), 1)
        self.assertEqual(self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84933222111")]), 1)

    def test_create_anyway(self):
        result = self._load("create")
        self.assertEqual(len(result["ids"]), 3)
        self.assertEqual(len(self._warnings(result)), 2)
        self.assertEqual(self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84915555666")]), 2)


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestDuplicateReview(CrmVnCustomerCommon):
    def test_scan_dismiss_merge(self):
        Partner = self.env["res.partner"]
        family = Partner.create(
            [
                {"name": "Phan Văn Long", "mobile": "0909 111 222", "city": "Cần Thơ"},
                {"name": "PHAN VAN LONG", "mobile": "+84909111222", "email": "long@example.vn"},
                {"name": "Long Phan Van", "phone": "0909111222"},
                {"name": "Phan Văn Long", "email": "LONG@example.vn"},
            ]
        )
        pair = Partner.create(
            [
                {"name": "Đỗ Thị Nga", "birthdate_date": "1990-09-09", "mobile": "0911 999 000"},
                {"name": "Do Thi Nga", "birthdate_date": "1990-09-09"},
            ]
        )
        namesakes = Partner.create(
            [
                {"name": "Lê Văn Tám", "mobile": "0922 000 001", "birthdate_date": "1970-01-01"},
                {"name": "Lê Văn Tám", "mobile": "0922 000 002", "birthdate_date": "1980-01-01"},
            ]
        )
        self.assertFalse(self.user_manager.has_group("base.group_partner_manager"), "a sales manager as in the demo")
        Group = self.env["crm.vn.duplicate.group"].with_user(self.user_manager)
        Group._scan_duplicates()
        groups = Group.search([("partner_ids", "in", (family | pair | namesakes).ids)])
        self.assertEqual(len(groups), 2)
        family_group = groups.filtered(lambda g: g.partner_count == 4)
        pair_group = groups - family_group
        self.assertEqual(family_group.partner_ids, family)
        self.assertEqual(pair_group.partner_ids, pair)
        self.assertIn("same birthday", pair_group.reasons)
        # dismissed stays dismissed
        pair_group.action_dismiss()
        Group._scan_duplicates()
        self.assertEqual(Group.search_count([("partner_ids", "in", pair.ids)]), 1)
        # a group of four is merged in steps through Odoo's merge wizard
        before = {p.id: p.name for p in family}
        family_group.action_merge()
        self.assertEqual(family_group.state, "merged")
        kept = family_group.merged_partner_id
        self.assertEqual(len(family.exists()), 1)
        self.assertEqual(family.exists(), kept)
        log = family_group.merge_log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.user_manager)
        for partner_id, name in before.items():
            self.assertIn(f'"{partner_id}"', log.values_before)
            self.assertIn(name, log.values_before)

    def test_salesperson_cannot_review(self):
        with self.assertRaises(AccessError):
            self.env["crm.vn.duplicate.group"].with_user(self.user_member).search([])


@slow
@tagged("post_install", "-at_install", "crm_vn_dedupe", "crm_vn_commit")
class TestDuplicateRace(TransactionCase):
    """Two salespeople save the same new customer at the same moment (two real cursors).

    The test transaction writes nothing: the cursors of the two "salespeople"
    commit for real, and the test cleans up after them.
    """

    def test_two_cursors_one_customer(self):
        """Commits for real in two cursors (tag crm_vn_commit); the policy and the customers are restored in
        ``finally``."""
        dbname = self.env.cr.dbname
        phone = "+84909876123"
        company_id = self.env.company.id
        with committed_env(dbname) as env:
            previous = env["res.company"].browse(company_id).crm_vn_duplicate_policy
            env["res.company"].browse(company_id).crm_vn_duplicate_policy = "block"
            env["res.partner"].search([("vn_mobile_key", "=", phone)]).unlink()

        def save(name):
            def job(env):
                env["res.partner"].create({"name": name, "mobile": phone})
                return "created"

            return job

        try:
            outcome = run_in_workers(
                dbname, [save("Ngô Bảo Châu"), save("NGO BAO CHAU")], context={"allowed_company_ids": [company_id]}
            )
            with committed_env(dbname) as env:
                count = env["res.partner"].search_count([("vn_mobile_key", "=", phone)])
        finally:
            with committed_env(dbname) as env:
                env["res.partner"].search([("vn_mobile_key", "=", phone)]).unlink()
                env["res.company"].browse(company_id).crm_vn_duplicate_policy = previous
        self.assertEqual(sorted(outcome), ["ValidationError", "created"])
        self.assertEqual(count, 1)


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestCustomerCheck(CrmVnCustomerCommon):
    """A salesperson looks a customer up first and asks its owner instead of entering it twice."""

    def test_ask_the_owner(self):
        Check = self.env["crm.vn.customer.check"].with_user(self.user_member)
        check = Check.create({"name": "HOANG MINH DUC", "mobile": "0903999888", "note": "Khách đến cửa hàng"})
        self.assertTrue(check.has_duplicates)
        self.assertIn("+84******888", check.duplicate_html)
        self.assertNotIn("+84903999888", check.duplicate_html)
        count = self.env["res.partner"].search_count([])
        action = check.action_ask_owner()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.env["res.partner"].search_count([]), count, "no second customer")
        activity = self.customer_other.activity_ids.filtered(lambda a: "Lê Thị Lan" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.user_other)
        self.assertIn("Khách đến cửa hàng", activity.note)

    def test_hand_over_grants_the_request(self):
        """Lan asks Tuấn for his customer; the manager hands it over to her: her request is done (granted), not
        handed to her as a to-do of her own, and she is not emailed about it. Written in Tuấn's language."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_dedupe"], ["vi_VN"], overwrite=True)
        self.user_other.lang = "vi_VN"
        check = (
            self.env["crm.vn.customer.check"]
            .with_user(self.user_member)
            .create({"name": "HOANG MINH DUC", "mobile": "0903999888"})
        )
        check.action_ask_owner()
        request = self.customer_other.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("crm_vn_customer.mail_activity_type_handover_request")
        )
        self.assertEqual(
            (request.user_id, request.summary), (self.user_other, "Lê Thị Lan xin nhận bàn giao khách hàng này")
        )
        mails = self.env["mail.mail"].search([]).ids
        wizard = (
            self.env["crm.vn.customer.handover"]
            .with_user(self.user_manager)
            .create(
                {
                    "from_user_ids": [(6, 0, self.user_other.ids)],
                    "to_user_ids": [(6, 0, self.user_member.ids)],
                    "partner_ids": [(6, 0, self.customer_other.ids)],
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(self.customer_other.user_id, self.user_member)
        self.assertFalse(request.exists(), "the request is done")
        self.assertFalse(
            self.env["mail.activity"].search(
                [("user_id", "=", self.user_member.id), ("res_id", "=", self.customer_other.id)]
            )
        )
        new_mails = self.env["mail.mail"].search([("id", "not in", mails)])
        # told that the customer is hers (Odoo's assignment email), not given her own request as a to-do
        self.assertFalse(
            new_mails.filtered(
                lambda m: self.user_member.partner_id in m.recipient_ids and "xin nhận bàn giao" in (m.body_html or "")
            )
        )
        request_type = self.env.ref("crm_vn_customer.mail_activity_type_handover_request")
        done = self.customer_other.message_ids.filtered(lambda m: m.mail_activity_type_id == request_type)
        self.assertTrue(done, "the request is in the chatter as done")

    def test_create_when_new(self):
        check = (
            self.env["crm.vn.customer.check"]
            .with_user(self.user_member)
            .create({"name": "Khách Hoàn Toàn Mới", "mobile": "0966 123 456"})
        )
        self.assertFalse(check.has_duplicates)
        action = check.action_create()
        partner = self.env["res.partner"].browse(action["res_id"])
        self.assertEqual(partner.user_id, self.user_member)
        self.assertEqual(partner.mobile, "+84966123456")
        with self.assertRaises(UserError):
            check.action_ask_owner()


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestDuplicateQueries(CrmVnCustomerCommon):
    """The duplicate check costs the same few queries whatever the number of candidates (indexed keys, one read of
    the candidates): the form checks at every keystroke."""

    def _queries(self, vals):
        Partner = self.env["res.partner"]
        Partner._vn_duplicate_candidates(vals)  # caches warm, as on a running server
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Partner._vn_duplicate_candidates(vals)
        return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_candidates(self):
        Partner = self.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        Partner.create([{"name": f"Nguyễn Văn An {i}", "mobile": "0912 111 222"} for i in range(2)])
        few = self._queries({"name": "Nguyễn Văn An", "mobile": "0912 111 222"})
        Partner.create([{"name": f"Trần Thị Bình {i}", "mobile": "0912 111 333"} for i in range(30)])
        many = self._queries({"name": "Trần Thị Bình", "mobile": "0912 111 333"})
        self.assertEqual(many, few)
        self.assertLessEqual(few, 8)


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestScanAgreesWithForm(CrmVnCustomerCommon):
    """What the form warns about when a customer is saved, the batch scan finds as well."""

    def test_scan_finds_every_pair_the_form_warns_about(self):
        company = self.env.company
        company.crm_vn_duplicate_policy = "warn"
        company.crm_vn_duplicate_threshold = 80
        Partner = self.env["res.partner"].with_user(self.user_member)
        entries = [
            # the salesperson's company on one, none on the other (a contact shared by every company)
            {"name": "Trần Thị Mai", "email": "mai.tran@example.vn", "company_id": company.id},
            {"name": "Tran Thi Mai", "email": "Mai Tran <MAI.TRAN@example.vn>"},
            # an old eleven-digit mobile typed as is, in a company outside Vietnam, then today's number
            {"name": "Võ Văn Kiệt", "mobile": "0168 123 4567"},
            {"name": "Vo Van Kiet", "phone": "038.123.4567"},
            # the same person by birthday and name, one with the company
            {"name": "Đặng Thu Thảo", "birthdate_date": "1991-03-08", "company_id": company.id},
            {"name": "Dang Thu Thao", "birthdate_date": "1991-03-08"},
        ]
        pairs = set()
        created = self.env["res.partner"]
        for vals in entries:
            candidates = Partner._vn_duplicate_candidates(vals)  # what the form shows before saving
            partner = Partner.create(vals)
            pairs |= {frozenset((candidate["partner"].id, partner.id)) for candidate in candidates}
            created |= partner
        self.assertEqual(len(pairs), 3, "the form warns once per person")
        self.assertFalse(self.user_manager.has_group("base.group_partner_manager"), "a sales manager as in the demo")
        action = self.env["crm.vn.duplicate.group"].with_user(self.user_manager).action_scan()
        self.assertIn("new groups", action["params"]["message"])
        groups = self.env["crm.vn.duplicate.group"].search([("partner_ids", "in", created.ids)])
        found = {frozenset(group.partner_ids.ids) for group in groups}
        self.assertEqual(found, pairs)
        # nothing new on a second run, and the manager is told so
        action = self.env["crm.vn.duplicate.group"].with_user(self.user_manager).action_scan()
        self.assertEqual(action["params"]["type"], "info")


@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestReviewButtonsOverHttp(HttpCase):
    """The review screen's buttons as the web client calls them (/web/dataset/call_button), as a sales manager
    without Odoo's Contact Creation right (the demo's Mai): *Find Duplicates Now* from the list's header with
    nothing selected, then *Merge* on the group found."""

    def _button(self, method, ids):
        return self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {"model": "crm.vn.duplicate.group", "method": method, "args": [ids], "kwargs": {"context": {}}},
        )

    def test_the_weekly_scan_writes_the_reasons_in_the_companys_language(self):
        """The scan as the scheduler runs it (no language of its own): the reasons read in Vietnamese."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_dedupe"], ["vi_VN"], overwrite=True)
        self.env.company.partner_id.lang = "vi_VN"
        Partner = self.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        twins = Partner.create(
            [{"name": "Phùng Văn Khải", "mobile": "0916 223 344"}, {"name": "Phung Van Khai", "mobile": "84916223344"}]
        )
        self.env.ref("crm_vn_dedupe.ir_cron_duplicate_scan").method_direct_trigger()
        group = self.env["crm.vn.duplicate.group"].search([("partner_ids", "in", twins.ids)])
        self.assertIn("cùng số điện thoại", group.reasons)

    def test_find_duplicates_now_then_merge(self):
        manager = new_test_user(self.env, "dup_manager", groups="sales_team.group_sale_manager", name="Trần Thị Mai")
        self.assertFalse(manager.has_group("base.group_partner_manager"))
        Partner = self.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        twins = Partner.create(
            [
                {"name": "Phùng Văn Khải", "mobile": "0916 223 344", "user_id": manager.id},
                {"name": "Phung Van Khai", "mobile": "84916223344"},
            ]
        )
        self.authenticate("dup_manager", "dup_manager")
        action = self._button("action_scan", [])
        self.assertEqual(action["tag"], "display_notification")
        group = self.env["crm.vn.duplicate.group"].search([("partner_ids", "in", twins.ids)])
        self.assertEqual(group.partner_ids, twins)
        self._button("action_merge", group.ids)
        self.assertEqual(group.state, "merged")
        self.assertEqual(len(twins.exists()), 1)
        # a salesperson presses neither
        new_test_user(self.env, "dup_seller", groups="sales_team.group_sale_salesman")
        self.authenticate("dup_seller", "dup_seller")
        with self.assertRaises(Exception) as refused:
            self._button("action_scan", [])
        self.assertIn("AccessError", str(refused.exception))


@slow
@tagged("post_install", "-at_install", "crm_vn_dedupe")
class TestFormWarningTours(HttpCase):
    """The form's warning on a phone: ask for another salesperson's customer, open one's own, save nothing."""

    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.env.company.crm_vn_duplicate_policy = "warn"
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.member = new_test_user(
            cls.env, "vn_dedupe_tour", groups="sales_team.group_sale_salesman", name="Lan Tour", lang="vi_VN"
        )
        cls.colleague = new_test_user(cls.env, "vn_dedupe_colleague", groups="sales_team.group_sale_salesman")
        Partner = cls.env["res.partner"]
        cls.theirs = Partner.create({"name": "Nguyễn Văn Trung", "mobile": "0912 777 888", "user_id": cls.colleague.id})
        cls.mine = Partner.create({"name": "Trần Thị Own", "email": "own.tran@example.vn", "user_id": cls.member.id})
        cls.env.flush_all()  # the check reads the table with SQL

    def test_ask_for_handover_from_the_form(self):
        self.start_tour("/odoo", "crm_vn_dedupe_form_ask_handover", login="vn_dedupe_tour")
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.theirs.id)]
        )
        self.assertEqual(activity.user_id, self.colleague)
        self.assertIn("Gặp ở hội chợ", activity.note)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Nguyen Van Trung")]), "nothing saved")

    def test_leaving_a_warned_customer_saves_nothing(self):
        count = self.env["res.partner"].search_count([])
        self.start_tour("/odoo", "crm_vn_dedupe_form_leave_unsaved", login="vn_dedupe_tour")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Nguyen Van Trung")]), "nothing saved")
        self.assertEqual(self.env["res.partner"].search_count([]), count)

    def test_quick_check_then_ask_the_owner(self):
        self.start_tour("/odoo", "crm_vn_dedupe_mobile_quick_check", login="vn_dedupe_tour")
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.theirs.id)]
        )
        self.assertEqual(activity.user_id, self.colleague)
        self.assertIn("Khách quay lại cửa hàng", activity.note)
        self.assertEqual(self.theirs.user_id, self.colleague, "asking hands nothing over by itself")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Trung Nguyen")]), "nothing saved")

    def test_open_own_duplicate_from_the_form(self):
        self.start_tour("/odoo", "crm_vn_dedupe_form_open_duplicate", login="vn_dedupe_tour")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Tran Thi Own")]), "nothing saved")
