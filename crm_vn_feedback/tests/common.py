"""Shared fixtures of the crm_vn_feedback tests.

On top of crm_vn_customer's users, teams and customers (see its
``tests/common.py``): a working calendar Monday-Friday 08:00-12:00 and
13:00-17:00 in Vietnam's time zone, set on the company; the escalation
ladder level 1 = team leader (4 working hours), level 2 = the sales manager
``user_manager`` (8 working hours); the default SLA policies of the add-on
(complaint, medium priority: first response 4 h, resolution 24 h).
"""

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon


class CrmVnFeedbackCommon(CrmVnCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Giờ hành chính",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [
                    (5, 0, 0),
                    *[
                        (0, 0, {"name": f"{day} {period}", "dayofweek": str(day), "hour_from": start, "hour_to": end})
                        for day in range(5)
                        for period, start, end in (("morning", 8.0, 12.0), ("afternoon", 13.0, 17.0))
                    ],
                ],
            }
        )
        cls.env.company.write(
            {
                "crm_vn_feedback_calendar_id": cls.calendar.id,
                "crm_vn_feedback_at_risk_hours": 2.0,
            }
        )
        # The public holidays of the years under test, whatever today is (the company became Vietnamese above).
        cls.env.company._l10n_vn_write_public_holidays(years=(2026, 2027))
        cls.level_leader = cls.env.ref("crm_vn_feedback.crm_vn_feedback_escalation_level_leader")
        cls.level_manager = cls.env.ref("crm_vn_feedback.crm_vn_feedback_escalation_level_manager")
        cls.level_leader.write({"target": "team_leader", "hours": 4.0, "user_id": cls.user_manager.id})
        cls.level_manager.write({"target": "user", "hours": 8.0, "user_id": cls.user_manager.id})
        # Levels of other companies or added by hand would change the ladder under test.
        (cls.env["crm.vn.feedback.escalation.level"].search([]) - cls.level_leader - cls.level_manager).unlink()
        cls.Feedback = cls.env["crm.vn.feedback"].with_context(crm_vn_feedback_no_ack=True)
