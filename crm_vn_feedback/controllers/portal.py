from markupsafe import Markup, escape

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

FEEDBACK_PER_PAGE = 20
PORTAL_TYPES = ("complaint", "question", "suggestion", "praise")


class FeedbackPortal(CustomerPortal):
    """Customers follow their feedback and send new feedback from the portal."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "feedback_count" in counters:
            Feedback = request.env["crm.vn.feedback"]
            values["feedback_count"] = Feedback.search_count([]) if Feedback.has_access("read") else 0
        return values

    @http.route(["/my/feedback", "/my/feedback/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_feedback(self, page=1, **kw):
        Feedback = request.env["crm.vn.feedback"]
        if not Feedback.has_access("read"):
            return request.redirect("/my")
        # The portal record rule limits the search to the customer's own feedback.
        count = Feedback.search_count([])
        pager = portal_pager(url="/my/feedback", total=count, page=page, step=FEEDBACK_PER_PAGE)
        feedbacks = Feedback.search(
            [], order="date_received desc, id desc", limit=FEEDBACK_PER_PAGE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "feedbacks": feedbacks,
                "page_name": "feedback",
                "pager": pager,
                "default_url": "/my/feedback",
            }
        )
        return request.render("crm_vn_feedback.portal_my_feedbacks", values)

    @http.route(["/my/feedback/<int:feedback_id>"], type="http", auth="public", website=True)
    def portal_my_feedback_detail(self, feedback_id, access_token=None, **kw):
        try:
            feedback_sudo = self._document_check_access("crm.vn.feedback", feedback_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            feedback_sudo,
            access_token,
            {"feedback": feedback_sudo, "page_name": "feedback"},
            "my_feedback_history",
            False,
            **kw,
        )
        return request.render("crm_vn_feedback.portal_my_feedback", values)

    @http.route(["/my/feedback/new"], type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_feedback_new(self, **post):
        partner = request.env.user.partner_id
        if not request.env.user._is_portal():
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "feedback_new", "error": {}, "post": post})
        if request.httprequest.method == "POST":
            subject = (post.get("name") or "").strip()
            description = (post.get("description") or "").strip()
            feedback_type = post.get("feedback_type") if post.get("feedback_type") in PORTAL_TYPES else "question"
            if not subject:
                values["error"]["name"] = request.env._("Please give your feedback a subject.")
            if len(subject) > 200:
                values["error"]["name"] = request.env._("The subject is limited to 200 characters.")
            if not values["error"]:
                # sudo: portal users have no create right; the customer is always the logged-in user.
                feedback = (
                    request.env["crm.vn.feedback"]
                    .sudo()
                    .create(
                        {
                            "name": subject,
                            "partner_id": partner.id,
                            "channel": "web",
                            "feedback_type": feedback_type,
                            "description": Markup("<p>%s</p>") % escape(description).replace("\n", Markup("<br/>")),
                            "company_id": partner.company_id.id or request.env.company.id,
                        }
                    )
                )
                return request.redirect(f"/my/feedback/{feedback.id}")
        return request.render("crm_vn_feedback.portal_feedback_new", values)
