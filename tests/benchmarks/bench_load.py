"""Load test of a sales team at work (not a test): Locust, headless, on Odoo with several workers.

Run through ``bin/crmvn bench load`` (which prepares a database with the add-ons) or with Odoo's Python:
``python tests/benchmarks/bench_load.py -c odoo.conf -d DB [--workers 2] [--users 10] [--seconds 60]``.

Prepares (once, reused) in the database of the suite and in a second database without it (``DB_stock``: CRM, Sales
and Contacts only, no demo data) the same team: ``--users`` salespeople, a team leader and a sales manager, 200
customers per salesperson and 500 confirmed orders. Then, for each database in turn, starts Odoo with ``--workers``
HTTP workers on 127.0.0.1, runs the scenario of ``locustfile.py`` (salespeople list, search, open and create
customers, log feedback and reply; the leader escalates; the manager reads the analytics and exports; without the
suite, the team does the same work the way stock Odoo allows: notes in the chatter, to-dos, the sales analysis) for
``--seconds``, and prints requests per second, p50/p95/p99 per action and errors, both databases side by side.

Locust is not installed in Odoo's Python (it needs other versions of Werkzeug and gevent): it runs from its own
virtualenv, made on first use in ~/.cache/crmvn/locust (``pip install locust``), or the one ``LOCUST`` names.
"""

import argparse
import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF = "crmvn-bench-load"
CUSTOMERS_PER_SELLER = 200
ORDERS = 500
STOCK_MODULES = "crm,sale_management,contacts"


