import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.mail import email_normalize

from odoo.addons.l10n_vn_phone.tools.phone import mask_phone

from ..tools.matching import NAME_ONLY_MAX_SCORE, MatchData, score_pair
from ..tools.names import normalize_vn_name, vn_name_match_key

_logger = logging.getLogger(__name__)

MATCH_FIELDS = ("name", "phone", "mobile", "email", "birthdate_date", "city")
LOGGED_FIELDS = (
    "name",
    "phone",
    "mobile",
    "email",
    "user_id",
    "team_id",
    "birthdate_date",
    "city",
    "street",
    "vat",
)
NAME_TRIGRAM_THRESHOLD = 0.6
MAX_CANDIDATES = 100


class ResPartner(models.Model):
    """Duplicate detection: stored keys, candidate search, scoring and the policy on save."""

    _inherit = "res.partner"

    vn_name_key = fields.Char("Name Match Key", compute="_compute_vn_name_key", store=True, index="trigram", copy=False)
    vn_duplicate_warning = fields.Html("Possible Duplicates", compute="_compute_vn_duplicate_warning", sanitize=False)
    vn_duplicate_candidates = fields.Json(
        "Possible Duplicates (list)",
        compute="_compute_vn_duplicate_warning",
        help="What the form's warning shows of each likely duplicate (as the user may see it), with whether the "
        "user may open it or must ask its owner for a hand-over.",
    )

    @api.depends("name")
    def _compute_vn_name_key(self):
        for partner in self:
            partner.vn_name_key = vn_name_match_key(partner.name) or False

    @api.depends(*MATCH_FIELDS)
    def _compute_vn_duplicate_warning(self):
        for partner in self:
            vals = {fname: partner[fname] for fname in MATCH_FIELDS}
            if not any(vals[f] for f in ("phone", "mobile", "email")) and not vals["birthdate_date"]:
                partner.vn_duplicate_warning = partner.vn_duplicate_candidates = False
                continue
            origin = partner._origin
            if origin and partner.id == origin.id:
                changes = {}  # a saved customer as stored: its numbers' keys are stored, nothing to parse
            else:  # the form's values: only what differs from the saved customer is parsed again
                changes = {f: v for f, v in vals.items() if not origin or v != origin[f]}
            candidates = (origin or self.browse())._vn_duplicate_candidates(changes, limit=5)
            # The candidates in words once (their public info is read with sudo): the list, and the html from it.
            rows = self._vn_duplicate_list(candidates) if candidates else False
            partner.vn_duplicate_candidates = rows
            partner.vn_duplicate_warning = self._vn_duplicate_html(candidates, rows) if rows else False

    # ------------------------------------------------------------------
    # Contract
    # ------------------------------------------------------------------

    def _vn_duplicate_candidates(self, vals, limit=5):
        """Return the existing partners likely to be the customer described by ``vals``.

        See ARCHITECTURE.md: a list of ``{'partner', 'score', 'reasons'}``,
        best first, scores at or above the company's threshold. When ``self``
        is a record, ``vals`` are changes to it and ``self`` is excluded.
        The search runs over all partners of the company whatever the
        caller's rights; the records returned are in the caller's environment
        (use :meth:`_vn_duplicate_public_info` to show what may be shown).
        """
        record = self[:1]
        company = self.env["res.company"].browse(vals.get("company_id")) or record.company_id or self.env.company
        threshold = company.crm_vn_duplicate_threshold or 85
        new = self._vn_match_data(vals, record)
        if not (new.name_key or new.phones or new.email):
            return []
        scored = []
        # sudo: duplicates must be found among customers the caller cannot read;
        # only ids, scores and reason codes leave this block.
        stored, __ = self._vn_stored_match_data(self._vn_candidate_ids(new, company, exclude=record.ids))
        for candidate_id, candidate in stored.items():
            score, codes = score_pair(new, candidate)
            if score >= threshold:
                scored.append((score, candidate_id, codes))
        scored.sort(key=lambda item: (-item[0], item[1]))
        reasons = self._vn_reason_labels()
        return [
            {
                "partner": self.browse(partner_id),
                "score": score,
                "reasons": [reasons[code] for code in codes],
            }
            for score, partner_id, codes in scored[:limit]
        ]

    @api.model
    def _vn_reason_labels(self):
        return {
            "same_phone": self.env._("same phone number"),
            "same_email": self.env._("same email"),
            "same_name": self.env._("same name"),
            "similar_name": self.env._("similar name"),
            "different_name": self.env._("different name"),
            "same_birthday": self.env._("same birthday"),
            "birthday_conflict": self.env._("different birthday"),
            "phone_conflict": self.env._("different phone number"),
            # the city field of a Vietnamese address holds its ward or commune (l10n_vn_address)
            "same_city": self.env._("same ward or commune"),
            "city_conflict": self.env._("different ward or commune"),
        }

    def _vn_match_data(self, vals, record):
        """MatchData of ``record`` updated with ``vals`` (keys as in create)."""

        def value(fname):
            if fname in vals:
                return vals[fname]
            return record[fname] if record else False

        def phone_key(fname, stored):
            # An existing partner's number unchanged: its stored key, no parsing.
            if record and fname not in vals:
                return record[stored]
            country_id = value("country_id")
            country = self.env["res.country"].browse(country_id.id if hasattr(country_id, "id") else country_id)
            return self._vn_phone_key(value(fname), country if country and country.code != "VN" else None)

        phones = frozenset(
            key for key in (phone_key("phone", "vn_phone_key"), phone_key("mobile", "vn_mobile_key")) if key
        )
        birthdate = value("birthdate_date")
        try:
            birthdate = fields.Date.to_date(birthdate) if birthdate else None
        except ValueError:
            birthdate = None  # refused with a clear message when written (models/base.py)
        return MatchData(
            name_key=vn_name_match_key(value("name")),
            phones=phones,
            email=email_normalize(value("email") or "") or "",
            birthdate=birthdate,
            city_key=normalize_vn_name(value("city")),
        )

    @api.model
    def _vn_stored_match_data(self, ids):
        """``({id: MatchData}, {id: company id or None})`` of the partners ``ids``, from their stored match keys in
        one query (what :meth:`_vn_match_data` computes from a record's values; the batch scan reads them so too)."""
        data, companies = {}, {}
        if not ids:
            return data, companies
        self.flush_model(["vn_name_key", "vn_phone_key", "vn_mobile_key", "email_normalized", "birthdate_date", "city"])
        self.env.cr.execute(
            SQL(
                """
                SELECT id, vn_name_key, vn_phone_key, vn_mobile_key, email_normalized, birthdate_date, city, company_id
                  FROM res_partner WHERE id = ANY(%s) ORDER BY id
                """,
                sorted(ids),
            )
        )
        city_keys = {}  # a few hundred cities for a million customers: each one normalised once
        for pid, name_key, phone, mobile, email, birthdate, city, company_id in self.env.cr.fetchall():
            if city not in city_keys:
                city_keys[city] = normalize_vn_name(city)
            data[pid] = MatchData(
                name_key=name_key or "",
                phones=frozenset(filter(None, (phone, mobile))),
                email=email or "",
                birthdate=birthdate,
                city_key=city_keys[city],
            )
            companies[pid] = company_id
        return data, companies

    @api.model
    def _vn_candidate_ids(self, new, company, exclude=(), threshold=None):
        """Ids of partners sharing a phone, an e-mail or a birthday, or with a close name.

        Every branch uses an index (btree on the keys and the birthdate, GIN
        trigram on the name key): no check scans the whole table. Names alone
        are only searched when the threshold lets a name-only match qualify.
        """
        threshold = threshold or company.crm_vn_duplicate_threshold or 85
        phones = sorted(new.phones)
        params = {
            "company": company.id,
            "exclude": list(exclude),
            "has_phones": bool(phones),
            "phones": phones,
            "has_email": bool(new.email),
            "email": new.email or "",
            "has_birthdate": bool(new.birthdate),
            "birthdate": new.birthdate,
            "name": new.name_key or "",
            "limit": MAX_CANDIDATES,
        }
        self.flush_model(
            ["vn_name_key", "vn_phone_key", "vn_mobile_key", "email_normalized", "birthdate_date", "active"]
        )
        ids = []
        if phones or new.email or new.birthdate:
            # One flat statement: literal false branches are pruned by the planner,
            # each remaining branch uses its index (a BitmapOr).
            self.env.cr.execute(
                """
                SELECT id FROM res_partner
                 WHERE active AND (company_id IS NULL OR company_id = %(company)s)
                   AND id != ALL(%(exclude)s::int[])
                   AND (   (%(has_phones)s AND vn_phone_key = ANY(%(phones)s::varchar[]))
                        OR (%(has_phones)s AND vn_mobile_key = ANY(%(phones)s::varchar[]))
                        OR (%(has_email)s AND email_normalized = %(email)s)
                        OR (%(has_birthdate)s AND birthdate_date = %(birthdate)s))
                 LIMIT %(limit)s
                """,
                params,
            )
            ids = [row[0] for row in self.env.cr.fetchall()]
        if new.name_key and threshold <= NAME_ONLY_MAX_SCORE and self.env.registry.has_trigram:
            self.env.cr.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, true)", (str(NAME_TRIGRAM_THRESHOLD),)
            )
            # A constant query with parameters: odoo.tools.SQL cannot express the trigram operator.
            self.env.cr.execute(
                """
                SELECT id FROM res_partner
                 WHERE active AND (company_id IS NULL OR company_id = %(company)s)
                   AND id != ALL(%(exclude)s::int[])
                   AND vn_name_key %% %(name)s
                 ORDER BY similarity(vn_name_key, %(name)s) DESC
                 LIMIT %(limit)s
                """,
                params,
            )
            ids += [row[0] for row in self.env.cr.fetchall() if row[0] not in ids]
        return ids

    def _vn_duplicate_public_info(self):
        """What the current user may be shown of these partners: {id: dict}.

        A partner the user may not read shows only its name, its salesperson
        and a masked phone number.
        """
        readable = set(self._filtered_access("read").ids)
        info = {}
        # sudo: read the name, owner and phone of partners the user may not open, masked below.
        for partner in self.sudo():
            phone = partner.mobile or partner.phone or ""
            info[partner.id] = {
                "name": partner.display_name,
                "owner": partner.user_id.name or "",
                "phone": phone if partner.id in readable else mask_phone(phone),
                "email": partner.email or "" if partner.id in readable else "",
                "readable": partner.id in readable,
            }
        return info

    @api.model
    def _vn_duplicate_list(self, candidates):
        """The likely duplicates as the user may see them, in words: a list of dicts (``id``, ``name``,
        ``owner``, ``detail``: masked phone and email, ``match``: score and reasons, ``readable``, ``advice``)."""
        partners = self.browse([c["partner"].id for c in candidates])
        info = partners._vn_duplicate_public_info()
        rows = []
        for candidate in candidates:
            data = info[candidate["partner"].id]
            if data["readable"]:
                advice = ""
            elif data["owner"]:
                advice = self.env._(
                    "Ask %(owner)s or your manager to hand this customer over instead of creating it again.",
                    owner=data["owner"],
                )
            else:
                advice = self.env._("Ask your manager to hand this customer over instead of creating it again.")
            rows.append(
                {
                    "id": candidate["partner"].id,
                    "name": data["name"],
                    "owner": (
                        self.env._("owner: %(owner)s", owner=data["owner"]) if data["owner"] else self.env._("no owner")
                    ),
                    "detail": ", ".join(filter(None, [data["phone"], data["email"]])),
                    "match": self.env._(
                        "%(score)s%% match, %(reasons)s",
                        score=int(candidate["score"]),
                        reasons=", ".join(candidate["reasons"]),
                    ),
                    "readable": data["readable"],
                    "advice": advice,
                }
            )
        return rows

    @api.model
    def _vn_duplicate_html(self, candidates, rows=None):
        """The warning as html; ``rows``: ``_vn_duplicate_list(candidates)`` when the caller has it already."""
        rows = rows if rows is not None else self._vn_duplicate_list(candidates)
        items = [
            Markup("<li><strong>%s</strong> (%s) %s: %s%s</li>")
            % (
                row["name"],
                row["owner"],
                row["detail"],
                row["match"],
                Markup(" <em>%s</em>") % row["advice"] if row["advice"] else "",
            )
            for row in rows
        ]
        return Markup("<div><p>%s</p><ul>%s</ul></div>") % (
            self.env._("This customer may already exist:"),
            Markup("").join(items),
        )

    def _crm_vn_merge_snapshot(self):
        """The values kept in the merge log, to trace a wrong merge."""
        self.ensure_one()
        values = self.read(list(LOGGED_FIELDS))[0]
        return {key: value[1] if isinstance(value, tuple) else value for key, value in values.items()}

    # ------------------------------------------------------------------
    # Policy on create and write
    # ------------------------------------------------------------------

    def _vn_duplicate_check_allowed_to_skip(self):
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    def _vn_enforce_duplicate_policy(self, vals_list):
        """Refuse exact phone/e-mail duplicates when the company policy says so.

        Concurrent saves of the same number are serialised with an advisory
        lock per key, and the check reads committed data through a fresh
        cursor, so that two salespeople saving the same customer at the same
        moment end with one customer.
        """
        if self.env.context.get("crm_vn_skip_duplicate_check") and self._vn_duplicate_check_allowed_to_skip():
            return
        # Imports too: they report duplicates row by row first (res_partner_import.py), but a row that would
        # re-create another salesperson's customer is refused here whatever the import's context says.
        for index, vals in enumerate(vals_list):
            record = self[index : index + 1]
            company = self.env["res.company"].browse(vals.get("company_id")) or record.company_id or self.env.company
            if company.crm_vn_duplicate_policy != "block":
                continue
            new = self._vn_match_data(vals, record)
            keys = sorted(new.phones | ({new.email} if new.email else set()))
            if not keys:
                continue
            for key in keys:
                self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(hashtext(%s))", f"crm_vn_partner:{key}"))
            blocking = self._vn_exact_duplicates(new, company, record)
            if blocking:
                raise ValidationError(self._vn_refusal_message(vals, blocking))

    def _vn_exact_duplicates(self, new, company, record):
        """Public info of the partners sharing a phone or e-mail with ``new`` and scoring
        at or above the threshold: those of this transaction, and those committed
        by a concurrent transaction since ours began (read through a fresh cursor)."""
        found = self._vn_exact_duplicate_scores(new, company, record)
        with self.env.registry.cursor() as cr:
            fresh = self.with_env(self.env(cr=cr))
            committed = fresh._vn_exact_duplicate_scores(new, company, record)
            info = fresh.browse(list(set(committed) - set(found)))._vn_duplicate_public_info()
        info.update(self.browse(list(found))._vn_duplicate_public_info())
        scores = {**committed, **found}
        return [dict(info[partner_id], score=score) for partner_id, score in scores.items()]

    def _vn_exact_duplicate_scores(self, new, company, record):
        threshold = company.crm_vn_duplicate_threshold or 85
        # sudo: candidates the user cannot read count too; only ids and scores leave.
        candidates = self.sudo().browse(self._vn_candidate_ids(new, company, exclude=record.ids))
        found = {}
        for candidate in candidates:
            score, codes = score_pair(new, candidate._vn_match_data({}, candidate))
            if score >= threshold and {"same_phone", "same_email"} & set(codes):
                found[candidate.id] = score
        return found

    def _vn_refusal_message(self, vals, blocking):
        lines = [
            self.env._(
                "%(name)s (owner: %(owner)s, %(phone)s): %(score)s%% match",
                name=item["name"],
                owner=item["owner"] or "-",
                phone=item["phone"] or "-",
                score=int(item["score"]),
            )
            for item in blocking
        ]
        return self.env._(
            "%(name)s already exists with the same phone number or email:\n%(lines)s\n"
            "Ask the owner or your manager to hand the customer over instead of creating it again.",
            name=vals.get("name") or self[:1].name or "",
            lines="\n".join(lines),
        )

    # The duplicate policy, on values crm_vn_customer has checked and cleaned (models/res_partner_values.py).

    def _crm_vn_check_create_values(self, vals_list):
        result = super()._crm_vn_check_create_values(vals_list)
        self.browse()._vn_enforce_duplicate_policy(vals_list)
        return result

    def _crm_vn_check_write_values(self, vals):
        result = super()._crm_vn_check_write_values(vals)
        if any(fname in vals for fname in ("phone", "mobile", "email", "name")):
            for partner in self:
                partner._vn_enforce_duplicate_policy([vals])
        return result

    # ------------------------------------------------------------
    # Import
    # ------------------------------------------------------------
    # Duplicates in imports (base_import's test run and import, or ``load`` over RPC).
    #
    # Each row about to create a customer is checked against existing
    # customers, earlier rows of the same file included (they are in the
    # database by then). Per the company's setting the row is skipped, linked to
    # the existing customer, or created anyway; every case is reported as a
    # warning naming the row, the match and its score, in the test run too.

    def load(self, fields, data):
        if not self.env.context.get("import_file") or "crm_vn_import_report" in self.env.context:
            return super().load(fields, data)
        report = []
        result = super(ResPartner, self.with_context(crm_vn_import_report=report)).load(fields, data)
        if report:
            result = dict(result, messages=list(result.get("messages", [])) + report)
        return result

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        report = self.env.context.get("crm_vn_import_report")
        skip_allowed = (
            self.env.context.get("crm_vn_skip_duplicate_check") and self._vn_duplicate_check_allowed_to_skip()
        )
        if report is None or skip_allowed:
            return super()._load_records(data_list, update=update, ignore_duplicates=ignore_duplicates)
        mode = self.env.company.crm_vn_duplicate_import_mode
        threshold = self.env.company.crm_vn_duplicate_threshold or 85
        kept = []
        linked = []
        earlier = []  # (MatchData, name) of the rows of this batch that will be created
        for data in data_list:
            values = data["values"]
            if values.get("id") or (data.get("xml_id") and self.env.ref(data["xml_id"], raise_if_not_found=False)):
                kept.append(data)
                continue
            self.flush_model()
            match = self._vn_match_data(values, self.browse())
            candidates = self.browse()._vn_duplicate_candidates(values, limit=3)
            in_file = self._vn_best_in_batch(match, earlier, threshold)
            if not candidates and not in_file:
                kept.append(data)
                earlier.append((match, values.get("name") or ""))
                continue
            if candidates:
                best = candidates[0]
                match_name = best["partner"]._vn_duplicate_public_info()[best["partner"].id]["name"]
            else:
                best = in_file
                match_name = self.env._("%(name)s (an earlier row of this file)", name=in_file["name"])
            kwargs = {
                "name": values.get("name") or "",
                "match": match_name,
                "score": int(best["score"]),
                "reasons": ", ".join(best["reasons"]),
            }
            row_mode = mode
            if mode == "link" and candidates and not best["partner"].has_access("read"):
                row_mode = "skip"  # another salesperson's customer: not linked to a row of the importer's
            message = self._vn_import_message(row_mode, kwargs)
            report.append(dict(data.get("info", {}), type="warning", message=message, vn_import_report=True))
            if row_mode == "create":
                kept.append(data)
                earlier.append((match, values.get("name") or ""))
            elif row_mode == "link" and candidates:
                linked.append((data, best["partner"]))
        records = super()._load_records(kept, update=update, ignore_duplicates=ignore_duplicates)
        for data, partner in linked:
            if data.get("xml_id"):
                self.env["ir.model.data"].sudo()._update_xmlids(
                    [{"xml_id": data["xml_id"], "record": partner, "noupdate": data.get("noupdate", False)}]
                )
            records |= partner
        return records

    def _vn_import_message(self, mode, kwargs):
        if mode == "skip":
            return self.env._(
                "Not imported: %(name)s already exists as %(match)s (%(score)s%% match: %(reasons)s).", **kwargs
            )
        if mode == "link":
            return self.env._("Linked to the existing customer %(match)s (%(score)s%% match: %(reasons)s).", **kwargs)
        return self.env._(
            "Created although %(match)s looks like the same customer (%(score)s%% match: %(reasons)s).", **kwargs
        )

    def _vn_best_in_batch(self, match, earlier, threshold):
        """The best match of ``match`` among earlier rows of the same batch, as a candidate dict."""
        labels = self._vn_reason_labels()
        best = None
        for other, name in earlier:
            score, codes = score_pair(match, other)
            if score >= threshold and (best is None or score > best["score"]):
                best = {"name": name, "score": score, "reasons": [labels[code] for code in codes]}
        return best
