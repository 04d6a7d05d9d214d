import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from .common import CrmVnCustomerCommon

# The customer's distinctive values, as they may be stored (phone in E.164,
# name without accents in the match key).
NEEDLES = ("Bí Mật", "bi mat", "912345678", "+84912345678", "0912 345 678", "bimat@example.vn", "Hàng Bạc")
TABLES = (
    "res_partner",
    "crm_vn_consent",
    "mail_message",
    "mail_tracking_value",
    "crm_lead",
    "crm_vn_data_request",
    "mail_activity",
)


class AnonymizeCommon(CrmVnCustomerCommon):
    """A customer with personal values in every record we keep on it, and a deletion request.

    The later modules add their own records and tables to scan.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_leader.mobile = "0912 000 111"  # the shared fixture uses the same number
        cls.secret = cls.env["res.partner"].create(
            {
                "name": "Nguyễn Thị Bí Mật",
                "mobile": "0912 345 678",
                "email": "bimat@example.vn",
                "street": "12 Hàng Bạc",
                "city": "Hà Nội",
                "zip": "100000",
                "country_id": cls.vn.id,
                "birthdate_date": date(1990, 5, 17),
                "gender": "female",
                "occupation": "Kế toán",
                "function": "Trưởng phòng",
                "comment": "<p>Chị Bí Mật thích được gọi buổi sáng.</p>",
                "user_id": cls.user_leader.id,
                "bank_ids": [(0, 0, {"acc_number": "0011000912345678", "acc_holder_name": "NGUYEN THI BI MAT"})],
            }
        )
        cls.secret_contact = cls.env["res.partner"].create(
            {
                "name": "Trần Văn Bí Mật",
                "parent_id": cls.secret.id,
                "type": "other",
                "street": "12 Hàng Bạc",
                "email": "chong.bimat@example.vn",
            }
        )
        cls.consent = cls.env["crm.vn.consent"].create(
            {
                "partner_id": cls.secret.id,
                "purpose": "marketing",
                "channel": "sms",
                "state": "given",
                "method": "form",
                "date": "2026-04-01 02:00:00",
                "notice": "Tôi, Nguyễn Thị Bí Mật, đồng ý nhận tin qua số 0912 345 678.",
                "note": "Ký tại 12 Hàng Bạc.",
                "attachment_ids": [(0, 0, {"name": "Phiếu đồng ý Bí Mật.pdf", "raw": b"%PDF-1.4"})],
            }
        )
        attachment = cls.env["ir.attachment"].create(
            {"name": "CCCD Bí Mật.jpg", "raw": b"jpeg", "res_model": "res.partner", "res_id": cls.secret.id}
        )
        cls.secret.message_post(
            body="Chị Nguyễn Thị Bí Mật gọi từ 0912 345 678, gửi bản chụp CCCD.",
            message_type="comment",
            attachment_ids=attachment.ids,
        )
        cls.secret.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Gọi lại chị Bí Mật",
            note="Số 0912 345 678",
            user_id=cls.user_leader.id,
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Máy lọc nước cho chị Bí Mật",
                "partner_id": cls.secret.id,
                "description": "<p>Giao tới 12 Hàng Bạc.</p>",
                "user_id": cls.user_leader.id,
            }
        )
        cls.lead.message_post(body="Chị Bí Mật hẹn xem máy.", message_type="comment")
        cls.request = cls.env["crm.vn.data.request"].create(
            {
                "partner_id": cls.secret.id,
                "request_type": "deletion",
                "date_received": date(2026, 4, 24),
                "description": "Chị Nguyễn Thị Bí Mật (bimat@example.vn) yêu cầu xoá dữ liệu.",
                "response": "<p>Đã gọi lại số 0912 345 678.</p>",
            }
        )
        cls.request.message_post(body="Email của chị Bí Mật: bimat@example.vn", message_type="comment")

    def _anonymize(self, user=None):
        self.request.with_user(user or self.user_manager).action_anonymize()
        self.env.flush_all()
        self.env.invalidate_all()

    def _leftovers(self, tables, exempt=()):
        """(table, column, id) of every text value of ``tables`` that holds a needle, except the
        (table, column) pairs of ``exempt``."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name IN %s
                      AND data_type IN ('text', 'character varying', 'jsonb')""",
                tuple(tables),
            )
        )
        columns = self.env.cr.fetchall()
        columns += [("ir_attachment", "name"), ("ir_attachment", "description")]
        patterns = [f"%{needle}%" for needle in NEEDLES]
        found = []
        for table, column in columns:
            if (table, column) in exempt:
                continue
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE %s::text ILIKE ANY(%s)",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    patterns,
                )
            )
            found += [(table, column, row[0]) for row in self.env.cr.fetchall()]
        return found


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestAnonymize(AnonymizeCommon):
    def test_fixture_holds_the_values(self):
        found = {(table, column) for table, column, __ in self._leftovers(TABLES)}
        for expected in (
            ("res_partner", "name"),
            ("res_partner", "mobile"),
            ("res_partner", "email"),
            ("res_partner", "street"),
            ("res_partner", "vn_name_key"),
            ("crm_vn_consent", "notice"),
            ("mail_message", "body"),
            ("mail_activity", "summary"),
            ("crm_lead", "email_from"),
            ("crm_vn_data_request", "description"),
            ("ir_attachment", "name"),
        ):
            self.assertIn(expected, found)

    def test_anonymize(self):
        self._anonymize()
        self.assertEqual(self._leftovers(TABLES), [])
        secret = self.secret
        self.assertEqual(secret.name, f"Deleted customer {secret.id}")
        self.assertFalse(secret.active)
        self.assertFalse(secret.birthdate_date)
        self.assertFalse(secret.bank_ids)
        self.assertEqual(self.secret_contact.name, f"Deleted customer {self.secret_contact.id}")
        self.assertFalse(self.secret_contact.active)
        # the consent stays as evidence of lawful processing, without its wording
        consent = self.consent
        self.assertTrue(consent.exists())
        self.assertEqual((consent.purpose, consent.channel, consent.state), ("marketing", "sms", "given"))
        self.assertFalse(consent.notice or consent.note or consent.attachment_ids)
        self.assertFalse(
            self.env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "=", secret.id)])
        )
        lead = self.lead
        self.assertEqual(lead.name, f"Anonymised opportunity {lead.id}")
        self.assertEqual(lead.partner_id, secret)
        # the request is done, still linked to the (anonymous) customer
        request = self.request
        self.assertEqual(request.state, "done")
        self.assertEqual(request.partner_id, secret)
        self.assertEqual(request.request_type, "deletion")
        self.assertRegex(request.reference, r"^YC\d{4}-\d{5}$")
        self.assertTrue(request.date_done)
        log = request.message_ids[0].body
        for line in (
            "Contacts anonymised: 1",
            "Leads and opportunities anonymised: 1",
            "Consent records kept as evidence, wording and notes removed: 1",
            "Data requests whose texts were removed: 1",
            "Activities deleted: 1",
            "Bank accounts deleted: 1",
            "Portal users archived: 0",
        ):
            self.assertIn(line, log)

    def test_only_sales_administrators(self):
        for user in (self.user_leader, self.user_all):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.request.with_user(user).action_anonymize()
        self.assertEqual(self.request.state, "new")
        self.assertEqual(self.secret.name, "Nguyễn Thị Bí Mật")

    def test_only_open_deletion_requests(self):
        access = self.env["crm.vn.data.request"].create(
            {"partner_id": self.secret.id, "request_type": "access", "date_received": date(2026, 4, 24)}
        )
        with self.assertRaises(UserError):
            access.with_user(self.user_manager).action_anonymize()
        self.request.action_refuse("Còn hợp đồng bảo hành đang thực hiện.")
        with self.assertRaises(UserError):
            self.request.with_user(self.user_manager).action_anonymize()
        self.assertEqual(self.secret.name, "Nguyễn Thị Bí Mật")

    def test_exports_of_earlier_requests_deleted(self):
        access = self.env["crm.vn.data.request"].create(
            {"partner_id": self.secret.id, "request_type": "access", "date_received": date(2026, 4, 20)}
        )
        access.action_export_personal_data()
        export = access.export_attachment_id
        self.assertIn("Bí Mật", base64.b64decode(export.datas).decode())
        self._anonymize()
        self.assertFalse(export.exists())
        self.assertFalse(access.export_attachment_id)

    def test_failure_leaves_everything(self):
        # A contact who is also an employee with a login: Odoo refuses to archive
        # it, after the customer itself was already emptied.
        employee = new_test_user(self.env, "vn_bimat_staff", groups="base.group_user", name="Lê Bí Mật")
        employee.partner_id.parent_id = self.secret
        with self.assertRaises(ValidationError):
            self.request.with_user(self.user_manager).action_anonymize()
        self.env.invalidate_all()
        self.assertEqual(self.secret.name, "Nguyễn Thị Bí Mật")
        self.assertEqual(self.secret.mobile, "+84912345678")
        self.assertTrue(self.secret.bank_ids)
        self.assertEqual(self.consent.notice, "Tôi, Nguyễn Thị Bí Mật, đồng ý nhận tin qua số 0912 345 678.")
        self.assertEqual(self.request.state, "new")
        self.assertIn("bimat@example.vn", self.request.description)
