from odoo import api, models

# Position of each event in the timeline when two happen at the same time.
EVENT_ORDER = {"received": 0, "acknowledged": 1, "escalation": 2, "resolved": 3, "closed": 4}


class ReportFeedbackCase(models.AbstractModel):
    """Feedback case PDF (``action_report_feedback_case``): details, SLA, timeline, resolution, rating.

    Override ``_timeline`` to add events (each a dict with ``date``, ``kind``
    and, for escalations, ``step``) and the template to show them.
    """

    _name = "report.crm_vn_reports.report_feedback_case"
    _description = "Feedback Case Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        feedbacks = self.env["crm.vn.feedback"].browse(docids)
        feedbacks.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "crm.vn.feedback",
            "docs": feedbacks,
            "timelines": {feedback.id: self._timeline(feedback) for feedback in feedbacks},
        }

    @api.model
    def _timeline(self, feedback):
        """Events of ``feedback`` in date order: received, acknowledged, escalation steps, resolved, closed."""
        events = [
            {"date": feedback.date_received, "kind": "received"},
            {"date": feedback.date_acknowledged, "kind": "acknowledged"},
            *({"date": step.date, "kind": "escalation", "step": step} for step in feedback.escalation_ids),
            {"date": feedback.date_resolved, "kind": "resolved"},
            {"date": feedback.date_closed, "kind": "closed"},
        ]
        return sorted(
            (event for event in events if event["date"]),
            key=lambda event: (
                event["date"],
                EVENT_ORDER[event["kind"]],
                event["step"].level if "step" in event else 0,
            ),
        )
