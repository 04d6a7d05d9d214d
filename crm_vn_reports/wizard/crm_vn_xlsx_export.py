import ast

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.l10n_vn_phone.tools.phone import format_vn_phone

from ..tools import xlsx_format as xf

# Records read per query; the ORM cache is emptied after each batch. The analytics are stored rows
# (materialized views), read in batches like any table.
BATCH_SIZE = 2000
KIND_MODELS = {
    "customers": "res.partner",
    "customer_analytics": "crm.vn.customer.report",
    "feedback": "crm.vn.feedback",
    "performance": "crm.vn.salesperson.report",
}
# Phone numbers, written as Vietnamese staff read them (l10n_vn_phone's format_vn_phone).
PHONE_FIELDS = ("phone", "mobile", "partner_phone")
# Columns, in order. Fields missing from the model (an add-on not installed) or
# restricted to groups the user is not in are left out.
PARTNER_FIELDS = (
    "name",
    "ref",
    "phone",
    "mobile",
    "email",
    "state_id",
    "city",
    "user_id",
    "team_id",
    "gender",
    "birthdate_date",
    "lifecycle_stage",
    "customer_since",
    "source_id",
)
ANALYTICS_FIELDS = (
    "first_order_date",
    "last_order_date",
    "order_count",
    "revenue",
    "average_order",
    "days_since_last_order",
    "rfm_score",
    "segment",
    "is_churned",
    "feedback_count",
    "rating_avg",
)
FEEDBACK_FIELDS = (
    "reference",
    "date_received",
    "partner_id",
    "channel",
    "feedback_type",
    "category_id",
    "priority",
    "name",
    "user_id",
    "team_id",
    "state",
    "response_deadline",
    "resolution_deadline",
    "sla_result",
    "escalation_level",
    "date_acknowledged",
    "date_resolved",
    "response_hours",  # computed here
    "resolution_hours",  # computed here
    "rating_last_value",
    "rating_last_feedback",
)
PERFORMANCE_MEASURES = (
    ("revenue", "sum"),
    ("order_count", "sum"),
    ("new_customer_count", "sum"),
    ("owned_customer_count", "sum"),
    ("repeat_rate", "avg"),
    ("feedback_handled", "sum"),
    ("sla_compliance", "avg"),
    ("rating", "avg"),
)
FIELD_TYPES = {
    "integer": xf.INTEGER,
    "float": xf.DECIMAL,
    "monetary": xf.MONETARY,
    "date": xf.DATE,
    "datetime": xf.DATETIME,
}
PERCENT_FIELDS = {"repeat_rate", "sla_compliance"}
ZERO_IS_EMPTY = {"rating_last_value", "rating_avg"}  # ratings go from 1 to 5: 0 means "not rated"
# KPIs read as 0 for a customer who never bought (integer and float columns read NULL as 0).
PURCHASE_KPIS = ("average_order", "days_since_last_order")
WIDTHS = {"name": 32, "partner_id": 32, "email": 28, "rating_last_feedback": 40}


