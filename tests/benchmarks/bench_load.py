"""Load test of a sales team at work (not a test): Locust, headless, on Odoo with several workers.

Run through ``bin/crmvn bench load`` (which prepares a database with the add-ons) or with Odoo's Python:
``python tests/benchmarks/bench_load.py -c odoo.conf -d DB [--workers 2] [--users 10] [--seconds 60] [--rounds 3]
[--warmup 20]``.

Prepares (once, reused) in the database of the suite and in a second database without it (``DB_stock``: CRM, Sales
and Contacts only, no demo data) the same team: ``--users`` salespeople, a team leader and a sales manager, 200
customers per salesperson and 500 confirmed orders. Then, ``--rounds`` times, for each database in turn (the first
one alternating from round to round), starts Odoo with ``--workers`` HTTP workers on 127.0.0.1, lets it run the
scheduled jobs already due, then runs the scenario of ``locustfile.py`` (salespeople list, search, open and create
customers, log feedback and reply; the leader escalates; the manager reads the analytics and exports; without the
suite, the team does the same work the way stock Odoo allows: notes in the chatter, to-dos, the sales analysis) for
``--warmup`` and ``--seconds`` more. The first ``--warmup`` seconds are not measured (the users log in, the server
that has just started fills its caches: a company's server runs for days), only their errors are counted. It
prints, from every measured request of the rounds, requests per second, p50/p95/p99 and the average per action and
errors, both databases side by side, and the suite's overhead on the actions both run.

Locust is not installed in Odoo's Python (it needs other versions of Werkzeug and gevent): it runs from its own
virtualenv, made on first use in ~/.cache/crmvn/locust (``pip install locust``), or the one ``LOCUST`` names.
"""

import argparse
import math
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


def wait_for_due_jobs(database, timeout=300):
    """Let the server's cron worker run the scheduled jobs already due when it starts (after the module update,
    all of them: the weekly duplicate scan, the analytics refresh...), as a server that has been running would
    have: measured, they would load one side only. Jobs coming due during the test still run."""
    import odoo  # noqa: PLC0415

    started = time.perf_counter()
    with odoo.sql_db.db_connect(database).cursor() as cr:
        while time.perf_counter() - started < timeout:
            cr.execute("SELECT count(*) FROM ir_cron WHERE active AND nextcall <= now() AT TIME ZONE 'UTC'")
            [due] = cr.fetchone()
            cr.rollback()  # a new snapshot for the next look
            if not due:
                break
            time.sleep(2)
    print(f"{database}: scheduled jobs due at start-up done in {time.perf_counter() - started:.0f} s", flush=True)


