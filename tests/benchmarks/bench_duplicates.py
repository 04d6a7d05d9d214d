"""Benchmark of duplicate detection on synthetic Vietnamese customers (not a test).

Run through ``bin/crmvn bench`` (which prepares a database with the add-on) or
with Odoo's Python: ``python tests/benchmarks/bench_duplicates.py -c odoo.conf -d DB``.

Prints, side by side and in one run, for the same labelled queries:
(a) our contract method ``res.partner._vn_duplicate_candidates``: p50/p95
    latency, recall on variants of existing customers and false alerts on
    namesakes and on relatives sharing a phone;
(b) Odoo's contact merge wizard grouping (exact lower-case name, email);
(c) a naive full-scan rapidfuzz match on the names;
plus the duration of the batch scan over all customers.
"""

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

from psycopg2.extras import execute_values

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_db import partner_extra_columns
from vn_data import VARIANT_KINDS, Generator

BENCH_REF = "crmvn-bench"


def percentile(values, pct):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def populate(env, customers, count):
    from odoo.addons.crm_vn_dedupe.tools.names import vn_name_match_key  # noqa: PLC0415

    cr = env.cr
    digest = hashlib.sha256("".join(c["name"] + c["mobile"] for c in customers).encode()).hexdigest()
    Param = env["ir.config_parameter"]
    if Param.get_param("crmvn_bench.signature") == digest:
        print(f"Reusing the {count:,} synthetic customers already in the database.")
        return
    cr.execute("DELETE FROM res_partner WHERE ref = %s", (BENCH_REF,))
    started = time.perf_counter()
    company_id = env.company.id
    extra = partner_extra_columns(cr)
    rows = [
        (
            c["name"], c["name"], c["mobile"], c["email"], c["birthdate_date"],
            c["birthdate_date"].strftime("%m-%d") if c["birthdate_date"] else None,
            c["city"], vn_name_match_key(c["name"]), c["mobile"], (c["email"] or "").lower() or None,
            BENCH_REF, True, "contact", False, company_id, *extra.values(),
        )
        for c in customers
    ]  # fmt: skip
    for start in range(0, len(rows), 10000):
        execute_values(
            cr._obj,
            f"""INSERT INTO res_partner (name, complete_name, mobile, email, birthdate_date, birthday_key, city,
                   vn_name_key, vn_mobile_key, email_normalized, ref, active, type, is_company, profile_company_id
                   {"".join(", " + c for c in extra)})
               VALUES %s""",
            rows[start : start + 10000],
        )
    # Statistics first: planned on the few rows of a new database, the update walks the index on ``ref``, where
    # every row has the same key and each new row version lands ahead of the scan (minutes instead of seconds).
    cr.execute("ANALYZE res_partner")
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE ref = %s", (BENCH_REF,))
    cr.execute("ANALYZE res_partner")
    Param.set_param("crmvn_bench.signature", digest)
    cr.commit()
    print(f"Inserted {len(rows):,} synthetic customers in {time.perf_counter() - started:.1f} s.")


def bench_ours(env, queries):
    Partner = env["res.partner"]
    latencies, hits = [], []
    for vals, target_id, __ in queries:
        started = time.perf_counter()
        candidates = Partner._vn_duplicate_candidates(vals, limit=5)
        latencies.append((time.perf_counter() - started) * 1000)
        hits.append(any(c["partner"].id == target_id for c in candidates))
    return latencies, hits


def bench_odoo_wizard(env, queries, field):
    cr = env.cr
    latencies, hits = [], []
    for vals, target_id, __ in queries:
        value = vals.get(field)
        started = time.perf_counter()
        found = []
        if value:
            # the merge wizard groups partners on lower(<field>) equality
            cr.execute(f"SELECT id FROM res_partner WHERE lower({field}) = lower(%s) AND active", (value,))
            found = [row[0] for row in cr.fetchall()]
        latencies.append((time.perf_counter() - started) * 1000)
        hits.append(target_id in found)
    return latencies, hits


def bench_naive(env, queries):
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    env.cr.execute("SELECT id, lower(name) FROM res_partner WHERE active AND name IS NOT NULL")
    ids, names = zip(*env.cr.fetchall(), strict=True)
    latencies, hits = [], []
    for vals, target_id, __ in queries:
        started = time.perf_counter()
        matches = process.extract(
            (vals.get("name") or "").lower(), names, scorer=fuzz.ratio, score_cutoff=85, limit=None
        )
        latencies.append((time.perf_counter() - started) * 1000)
        hits.append(any(ids[index] == target_id for __, __, index in matches))
    return latencies, hits


