import logging

from odoo import Command, api, fields, models
from odoo.tools import split_every

_logger = logging.getLogger(__name__)

# Records written per ORM call: one UPDATE per batch, bounded memory on large databases.
MIGRATION_BATCH_SIZE = 1000


class CrmVnProvinceMigration(models.TransientModel):
    """Move addresses from the provinces merged in 2025 to the unit that took them over.

    Every record of every model that points at a province (all companies, archived ones included) whose province is
    an archived state with a replacement (``vn_replaced_by_id``, see models/res_country_state.py) gets that
    replacement, one batch of writes per old province: contacts, and whatever the installed apps keep an address on
    (leads copy it from their customer and never follow it, delivery addresses of orders, banks...). The fields are
    found in the registry: every stored many2one to ``res.country.state`` that can be written. Addresses are moved
    by their province only, never by a code. An archived province without a single successor (a province split
    between several units) is listed and left untouched. Running it again changes nothing. No chatter message is
    posted (one per customer would be noise): the counts are returned as a notification and logged.

    Extension points: :meth:`_old_states` (which provinces to leave) and :meth:`_address_fields` (which fields hold
    a province to move).
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
    record_count = fields.Integer("Other Records to Move", compute="_compute_counts")

    def _default_line_ids(self):
        return [Command.create(vals) for vals in self._preview_values()]

    @api.depends("line_ids.partner_count", "line_ids.company_count", "line_ids.record_count", "line_ids.new_state_id")
    def _compute_counts(self):
        for wizard in self:
            lines = wizard.line_ids.filtered("new_state_id")
            wizard.partner_count = sum(lines.mapped("partner_count"))
            wizard.company_count = sum(lines.mapped("company_count"))
            wizard.record_count = sum(lines.mapped("record_count"))

    def action_migrate(self):
        self.ensure_one()
        moved = self._migrate_addresses()
        partners = sum(counts["partners"] for counts in moved.values())
        companies = sum(counts["companies"] for counts in moved.values())
        records = sum(counts["records"] for counts in moved.values())
        if partners or records:
            message = self.env._(
                "Moved to the 2025 provinces: %(partners)s contact addresses, of which %(companies)s companies, "
                "and %(records)s other records (leads, orders, banks...).",
                partners=partners,
                companies=companies,
                records=records,
            )
        else:
            message = self.env._("All addresses already use the 2025 provinces: nothing was moved.")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("2025 Provinces"),
                "message": message,
                "type": "success" if partners or records else "info",
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
    def _address_fields(self):
        """``[(model name, field name)]``: the stored, writable many2one fields to a province, contacts first."""
        found = []
        for model_name in sorted(self.env.registry):
            Model = self.env[model_name]
            if Model._abstract or Model._transient or not Model._auto or model_name == "res.country.state":
                continue
            for field in Model._fields.values():
                if (
                    field.type == "many2one"
                    and field.comodel_name == "res.country.state"
                    and field.store
                    and not field.related
                    and not (field.compute and field.readonly)
                ):
                    found.append((model_name, field.name))
        return sorted(found, key=lambda item: item[0] != "res.partner")

    @api.model
    def _model(self, model_name):
        # sudo: the wizard is for administrators only (access rights), and must see and move the addresses of
        # every company and of archived records, which record rules and active_test would hide.
        return self.env[model_name].sudo().with_context(active_test=False)

    @api.model
    def _preview_values(self):
        """One line per old province that still has addresses: its counts and target unit."""
        counts = {}
        old_states = self._old_states()
        for model_name, fname in self._address_fields():
            Model = self._model(model_name)
            domain = [(fname, "in", old_states.ids)]
            groupby = [fname, "is_company"] if model_name == "res.partner" else [fname]
            for state, *keys, count in Model._read_group(domain, groupby, ["__count"]):
                state_counts = counts.setdefault(state, {"partners": 0, "companies": 0, "records": 0})
                if model_name == "res.partner":
                    state_counts["partners"] += count
                    state_counts["companies"] += count if keys[0] else 0
                else:
                    state_counts["records"] += count
        return [
            {
                "old_state_id": state.id,
                "new_state_id": state._vn_current_unit().id,
                "partner_count": state_counts["partners"],
                "company_count": state_counts["companies"],
                "record_count": state_counts["records"],
            }
            for state, state_counts in sorted(counts.items(), key=lambda item: item[0].name)
        ]

    @api.model
    def _migrate_addresses(self):
        """Move the addresses of each old province.

        Return ``{old state: {"partners": n, "companies": n, "records": n}}`` (companies are among the partners,
        records are those of the other models), with only the provinces where something moved.
        """
        moved = {}
        old_states = self._old_states()
        for model_name, fname in self._address_fields():
            Model = self._model(model_name)
            groups = Model._read_group([(fname, "in", old_states.ids)], [fname], ["id:array_agg"])
            for old_state, record_ids in sorted(groups, key=lambda group: group[0].id):
                new_state = old_state._vn_current_unit()
                if not new_state:
                    _logger.warning(
                        "Province %s has no single successor: its %s are left as they are.", old_state.name, model_name
                    )
                    continue
                records = Model.browse(sorted(record_ids))
                for batch in split_every(MIGRATION_BATCH_SIZE, records.ids, Model.browse):
                    batch.with_context(tracking_disable=True).write({fname: new_state.id})
                counts = moved.setdefault(old_state, {"partners": 0, "companies": 0, "records": 0})
                if model_name == "res.partner":
                    counts["partners"] += len(records)
                    counts["companies"] += len(records.filtered("is_company"))
                else:
                    counts["records"] += len(records)
                _logger.info(
                    "Moved %s %s (%s) from %s to %s.", len(records), model_name, fname, old_state.name, new_state.name
                )
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
    record_count = fields.Integer("Other Records", readonly=True, help="Leads, orders, banks... with this province.")
