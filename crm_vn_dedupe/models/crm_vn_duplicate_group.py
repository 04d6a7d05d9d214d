import itertools
import json
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.matching import NOT_SIMILAR_MAX_SCORE, score_pair, similar_name_pairs

_logger = logging.getLogger(__name__)

MAX_BLOCK = 50  # a number shared by more people is a switchboard, not a person
MERGE_WIZARD_LIMIT = 3  # base.partner.merge.automatic.wizard refuses more at once


class CrmVnDuplicateGroup(models.Model):
    """Customers found to be the same person by the batch scan, for review and merge."""

    _name = "crm.vn.duplicate.group"
    _description = "Duplicate Customers"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _inherit = ["mail.thread"]
    _order = "state, score desc, id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", index=True)
    partner_ids = fields.Many2many(
        "res.partner", "crm_vn_duplicate_group_partner_rel", "group_id", "partner_id", string="Customers"
    )
    partner_count = fields.Integer(compute="_compute_name", store=True)
    score = fields.Float(digits=(5, 1), aggregator="max")
    reasons = fields.Char()
    key = fields.Char(required=True, index=True, copy=False, help="Sorted ids of the members.")
    state = fields.Selection(
        [("review", "To Review"), ("merged", "Merged"), ("dismissed", "Not Duplicates")],
        default="review",
        required=True,
        tracking=True,
    )
    merged_partner_id = fields.Many2one("res.partner", "Kept Customer", readonly=True)
    merge_log_ids = fields.One2many("crm.vn.duplicate.merge.log", "group_id", string="Merges")

    _sql_constraints = [("key_company_uniq", "unique (key, company_id)", "This group of customers already exists.")]

    @api.depends("partner_ids")
    def _compute_name(self):
        for group in self:
            partners = group.with_context(active_test=False).partner_ids
            group.partner_count = len(partners)
            group.name = partners[:1].name or self.env._("Duplicate customers")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_dismiss(self):
        self.write({"state": "dismissed"})

    def action_reopen(self):
        self.filtered(lambda g: g.state == "dismissed").write({"state": "review"})

    def action_merge(self):
        """Merge each group with Odoo's contact merge wizard, three customers at a time: for the sales managers, who
        review the duplicates (Odoo's wizard itself wants the Contact Creation right, which a sales manager may
        lack: it runs in superuser mode once the manager proved they may change every customer of the group)."""
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_manager")
        Wizard = self.env["base.partner.merge.automatic.wizard"]
        for group in self:
            if group.state != "review":
                raise UserError(self.env._("Only groups to review can be merged."))
            partners = group.partner_ids.exists()
            if len(partners) < 2:
                raise UserError(self.env._("A group needs at least two customers to merge."))
            partners.check_access("write")
            destination = Wizard._get_ordered_partner(partners.ids)[-1]
            log = self.env["crm.vn.duplicate.merge.log"].create(
                {
                    "group_id": group.id,
                    "partner_id": destination.id,
                    "merged_partner_ids_text": ", ".join(str(pid) for pid in partners.ids),
                    "values_before": json.dumps(
                        {str(p.id): p._crm_vn_merge_snapshot() for p in partners},
                        ensure_ascii=False,
                        default=str,
                    ),
                }
            )
            sources = partners - destination
            while sources:
                batch, sources = sources[: MERGE_WIZARD_LIMIT - 1], sources[MERGE_WIZARD_LIMIT - 1 :]
                # sudo: Odoo's merge deletes the merged contacts; checked above (sales manager, write on each)
                Wizard.sudo()._merge((destination | batch).ids, destination, extra_checks=False)
            group.write({"state": "merged", "merged_partner_id": destination.id})
            group.message_post(
                body=self.env._(
                    "%(count)s customers merged into %(name)s (merge log #%(log)s).",
                    count=len(partners),
                    name=destination.display_name,
                    log=log.id,
                )
            )
        return True

    # ------------------------------------------------------------------
    # Batch scan
    # ------------------------------------------------------------------

    def action_scan(self):
        """*Find Duplicates Now*, a button of the list's header: the records selected (none or some) do not matter,
        every customer is scanned."""
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_manager")
        found = self._scan_duplicates()
        if found is None:
            message = self.env._("Another scan is running: the groups it finds will appear in this list when it ends.")
        elif found:
            message = self.env._("%(count)s new groups of duplicate customers to review.", count=found)
        else:
            message = self.env._("No new duplicate customers: every group found is already in this list.")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if found else "info",
                "title": self.env._("Duplicate scan running")
                if found is None
                else self.env._("Duplicate scan finished"),
                "message": message,
                "sticky": False,
                # The list shows the new groups at once.
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_scan_duplicates(self):
        self._scan_duplicates(notify_progress=True)

    @api.model
    def _scan_duplicates(self, notify_progress=False):
        """Find groups of duplicate customers across all partners, by blocks.

        A block is a set of partners sharing an indexed key (phone, e-mail,
        birthdate); pairs are scored inside blocks only, so the cost grows
        with the number of partners, not its square. Returns the number of
        groups created, None when another scan was running (one at a time: crm.vn.job.run).
        """
        if not self.env["crm.vn.job.run"]._try_start("crm_vn_dedupe.scan"):
            return None
        # The threshold the form's check applies: the company of the customer, and for two customers shared
        # by every company the lowest one (whoever enters the customer is warned at their company's).
        Company = self.env["res.company"].sudo().with_context(active_test=False)
        thresholds = {company.id: company.crm_vn_duplicate_threshold or 85 for company in Company.search([])}
        shared = min(thresholds.values(), default=85)
        # the blocks' queries sort and group a million rows: in memory rather than in temporary files
        self.env.cr.execute("SET LOCAL work_mem = '256MB'")
        names = {}
        blocks = [sorted(block) for block in self._scan_blocks(names=names)]
        # Above NOT_SIMILAR_MAX_SCORE only customers of similar names can qualify: the pairs of each block are first
        # compared by name in C, and only the close ones read and scored (the result is the same; a block of 50
        # customers sharing a birthday makes 1,225 pairs, nearly all of strangers).
        if shared > NOT_SIMILAR_MAX_SCORE:
            block_pairs = [
                [(block[i], block[j]) for i, j in similar_name_pairs([names[pid] or "" for pid in block])]
                for block in blocks
            ]
            data, companies = self._scan_match_data({pid for pairs in block_pairs for pair in pairs for pid in pair})
        else:
            block_pairs = [itertools.combinations(block, 2) for block in blocks]
            data, companies = self._scan_match_data({pid for block in blocks for pid in block})
        del names
        parent = {}

        def find(pid):
            while parent.get(pid, pid) != pid:
                pid = parent[pid] = parent.get(parent[pid], parent[pid])
            return pid

        best = {}
        for index, pairs in enumerate(block_pairs):
            for left, right in pairs:
                company = companies[left] or companies[right]
                if companies[left] and companies[right] and companies[left] != companies[right]:
                    continue  # two companies' customers: never compared by the form either
                score, codes = score_pair(data[left], data[right])
                if score >= (thresholds.get(company, 85) if company else shared):
                    parent[find(right)] = find(left)
                    pair = (left, right)
                    if score > best.get(pair, (0,))[0]:
                        best[pair] = (score, codes)
            if notify_progress and index % 1000 == 0:
                self.env["ir.cron"]._notify_progress(done=index, remaining=len(block_pairs) - index)
        groups = {}
        for left, right in best:
            groups.setdefault(find(left), set()).update((left, right))
        created = self._scan_store(groups, best, companies)
        if notify_progress:
            self.env["ir.cron"]._notify_progress(done=len(blocks), remaining=0)
        return created

    @api.model
    def _scan_blocks(self, names=None):
        """Lists of ids of active partners sharing a phone key, an email or a birthdate, whatever their company:
        the form's check compares a customer with those of its company and those shared by every company
        (``company_id`` empty); the pairs of two companies are left out when they are scored. ``names``, a dict,
        receives the name match key of each partner of a block (read by the same queries)."""
        self.env["res.partner"].flush_model()
        blocks = []
        # phone and mobile keys together: one person's mobile may be another's phone
        self.env.cr.execute(
            SQL(
                """
                SELECT array_agg(DISTINCT id), array_agg(id), array_agg(name) FROM (
                    SELECT id, vn_phone_key AS key, vn_name_key AS name
                      FROM res_partner WHERE active AND vn_phone_key IS NOT NULL
                    UNION ALL
                    SELECT id, vn_mobile_key, vn_name_key FROM res_partner WHERE active AND vn_mobile_key IS NOT NULL
                ) AS keys
                GROUP BY key
                HAVING count(DISTINCT id) BETWEEN 2 AND %(max)s
                """,
                max=MAX_BLOCK,
            )
        )
        for ids, all_ids, all_names in self.env.cr.fetchall():
            blocks.append(ids)
            if names is not None:
                names.update(zip(all_ids, all_names, strict=True))
        for column in ("email_normalized", "birthdate_date"):
            self.env.cr.execute(
                SQL(
                    """
                    SELECT array_agg(id), array_agg(vn_name_key)
                      FROM res_partner
                     WHERE active AND %(column)s IS NOT NULL
                     GROUP BY %(column)s
                    HAVING count(*) BETWEEN 2 AND %(max)s
                    """,
                    column=SQL.identifier(column),
                    max=MAX_BLOCK,
                )
            )
            for ids, block_names in self.env.cr.fetchall():
                blocks.append(ids)
                if names is not None:
                    names.update(zip(ids, block_names, strict=True))
        return blocks

    @api.model
    def _scan_match_data(self, ids):
        """({id: MatchData}, {id: company id or None}) of the partners ``ids``."""
        return self.env["res.partner"]._vn_stored_match_data(ids)

    @api.model
    def _scan_store(self, groups, best, companies):
        keys = {",".join(str(pid) for pid in sorted(members)) for members in groups.values()}
        member_ids = sorted({pid for members in groups.values() for pid in members})
        known_keys = set(self.with_context(active_test=False).search([("key", "in", list(keys))]).mapped("key"))
        dismissed = [
            set(group.partner_ids.ids)
            for group in self.search([("state", "=", "dismissed"), ("partner_ids", "in", member_ids)])
        ]
        # the reasons are stored in the language of the group's company (a scheduled scan has none of its own)
        labels_of = {}
        # the best pair of each group, in one pass over the pairs (not one pass per group)
        group_of = {pid: root for root, members in groups.items() for pid in members}
        best_of = {}
        for pair, result in best.items():
            root = group_of[pair[0]]
            if root not in best_of or result[0] > best_of[root][1][0]:
                best_of[root] = (pair, result)
        vals_list = []
        for root, members in groups.items():
            key = ",".join(str(pid) for pid in sorted(members))
            if key in known_keys or any(members <= gone for gone in dismissed):
                continue
            (pair, (score, codes)) = best_of[root]
            company = self.env["res.company"].browse(companies[pair[0]] or companies[pair[1]])
            lang = (company or self.env.company).partner_id.lang or self.env.lang or "vi_VN"
            if lang not in labels_of:
                labels_of[lang] = self.env["res.partner"].with_context(lang=lang)._vn_reason_labels()
            labels = labels_of[lang]
            vals_list.append(
                {
                    "key": key,
                    "company_id": company.id,
                    "partner_ids": [(6, 0, sorted(members))],
                    "score": score,
                    "reasons": ", ".join(labels[code] for code in codes),
                }
            )
        self.create(vals_list)
        _logger.info("Duplicate scan: %s new groups", len(vals_list))
        return len(vals_list)