def summary(label, latencies, hits, queries):
    positives = [hit for hit, (__, __, kind) in zip(hits, queries, strict=True) if kind in VARIANT_KINDS]
    namesakes = [hit for hit, (__, __, kind) in zip(hits, queries, strict=True) if kind == "namesake"]
    households = [hit for hit, (__, __, kind) in zip(hits, queries, strict=True) if kind == "household"]
    return (
        f"{label:<34} {statistics.median(latencies):8.2f} {percentile(latencies, 95):8.2f} "
        f"{100 * sum(positives) / len(positives):8.1f}% {100 * sum(namesakes) / len(namesakes):9.1f}% "
        f"{100 * sum(households) / len(households):10.1f}%"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100, help="variant queries per kind")
    parser.add_argument("--negatives", type=int, default=500, help="namesake and household queries each")
    parser.add_argument("--skip-naive", action="store_true", help="skip the (slow) naive full scan")
    args = parser.parse_args()

    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    generator = Generator()
    customers = [generator.customer(index) for index in range(args.customers)]
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, customers, args.customers)
        cr.execute("SELECT id FROM res_partner WHERE ref = %s ORDER BY id", (BENCH_REF,))
        ids = [row[0] for row in cr.fetchall()]
        queries = []
        rng = generator.rng
        for kind in VARIANT_KINDS:
            pool = [i for i in rng.sample(range(len(customers)), 5000) if generator.kind_applies(customers[i], kind)]
            for i in pool[: args.queries]:
                queries.append((generator.variant(customers[i], kind), ids[i], kind))
        for i in rng.sample(range(len(customers)), args.negatives):
            queries.append((generator.namesake(customers[i]), ids[i], "namesake"))
        for i in rng.sample(range(len(customers)), args.negatives):
            queries.append((generator.household(customers[i]), ids[i], "household"))

        print(
            f"\nDuplicate check on {args.customers:,} customers: {len(queries) - 2 * args.negatives} variant "
            f"queries ({len(VARIANT_KINDS)} kinds), {args.negatives} namesakes, {args.negatives} relatives "
            "sharing a phone"
        )
        print(f"{'method':<34} {'p50 ms':>8} {'p95 ms':>8} {'recall':>9} {'namesakes':>10} {'households':>11}")
        Partner = env["res.partner"]
        Partner._vn_duplicate_candidates(queries[0][0])  # warm caches, as a running server has them
        latencies, hits = bench_ours(env, queries)
        print(summary("crm_vn _vn_duplicate_candidates", latencies, hits, queries))
        ours = hits
        for field in ("name", "email"):
            lat, hit = bench_odoo_wizard(env, queries, field)
            print(summary(f"Odoo merge wizard, by {field}", lat, hit, queries))
        if not args.skip_naive:
            lat, hit = bench_naive(env, queries)
            print(summary("naive rapidfuzz full scan (name)", lat, hit, queries))
        print("(namesakes and households columns: false alerts, lower is better)")
        print("\nRecall of crm_vn per variant kind:")
        for kind in VARIANT_KINDS:
            kind_hits = [h for h, q in zip(ours, queries, strict=True) if q[2] == kind]
            if kind_hits:
                print(f"  {kind:<22} {100 * sum(kind_hits) / len(kind_hits):6.1f}%  ({len(kind_hits)} queries)")

        # batch scan over everything, with the variants saved as real customers
        variants = [q for q in queries if q[2] in VARIANT_KINDS]
        env["res.partner"].with_context(crm_vn_skip_duplicate_check=True).create(
            [dict(vals, ref=BENCH_REF + "-variant") for vals, __, __ in variants]
        )
        env.flush_all()
        started = time.perf_counter()
        created = env["crm.vn.duplicate.group"]._scan_duplicates()
        elapsed = time.perf_counter() - started
        groups = env["crm.vn.duplicate.group"].search([])
        found_targets = {pid for group in groups for pid in group.partner_ids.ids}
        recall = sum(target in found_targets for __, target, __ in variants) / len(variants)
        print(
            f"\nBatch scan of {args.customers + len(variants):,} customers: {elapsed:.1f} s, "
            f"{created} groups, {100 * recall:.1f}% of the saved variants grouped with their original"
        )
        cr.rollback()


if __name__ == "__main__":
    main()
