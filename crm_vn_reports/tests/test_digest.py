import re
from datetime import datetime, timedelta

from odoo.tests import freeze_time, tagged

from .common import CrmVnReportsCommon


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestFeedbackAnalyticsAndDigest(CrmVnReportsCommon):
    """Three resolved feedbacks rated 5, 3 and 1, and one breached, in the test company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.p1 | cls.p2 | cls.p4).write({"email": "khach@example.vn"})
        Feedback = cls.env["crm.vn.feedback"].with_company(cls.company)
        cls.resolved = Feedback
        received = datetime(2026, 11, 2, 2, 0)  # Monday 09:00 in Vietnam
        for partner, hours_to_ack, hours_to_resolve, rate in ((cls.p1, 2, 10, 5), (cls.p2, 1, 4, 3), (cls.p4, 3, 7, 1)):
            with freeze_time(received):
                feedback = Feedback.create(
                    {
                        "name": "Máy kêu to",
                        "partner_id": partner.id,
                        "priority": "1",
                        "company_id": cls.company.id,
                        "date_received": received,
                    }
                )
            with freeze_time(received + timedelta(hours=hours_to_ack)):
                feedback.action_acknowledge()
            with freeze_time(received + timedelta(hours=hours_to_resolve)):
                feedback.write({"resolution": "<p>Đã xử lý xong.</p>"})
                feedback.action_resolve()
            rating = feedback.rating_ids.filtered(lambda r: not r.consumed)
            feedback.rating_apply(rate, token=rating.access_token)
            cls.resolved |= feedback
        cls.breached = Feedback.create(
            {
                "name": "Chưa ai gọi lại",
                "partner_id": cls.p3.id,
                "priority": "3",
                "company_id": cls.company.id,
                "date_received": datetime(2026, 1, 5, 2, 0),
            }
        )
        cls.env.flush_all()

    def test_feedback_kpis(self):
        Report = self.env["crm.vn.feedback.report"]
        rows = {row.feedback_id: row for row in Report.search([("company_id", "=", self.company.id)])}
        self.assertEqual(
            [(rows[f].response_hours, rows[f].resolution_hours, rows[f].rating, rows[f].nps) for f in self.resolved],
            [(2.0, 10.0, 5.0, 100.0), (1.0, 4.0, 3.0, 0.0), (3.0, 7.0, 1.0, -100.0)],
        )
        [(count, response, resolution, nps, rating, breached)] = Report._read_group(
            [("company_id", "=", self.company.id)],
            aggregates=[
                "feedback_count:sum",
                "response_hours:avg",
                "resolution_hours:avg",
                "nps:avg",
                "rating:avg",
                "breached_count:sum",
            ],
        )
        self.assertEqual((count, response, resolution, nps, rating, breached), (4, 2.0, 7.0, 0.0, 3.0, 1))
        # the salesperson of P4 (Tuấn) sees only the feedback of his customer
        own = Report.with_user(self.seller_b).search([("company_id", "=", self.company.id)])
        self.assertEqual(own.feedback_id, self.resolved[2])

    def test_weekly_digest_to_managers(self):
        self.env["crm.vn.weekly.digest"]._digest_recipients()  # the group's users, from any company
        self.env["res.lang"]._activate_lang("en_US")
        self.manager.write({"email": "mai@example.vn", "lang": "en_US", "tz": "Asia/Ho_Chi_Minh"})
        # the week is counted in Vietnam: Monday 2 November 01:00 is in, Monday 9 November 00:30 and 03:00 are not
        # (resolved today, outside that week, so that neither shows as breached)
        for name, received in (
            ("Sớm thứ Hai", datetime(2026, 11, 1, 18, 0)),
            ("Đêm Chủ nhật", datetime(2026, 11, 8, 17, 30)),
            ("Rạng sáng thứ Hai", datetime(2026, 11, 8, 20, 0)),
        ):
            self.env["crm.vn.feedback"].with_company(self.company).create(
                {"name": name, "partner_id": self.p5.id, "priority": "0", "company_id": self.company.id,
                 "date_received": received, "resolution": "<p>Đã xử lý xong.</p>"}
            ).action_resolve()  # fmt: skip
        self.seller_a.email = "lan@example.vn"
        before = self.env["mail.mail"].search([]).ids
        with freeze_time("2026-11-09 01:00:00"):  # Monday: the week of 2 to 8 November
            self.env["crm.vn.weekly.digest"]._cron_send()
        mails = self.env["mail.mail"].search([("id", "not in", before)])
        to_mai = mails.filtered(lambda m: self.manager.partner_id in m.recipient_ids)
        self.assertEqual(len(to_mai), 1, "one digest per manager and company")
        with freeze_time("2026-11-09 04:00:00"):  # run again (by hand, or by a second process): nothing more
            self.env["crm.vn.weekly.digest"]._cron_send()
        self.assertEqual(self.env["mail.mail"].search([("id", "not in", before)]), mails, "once a week")
        self.assertFalse(mails.filtered(lambda m: self.seller_a.partner_id in m.recipient_ids), "managers only")
        body = to_mai.body_html
        self.assertIn("Công ty Thử Báo Cáo", to_mai.subject)
        self.assertIn("11/02/2026", body)  # in the manager's language (English here)
        self.assertIn("11/08/2026", body)
        self.assertIn(self.breached.reference, body, "the breached feedback is listed")
        for resolved in self.resolved:
            self.assertNotIn(resolved.reference, body)
        self.assertRegex(body, r"Feedback received</td><td[^>]*>4<")
        self.assertRegex(body, r"Feedback resolved</td><td[^>]*>3<")
        self.assertRegex(body, r"Open feedback past its deadline</td><td[^>]*><strong>1<")

    def test_digest_numbers_in_the_reader_language(self):
        """Vietnamese writes "4,5" and "75%"; English "4.5" and "75%"."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["res.lang"]._activate_lang("en_US")
        template = self.env.ref("crm_vn_reports.mail_template_weekly_digest")
        digest = {"company": self.company, "sla_compliance": 75.0, "feedback_resolved": 4, "rating": 4.5}
        for lang, rating in (("vi_VN", "4,5"), ("en_US", "4.5")):
            self.manager.lang = lang
            body = template.with_context(digest=digest)._render_field("body_html", self.manager.ids, compute_lang=True)[
                self.manager.id
            ]
            self.assertRegex(body, rf"<td[^>]*>\s*{re.escape(rating)}\s*</td>", lang)
            self.assertRegex(body, r"<td[^>]*>\s*75%</td>", lang)
