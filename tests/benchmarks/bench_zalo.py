"""Benchmark of crm_vn_zalo (not a test): queueing a ZNS campaign, and the webhook under load.

Run through ``bin/crmvn bench zalo`` (which prepares a database with the add-ons) or with Odoo's Python:
``python tests/benchmarks/bench_zalo.py -c odoo.conf -d DB [--customers 10000] [--rate 20] [--seconds 15]``.

Prints side by side, in one run:
(a) queueing one ZNS template for N customers (``crm.vn.zalo.message._zalo_queue_template``: parameters read and
    checked, consent rules, one note per customer) against Odoo's *Send SMS* in mass mode queueing the same
    customers (``sms.composer``, outgoing SMS created, none sent); each in a transaction rolled back;
(b) the webhook (``/crm_vn_zalo/webhook``, signature checked, event stored) at ``--rate`` signed events per second
    for ``--seconds``, against Odoo's ``/web/health`` at the same rate, served by this process (Odoo's WSGI
    application in a threaded server on 127.0.0.1, as one Odoo worker).
Zalo itself is the stand-in of the add-on's tests (127.0.0.1): nothing leaves the machine.
"""

import argparse
import importlib.util
import json
import logging
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

from psycopg2.extras import execute_values

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_db import partner_extra_columns
from vn_data import Generator

BENCH_REF = "crmvn-bench-zalo"
REPO = Path(__file__).resolve().parents[2]


def populate(env, count):
    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner WHERE ref = %s", (BENCH_REF,))
    if cr.fetchone()[0] == count:
        print(f"Reusing the {count:,} synthetic customers already in the database.")
        return
    cr.execute("DELETE FROM res_partner WHERE ref = %s", (BENCH_REF,))
    generator = Generator(seed=16)
    extra = partner_extra_columns(cr)
    rows = []
    for index in range(count):
        name = generator.name()
        mobile = f"+849{index:08d}"
        rows.append((name, name, BENCH_REF, True, "contact", False, env.company.id, mobile, mobile, *extra.values()))
    for start in range(0, len(rows), 10000):
        execute_values(
            cr._obj,
            f"""INSERT INTO res_partner (name, complete_name, ref, active, type, is_company, profile_company_id,
                   mobile, vn_mobile_key{"".join(", " + c for c in extra)}) VALUES %s""",
            rows[start : start + 10000],
        )
    cr.execute("ANALYZE res_partner")
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE ref = %s", (BENCH_REF,))
    cr.commit()


def setup_zalo(env, zalo):
    Account = env["crm.vn.zalo.account"]
    account = Account.search([("app_id", "=", zalo.app_id)]) or Account.create(
        {"name": "Bench OA", "app_id": zalo.app_id, "oa_secret_key": "bench-secret"}
    )
    account.write(zalo.account_values())
    account.action_sync_templates()
    template = env["crm.vn.zalo.template"].search([("account_id", "=", account.id)], limit=1)
    template.model_id = env["ir.model"]._get("res.partner")
    template.param_ids.field_path = "name"
    env.cr.commit()
    return account, template


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def queue_zns(env, template, partners):
    return env["crm.vn.zalo.message"]._zalo_queue_template(template, partners)


def queue_sms(env, partners):
    composer = (
        env["sms.composer"]
        .with_context(active_model="res.partner", active_ids=partners.ids)
        # a service message, like the customer-care ZNS template it is compared with (not marketing: no consent
        # filter, and no refusal outside the marketing hours)
        .create(
            {
                "composition_mode": "mass",
                "body": "Cảm ơn anh/chị đã mua hàng",
                "mass_keep_log": True,
                "crm_vn_marketing": False,
            }
        )
    )
    return composer._action_send_sms_mass()


