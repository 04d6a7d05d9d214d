import logging

from odoo import Command, api, fields, models
from odoo.tools import split_every

_logger = logging.getLogger(__name__)

# Records written per ORM call: one UPDATE per batch, bounded memory on large databases.
MIGRATION_BATCH_SIZE = 1000


class CrmVnProvinceMigration(models.TransientModel):
    """Move addresses from the provinces merged in 2025 to the unit that took them over.

    Every partner and every lead or opportunity (all companies, archived ones included) whose province is an archived
    state with a replacement (``vn_replaced_by_id``, see models/res_country_state.py) gets that replacement, one batch
    of writes per old province. Leads need their own pass: ``crm.lead.state_id`` is copied from the customer when the
    lead is created or its customer changes, never kept in sync afterwards. Addresses are moved by their province
    only, never by a code. An archived province without a single successor (a province split between several units)
    is listed and left untouched. Running it again changes nothing. No chatter message is posted (one per customer
    would be noise): the counts are returned as a notification and logged.

    Extension points: :meth:`_old_states` (which provinces to leave) and :meth:`_address_models` (which models hold
    an address to move: another module can add its own, with a ``state_id`` field; it is moved with the others,
    but the preview and the notification count contacts and leads only).
    """

    _name = "crm.vn.province.migration"
    _description = "Move Addresses to the 2025 Provinces"

    line_ids = fields.One2many(
        "crm.vn.province.migration.line",
        "wizard_id",
        "Old Provinces",
        default=lambda self: self._default_line_ids(),
        readonly=True,
    )
    partner_count = fields.Integer("Partners to Move", compute="_compute_counts")
    company_count = fields.Integer("Companies to Move", compute="_compute_counts")
    lead_count = fields.Integer("Leads to Move", compute="_compute_counts")

    def _default_line_ids(self):
        return [Command.create(vals) for vals in self._preview_values()]

    @api.depends("line_ids.partner_count", "line_ids.company_count", "line_ids.lead_count", "line_ids.new_state_id")
    def _compute_counts(self):
        for wizard in self:
            lines = wizard.line_ids.filtered("new_state_id")
            wizard.partner_count = sum(lines.mapped("partner_count"))
            wizard.company_count = sum(lines.mapped("company_count"))
            wizard.lead_count = sum(lines.mapped("lead_count"))

    def action_migrate(self):
        self.ensure_one()
        moved = self._migrate_addresses()
        partners = sum(counts["partners"] for counts in moved.values())
        companies = sum(counts["companies"] for counts in moved.values())
        leads = sum(counts["leads"] for counts in moved.values())
        if partners or leads:
            message = self.env._(
                "Moved to the 2025 provinces: %(partners)s contact addresses, of which %(companies)s companies, "
                "and %(leads)s leads and opportunities.",
                partners=partners,
                companies=companies,
                leads=leads,
            )
        else:
            message = self.env._("All addresses already use the 2025 provinces: nothing was moved.")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("2025 Provinces"),
                "message": message,
                "type": "success" if partners or leads else "info",
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    @api.model
    def _old_states(self):
        """Archived provinces of Vietnam that addresses should leave (extension point: other countries)."""
        return (
            self.env["res.country.state"]
            .with_context(active_test=False)
            .search([("active", "=", False), ("country_id", "=", self.env.ref("base.vn").id)])
        )

    @api.model
    def _partner_model(self):
        # sudo: the wizard is for administrators only (access rights), and must see and move the addresses of
        # every company and of archived partners, which record rules and active_test would hide.
        return self.env["res.partner"].sudo().with_context(active_test=False)

    @api.model
    def _lead_model(self):
        # sudo: as for partners, administrators only; leads of every company, lost (archived) ones included.
        return self.env["crm.lead"].sudo().with_context(active_test=False)

    @api.model
    def _address_models(self):
        """``{key: model}`` of the records whose ``state_id`` is moved; the key names their count in the results."""
        return {"partners": self._partner_model(), "leads": self._lead_model()}

    @api.model
    def _preview_values(self):
        """One line per old province that still has addresses: its counts and target unit."""
        counts = {}
        domain = [("state_id", "in", self._old_states().ids)]
        for state, is_company, count in self._partner_model()._read_group(
            domain, ["state_id", "is_company"], ["__count"]
        ):
            state_counts = counts.setdefault(state, {"partners": 0, "companies": 0, "leads": 0})
            state_counts["partners"] += count
            state_counts["companies"] += count if is_company else 0
        for state, count in self._lead_model()._read_group(domain, ["state_id"], ["__count"]):
            counts.setdefault(state, {"partners": 0, "companies": 0, "leads": 0})["leads"] += count
        return [
            {
                "old_state_id": state.id,
                "new_state_id": state._vn_current_unit().id,
                "partner_count": state_counts["partners"],
                "company_count": state_counts["companies"],
                "lead_count": state_counts["leads"],
            }
            for state, state_counts in sorted(counts.items(), key=lambda item: item[0].name)
        ]

    @api.model
    def _migrate_addresses(self):
        """Move the addresses of each old province.

        Return ``{old state: {"partners": n, "companies": n, "leads": n}}`` (companies are among the partners), with
        only the provinces where something moved.
        """
        moved = {}
        old_states = self._old_states()
        for key, Model in self._address_models().items():
            groups = Model._read_group([("state_id", "in", old_states.ids)], ["state_id"], ["id:array_agg"])
            for old_state, record_ids in sorted(groups, key=lambda group: group[0].id):
                new_state = old_state._vn_current_unit()
                if not new_state:
                    _logger.warning(
                        "Province %s has no single successor: its %s are left as they are.", old_state.name, key
                    )
                    continue
                records = Model.browse(sorted(record_ids))
                for batch in split_every(MIGRATION_BATCH_SIZE, records.ids, Model.browse):
                    batch.with_context(tracking_disable=True).write({"state_id": new_state.id})
                counts = moved.setdefault(old_state, {"partners": 0, "companies": 0, "leads": 0})
                counts[key] = counts.get(key, 0) + len(records)
                if key == "partners":
                    counts["companies"] += len(records.filtered("is_company"))
                _logger.info("Moved %s %s from %s to %s.", len(records), key, old_state.name, new_state.name)
        return moved


class CrmVnProvinceMigrationLine(models.TransientModel):
    _name = "crm.vn.province.migration.line"
    _description = "Old Province to Migrate"
    _order = "old_state_id"

    wizard_id = fields.Many2one("crm.vn.province.migration", required=True, ondelete="cascade")
    old_state_id = fields.Many2one("res.country.state", "Old Province", required=True, readonly=True)
    new_state_id = fields.Many2one(
        "res.country.state",
        "2025 Province",
        readonly=True,
        help="Empty when the old province has no single successor: its addresses are then left untouched.",
    )
    partner_count = fields.Integer("Partners", readonly=True)
    company_count = fields.Integer("Of Which Companies", readonly=True)
    lead_count = fields.Integer("Leads", readonly=True)
