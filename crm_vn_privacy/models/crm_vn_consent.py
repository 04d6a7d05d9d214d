from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.crm_vn_base.tools.channels import channel_selection

PURPOSES = [("service", "Customer service"), ("marketing", "Marketing")]
CHANNELS = [("all", "All channels"), *channel_selection("email", "sms", "call", "zalo", "facebook")]
METHODS = [
    ("form", "Signed form"),
    ("paper", "Signed paper"),
    ("call", "Recorded call"),
    ("web", "Website or portal"),
    ("email", "Email"),
    ("in_person", "In person"),
]
# Ways of consenting that leave a document or a recording, which the record should hold.
EVIDENCE_METHODS = ("form", "paper", "call")
# Fields that make up the legal record: fixed once recorded.
RECORD_FIELDS = {"partner_id", "company_id", "purpose", "channel", "state", "date", "method", "user_id", "notice"}


class CrmVnConsent(models.Model):
    """A customer's consent given or withdrawn, for one purpose and channel (Law 91/2025/QH15).

    The consent log is append-only: a withdrawal is a new record, a record is
    never edited nor deleted (except evidence and notes added later), so the
    company can show who consented to what, when, how and on which wording.
    The customer's current state per purpose and channel is computed on
    ``res.partner`` from the latest record (``_crm_vn_consent_state``).
    """

    _name = "crm.vn.consent"
    _description = "Personal Data Consent"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _inherit = ["mail.thread", "crm.vn.personal.data.mixin"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one("res.partner", "Customer", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    purpose = fields.Selection(PURPOSES, required=True, help="What the personal data may be used for.")
    channel = fields.Selection(CHANNELS, required=True, default="all")
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")], "Consent", required=True, help="No default: ask the customer."
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, help="When the customer gave or withdrew it.")
    method = fields.Selection(METHODS, "How", required=True)
    notice = fields.Text(
        "Wording", help="The text the customer agreed to or the words of the withdrawal, as shown or said to them."
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence", help="Signed form, recording, screenshot.")
    user_id = fields.Many2one(
        "res.users", "Recorded By", required=True, default=lambda self: self.env.user, readonly=True, index=True
    )
    note = fields.Text(tracking=True)
    evidence_missing = fields.Boolean(
        compute="_compute_evidence_missing",
        store=True,
        help="Recorded as signed (form or paper) or as a recorded call, without the file that proves it: to be "
        "completed, since a consent must be verifiable.",
    )

    @api.depends("method", "attachment_ids")
    def _compute_evidence_missing(self):
        for consent in self:
            consent.evidence_missing = consent.method in EVIDENCE_METHODS and not consent.attachment_ids

    @api.constrains("date")
    def _check_date(self):
        now = fields.Datetime.now()
        for consent in self:
            if consent.date > now:
                raise ValidationError(self.env._("A consent cannot be recorded with a date in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Checked first: the values are read below (the base model checks them again).
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        for vals in vals_list:
            if not vals.get("state"):
                raise ValidationError(self.env._("Record whether the customer gave or withdrew consent."))
            # The recorder is the user recording it, whatever the form sent.
            vals["user_id"] = self.env.user.id
            if vals.get("attachment_ids") and not self.env.su:
                self.browse()._crm_vn_check_evidence_files(vals["attachment_ids"])
        consents = super().create(vals_list)
        consents._crm_vn_attach_evidence()
        return consents

    def write(self, vals):
        if not self.env.su:
            vals = self._crm_vn_clean_values(vals)
        changed = RECORD_FIELDS.intersection(vals)
        if changed and not self.env.su:
            raise UserError(
                self.env._(
                    "A consent record cannot be changed once recorded: record a new consent or withdrawal instead."
                )
            )
        if "attachment_ids" not in vals or self.env.su:
            return super().write(vals)
        self._crm_vn_check_evidence_kept(vals["attachment_ids"])
        self._crm_vn_check_evidence_files(vals["attachment_ids"])
        before = {consent: consent.attachment_ids for consent in self}
        result = super().write(vals)
        self._crm_vn_attach_evidence()
        for consent, attachments in before.items():
            added = consent.attachment_ids - attachments
            if added:
                consent.message_post(
                    body=self.env._("Evidence added: %(files)s", files=", ".join(added.mapped("name"))),
                    subtype_xmlid="mail.mt_note",
                )
        return result

    def _crm_vn_check_evidence_kept(self, commands):
        """Evidence is added, never removed nor replaced: refuse the x2many commands that would."""
        for command in commands:
            kind = Command.LINK if isinstance(command, int) else command[0]
            if kind in (Command.CREATE, Command.LINK):
                continue
            if kind == Command.SET and all(set(consent.attachment_ids.ids) <= set(command[2]) for consent in self):
                continue
            if kind == Command.CLEAR and not self.attachment_ids:
                continue
            raise UserError(
                self.env._(
                    "The evidence of a consent is kept: files can be added to it, not removed or replaced. Record "
                    "a new consent or withdrawal if the evidence was wrong."
                )
            )

    def _crm_vn_check_evidence_files(self, commands):
        """Evidence is a file uploaded for the consent by the user recording it: linking another record's file
        (an invoice, another customer's document) would make it undeletable, and delete it with this customer's
        data on anonymisation."""
        ids = set()
        for command in commands:
            if isinstance(command, int):
                ids.add(command)
            elif command[0] == Command.LINK:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2])
        ids -= set(self.attachment_ids.ids)
        if not ids:
            return
        attachments = self.env["ir.attachment"].browse(ids)
        attachments.check_access("read")
        # sudo: where each file belongs and who uploaded it, for files the user was just shown to read.
        for attachment in attachments.sudo():
            own_upload = attachment.create_uid == self.env.user and not attachment.res_field
            free = attachment.res_model in (False, self._name) and attachment.res_id in (0, False, *self.ids)
            if not (own_upload and free):
                raise UserError(
                    self.env._(
                        "Evidence: %(file)s belongs to another record or was uploaded by someone else. Upload the "
                        "signed form or the recording itself on the consent.",
                        file=attachment.name,
                    )
                )

    def _crm_vn_attach_evidence(self):
        """The evidence files belong to their consent (uploaded before the consent existed, they had no record)."""
        if self.env.su:
            return
        for consent in self:
            loose = consent.attachment_ids.sudo().filtered(
                lambda a, c=consent: a.res_model != c._name or a.res_id != c.id
            )
            # sudo: files the recording user uploaded, now filed under the consent that holds them.
            loose.write({"res_model": consent._name, "res_id": consent.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self.env._("Consent records are kept as evidence and cannot be deleted."))

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # Consents in a customer's personal data: exported with the names of their evidence files; anonymisation keeps
    # each record (purpose, channel, state, date, method: the evidence of lawful processing) without its wording,
    # notes and evidence files.

    _crm_vn_pd_key = "consents"
    _crm_vn_pd_sequence = 10
    _crm_vn_pd_export_exclude = ("partner_id", "attachment_ids")

    def _crm_vn_pd_export_values(self, records, customer):
        return [
            values | {"evidence": record.attachment_ids.mapped("name")}
            for record, values in zip(records, super()._crm_vn_pd_export_values(records, customer), strict=True)
        ]

    def _crm_vn_pd_anonymize(self, customer):
        evidence = self.attachment_ids
        # The log is append-only for users; the superuser (running a legal deletion request, see
        # res.partner._crm_vn_anonymize) may write.
        self.sudo().write({"notice": False, "note": False, "attachment_ids": [fields.Command.clear()]})
        evidence.sudo().unlink()
        customer._crm_vn_anonymize_messages(self._name, self.ids)
        return len(self)

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Consent records kept as evidence, wording and notes removed")
