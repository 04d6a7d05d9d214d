from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

BREACHED_SHOWN = 20


class CrmVnWeeklyDigest(models.AbstractModel):
    """Weekly email to sales managers: the week's key figures and the breached feedback.

    Sent by the scheduled action ``ir_cron_weekly_digest`` (Monday morning) to
    every active sales manager with an email address, in their language and
    computed with their own access rights and company; once per manager,
    company and week ending that day, however many processes or runs send it. Extension points:
    ``_digest_recipients`` and ``_digest_values``.
    """

    _name = "crm.vn.weekly.digest"
    _description = "Weekly Sales Digest"

    @api.model
    def _cron_send(self):
        template = self.env.ref("crm_vn_reports.mail_template_weekly_digest", raise_if_not_found=False)
        Runs = self.env["crm.vn.job.run"]
        if not template or not Runs._try_start("crm_vn_reports.digest"):
            return 0
        # the figures of this morning, not of the last scheduled refresh
        for report in self.env["crm.vn.analytics.snapshot"]._crm_vn_snapshot_models():
            report._crm_vn_refresh()
        sent = 0
        for manager in self._digest_recipients():
            for company in manager.company_ids:
                # the week of the manager's calendar: today in their time zone
                tz = manager.tz or company.partner_id.tz or VN_TZ
                date_to = fields.Date.context_today(self.with_context(tz=tz))
                date_from = date_to - timedelta(days=7)
                # once per manager, company and week, whichever process or run sends it
                if not Runs._mark_done(f"crm_vn_reports.digest:{manager.id}:{company.id}:{date_to}"):
                    continue
                # the manager's company alone (not added to the caller's companies, which the manager may not have)
                digest = self.with_user(manager).with_context(allowed_company_ids=company.ids, tz=tz)
                values = digest._digest_values(company, date_from, date_to)
                # as superuser: the template, its layout and the outgoing mail are configuration.
                template.with_context(digest=values, lang=manager.lang).send_mail(manager.id, force_send=False)
                sent += 1
        return sent

    @api.model
    def _digest_recipients(self):
        """Active sales managers with an email address (override to add or remove people)."""
        group = self.env.ref("sales_team.group_sale_manager")
        return group.sudo().users.filtered(lambda user: user.active and user.email and not user.share)

    @api.model
    def _digest_values(self, company, date_from, date_to):
        """The figures of [date_from, date_to) for ``company``, read with the current user's rights.

        Days are those of the context's time zone: received and resolved times
        are compared with local midnights. The order figures count days of
        the orders' UTC dates, as the salesperson analysis does.
        """
        zone = pytz.timezone(self.env.context.get("tz") or VN_TZ)

        def utc_midnight(day):
            return zone.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        start, end = utc_midnight(date_from), utc_midnight(date_to)
        company_domain = [("company_id", "=", company.id)]
        Performance = self.env["crm.vn.salesperson.report"]
        [(revenue, orders, new_customers)] = Performance._read_group(
            [*company_domain, ("date", ">=", date_from), ("date", "<", date_to)],
            aggregates=["revenue:sum", "order_count:sum", "new_customer_count:sum"],
        )
        FeedbackReport = self.env["crm.vn.feedback.report"]
        [(received,)] = FeedbackReport._read_group(
            [*company_domain, ("date_received", ">=", start), ("date_received", "<", end)], aggregates=["__count"]
        )
        [(resolved, on_time, rating)] = FeedbackReport._read_group(
            [*company_domain, ("date_resolved", ">=", start), ("date_resolved", "<", end)],
            aggregates=["__count", "sla_compliance:avg", "rating:avg"],
        )
        breached = self.env["crm.vn.feedback"].search(
            [*company_domain, ("sla_status", "=", "breached")], order="sla_deadline, id"
        )
        return {
            "company": company,
            "date_from": date_from,
            "date_to": date_to - timedelta(days=1),
            "revenue": revenue or 0.0,
            "currency": company.currency_id,
            "orders": orders or 0,
            "new_customers": new_customers or 0,
            "feedback_received": received,
            "feedback_resolved": resolved,
            "sla_compliance": on_time,
            "rating": rating,
            "breached_count": len(breached),
            "breached": breached[:BREACHED_SHOWN],
            "base_url": self.env["ir.config_parameter"].sudo().get_param("web.base.url"),
        }