def run_load(odoo, database, suite, args, logins):
    """Serve ``database`` with the workers asked for and run the scenario on it: ({action: [(ms, failed)]} of the
    measured requests, the number of errors during the warm-up)."""
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
        wait_for_due_jobs(database)
        out = Path(tempfile.mkdtemp(prefix="crmvn-locust-"))
        env = dict(
            os.environ, CRMVN_DB=database, CRMVN_SUITE="1" if suite else "0", CRMVN_USERS=",".join(logins),
            CRMVN_LEADER="load_leader", CRMVN_MANAGER="load_manager", CRMVN_SAMPLES=str(out / "samples.tsv"),
            CRMVN_WARMUP=str(args.warmup),
        )  # fmt: skip
        users = len(logins) + 2
        subprocess.run(
            [locust, "-f", str(HERE / "locustfile.py"), "--headless", "-u", str(users), "-r", "2", "-t",
             f"{args.warmup + args.seconds}s", "--host", f"http://127.0.0.1:{port}", "--only-summary", "--loglevel",
             "WARNING"],
            env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        samples, warmup_errors = {}, 0
        with open(out / "samples.tsv", encoding="utf-8") as lines:
            for line in lines:
                name, milliseconds, failed, measured = line.rstrip("\n").split("\t")
                if measured == "1":
                    samples.setdefault(name, []).append((float(milliseconds), failed == "1"))
                else:
                    warmup_errors += failed == "1"
        return samples, warmup_errors
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
    parser.add_argument("--rounds", type=int, default=3, help="runs of --seconds on each database, alternated")
    parser.add_argument("--warmup", type=int, default=20, help="seconds of the scenario, unmeasured, before each run")
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
    # The rounds alternate the two databases, the first of a round in turn (suite, stock; stock, suite; ...), so
    # that whatever else the machine does weighs on both alike; the figures pool every request of every round.
    samples = {True: {}, False: {}}
    per_round = []
    warmup_errors = {True: 0, False: 0}
    logins = {}
    for round_number in range(1, args.rounds + 1):
        order = ((args.database, True), (stock, False))
        for database, suite in order if round_number % 2 else order[::-1]:
            if database not in logins:
                logins[database] = prepare(odoo.modules.registry.Registry(database), suite, args.users)
            got, errors = run_load((python, odoo_bin, locust), database, suite, args, logins[database])
            warmup_errors[suite] += errors
            for name, values in got.items():
                samples[suite].setdefault(name, []).extend(values)
            per_round.append((round_number, suite, got))
    report(args, samples, per_round, warmup_errors)


def percentile(values, fraction):
    """The smallest value at or above which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def figures(values, seconds):
    """(requests, errors, p50, p95, p99, average, requests per second) of one action's samples."""
    times = [milliseconds for milliseconds, __ in values]
    errors = sum(1 for __, failed in values if failed)
    return (len(times), errors, percentile(times, 0.5), percentile(times, 0.95), percentile(times, 0.99),
            sum(times) / len(times), len(times) / seconds)  # fmt: skip


def overhead(suite_samples, stock_samples, shared):
    """The suite's time on the actions both run, in the suite's mix of requests, against stock Odoo's:
    (at the median, on average), in per cent."""
    suite = {name: figures(suite_samples[name], 1) for name in shared}
    stock = {name: figures(stock_samples[name], 1) for name in shared}

    def weighted(table, column):
        return sum(table[name][column] * suite[name][0] for name in shared)

    return 100 * (weighted(suite, 2) / weighted(stock, 2) - 1), 100 * (weighted(suite, 5) / weighted(stock, 5) - 1)


def report(args, samples, per_round, warmup_errors):
    seconds = args.seconds * args.rounds
    cores = os.cpu_count()
    print(f"\nLoad: {args.users} salespeople, a team leader and a manager, {args.rounds} rounds of {args.seconds} s on "
          f"each database in turn (each after {args.warmup} s of warm-up), Odoo with {args.workers} HTTP workers, "
          f"{cores} cores, PostgreSQL on the same machine; every request of the rounds pooled (ms)")  # fmt: skip
    print(f"{'action':<34} {'with the suite':>42}   {'stock Odoo (no crm_vn)':>42}")
    header = f"{'req':>6} {'err':>4} {'p50':>6} {'p95':>6} {'p99':>6} {'avg':>6} {'req/s':>5}"
    print(f"{'':<34} {header}   {header}")

    def cells(values):
        if not values:
            return f"{'-':>6} {'':>4} {'':>6} {'':>6} {'':>6} {'':>6} {'':>5}"
        count, errors, p50, p95, p99, average, rate = figures(values, seconds)
        return f"{count:>6} {errors:>4} {p50:>6.0f} {p95:>6.0f} {p99:>6.0f} {average:>6.1f} {rate:>5.1f}"

    names = sorted(samples[True]) + sorted(name for name in samples[False] if name not in samples[True])
    for name in names:
        print(f"{name:<34} {cells(samples[True].get(name))}   {cells(samples[False].get(name))}")
    every = {suite: [value for values in samples[suite].values() for value in values] for suite in (True, False)}
    print(f"{'all requests':<34} {cells(every[True])}   {cells(every[False])}")
    print(f"Errors during the warm-ups (logins included, not in the table): {warmup_errors[True]} with the suite, "
          f"{warmup_errors[False]} without.")  # fmt: skip
    shared = [name for name in samples[True] if name in samples[False] and name != "login"]
    if not shared:
        return
    median, mean = overhead(samples[True], samples[False], shared)
    rounds = []
    for round_number in range(1, args.rounds + 1):
        got = {suite: values for number, suite, values in per_round if number == round_number}
        common = [name for name in shared if name in got[True] and name in got[False]]
        rounds.append("{:+.0f} % / {:+.0f} %".format(*overhead(got[True], got[False], common)))
    print(f"\nOn the actions both run ({', '.join(sorted(shared))}), in the suite's mix: the suite takes "
          f"{median:+.0f} % of stock Odoo's time at the median, {mean:+.0f} % on average (target: no error, "
          f"<= +20 %). Round by round (median / average): {'; '.join(rounds)}.")  # fmt: skip


if __name__ == "__main__":
    main()
