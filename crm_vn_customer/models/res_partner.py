import functools
from collections import defaultdict
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.sql import create_index

from odoo.addons.crm_vn_base.tools.channels import channel_selection
from odoo.addons.crm_vn_base.tools.vietnam_time import today_in_vietnam

# Fields whose change is announced to the customer's followers (owner, team
# leader, other departments), not only written in the chatter.
PROFILE_KEY_FIELDS = (
    "user_id",
    "team_id",
    "phone",
    "mobile",
    "email",
    "lifecycle_stage",
    "preferred_channel",
    "birthdate_date",
)
# Context keys with which Odoo adds a contact's address, email, tax id or id to its display name. Any RPC caller can
# set them; Odoo computes display names of many2one values as superuser: they never format a contact the real user
# cannot read.
# Who is a customer (crm_vn_is_customer): a contact outside the company with a lifecycle stage or a salesperson.
CUSTOMER_DOMAIN = [("partner_share", "=", True), "|", ("lifecycle_stage", "!=", False), ("user_id", "!=", False)]
DISPLAY_NAME_DETAIL_KEYS = ("show_address", "show_email", "show_vat", "partner_show_db_id", "address_inline")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Demographics (names and meanings of OCA partner_contact_gender/birthdate)
    # The profile's fields are read together (the form, the reports), not with every contact that is read (its
    # name in a list or a many2one): a prefetch group of their own, as website's meta fields. Not the birthdate
    # nor the match keys: the duplicate check of the form reads them with the rest.
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")],
        tracking=True,
        prefetch="crm_vn_profile",
    )
    birthdate_date = fields.Date("Birthdate", tracking=True, index=True)
    birthday_key = fields.Char(
        compute="_compute_birthday_key",
        store=True,
        index=True,
        prefetch="crm_vn_profile",
        help="Month and day of the birthdate (MM-DD), for the birthday filters.",
    )
    age = fields.Integer(compute="_compute_age")
    birthday_window = fields.Selection(
        [("today", "Today"), ("week", "This week"), ("month", "This month")],
        compute="_compute_birthday_window",
        search="_search_birthday_window",
    )
    income_band = fields.Selection(
        [
            ("lt_10m", "Under 10 million VND/month"),
            ("10_20m", "10-20 million VND/month"),
            ("20_50m", "20-50 million VND/month"),
            ("50_100m", "50-100 million VND/month"),
            ("gt_100m", "Over 100 million VND/month"),
        ],
        prefetch="crm_vn_profile",
    )
    occupation = fields.Char(prefetch="crm_vn_profile")
    marital_status = fields.Selection(
        [
            ("single", "Single"),
            ("married", "Married"),
            ("divorced", "Divorced"),
            ("widowed", "Widowed"),
        ],
        prefetch="crm_vn_profile",
    )
    interest_ids = fields.Many2many("crm.vn.interest", string="Interests")

    # Channels and source
    preferred_channel = fields.Selection(
        channel_selection("call", "zalo", "sms", "email", "facebook", "in_person"),
        tracking=True,
        prefetch="crm_vn_profile",
    )
    best_contact_time = fields.Selection(
        [
            ("morning", "Morning (8:00-11:30)"),
            ("noon", "Lunch break (11:30-13:30)"),
            ("afternoon", "Afternoon (13:30-17:30)"),
            ("evening", "Evening (after 18:00)"),
            ("weekend", "Weekends"),
            ("anytime", "Any time"),
        ],
        string="Best Time to Reach",
        prefetch="crm_vn_profile",
    )
    source_id = fields.Many2one(
        "utm.source",
        string="Lead Source",
        ondelete="set null",
        prefetch="crm_vn_profile",
        domain=[("crm_vn_customer_source", "=", True)],
    )

    # Relationship
    customer_since = fields.Date(prefetch="crm_vn_profile")
    lifecycle_stage = fields.Selection(
        [
            ("prospect", "Prospect"),
            ("customer", "Customer"),
            ("vip", "Loyal / VIP"),
            ("inactive", "Inactive"),
        ],
        tracking=True,
    )
    # Who is a customer: the one definition (CUSTOMER_DOMAIN), for the customer menus, pickers, jobs, dashboards and
    # SQL reports (_crm_vn_customer_sql).
    crm_vn_is_customer = fields.Boolean(
        "Is a Customer",
        compute="_compute_crm_vn_is_customer",
        search="_search_crm_vn_is_customer",
        help="A contact outside the company (no internal user) with a lifecycle stage or a salesperson.",
    )
    owner_archived = fields.Boolean(
        compute="_compute_owner_archived",
        search="_search_owner_archived",
        help="The salesperson who owns this customer has left (archived user).",
    )

    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
        tracking=True,
        ondelete="set null",
        help="Defaults to the team of the salesperson; its leader sees the customer too.",
    )

    # Industry-specific fields, defined by administrators on the company
    profile_company_id = fields.Many2one(
        "res.company",
        compute="_compute_profile_company_id",
        store=True,
        precompute=True,
        prefetch="crm_vn_profile",
    )
    profile_properties = fields.Properties(
        definition="profile_company_id.crm_vn_partner_properties_definition",
        copy=True,
    )

    @api.depends("birthdate_date")
    def _compute_birthday_key(self):
        for partner in self:
            partner.birthday_key = partner.birthdate_date and partner.birthdate_date.strftime("%m-%d")

    @api.depends("birthdate_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for partner in self:
            born = partner.birthdate_date
            if not born or born > today:
                partner.age = 0
                continue
            partner.age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    def _compute_birthday_window(self):
        today = fields.Date.context_today(self)
        windows = {window: set(self._birthday_keys_of(window, today)) for window in ("today", "week", "month")}
        for partner in self:
            key = partner.birthday_key
            partner.birthday_window = next(
                (window for window in ("today", "week", "month") if key in windows[window]),
                False,
            )

    @api.model
    def _birthday_keys_of(self, window, today):
        """Return the MM-DD keys of the days in ``window`` around ``today``.

        The week is the ISO week (Monday to Sunday) and the month the calendar
        month; someone born on 29 February is greeted on the 28th in other years.
        """
        if window == "today":
            days = [today]
        elif window == "week":
            monday = today - timedelta(days=today.weekday())
            days = [monday + timedelta(days=offset) for offset in range(7)]
        elif window == "month":
            first = today.replace(day=1)
            days = [first + timedelta(days=offset) for offset in range(31)]
            days = [day for day in days if day.month == today.month]
        else:
            return []
        keys = [day.strftime("%m-%d") for day in days]
        if "02-28" in keys and "02-29" not in keys:
            keys.append("02-29")
        return keys

    def _search_birthday_window(self, operator, value):
        if operator not in ("=", "in"):
            raise ValidationError(self.env._("Unsupported search on the birthday filter."))
        windows = [value] if operator == "=" else list(value)
        today = fields.Date.context_today(self)
        keys = {key for window in windows for key in self._birthday_keys_of(window, today)}
        return [("birthday_key", "in", sorted(keys))]

    @api.depends("partner_share", "lifecycle_stage", "user_id")
    def _compute_crm_vn_is_customer(self):
        for partner in self:
            partner.crm_vn_is_customer = partner.partner_share and bool(partner.lifecycle_stage or partner.user_id)

    def _search_crm_vn_is_customer(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        # Odoo flushes the fields of the domain searched, not those of the domain returned here.
        self.flush_model(["partner_share", "lifecycle_stage", "user_id"])
        if (operator == "=") == value:
            return CUSTOMER_DOMAIN
        return ["!", *expression.normalize_domain(CUSTOMER_DOMAIN)]

    @api.model
    def _crm_vn_customer_sql(self, alias):
        """CUSTOMER_DOMAIN in SQL on ``res_partner`` rows named ``alias``, for the reports' queries."""
        return SQL(
            "(%(p)s.partner_share AND (%(p)s.lifecycle_stage IS NOT NULL OR %(p)s.user_id IS NOT NULL))",
            p=SQL.identifier(alias),
        )

    @api.depends("user_id.active")
    def _compute_owner_archived(self):
        for partner in self:
            partner.owner_archived = bool(partner.user_id) and not partner.user_id.active

    def _search_owner_archived(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on the archived owner filter."))
        archived_users = self.env["res.users"].with_context(active_test=False)._search([("active", "=", False)])
        positive = (operator == "=") == value
        return [("user_id", "in" if positive else "not in", archived_users)]

    @api.depends("user_id")
    def _compute_team_id(self):
        for partner in self:
            user = partner.user_id
            if user and user not in partner.team_id.member_ids:
                partner.team_id = user.sale_team_id
            elif not user and not partner.team_id:
                partner.team_id = False

    @api.depends_context("uid")  # the cached name of a superuser environment depends on the real user too
    def _compute_display_name(self):
        """Display names computed as superuser (the value of a many2one, the match shown by the duplicate check)
        carry no address, email or tax id of a contact the real user may not read."""
        keys = [key for key in DISPLAY_NAME_DETAIL_KEYS if self.env.context.get(key)]
        if not keys or not self.env.su or self.env.uid == SUPERUSER_ID:
            return super()._compute_display_name()
        stored = self.filtered(lambda partner: isinstance(partner.id, int))
        hidden = stored - stored.with_env(self.env(su=False))._filtered_access("read")
        super(ResPartner, self - hidden)._compute_display_name()
        if hidden:
            # Computed here rather than read: the field is being computed (protected), a read would not compute it.
            plain = hidden.with_context({k: v for k, v in self.env.context.items() if k not in keys})  # pylint: disable=context-overridden
            super(ResPartner, plain)._compute_display_name()
            for partner, clean in zip(hidden, plain, strict=True):
                partner.display_name = clean.display_name

    @api.depends("company_id")
    def _compute_profile_company_id(self):
        for partner in self:
            partner.profile_company_id = partner.company_id or partner.profile_company_id or self.env.company

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    # Match keys of the numbers, compared by duplicate detection, consent, the Do-Not-Call list and the pickers; emails
    # are compared on Odoo's email_normalized, indexed in init(). Why two more stored numbers beside phone, mobile and
    # Odoo's phone_sanitized:
    # - phone and mobile hold E.164 only for Vietnamese contacts (l10n_vn_phone normalises a number when the contact,
    #   or its company, is in Vietnam); a company set up elsewhere keeps its numbers as typed;
    # - phone_sanitized is Odoo's one number per contact (the mobile, else the phone): a duplicate shares either;
    # - so the keys are both numbers read the same way for every contact (its own country when it has one other than
    #   Vietnam, else Vietnam's), each with a btree index: the duplicate check looks a number up in both at once
    #   (res_partner.py of crm_vn_dedupe), which an index on a Python normalisation could not serve.
    vn_phone_key = fields.Char("Phone Match Key", compute="_compute_vn_phone_keys", store=True, index=True, copy=False)
    vn_mobile_key = fields.Char(
        "Mobile Match Key", compute="_compute_vn_phone_keys", store=True, index=True, copy=False
    )

    @api.depends("phone", "mobile", "country_id")
    def _compute_vn_phone_keys(self):
        vietnam = self.env["res.country"].browse(self.env["ir.model.data"]._xmlid_to_res_id("base.vn"))
        for partner in self:
            # A contact of another country: its numbers read there (a US number is not a Vietnamese one).
            country = partner.country_id or vietnam
            partner.vn_phone_key = partner._vn_phone_key(partner.phone, country)
            partner.vn_mobile_key = partner._vn_phone_key(partner.mobile, country)

    @api.model
    def _vn_phone_key(self, number, vietnam=None):
        """Odoo's sanitized form of ``number`` (phone_validation's ``_phone_format``, Vietnam-aware through
        l10n_vn_phone), the value of ``phone_sanitized`` on partners, leads, SMS and blacklists: a number without
        country code is read as Vietnamese (or in the country given); one that cannot be read is compared as typed,
        without spaces. ``vietnam``: the country to read it in, when the caller already has it (Vietnam's record)."""
        if not number:
            return False
        # The country by its cached external id: env.ref() would query the table on every call (duplicate check).
        vietnam = vietnam or self.env["res.country"].browse(self.env["ir.model.data"]._xmlid_to_res_id("base.vn"))
        return self.browse()._phone_format(number=number, country=vietnam) or number.replace(" ", "")

    @api.model
    def _search_display_name(self, operator, value):
        """A customer is also found by a phone number however it is typed ("0912 345 678", "+84 912..."): the
        pickers of the web client and the mobile app (a complaint's customer, a lead's) search by number too."""
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "=ilike", "=") and isinstance(value, str) and sum(c.isdigit() for c in value) >= 9:
            key = self._vn_phone_key(value)
            if key and key.startswith("+"):
                domain = expression.OR([domain, ["|", ("vn_phone_key", "=", key), ("vn_mobile_key", "=", key)]])
        return domain

    def init(self):
        result = super().init()
        # Duplicate detection, consent and the mail gateway look customers up by Odoo's normalised email.
        create_index(
            self.env.cr,
            "res_partner_email_normalized_index",
            self._table,
            ["email_normalized"],
            where="email_normalized IS NOT NULL",
        )
        return result

    def _check_access(self, operation):
        """The record rules of the partners read, checked in one SQL query.

        Odoo 18 checks the rules of the records it reads in Python
        (``filtered_domain``), leaf by leaf on every record: with the suite's
        ownership rules on customers, that check cost a salesperson's list of
        80 customers more than the rest of the request. Here the same rule
        domain is evaluated by PostgreSQL on the ids, as Odoo itself did up
        to 16.0 and as every search does: the same records pass (tested
        against ``filtered_domain``), the same error is raised.
        """
        ids = self._ids
        if operation != "read" or self.env.su or not ids or not all(isinstance(record_id, int) for record_id in ids):
            # Records being created or written are in the cache, which Python reads without flushing them first.
            return super()._check_access(operation)
        if not self.env["ir.model.access"].check(self._name, operation, raise_exception=False):
            return super()._check_access(operation)
        Rule = self.env["ir.rule"]
        domain = Rule._compute_domain(self._name, operation)
        if not domain:
            return None
        # sudo: the rules themselves are the condition; the ids are those asked for.
        query = self.sudo().with_context(active_test=False)._where_calc(domain)
        query.add_where(SQL("%s IN %s", SQL.identifier(query.table, "id"), tuple(set(ids))))
        allowed = {record_id for (record_id,) in self.env.execute_query(query.select())}
        forbidden = self.browse(record_id for record_id in ids if record_id not in allowed)
        if forbidden:
            return forbidden, functools.partial(Rule._make_access_error, operation, forbidden)
        return None

    @api.model
    def default_get(self, fields_list):
        """A salesperson who sees only their own customers owns the customers they create (form, import, RPC, quick
        check): left without owner, the customer would be every salesperson's. A new contact of the sales team
        belongs to the company it is created in (``_crm_vn_default_company``)."""
        defaults = super().default_get(fields_list)
        if "user_id" in fields_list and not defaults.get("user_id") and self._crm_vn_own_documents_only():
            defaults["user_id"] = self.env.uid
        if (
            "company_id" in fields_list
            and not defaults.get("company_id")
            and "default_company_id" not in self.env.context
        ):
            company = self._crm_vn_default_company()
            if company:
                defaults["company_id"] = company.id
        return defaults

    @api.model
    def _crm_vn_own_documents_only(self):
        user = self.env.user
        return user.has_group("sales_team.group_sale_salesman") and not user.has_group(
            "sales_team.group_sale_salesman_all_leads"
        )

    @api.model
    def _crm_vn_default_company(self):
        """The company of a new contact of the sales team: the one it is created in (a customer is not shared with
        the other companies unless a manager says so by emptying it). Administrators who manage users keep Odoo's
        default (no company): the contacts of users they create are shared."""
        user = self.env.user
        if (
            self.env.su
            or not user.has_group("sales_team.group_sale_salesman")
            or user.has_group("base.group_erp_manager")
        ):
            return None
        return self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        # The values are checked first (crm_vn_base checks them again below every override): the overrides read them
        # (phones, birthdate, parent), and a value the database would refuse must be a clear error here too, not a
        # traceback. Add-ons that check the values further do it in the hooks called once they are clean
        # (_crm_vn_check_create_values / _crm_vn_check_write_values: crm_vn_dedupe's duplicate policy).
        if not self.env.su:
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        self.browse()._crm_vn_check_create_values(vals_list)
        own_only = not self.env.su and self._crm_vn_own_documents_only()
        for vals in vals_list:
            if vals.get("parent_id") and vals.get("user_id", False) in (False, self.env.uid):
                # A contact person belongs to the same salesperson as the customer (the creator's own default
                # gives way to it; the contact of a company without owner has none either).
                parent = self.browse(vals["parent_id"]).commercial_partner_id
                if parent.user_id or own_only:
                    vals["user_id"] = parent.user_id.id
            elif own_only and not vals.get("user_id"):
                # Not left to everyone: a salesperson who sees only their own customers owns those they create.
                vals["user_id"] = self.env.uid
            if vals.get("lifecycle_stage") in ("customer", "vip") and not vals.get("customer_since"):
                vals["customer_since"] = fields.Date.context_today(self)
        partners = super().create(vals_list)
        # The leaders follow their team's new customers through Odoo's auto-subscription (below), which sees the
        # values given and the context's defaults; not the rest: imports disable it, a team may come from a default.
        if self.env.context.get("tracking_disable"):
            partners.filtered("team_id")._crm_vn_subscribe_team_leaders()
        else:
            given = {key[8:] for key in self.env.context if key.startswith("default_")}
            partners.browse(
                partner.id
                for partner, vals in zip(partners, vals_list, strict=True)
                if partner.team_id and not {"user_id", "team_id"} & (vals.keys() | given)
            )._crm_vn_subscribe_team_leaders()
        return partners

    def write(self, vals):
        if not self.env.su:
            vals = self._crm_vn_clean_values(vals)
        self._crm_vn_check_write_values(vals)
        if vals.get("lifecycle_stage") in ("customer", "vip") and "customer_since" not in vals:
            without_date = self.filtered(lambda p: not p.customer_since)
            if without_date:
                super(ResPartner, without_date).write({"customer_since": fields.Date.context_today(self)})
        old_owners = {partner.id: partner.user_id for partner in self} if "user_id" in vals else {}
        result = super().write(vals)
        if old_owners:
            self._crm_vn_propagate_owner(old_owners)
            self._crm_vn_unfollow_former_owners(old_owners)
        if "user_id" in vals or "team_id" in vals:
            self._crm_vn_subscribe_team_leaders()
        return result

    def _crm_vn_propagate_owner(self, old_owners):
        """Contacts of a customer follow it to its new salesperson (unless they had another one)."""
        for partner in self.filtered(lambda p: p.is_company or p.child_ids):
            children = partner.child_ids.filtered(
                lambda c, old=old_owners[partner.id]: c.user_id == old or not c.user_id
            )
            if children:
                children.write({"user_id": partner.user_id.id})

    def _crm_vn_unfollow_former_owners(self, old_owners):
        """A salesperson who no longer owns a customer stops following it and its contacts (profile changes, emails
        and messages would keep reaching them); a team leader who still sees it follows it again below."""
        for partner in self:
            old = old_owners[partner.id]
            if old and old != partner.user_id:
                # sudo: the writer may no longer read the customer they just gave away.
                (partner | partner.child_ids).sudo().message_unsubscribe(partner_ids=old.partner_id.ids)

    # ------------------------------------------------------------------
    # Mail
    # ------------------------------------------------------------------

    def _track_subtype(self, init_values):
        self.ensure_one()
        if any(fname in init_values for fname in PROFILE_KEY_FIELDS):
            return self.env.ref("crm_vn_customer.mt_customer_profile_change")
        return super()._track_subtype(init_values)

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        """The leader of a new customer's sales team follows it with its owner, in the same subscription as Odoo
        makes for the owner (one record: a customer being created, or one whose owner or team changes)."""
        followers = super()._message_auto_subscribe_followers(updated_values, default_subtype_ids)
        if len(self) != 1 or not {"user_id", "team_id"} & updated_values.keys():
            return followers
        team = self.sudo().team_id  # sudo: the leader follows whoever writes
        # crm.team.user_id is an internal user (its domain): the model's default subtypes, as the owner's.
        leader_partner_id = self._crm_vn_team_leaders(team.ids).get(team.id, (None, None))[0]
        if leader_partner_id and leader_partner_id not in {partner_id for partner_id, __, __ in followers}:
            followers.append((leader_partner_id, default_subtype_ids, False))
        return followers

    @api.model
    def _crm_vn_team_leaders(self, team_ids):
        """{team id: (partner id, share)} of the active leaders of the teams ``team_ids``, in one query."""
        if not team_ids:
            return {}
        self.env["crm.team"].flush_model(["user_id"])
        self.env["res.users"].flush_model(["active", "partner_id", "share"])
        rows = self.env.execute_query(
            SQL(
                """SELECT team.id, leader.partner_id, leader.share
                     FROM crm_team team JOIN res_users leader ON leader.id = team.user_id
                    WHERE team.id IN %s AND leader.active""",
                tuple(team_ids),
            )
        )
        return {team_id: (partner_id, share) for team_id, partner_id, share in rows}

    def _crm_vn_subscribe_team_leaders(self):
        """The leader of the customer's sales team follows it, like its owner (default subtypes; an existing
        follower is left as is). What ``message_subscribe`` does, without its searches and in one query for the
        leaders: a customer is created on every call of a sales team's day."""
        # sudo: the write that set the team was checked; the caller may have
        # just given the customer away and can no longer subscribe on it.
        partners_of_team = defaultdict(list)
        for partner in self.sudo():
            if partner.team_id:
                partners_of_team[partner.team_id.id].append(partner.id)
        if not partners_of_team:
            return
        for team_id, (leader_partner_id, share) in self._crm_vn_team_leaders(list(partners_of_team)).items():
            self.env["mail.followers"].sudo()._insert_followers(
                self._name,
                partners_of_team[team_id],
                [leader_partner_id],
                customer_ids=[leader_partner_id] if share else [],
                check_existing=True,
                existing_policy="skip",
            )

    # ------------------------------------------------------------------
    # Scheduled jobs
    # ------------------------------------------------------------------

    @api.model
    def _cron_birthday_activities(self):
        """Give each owner a to-do for the birthdays of their customers today in Vietnam, whatever the time zone of the
        job's user, written in the owner's language (idempotent; one process at a time: crm.vn.job.run)."""
        if not self.env["crm.vn.job.run"]._try_start("crm_vn_customer.birthday_activities"):
            return self.browse()
        today = today_in_vietnam()
        activity_type = self.env.ref("crm_vn_customer.mail_activity_type_birthday")
        partners = self.search(
            [
                ("birthday_key", "in", self._birthday_keys_of("today", today)),
                ("user_id", "!=", False),
                ("user_id.active", "=", True),
            ]
        )
        already = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", activity_type.id),
                ("date_deadline", "=", today),
            ]
        )
        greeted = set(already.mapped("res_id"))
        for partner in partners.filtered(lambda p: p.id not in greeted):
            partner.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=today,
                user_id=partner.user_id.id,
                summary=partner.with_context(lang=partner.user_id.lang or None).env._(
                    "Birthday of %(name)s", name=partner.name
                ),
            )
        return partners

    def _crm_vn_check_create_values(self, vals_list):
        """Hook: check the (clean) values of partners about to be created; raise to refuse them."""

    def _crm_vn_check_write_values(self, vals):
        """Hook: check the (clean) values about to be written on these partners; raise to refuse them."""

    @api.readonly
    def get_attendee_detail(self, meeting_ids):
        """The calendar view lists the attendees of the meetings it shows by name: read them as superuser once the
        meetings are known to be readable, leaving out the private meetings of others the user does not attend
        (Odoo shows those as "Busy", without attendees)."""
        meetings = self.env["calendar.event"].browse(meeting_ids)
        meetings.check_access("read")
        # sudo: privacy and attendees of meetings the user may read, to leave out others' private ones.
        shown = meetings.sudo().filtered(lambda meeting: not meeting._check_private_event_conditions())
        # The attendee rows cached for the user leave out those of contacts they may not read: read them again.
        shown.invalidate_recordset(["attendee_ids"])
        try:
            # sudo: names and answers of the attendees of readable meetings, no contact details.
            return super(ResPartner, self.sudo()).get_attendee_detail(shown.ids)
        finally:
            shown.invalidate_recordset(["attendee_ids"])