def load(url, bodies, rate, seconds):
    """POST ``bodies`` (list of (data, headers)) at ``rate`` per second for ``seconds``; latencies in ms."""
    latencies, errors = [], []
    lock = threading.Lock()

    def one(data, headers):
        request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
                status = response.status
        except Exception as error:
            status = getattr(error, "code", type(error).__name__)
        elapsed = 1000 * (time.perf_counter() - started)
        with lock:
            (latencies if status == 200 else errors).append(elapsed if status == 200 else status)

    threads = []
    total = int(rate * seconds)
    started = time.perf_counter()
    for index in range(total):
        delay = started + index / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        data, headers = bodies[index % len(bodies)]
        thread = threading.Thread(target=one, args=(data, headers))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return latencies, errors


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, round(share * (len(values) - 1)))] if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=10000)
    parser.add_argument("--rate", type=float, default=20.0, help="webhook events per second")
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()

    from werkzeug.serving import make_server  # noqa: PLC0415

    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    # the add-ons' packages are importable once the registry is loaded; the stand-in is read from its file (its
    # package is the add-on's tests, which would load Odoo's test framework)
    from odoo.addons.crm_vn_zalo.tools.zalo import webhook_mac  # noqa: PLC0415

    stand_in = REPO / "crm_vn_zalo" / "tests" / "zalo_stand_in.py"
    spec = importlib.util.spec_from_file_location("zalo_stand_in", stand_in)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ZaloStandIn = module.ZaloStandIn
    logging.getLogger("werkzeug").setLevel(logging.WARNING)

    with ZaloStandIn(app_id="bench-zalo-app") as zalo:
        zalo.add_template(301, "Cảm ơn khách hàng", tag="CUSTOMER_CARE", params=[("customer_name", "1", 30)])
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            populate(env, args.customers)
            _account, template = setup_zalo(env, zalo)
            partners = env["res.partner"].search([("ref", "=", BENCH_REF)])
            print(f"\nQueueing one message to each of {len(partners):,} customers (this machine, one process)")
            print(f"{'method':<52} {'queued':>8} {'seconds':>9} {'ms/message':>11}")
            messages, seconds = timed(lambda: queue_zns(env, template, partners))
            print(f"{'crm_vn_zalo: Send Zalo (ZNS template, queued)':<52} {len(messages):>8,} {seconds:>9.2f} "
                  f"{1000 * seconds / max(len(messages), 1):>11.3f}")  # fmt: skip
            cr.rollback()
            sms, seconds_sms = timed(lambda: queue_sms(env, partners))
            print(f"{'Odoo: Send SMS in mass mode (outgoing SMS created)':<52} {len(sms):>8,} {seconds_sms:>9.2f} "
                  f"{1000 * seconds_sms / max(len(sms), 1):>11.3f}")  # fmt: skip
            cr.rollback()
            print(f"Target: <= 10 s for 10,000 ZNS sends queued. Zalo received {len(zalo.sends)} requests meanwhile.")

        server = make_server("127.0.0.1", 0, odoo.http.root, threaded=True)
        port = server.server_port
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        bodies = []
        for index in range(int(args.rate * args.seconds)):
            payload = {
                "app_id": zalo.app_id,
                "event_name": "user_send_text",
                "timestamp": str(int(time.time() * 1000) + index),
                "sender": {"id": f"bench-user-{index % 500}"},
                "recipient": {"id": "bench-oa"},
                "message": {"text": f"Tin nhắn thử {index}", "msg_id": f"bench-{time.time_ns()}-{index}"},
            }
            data = json.dumps(payload).encode()
            signature = webhook_mac(zalo.app_id, data, payload["timestamp"], "bench-secret")
            bodies.append((data, {"Content-Type": "application/json", "X-ZEvent-Signature": signature}))
        # a first request of each kind loads the registry and routing
        load(f"{base}/crm_vn_zalo/webhook", bodies[:1], 1, 1)
        load(f"{base}/web/health", [(None, {})], 1, 1)
        print(
            f"\nWebhook at {args.rate:g} events/s for {args.seconds:g} s, Odoo's WSGI application in a threaded server"
        )
        print(f"{'endpoint':<52} {'ok':>6} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for label, url, requests_ in (
            ("crm_vn_zalo: /crm_vn_zalo/webhook (signed events)", f"{base}/crm_vn_zalo/webhook", bodies[1:]),
            ("Odoo: /web/health (baseline)", f"{base}/web/health", [(None, {})]),
        ):
            latencies, errors = load(url, requests_, args.rate, args.seconds)
            print(f"{label:<52} {len(latencies):>6} {len(errors):>7} {statistics.median(latencies):>8.1f} "
                  f"{percentile(latencies, 0.95):>8.1f} {percentile(latencies, 0.99):>8.1f}")  # fmt: skip
        server.shutdown()
        with registry.cursor() as cr:
            cr.execute("DELETE FROM crm_vn_zalo_event WHERE event_key LIKE 'user_send_text:bench-%%'")
        print("Target: webhook p95 <= 200 ms at 20 events per second.")


if __name__ == "__main__":
    main()