def locust_bin():
    if os.environ.get("LOCUST"):
        return os.environ["LOCUST"]
    venv = Path.home() / ".cache" / "crmvn" / "locust"
    binary = venv / "bin" / "locust"
    if not binary.exists():
        print(f"Installing Locust in its own virtualenv ({venv}), once.")
        python = shutil.which("python3") or "python3"
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "locust"], check=True)
    return str(binary)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(registry, suite, sellers_count):
    """The team, customers and orders of the scenario, created once in the database of ``registry``."""
    from odoo import SUPERUSER_ID, Command, api  # noqa: PLC0415

    with registry.cursor() as cr:
        context = {"tracking_disable": True, "mail_create_nolog": True, "crm_vn_skip_duplicate_check": True}
        env = api.Environment(cr, SUPERUSER_ID, context)
        Users = env["res.users"].with_context(no_reset_password=True)
        salesman = env.ref("sales_team.group_sale_salesman")
        manager_group = env.ref("sales_team.group_sale_manager")
        employee = env.ref("base.group_user")

        def user(login, groups):
            found = Users.search([("login", "=", login)])
            if found:
                found.write({"email": f"{login}@example.vn", "groups_id": [Command.link(g) for g in groups.ids]})
                return found
            return Users.create(
                {"login": login, "password": login, "name": login.replace("_", " ").title(),
                 "email": f"{login}@example.vn", "groups_id": [Command.set([employee.id, *groups.ids])],
                 "tz": "Asia/Ho_Chi_Minh"}
            )  # fmt: skip

        sellers = [user(f"load_seller_{index}", salesman) for index in range(1, sellers_count + 1)]
        leader = user("load_leader", salesman)
        user("load_manager", manager_group | env.ref("base.group_allow_export"))
        team = env["crm.team"].search([("name", "=", "Load team")]) or env["crm.team"].create(
            {"name": "Load team", "user_id": leader.id, "member_ids": [Command.set([s.id for s in sellers])]}
        )
        Partner = env["res.partner"]
        if Partner.search_count([("ref", "=", REF)]) < sellers_count * CUSTOMERS_PER_SELLER:
            values = []
            for index, seller in enumerate(sellers):
                for number in range(CUSTOMERS_PER_SELLER):
                    vals = {
                        "name": f"Khách {index + 1}-{number} {['An', 'Bình', 'Hà', 'Lan', 'Vy'][number % 5]}",
                        "mobile": f"+8491{index:02d}{number:05d}",
                        "user_id": seller.id,
                        "ref": REF,
                    }
                    if "team_id" in Partner._fields:
                        vals["team_id"] = team.id
                    vals.update({"lifecycle_stage": "customer"} if suite else {"customer_rank": 1})
                    values.append(vals)
            Partner.create(values)
        if env["sale.order"].search_count([("client_order_ref", "=", REF)]) < ORDERS:
            product = env["product.product"].search([("default_code", "=", REF)]) or env["product.product"].create(
                {"name": "Máy lọc nước", "default_code": REF, "list_price": 8400000}
            )
            customers = Partner.search([("ref", "=", REF)], limit=ORDERS)
            orders = env["sale.order"].create(
                [
                    {"partner_id": c.id, "user_id": c.user_id.id, "team_id": team.id, "client_order_ref": REF,
                     "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 1})]}
                    for c in customers
                ]
            )  # fmt: skip
            orders.action_confirm()
        cr.commit()
    return [f"load_seller_{index}" for index in range(1, sellers_count + 1)]


def run_load(odoo, database, suite, args, logins):
    """Serve ``database`` with the workers asked for and run the scenario on it; Locust's stats by action name."""
    python, odoo_bin, locust = odoo
    port = free_port()
    log_path = Path(tempfile.mkdtemp(prefix="crmvn-load-")) / f"{database}.log"
    log = log_path.open("w")  # the server writes into it until it is stopped below
    server = subprocess.Popen(
        [python, odoo_bin, "-c", args.config, "-d", database, "--db-filter", f"^{database}$", "--http-interface",
         "127.0.0.1", "--http-port", str(port), "--workers", str(args.workers), "--max-cron-threads", "1",
         "--limit-time-real", "600", "--limit-time-cpu", "300", "--log-level", "warn"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/health", timeout=2):
                    break
            except OSError:
                time.sleep(1)
        # warm up: the first request of each worker loads the registry
        for _ in range(args.workers * 2):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=60).read()
        out = Path(tempfile.mkdtemp(prefix="crmvn-locust-")) / "run"
        env = dict(
            os.environ, CRMVN_DB=database, CRMVN_SUITE="1" if suite else "0", CRMVN_USERS=",".join(logins),
            CRMVN_LEADER="load_leader", CRMVN_MANAGER="load_manager",
        )  # fmt: skip
        users = len(logins) + 2
        subprocess.run(
            [locust, "-f", str(HERE / "locustfile.py"), "--headless", "-u", str(users), "-r", "2", "-t",
             f"{args.seconds}s", "--host", f"http://127.0.0.1:{port}", "--csv", str(out), "--only-summary",
             "--loglevel", "WARNING"],
            env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        with open(f"{out}_stats.csv", encoding="utf-8") as stats:
            return {row["Name"]: row for row in csv.DictReader(stats)}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=10, help="salespeople (plus one leader and one manager)")
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()

    import odoo  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    odoo_root = Path(odoo.__file__).resolve().parent.parent
    odoo_bin = str(odoo_root / "odoo-bin")
    python = sys.executable
    locust = locust_bin()
    stock = f"{args.database}_stock"
    if not odoo.service.db.exp_db_exist(stock):
        print(f"Creating {stock} (CRM, Sales, Contacts; no demo data), once.")
        subprocess.run(
            [python, odoo_bin, "-c", args.config, "-d", stock, "-i", STOCK_MODULES, "--without-demo=all",
             "--stop-after-init", "--log-level=warn"],
            check=True,
        )  # fmt: skip
    results = {}
    for database, suite in ((args.database, True), (stock, False)):
        logins = prepare(odoo.modules.registry.Registry(database), suite, args.users)
        results[suite] = run_load((python, odoo_bin, locust), database, suite, args, logins)

    cores = os.cpu_count()
    print(f"\nLoad: {args.users} salespeople, a team leader and a manager for {args.seconds} s, Odoo with "
          f"{args.workers} HTTP workers, {cores} cores, PostgreSQL on the same machine")  # fmt: skip
    print(f"{'action':<32} {'with the suite':>44}   {'stock Odoo (no crm_vn)':>44}")
    print(f"{'':<32} {'req':>6} {'err':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7}   "
          f"{'req':>6} {'err':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7}")  # fmt: skip
    names = [name for name in results[True] if name != "Aggregated"] + ["Aggregated"]
    names += [name for name in results[False] if name not in names]

    def cells(row):
        if not row:
            return f"{'-':>6} {'':>5} {'':>7} {'':>7} {'':>7} {'':>7}"
        return (f"{row['Request Count']:>6} {row['Failure Count']:>5} {row['50%']:>7} {row['95%']:>7} "
                f"{row['99%']:>7} {float(row['Requests/s']):>7.1f}")  # fmt: skip

    for name in names:
        print(f"{name:<32} {cells(results[True].get(name))}   {cells(results[False].get(name))}")
    shared = [n for n in results[True] if n in results[False] and n not in ("Aggregated", "login")]

    def weighted(suite, column):
        # the suite's mix of requests, each at the time of ``suite``'s database
        return sum(float(results[suite][n][column]) * int(results[True][n]["Request Count"]) for n in shared)

    if shared and weighted(False, "50%"):
        median = 100 * (weighted(True, "50%") / weighted(False, "50%") - 1)
        mean = 100 * (weighted(True, "Average Response Time") / weighted(False, "Average Response Time") - 1)
        print(f"\nOn the actions both run ({', '.join(shared)}), in the suite's mix: the suite takes "
              f"{median:+.0f} % of stock Odoo's time at the median, {mean:+.0f} % on average "
              "(target: no error, <= +20 %).")  # fmt: skip


if __name__ == "__main__":
    main()
