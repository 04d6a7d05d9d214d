"""Benchmark of the customer analytics and the Excel export on generated sales (not a test).

Run through ``bin/crmvn bench reports`` (which prepares a database with the
add-ons) or with Odoo's Python:
``python tests/benchmarks/bench_reports.py -c odoo.conf -d DB``.

Inserts once (reused afterwards) 100,000 customers of 20 salespeople in 4 teams
and 1,000,000 confirmed order lines (200,000 orders over three years), then
prints in one run:
(0) the refresh of the analytics (materialized views: what the scheduled
    action does every 10 minutes);
(a) the analytics ``read_group`` calls behind the pivot and graph views, as a
    sales manager and as a salesperson (record rules applied), each the median
    of 3 runs;
(b) the export of the 100,000 rows of the customer analytics list to Excel,
    ours (read in SQL with the user's rules, the sheet written by xlsxwriter
    in constant memory) side by side with Odoo's own list export of the same
    rows (``export_data`` and the web client's ``ExportXlsxWriter``), each in
    a fresh process so that peak memory (max RSS) is its own.
Targets: read_group <= 0.5 s (issue 17); export >= 1.5 times faster than
Odoo's with <= 1/4 of its memory (issue 28).
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from psycopg2.extras import execute_values

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_db import bench_salesperson, bench_team, partner_extra_columns
from vn_data import Generator

BENCH_REF = "crmvn-bench-reports"
SALESPEOPLE = 20
TEAMS = 4
PRODUCTS = 200
CATEGORIES = 10
EXPORT_FIELDS = [
    "partner_id",
    "user_id",
    "team_id",
    "state_id",
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
]


def setup_people(env):
    """20 salespeople in 4 teams, each led by its first member (created once, by login)."""
    size = SALESPEOPLE // TEAMS
    sellers = [
        bench_salesperson(env, f"bench_rep_seller_{index}", f"NV Báo cáo {index}") for index in range(SALESPEOPLE)
    ]
    teams = [
        bench_team(env, f"Bench chi nhánh {index}", sellers[index * size], sellers[index * size : (index + 1) * size])
        for index in range(TEAMS)
    ]
    return sellers, teams


def setup_products(env):
    Category = env["product.category"]
    categories = [
        Category.search([("name", "=", f"Bench nhóm {index}")]) or Category.create({"name": f"Bench nhóm {index}"})
        for index in range(CATEGORIES)
    ]
    Product = env["product.product"]
    products = Product.search([("default_code", "=like", "BENCH-%")], order="id")
    if len(products) < PRODUCTS:
        products |= Product.create(
            [
                {
                    "name": f"Sản phẩm thử {index}",
                    "default_code": f"BENCH-{index:03d}",
                    "categ_id": categories[index % CATEGORIES].id,
                    "list_price": 50_000 * (1 + index % 40),
                }
                for index in range(len(products), PRODUCTS)
            ]
        )
    return products


def populate(env, customers, lines):
    cr = env.cr
    Param = env["ir.config_parameter"]
    signature = f"{customers}:{lines}"
    sellers, teams = setup_people(env)
    products = setup_products(env)
    if Param.get_param("crmvn_bench.reports_signature") == signature:
        print(f"Reusing the {customers:,} customers and {lines:,} order lines already in the database.")
        return
    started = time.perf_counter()
    cr.execute(
        "DELETE FROM sale_order_line WHERE order_id IN (SELECT id FROM sale_order WHERE origin = %s)", (BENCH_REF,)
    )
    cr.execute("DELETE FROM sale_order WHERE origin = %s", (BENCH_REF,))
    cr.execute("DELETE FROM res_partner WHERE ref = %s", (BENCH_REF,))
    rng = random.Random(2026)
    generator = Generator(seed=5)
    company = env.company
    extra = partner_extra_columns(cr)
    cr.execute(
        """SELECT s.id FROM res_country_state s JOIN res_country c ON c.id = s.country_id
            WHERE c.code = 'VN' ORDER BY s.id"""
    )
    provinces = [row[0] for row in cr.fetchall()]
    team_of = {seller.id: teams[index // (SALESPEOPLE // TEAMS)].id for index, seller in enumerate(sellers)}
    rows = []
    for index in range(customers):
        name = generator.name()
        owner = sellers[index % SALESPEOPLE].id
        rows.append(
            (name, name, BENCH_REF, True, "contact", False, company.id, owner, team_of[owner], rng.choice(provinces),
             *extra.values())
        )  # fmt: skip
    partner_ids = []
    columns = "name, complete_name, ref, active, type, is_company, profile_company_id, user_id, team_id, state_id"
    for start in range(0, len(rows), 10000):
        partner_ids += [
            row[0]
            for row in execute_values(
                cr._obj,
                f"INSERT INTO res_partner ({columns}{''.join(', ' + c for c in extra)}) VALUES %s RETURNING id",
                rows[start : start + 10000],
                fetch=True,
            )
        ]
    # Statistics first: planned on the few rows of a new database, the update walks the index on ``ref``, where
    # every row has the same key and each new row version lands ahead of the scan (minutes instead of seconds).
    cr.execute("ANALYZE res_partner")
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE ref = %s", (BENCH_REF,))
    owner_of = dict(zip(partner_ids, (row[7] for row in rows), strict=True))
    print(f"  {customers:,} customers in {time.perf_counter() - started:.0f} s")

    # Orders: five lines each, customers weighted so that some buy often and some once.
    orders = lines // 5
    weights = [rng.paretovariate(1.5) for __ in partner_ids]
    buyers = rng.choices(partner_ids, weights=weights, k=orders)
    now = datetime.now().replace(microsecond=0)
    product_rows = [(product.id, product.lst_price, product.uom_id.id) for product in products]
    order_rows = []
    line_plan = []
    for number, partner_id in enumerate(buyers):
        date_order = now - timedelta(days=rng.randrange(3 * 365), hours=rng.randrange(24))
        chosen = [rng.choice(product_rows) for __ in range(5)]
        quantities = [rng.choice((1, 1, 1, 2, 3)) for __ in chosen]
        untaxed = sum(price * qty for (__, price, __), qty in zip(chosen, quantities, strict=True))
        owner = owner_of[partner_id]
        order_rows.append(
            (f"BENCH/{number:07d}", BENCH_REF, partner_id, partner_id, partner_id, date_order, "sale", company.id,
             company.currency_id.id, 1.0, owner, team_of[owner], untaxed, untaxed, 0, "no", date_order, date_order)
        )  # fmt: skip
        line_plan.append((partner_id, owner, chosen, quantities, date_order))
    order_ids = []
    for start in range(0, len(order_rows), 10000):
        order_ids += [
            row[0]
            for row in execute_values(
                cr._obj,
                """INSERT INTO sale_order (name, origin, partner_id, partner_invoice_id, partner_shipping_id,
                       date_order, state, company_id, currency_id, currency_rate, user_id, team_id,
                       amount_untaxed, amount_total, amount_tax, invoice_status, create_date, write_date)
                   VALUES %s RETURNING id""",
                order_rows[start : start + 10000],
                fetch=True,
            )
        ]
    print(f"  {orders:,} orders in {time.perf_counter() - started:.0f} s")
    batch = []

    def flush_lines():
        execute_values(
            cr._obj,
            """INSERT INTO sale_order_line (order_id, name, product_id, product_uom, product_uom_qty, price_unit,
                   price_subtotal, price_total, price_tax, customer_lead, state, order_partner_id, salesman_id,
                   company_id, currency_id, sequence, create_date, write_date)
               VALUES %s""",
            batch,
        )
        batch.clear()

    for order_id, (partner_id, owner, chosen, quantities, date_order) in zip(order_ids, line_plan, strict=True):
        for sequence, ((product_id, price, uom_id), qty) in enumerate(zip(chosen, quantities, strict=True)):
            subtotal = price * qty
            batch.append(
                (order_id, "Sản phẩm thử", product_id, uom_id, qty, price, subtotal, subtotal, 0, 0, "sale",
                 partner_id, owner, company.id, company.currency_id.id, sequence, date_order, date_order)
            )  # fmt: skip
        if len(batch) >= 20000:
            flush_lines()
    if batch:
        flush_lines()
    for table in ("res_partner", "sale_order", "sale_order_line"):
        cr.execute(f"ANALYZE {table}")
    Param.set_param("crmvn_bench.reports_signature", signature)
    cr.commit()
    elapsed = time.perf_counter() - started
    print(f"Inserted {customers:,} customers, {orders:,} orders, {lines:,} lines in {elapsed:.0f} s.")


def timed(function, runs=3):
    durations = []
    result = None
    for __ in range(runs):
        started = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result


def bench_read_group(env, manager, seller):
    from odoo.tools import SQL  # noqa: PLC0415

    cases = [
        ("crm.vn.customer.report", [], ["segment"], ["customer_count:sum", "revenue:sum", "order_count:sum"]),
        ("crm.vn.customer.report", [], ["user_id"], ["revenue:sum", "repeat_count:sum", "churned_count:sum"]),
        ("crm.vn.customer.report", [], ["state_id"], ["customer_count:sum", "average_order:avg"]),
        ("crm.vn.cohort.report", [], ["cohort_month:month", "month_number"], ["__count", "retention:sum"]),
        ("crm.vn.salesperson.report", [], ["user_id", "date:month"], ["revenue:sum", "order_count:sum"]),
    ]
    print(
        f"\n{'analytics read_group':<58} {'snapshot: manager s':>20} {'seller s':>9}"
        f" {'computed on read (before): manager s':>37} {'seller s':>9} {'groups':>7}"
    )
    for model, domain, groupby, aggregates in cases:
        env.invalidate_all()
        seconds, groups = timed(lambda: env[model].with_user(manager)._read_group(domain, groupby, aggregates))  # noqa: B023
        seconds_seller, __ = timed(lambda: env[model].with_user(seller)._read_group(domain, groupby, aggregates))  # noqa: B023
        # the baseline: the same calls on a plain view of the same query, computed on every read as before
        Model = type(env[model])
        live = f"{Model._table}_live"
        env.cr.execute(SQL("CREATE OR REPLACE TEMP VIEW %s AS (%s)", SQL.identifier(live), env[model]._query()))
        original, Model._table = Model._table, live
        try:
            env.invalidate_all()
            live_seconds, live_groups = timed(
                lambda: env[model].with_user(manager)._read_group(domain, groupby, aggregates)  # noqa: B023
            )
            live_seller, __ = timed(lambda: env[model].with_user(seller)._read_group(domain, groupby, aggregates))  # noqa: B023
        finally:
            Model._table = original
        label = f"{model} by {', '.join(groupby)}"
        same = "" if len(live_groups) == len(groups) else "  (groups differ: refresh pending)"
        print(
            f"{label:<58} {seconds:>20.2f} {seconds_seller:>9.2f} {live_seconds:>37.2f} {live_seller:>9.2f}"
            f" {len(groups):>7,}{same}"
        )


def peak_rss_mb():
    """Peak resident memory of this process since it started its program, in MB.

    Linux's VmHWM, not ``getrusage().ru_maxrss``: the latter keeps, across ``exec``, the peak of the parent that
    forked this process (the benchmark that inserted the data), and would charge it to the export.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_worker(args):
    """Run one export in this (fresh) process and print its figures as JSON."""
    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        manager = env.ref("base.user_admin")
        env = env(user=manager.id)
        domain = [("partner_id.ref", "=", BENCH_REF)]
        baseline = peak_rss_mb()
        with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as handle:
            path = handle.name
        started = time.perf_counter()
        if args.export_worker == "ours":
            export = env["crm.vn.xlsx.export"].create({"kind": "customer_analytics", "domain": repr(domain)})
            rows = export._generate_xlsx(path)
        else:
            # What the web client's list export does (web/controllers/export.py, ExportFormat.base and
            # ExcelExport.from_data), without the HTTP layer: its writer reads request.env.
            import types  # noqa: PLC0415

            from odoo.addons.web.controllers.export import ExportXlsxWriter  # noqa: PLC0415

            odoo.http._request_stack.push(types.SimpleNamespace(env=env))
            try:
                Model = env["crm.vn.customer.report"]
                records = Model.search(domain, offset=0, limit=False, order=False)
                data = records.export_data(EXPORT_FIELDS).get("datas", [])
                fields = [{"name": name, "type": Model._fields[name].type} for name in EXPORT_FIELDS]
                headers = [Model._fields[name]._description_string(env) for name in EXPORT_FIELDS]
                with ExportXlsxWriter(fields, headers, len(data)) as xlsx_writer:
                    for row_index, row in enumerate(data):
                        for cell_index, cell_value in enumerate(row):
                            xlsx_writer.write_cell(row_index + 1, cell_index, cell_value)
                Path(path).write_bytes(xlsx_writer.value)
                rows = len(data)
            finally:
                odoo.http._request_stack.pop()
        seconds = time.perf_counter() - started
        peak = peak_rss_mb()
        size = os.path.getsize(path)
        os.unlink(path)
        cr.rollback()
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mb": peak, "baseline_mb": baseline, "bytes": size}))


