from odoo import fields, models
from odoo.tools import html2plaintext

# Stored fields left out of an export: bookkeeping of the database, secrets,
# and copies of other values (resized images, avatars).
TECHNICAL_FIELDS = {"create_uid", "write_uid", "write_date", "access_token", "signup_token", "signup_type"}
TECHNICAL_PREFIXES = ("message_", "activity_", "website_message", "rating_", "image_", "avatar_", "signup_")
KEPT_IMAGE = "image_1920"


class ResPartner(models.Model):
    """Everything held on a customer, for a data-subject request (Law 91/2025/QH15).

    ``_crm_vn_personal_data()`` is the extension point: each module adds the
    records it keeps on the customer under its own key (``crm_vn_feedback``
    adds feedback, ``crm_vn_reports`` sale orders). Values are made readable
    by ``_crm_vn_export_record`` (names for relations, ISO dates, plain text).
    """

    _inherit = "res.partner"

    def _crm_vn_personal_data(self):
        """Return a JSON-ready dict of the personal data held on this customer (override to add yours)."""
        self.ensure_one()
        partners = self.with_context(active_test=False)._crm_vn_personal_data_partners()
        contacts = partners - self
        return {
            "customer": self._crm_vn_export_record(self),
            "contacts": [self._crm_vn_export_record(contact) for contact in contacts],
            "consents": [
                self._crm_vn_export_record(consent, exclude={"partner_id", "attachment_ids"})
                | {"evidence": consent.attachment_ids.mapped("name")}
                for consent in self.env["crm.vn.consent"].search([("partner_id", "in", partners.ids)])
            ],
            "activities": self._crm_vn_export_activities("res.partner", partners.ids),
            "messages": self._crm_vn_export_messages("res.partner", partners.ids),
            "leads": [
                self._crm_vn_export_record(lead)
                | {
                    "messages": self._crm_vn_export_messages("crm.lead", lead.ids),
                    "activities": self._crm_vn_export_activities("crm.lead", lead.ids),
                }
                for lead in self.env["crm.lead"]
                .with_context(active_test=False)
                .search([("partner_id", "in", partners.ids)], order="id")
            ],
            "data_requests": [
                self._crm_vn_export_record(request, exclude={"export_attachment_id"})
                for request in self.env["crm.vn.data.request"].search([("partner_id", "in", partners.ids)], order="id")
            ],
        }

    def _crm_vn_personal_data_partners(self):
        """The customer and its contacts (archived ones too): whose data the customer may ask for."""
        self.ensure_one()
        return self | self.with_context(active_test=False).search([("id", "child_of", self.id)])

    def _crm_vn_export_record(self, record, exclude=()):
        """Stored, non-technical fields of ``record`` that hold a value, as JSON-ready values."""
        values = {"id": record.id}
        for name, field in record._fields.items():
            if (
                not field.store
                or name in exclude
                or name in TECHNICAL_FIELDS
                or (name.startswith(TECHNICAL_PREFIXES) and name != KEPT_IMAGE)
                or field.type == "one2many"
            ):
                continue
            value = record[name]
            if field.type == "many2one":
                value = value.display_name if value else False
            elif field.type == "many2many":
                value = value.mapped("display_name")
            elif field.type in ("date", "datetime"):
                value = value.isoformat() if value else False
            elif field.type == "html":
                value = html2plaintext(value) if value else False
            elif field.type == "binary":
                value = value.decode() if isinstance(value, bytes) else value
            elif field.type == "properties":
                value = self._crm_vn_export_properties(value)
            if value:
                values[name] = value
        return values

    def _crm_vn_export_messages(self, model, res_ids):
        messages = self.env["mail.message"].search(
            [("model", "=", model), ("res_id", "in", res_ids), ("message_type", "!=", "user_notification")],
            order="date, id",
        )
        return [
            {
                "date": fields.Datetime.to_string(message.date),
                "author": message.author_id.display_name or message.email_from or False,
                "subject": message.subject or False,
                "body": html2plaintext(message.body or ""),
                "tracking": [
                    {
                        "field": tracking.field_id.field_description,
                        "old": tracking._get_old_display_value()[0],
                        "new": tracking._get_new_display_value()[0],
                    }
                    for tracking in message.tracking_value_ids
                ],
                "attachments": message.attachment_ids.mapped("name"),
            }
            for message in messages
            if message.body or message.tracking_value_ids or message.attachment_ids
        ]

    def _crm_vn_export_activities(self, model, res_ids):
        activities = self.env["mail.activity"].search([("res_model", "=", model), ("res_id", "in", res_ids)])
        return [
            {
                "type": activity.activity_type_id.name,
                "summary": activity.summary or False,
                "note": html2plaintext(activity.note or ""),
                "deadline": activity.date_deadline.isoformat(),
                "assigned_to": activity.user_id.name,
            }
            for activity in activities
        ]

    def _crm_vn_export_properties(self, value):
        """Properties as {label or name: value}, whatever form the field gives them in."""
        if isinstance(value, dict):
            return {key: val for key, val in value.items() if val}
        return {prop.get("string") or prop.get("name"): prop.get("value") for prop in value or [] if prop.get("value")}
