"""Shared fixtures of the crm_vn_customer tests.

Users (all with ``no_reset_password``), on sales_team's group ladder:

- ``user_leader`` (Hùng): own documents, leader of ``team_hanoi``;
- ``user_member`` (Lan): own documents, member of ``team_hanoi``;
- ``user_other`` (Tuấn): own documents, member of ``team_hcm``;
- ``user_all``: all documents; ``user_manager``: sales administrator;
- ``user_admin``: sales administrator who also manages users (archives them);
- ``user_employee``: an internal user outside the sales groups.

Customers: one per salesperson (``customer_leader``, ``customer_member``,
``customer_other``), one without owner (``customer_free``) and a company
customer of Tuấn with a contact person (``company_other``, ``contact_other``).
"""

from odoo.tests import TransactionCase, new_test_user


class CrmVnCustomerCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages are checked in English; the database may run in Vietnamese.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US", tracking_disable=False, mail_notrack=False))
        cls.vn = cls.env.ref("base.vn")
        cls.env.company.country_id = cls.vn
        # The public holidays of the years the tests are written for, whatever today is.
        cls.env.company._l10n_vn_write_public_holidays(years=(2026, 2027))
        salesman = "sales_team.group_sale_salesman"
        cls.user_leader = new_test_user(
            cls.env, "vn_leader", groups=salesman, name="Nguyễn Văn Hùng", email="hung@example.vn"
        )
        cls.user_member = new_test_user(
            cls.env,
            "vn_member",
            groups=f"{salesman},base.group_allow_export",
            name="Lê Thị Lan",
            email="lan@example.vn",
        )
        cls.user_other = new_test_user(
            cls.env, "vn_other", groups=salesman, name="Phạm Minh Tuấn", email="tuan@example.vn"
        )
        cls.user_all = new_test_user(
            cls.env, "vn_all", groups="sales_team.group_sale_salesman_all_leads", name="Đỗ Thu Hà"
        )
        cls.user_manager = new_test_user(
            cls.env, "vn_manager", groups="sales_team.group_sale_manager", name="Trần Thị Mai"
        )
        cls.user_admin = new_test_user(
            cls.env,
            "vn_admin",
            groups="base.group_erp_manager,sales_team.group_sale_manager",
            name="Quản Trị",
        )
        cls.user_employee = new_test_user(cls.env, "vn_employee", groups="base.group_user", name="Kế Toán")
        # what the jobs write is in the reader's language: the readers of these tests read English
        (
            cls.user_leader | cls.user_member | cls.user_other | cls.user_all | cls.user_manager | cls.user_admin
        ).lang = "en_US"
        cls.env.company.partner_id.lang = "en_US"
        Team = cls.env["crm.team"].with_context(tracking_disable=True)
        cls.team_hanoi = Team.create(
            {
                "name": "Chi nhánh Hà Nội",
                "user_id": cls.user_leader.id,
                "member_ids": [(4, cls.user_leader.id), (4, cls.user_member.id)],
            }
        )
        cls.team_hcm = Team.create({"name": "Chi nhánh Hồ Chí Minh", "member_ids": [(4, cls.user_other.id)]})
        Partner = cls.env["res.partner"]
        cls.customer_leader = Partner.create(
            {"name": "Nguyễn Thị Bích", "mobile": "0912 345 678", "user_id": cls.user_leader.id}
        )
        cls.customer_member = Partner.create(
            {"name": "Trần Văn Cường", "mobile": "0983 111 222", "user_id": cls.user_member.id}
        )
        cls.customer_other = Partner.create(
            {
                "name": "Hoàng Minh Đức",
                "mobile": "0903 999 888",
                "email": "duc@example.vn",
                "user_id": cls.user_other.id,
            }
        )
        cls.customer_free = Partner.create({"name": "Khách Vãng Lai", "phone": "028 3812 3456"})
        cls.company_other = Partner.create(
            {"name": "Công ty TNHH Minh Phát", "is_company": True, "user_id": cls.user_other.id}
        )
        cls.contact_other = Partner.create(
            {"name": "Lý Thu Trang", "parent_id": cls.company_other.id, "mobile": "0977 123 456"}
        )