def bench_exports(args):
    print(f"\n{'export of the customer analytics list':<40} {'rows':>9} {'seconds':>8} {'peak MB':>8} "
          f"{'of which Odoo loaded':>21} {'file MB':>8}")  # fmt: skip
    results = {}
    for method, label in (("ours", "crm_vn xlsx export (constant memory)"), ("odoo", "Odoo list export (web client)")):
        command = [sys.executable, __file__, "-c", args.config, "-d", args.database, "--export-worker", method]
        output = subprocess.run(command, capture_output=True, text=True, check=False)
        if output.returncode:
            print(f"{label:<40} failed: {output.stderr.strip().splitlines()[-1:]}")
            continue
        figures = results[method] = json.loads(output.stdout.strip().splitlines()[-1])
        print(
            f"{label:<40} {figures['rows']:>9,} {figures['seconds']:>8.1f} {figures['peak_mb']:>8.0f} "
            f"{figures['baseline_mb']:>21.0f} {figures['bytes'] / 1e6:>8.1f}"
        )
    if len(results) == 2:
        ours, odoo = results["ours"], results["odoo"]
        speedup = odoo["seconds"] / ours["seconds"]
        memory = ours["peak_mb"] / odoo["peak_mb"]
        print(
            f"ours: {speedup:.1f} times faster (target 1.5: {'met' if speedup >= 1.5 else 'NOT met'}), "
            f"{memory * 100:.1f} % of the memory (target 25 %: {'met' if memory <= 0.25 else 'NOT met'}); "
            f"above Odoo loaded, {ours['peak_mb'] - ours['baseline_mb']:.0f} MB against "
            f"{odoo['peak_mb'] - odoo['baseline_mb']:.0f} MB"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=1_000_000, help="confirmed sale order lines")
    parser.add_argument("--export-worker", choices=["ours", "odoo"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_worker:
        return export_worker(args)

    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, args.customers, args.lines)
    with registry.cursor() as cr:
        # the analytics are materialized views: what the 10-minute scheduled action does, timed
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.perf_counter()
        env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()
        cr.commit()
        print(f"\nAnalytics refreshed (scheduled action, every 10 minutes) in {time.perf_counter() - started:.1f} s")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        manager = env.ref("base.user_admin")
        seller = env["res.users"].search([("login", "=", "bench_rep_seller_1")])
        cr.execute("SELECT count(*) FROM sale_order_line")
        [lines] = cr.fetchone()
        print(f"\nDatabase: {env['res.partner'].search_count([]):,} partners, {lines:,} order lines")
        bench_read_group(env, manager, seller)
    bench_exports(args)
    print(
        "\nTargets: read_group <= 0.5 s (issue 17); export of 100,000 rows >= 1.5 times faster than Odoo's list export "
        "with <= 1/4 of its memory (issue 28)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