class CrmVnXlsxExport(models.TransientModel):
    """An Excel export asked for from a list: what to export; the file is written when downloaded.

    ``action_export_from_list`` (the lists' "Export to Excel" actions) keeps
    the selected ids, or the list's domain when all matching records were
    selected; the route ``/crm_vn_reports/xlsx/<id>`` writes the file with
    ``_generate_xlsx`` and streams it. Everything is read with the requesting
    user's rights: record rules decide the rows, fields restricted to other
    groups are left out. To add an export, extend ``kind`` and
    ``_xlsx_tables``.
    """

    _name = "crm.vn.xlsx.export"
    _description = "Excel Export"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True

    kind = fields.Selection(
        [
            ("customers", "Customers"),
            ("customer_analytics", "Customer Analytics"),
            ("feedback", "Feedback Log"),
            ("performance", "Salesperson Performance"),
        ],
        required=True,
    )
    res_model = fields.Char("Model", compute="_compute_res_model", store=True)
    domain = fields.Text(default="[]", help="Domain of the list (a Python literal), used when no ids are given.")
    record_ids = fields.Json("Records", help="Ids of the records selected one by one; empty for the whole domain.")

    @api.depends("kind")
    def _compute_res_model(self):
        for export in self:
            export.res_model = KIND_MODELS.get(export.kind)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    @api.model
    def action_export_from_list(self, kind):
        """Entry point of the "Export to Excel" actions bound to the lists.

        The list passes the selected ids as ``active_ids`` and its domain as
        ``active_domain``. When "select all" was used, the web client searches
        the ids itself, at most ``web.active_ids_limit`` of them: a selection
        that reaches this limit (or no selection at all) exports the domain,
        anything smaller exports exactly the ids.
        """
        if kind not in KIND_MODELS:
            raise UserError(self.env._("Unknown export: %(kind)s.", kind=kind))
        context = self.env.context
        if context.get("active_model") not in (None, KIND_MODELS[kind]):
            raise UserError(self.env._("This export cannot be started from this list."))
        ids = [int(record_id) for record_id in context.get("active_ids") or []]
        domain = context.get("active_domain")
        # sudo: the system parameter every user's web client reads too (session info); nothing else is read.
        limit = int(self.env["ir.config_parameter"].sudo().get_param("web.active_ids_limit", default="20000"))
        whole_domain = domain is not None and (not ids or len(ids) >= limit)
        export = self.create(
            {
                "kind": kind,
                "domain": repr(list(domain)) if whole_domain else "[]",
                "record_ids": False if whole_domain else ids,
            }
        )
        if kind != "performance":
            count = self.env[KIND_MODELS[kind]].search_count(export._xlsx_domain())
            if count >= xf.MAX_ROWS:
                raise UserError(
                    self.env._(
                        "%(count)s rows cannot fit in an Excel sheet (at most %(limit)s): filter the list first.",
                        count=count,
                        limit=xf.MAX_ROWS - 1,
                    )
                )
        return export.action_download()

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/crm_vn_reports/xlsx/{self.id}",
            "target": "download",
        }

    # ------------------------------------------------------------
    # Writing the file
    # ------------------------------------------------------------

    def _generate_xlsx(self, path):
        """Write this export to the .xlsx file ``path``; return the number of data rows.

        Runs with the current user's rights and language (titles, labels,
        date formats) and time zone (datetimes). Records are read
        ``BATCH_SIZE`` at a time and the cache emptied after each batch,
        rows go to disk as they are written: memory stays flat whatever the
        number of rows.
        """
        self.ensure_one()
        user = self.env.user
        export = self.with_context(
            lang=self.env.context.get("lang") or user.lang,
            tz=self.env.context.get("tz") or user.tz,
        )
        title = export._xlsx_title()
        columns, rows = export._xlsx_tables()[export.kind]()
        lang = export.env["res.lang"]._get_data(code=export.env.lang or "en_US")
        date_format = xf.excel_date_format(lang.date_format or "%Y-%m-%d")
        time_format = xf.excel_date_format(lang.time_format or "%H:%M:%S")
        table = xf.XlsxTable(
            path,
            title,
            [(column_title, ctype, width) for __, column_title, ctype, width in columns],
            date_format=date_format,
            datetime_format=f"{date_format} {time_format}",
        )
        try:
            table.write_rows(rows)
        finally:
            count = table.close()
        return count

    def _xlsx_tables(self):
        """{kind: method returning (columns, rows)}; columns are (key, title, type, width), rows
        an iterable of (values, currency), currency as (symbol, decimal places, position)."""
        return {
            "customers": self._xlsx_customers_table,
            "customer_analytics": self._xlsx_customers_table,
            "feedback": self._xlsx_feedback_table,
            "performance": self._xlsx_performance_table,
        }

    def _xlsx_title(self):
        """Sheet and file title, in the user's language."""
        if self.kind == "feedback":
            return self.env._("Customer Feedback")
        if self.kind == "performance":
            return self.env._("Salesperson Performance")
        return self.env._("Customers")

    def _xlsx_filename(self):
        """e.g. khach-hang-2026-11-25.xlsx (today in the user's time zone)."""
        export = self.with_context(lang=self.env.context.get("lang") or self.env.user.lang)
        today = fields.Date.context_today(export.with_context(tz=self.env.context.get("tz") or self.env.user.tz))
        return f"{xf.slugify_filename(export._xlsx_title())}-{today.isoformat()}.xlsx"

    def _xlsx_domain(self):
        """The rows asked for: the selected ids, else the list's domain (record rules still apply)."""
        self.ensure_one()
        if self.record_ids:
            return [("id", "in", [int(record_id) for record_id in self.record_ids])]
        try:
            domain = ast.literal_eval(self.domain or "[]")
        except (ValueError, SyntaxError) as error:
            raise UserError(self.env._("The filter of this export cannot be read.")) from error
        if not isinstance(domain, list | tuple):
            raise UserError(self.env._("The filter of this export cannot be read."))
        return list(domain)

    # ------------------------------------------------------------
    # Tables
    # ------------------------------------------------------------

    def _xlsx_customers_table(self):
        """Customers with their profile and analytics KPIs, from the customers or the analytics list."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        Report = self.env["crm.vn.customer.report"]
        partner_columns = self._xlsx_columns(Partner, PARTNER_FIELDS, {"state_id": self.env._("Province")})
        kpi_columns = self._xlsx_columns(Report, ANALYTICS_FIELDS)
        partner_fnames = [column[0] for column in partner_columns]
        kpi_fnames = [column[0] for column in kpi_columns]
        names = {}
        partner_convert = self._xlsx_converters(Partner, partner_fnames, names)
        kpi_convert = self._xlsx_converters(Report, kpi_fnames, names)
        from_analytics = self.kind == "customer_analytics"
        currencies = {}
        kpi_read = [*kpi_fnames, "partner_id", "currency_id", "company_id"]
        links = ["partner_id", "company_id"]
        no_kpi = dict.fromkeys(kpi_read)
        current_company_id = self.env.company.id

        def pairs():
            if from_analytics:
                for kpis in self._xlsx_stream(Report, self._xlsx_domain(), kpi_read, names, links=links):
                    partners = self._xlsx_fetch(Partner, [kpi["partner_id"] for kpi in kpis], partner_fnames, names)
                    of = {partner["id"]: partner for partner in partners}
                    yield [(of.get(kpi["partner_id"]) or {}, kpi) for kpi in kpis]
            else:
                domain = self._xlsx_domain()
                for partners in self._xlsx_stream(
                    Partner.with_context(active_test=True), domain, partner_fnames, names
                ):
                    ids = [partner["id"] for partner in partners]
                    kpis = self._xlsx_fetch(Report, ids, kpi_read, names, key="partner_id", links=links)
                    # A customer of several companies has analytics in each: the current company's, if any.
                    of = {
                        kpi["partner_id"]: kpi
                        for kpi in sorted(kpis, key=lambda kpi: (kpi["company_id"] == current_company_id, kpi["id"]))
                    }
                    yield [(partner, of.get(partner["id"]) or no_kpi) for partner in partners]

        def rows():
            for batch in pairs():
                for partner, kpi in batch:
                    if kpi is not no_kpi and not kpi.get("last_order_date"):
                        kpi.update(dict.fromkeys(PURCHASE_KPIS))
                    values = [
                        convert(partner.get(fname))
                        for fname, convert in zip(partner_fnames, partner_convert, strict=True)
                    ]
                    values += [convert(kpi[fname]) for fname, convert in zip(kpi_fnames, kpi_convert, strict=True)]
                    yield values, self._xlsx_currency(kpi["currency_id"], currencies)
                self.env.invalidate_all()

        return partner_columns + kpi_columns, rows()

    def _xlsx_feedback_table(self):
        """The feedback log, with elapsed response and resolution hours."""
        Feedback = self.env["crm.vn.feedback"]
        computed = {
            "response_hours": (self.env._("Response Time (h)"), "date_acknowledged"),
            "resolution_hours": (self.env._("Resolution Time (h)"), "date_resolved"),
        }
        titles = {
            "rating_last_value": self.env._("Rating"),
            "rating_last_feedback": self.env._("Rating Comment"),
        }
        columns = []
        for fname in FEEDBACK_FIELDS:
            if fname in computed:
                columns.append((fname, computed[fname][0], xf.DECIMAL, 12))
            else:
                columns += self._xlsx_columns(Feedback, [fname], titles)
        fnames = [column[0] for column in columns if column[0] not in computed]
        names = {}
        converters = dict(zip(fnames, self._xlsx_converters(Feedback, fnames, names), strict=True))
        dates = ["date_received", *(date_fname for __, date_fname in computed.values())]
        read_fnames = list(dict.fromkeys([*fnames, *dates]))

        def rows():
            for batch in self._xlsx_stream(Feedback, self._xlsx_domain(), read_fnames, names):
                for feedback in batch:
                    for key, (__, end_fname) in computed.items():
                        start, end = feedback["date_received"], feedback[end_fname]
                        feedback[key] = (end - start).total_seconds() / 3600.0 if start and end else None
                    yield [converters.get(key, _identity)(feedback[key]) for key, *__ in columns], None
                self.env.invalidate_all()

        return columns, rows()

    def _xlsx_performance_table(self):
        """Salesperson performance per salesperson and month (amounts per currency)."""
        Report = self.env["crm.vn.salesperson.report"]
        measure_columns = self._xlsx_columns(Report, [fname for fname, __ in PERFORMANCE_MEASURES])
        readable = {column[0] for column in measure_columns}
        aggregates = [f"{fname}:{aggregate}" for fname, aggregate in PERFORMANCE_MEASURES if fname in readable]
        columns = [
            *self._xlsx_columns(Report, ["user_id"]),
            ("month", self.env._("Month"), xf.MONTH, 10),
            *measure_columns,
        ]
        groups = Report._read_group(self._xlsx_domain(), ["user_id", "date:month", "currency_id"], aggregates)
        currencies = {}
        groups.sort(key=lambda group: (group[0].display_name or "", group[1] or fields.Date.today(), group[2].id))

        def rows():
            for user, month, currency, *values in groups:
                yield [user.display_name or None, month, *values], self._xlsx_currency(currency.id, currencies)

        return columns, rows()

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _xlsx_columns(self, model, fnames, titles=None):
        """(key, title, type, width) of the fields the user may read, titles in the user's language."""
        columns = []
        for fname in fnames:
            field = model._fields.get(fname)
            if not field or not field.is_accessible(self.env):
                continue
            ctype = xf.PERCENT if fname in PERCENT_FIELDS else FIELD_TYPES.get(field.type, xf.TEXT)
            title = (titles or {}).get(fname) or field._description_string(self.env)
            columns.append((fname, title, ctype, WIDTHS.get(fname)))
        return columns

    def _xlsx_converters(self, model, fnames, names):
        """One function per field turning a value of ``_xlsx_read`` into a cell value (the names of many2one
        values from ``names``, filled as rows are read)."""
        tz = pytz.timezone(self.env.context.get("tz") or "UTC") if self._xlsx_valid_tz() else pytz.utc
        yes, no = self.env._("Yes"), self.env._("No")

        def to_local(value):
            return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None) if value else None

        def boolean(value):
            # None: no value at all (a customer without analytics), not "No"
            return None if value is None else yes if value else no

        converters = []
        for fname in fnames:
            field = model._fields[fname]
            if field.type == "many2one":
                known = names.setdefault(field.comodel_name, {})
                converters.append(lambda value, known=known: known[value] if value else None)
            elif field.type == "selection":
                labels = dict(field._description_selection(self.env))
                converters.append(lambda value, labels=labels: labels.get(value, value) if value else None)
            elif field.type == "boolean":
                converters.append(boolean)
            elif field.type == "datetime":
                converters.append(to_local)
            elif fname in ZERO_IS_EMPTY:
                converters.append(lambda value: value or None)
            elif fname in PHONE_FIELDS:
                # as staff read and dial them (0912 345 678); stored E.164
                converters.append(lambda value: format_vn_phone(value) or None)
            else:
                converters.append(_identity)
        return converters

    def _xlsx_stream(self, model, domain, fnames, names, *, links=()):
        """The records of ``model`` matching ``domain``, in the model's order, by batches of ``BATCH_SIZE``
        rows as ``_xlsx_read`` gives them, read with the user's rights.

        One query for the whole export: the records are searched with
        ``_search`` (record rules, active or not as the context says) and the
        stored fields selected in SQL with ``_field_to_sql`` (translations,
        field access), through a PostgreSQL cursor (``DECLARE``) fetched a
        batch at a time, so that memory stays flat; other fields are read with
        the ORM per batch. Nothing goes through the ORM cache: 100,000 rows
        cost a single pass over the table instead of building records. The
        many2ones of ``links`` are followed (ids), not named.
        """
        in_sql, others = self._xlsx_sql_fields(model, fnames)
        query = model._search(domain, order=model._order)
        sql = query.select(SQL.identifier(query.table, "id"), *self._xlsx_sql_columns(model, query, in_sql))
        keys = ["id", *in_sql]
        self.env.flush_all()  # the SQL below is run as is
        cursor = f"crm_vn_xlsx_{self.id or 0}_{model._table}"
        self.env.cr.execute(SQL("DECLARE %s NO SCROLL CURSOR FOR %s", SQL.identifier(cursor), sql))
        try:
            while True:
                self.env.cr.execute(SQL("FETCH FORWARD %s FROM %s", BATCH_SIZE, SQL.identifier(cursor)))
                fetched = self.env.cr.fetchall()
                if not fetched:
                    break
                rows = [dict(zip(keys, row, strict=True)) for row in fetched]
                yield self._xlsx_complete(model, rows, in_sql, others, names, links=links)
        finally:
            self.env.cr.execute(SQL("CLOSE %s", SQL.identifier(cursor)))

    def _xlsx_fetch(self, model, ids, fnames, names, *, key="id", links=()):
        """The rows (as ``_xlsx_read`` gives them) of the records of ``model`` whose ``key`` is in ``ids``,
        in no particular order, read with the user's rights as ``_xlsx_stream`` does (one query)."""
        in_sql, others = self._xlsx_sql_fields(model, fnames)
        query = model.with_context(active_test=False)._search([(key, "in", ids)])
        keys = ["id", *in_sql]
        sql = query.select(SQL.identifier(query.table, "id"), *self._xlsx_sql_columns(model, query, in_sql))
        rows = [dict(zip(keys, row, strict=True)) for row in self.env.execute_query(sql)]
        return self._xlsx_complete(model, rows, in_sql, others, names, links=links)

    @staticmethod
    def _xlsx_sql_fields(model, fnames):
        """(fields read in SQL, fields read with the ORM): computed and company-dependent fields by the ORM."""
        in_sql = [
            fname
            for fname in fnames
            if model._fields[fname].store
            and model._fields[fname].column_type
            and not model._fields[fname].company_dependent
        ]
        return in_sql, [fname for fname in fnames if fname not in in_sql]

    @staticmethod
    def _xlsx_sql_columns(model, query, fnames):
        """The SQL of the fields ``fnames``; numbers and booleans NULL read 0 and False, as ``read()`` gives them."""
        columns = []
        for fname in fnames:
            sql = model._field_to_sql(query.table, fname, query)
            ftype = model._fields[fname].type
            if ftype in ("integer", "float", "monetary"):
                sql = SQL("COALESCE(%s, 0)", sql)
            elif ftype == "boolean":
                sql = SQL("COALESCE(%s, FALSE)", sql)
            columns.append(sql)
        return columns

    def _xlsx_complete(self, model, rows, in_sql, others, names, *, links=()):
        """Rows read in SQL completed with the fields the ORM reads, the names of their many2ones in ``names``."""
        if others and rows:
            by_id = {row["id"]: row for row in rows}
            for values in self._xlsx_read(model.browse(list(by_id)), others, names):
                by_id[values["id"]].update({fname: values[fname] for fname in others})
        many2ones = [fname for fname in in_sql if model._fields[fname].type == "many2one" and fname not in links]
        self._xlsx_name_many2ones(model, many2ones, rows, names)
        return rows

    def _xlsx_read(self, records, fnames, names):
        """``records.read(fnames)`` with many2one values as ids, their names looked up once per linked record.

        ``read()`` computes the display name of every linked record on every
        row (a customer's name once per row of 100,000); here names are read
        in bulk for the ids not seen yet and kept in ``names``
        ({model: {id: name}}), as stored ``complete_name`` for partners.
        """
        rows = records.read(fnames, load=None)
        self._xlsx_name_many2ones(records, [f for f in fnames if records._fields[f].type == "many2one"], rows, names)
        return rows

    def _xlsx_name_many2ones(self, model, fnames, rows, names):
        """Add to ``names`` ({model: {id: name}}) the names of the records the many2ones ``fnames`` of ``rows``
        link to, as ``read()`` shows them (the linked record readable or not), each looked up once."""
        for fname in fnames:
            field = model._fields[fname]
            known = names.setdefault(field.comodel_name, {})
            missing = list({row[fname] for row in rows if row[fname] and row[fname] not in known})
            if missing:
                # sudo: read() shows the names of linked records the user may not open, as here.
                linked = self.env[field.comodel_name].sudo().browse(missing)
                name_field = "complete_name" if field.comodel_name == "res.partner" else "display_name"
                known.update((row["id"], row[name_field] or "") for row in linked.read([name_field], load=None))

    def _xlsx_valid_tz(self):
        return (self.env.context.get("tz") or "UTC") in pytz.all_timezones_set

    def _xlsx_currency(self, currency_id, cache):
        """(symbol, decimal places, position) of a currency id; kept in ``cache``."""
        if not currency_id:
            return None
        if currency_id not in cache:
            record = self.env["res.currency"].browse(currency_id)
            cache[currency_id] = (record.symbol, record.decimal_places, record.position)
        return cache[currency_id]


def _identity(value):
    return value
