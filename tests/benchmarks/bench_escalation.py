"""Benchmark of the feedback escalation job on 100,000 open feedbacks (not a test).

Run through ``bin/crmvn bench escalation`` (which prepares a database with the
add-ons) or with Odoo's Python:
``python tests/benchmarks/bench_escalation.py -c odoo.conf -d DB``.

Inserts (once, reused afterwards) open feedbacks of synthetic customers owned
by a team of salespeople, a share of them with a deadline in the past, then
prints side by side, in one run and each in a transaction rolled back
afterwards:
(a) ``crm.vn.feedback._cron_escalate()``, the scheduled action, on all of them
    (after a first run rolled back, also printed: the module update leaves the
    tables to be read from disk):
    duration, SQL queries, feedbacks escalated, then the same job run again
    (nothing left to do: it must escalate 0);
(b) the usual per-record ORM loop (search the breached feedbacks, then for each:
    write, ``message_post``, ``activity_schedule``, log the step), measured on a
    sample and extrapolated to the same number of breaches.
"""

import argparse
import resource
import sys
import time
from datetime import timedelta
from pathlib import Path

from psycopg2.extras import execute_values

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_db import bench_salesperson, bench_team, partner_extra_columns
from vn_data import Generator

BENCH_REF = "crmvn-bench-feedback"
SALESPEOPLE = 20


def setup_people(env):
    """A sales team with a leader and salespeople (created once, by login)."""
    leader = bench_salesperson(env, "bench_leader", "Trưởng nhóm Bench")
    sellers = [bench_salesperson(env, f"bench_seller_{index}", f"NV Bench {index}") for index in range(SALESPEOPLE)]
    return bench_team(env, "Bench team", leader), sellers


def populate(env, count, breached_share):
    cr = env.cr
    Param = env["ir.config_parameter"]
    signature = f"{count}:{breached_share}"
    team, sellers = setup_people(env)
    if Param.get_param("crmvn_bench.feedback_signature") == signature:
        print(f"Reusing the {count:,} synthetic feedbacks already in the database.")
        return
    started = time.perf_counter()
    cr.execute("DELETE FROM crm_vn_feedback WHERE order_reference = %s", (BENCH_REF,))
    cr.execute("DELETE FROM res_partner WHERE ref = %s", (BENCH_REF,))
    generator = Generator(seed=91)
    company_id = env.company.id
    customers = count // 5
    extra = partner_extra_columns(cr)
    rows = []
    for index in range(customers):
        name = generator.name()
        owner = sellers[index % len(sellers)]
        rows.append((name, name, BENCH_REF, True, "contact", False, company_id, owner.id, team.id, *extra.values()))
    partner_ids = []
    for start in range(0, len(rows), 10000):
        partner_ids += [
            row[0]
            for row in execute_values(
                cr._obj,
                f"""INSERT INTO res_partner (name, complete_name, ref, active, type, is_company,
                       profile_company_id, user_id, team_id{"".join(", " + c for c in extra)})
                   VALUES %s RETURNING id""",
                rows[start : start + 10000],
                fetch=True,
            )
        ]
    # Statistics first: planned on the few rows of a new database, the update walks the index on ``ref``, where
    # every row has the same key and each new row version lands ahead of the scan (minutes instead of seconds).
    cr.execute("ANALYZE res_partner")
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE ref = %s", (BENCH_REF,))
    now = env.cr.now().replace(tzinfo=None)
    breached_every = round(1 / breached_share)
    policy = env["crm.vn.feedback.sla"].search([], limit=1)
    rows = []
    for index in range(count):
        received = now - timedelta(hours=1 + index % 48)
        if index % breached_every == 0:
            deadline = now - timedelta(minutes=5 + index % 600)
        else:
            deadline = now + timedelta(hours=1 + index % 200)
        seller = sellers[index % len(sellers)]
        partner_id = partner_ids[index % len(partner_ids)]
        rows.append(
            (
                company_id, partner_id, partner_id, seller.id, team.id, policy.id, 0,
                f"BENCH-{index:06d}", f"Phản ánh thử {index}", ["phone", "zalo", "email"][index % 3],
                "complaint", str(index % 4), ["new", "acknowledged", "in_progress"][index % 3], True,
                received, deadline, deadline, deadline, BENCH_REF, now, now, 1, 1,
            )
        )  # fmt: skip
    for start in range(0, len(rows), 10000):
        execute_values(
            cr._obj,
            """INSERT INTO crm_vn_feedback (company_id, partner_id, commercial_partner_id, user_id, team_id,
                   sla_policy_id, escalation_level, reference, name, channel, feedback_type, priority, state,
                   active, date_received, response_deadline, resolution_deadline, sla_deadline,
                   order_reference, create_date, write_date, create_uid, write_uid)
               VALUES %s""",
            rows[start : start + 10000],
        )
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE crm_vn_feedback")
    Param.set_param("crmvn_bench.feedback_signature", signature)
    cr.commit()
    print(f"Inserted {count:,} open feedbacks of {customers:,} customers in {time.perf_counter() - started:.1f} s.")


def measure(env, function):
    env.invalidate_all()
    env.registry.clear_cache()
    queries = env.cr.sql_log_count
    started = time.perf_counter()
    result = function()
    env.flush_all()
    env.cr.precommit.run()  # tracking and followers, as at the job's commit
    return result, time.perf_counter() - started, env.cr.sql_log_count - queries


def naive_escalate(env, limit):
    """The per-record loop most custom escalation crons are written as."""
    Feedback = env["crm.vn.feedback"]
    now = env.cr.now().replace(tzinfo=None)
    breached = Feedback.search(
        [("state", "in", ["new", "acknowledged", "in_progress"]), ("sla_deadline", "<=", now)], limit=limit
    )
    for feedback in breached:
        target = feedback.team_id.user_id
        deadline = now + timedelta(hours=4)
        feedback.write({"escalation_level": 1, "escalated_user_id": target.id, "escalation_deadline": deadline})
        feedback.message_post(body=f"Deadline breached: escalated to level 1: {target.name}")
        feedback.activity_schedule(
            "crm_vn_feedback.mail_activity_type_feedback_escalated", user_id=target.id, date_deadline=deadline.date()
        )
        env["crm.vn.feedback.escalation"].create(
            {
                "feedback_id": feedback.id,
                "level": 1,
                "date": now,
                "user_id": target.id,
                "new_deadline": deadline,
                "trigger": "auto",
            }
        )
    return len(breached)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--feedbacks", type=int, default=100_000)
    parser.add_argument("--breached", type=float, default=0.10, help="share of feedbacks past their deadline")
    parser.add_argument("--sample", type=int, default=1000, help="breaches handled by the per-record loop")
    args = parser.parse_args()

    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, args.feedbacks, args.breached)

    # A first run, rolled back: after the module update the tables are read from disk (the run measured below is the
    # job as the scheduler runs it every 15 minutes, on a warm database); printed too.
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        __, cold_seconds, __ = measure(env, env["crm.vn.feedback"]._cron_escalate)
        cr.rollback()

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        Feedback = env["crm.vn.feedback"]
        now = cr.now().replace(tzinfo=None)
        open_count = Feedback.search_count([("state", "in", ["new", "acknowledged", "in_progress"])])
        breached = Feedback.search_count(
            [("state", "in", ["new", "acknowledged", "in_progress"]), ("sla_deadline", "<=", now)]
        )
        print(f"\nEscalation job on {open_count:,} open feedbacks, {breached:,} past their deadline")
        print(f"{'method':<44} {'escalated':>10} {'seconds':>9} {'queries':>9} {'ms/feedback':>12}")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        done, seconds, queries = measure(env, Feedback._cron_escalate)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"{'crm_vn _cron_escalate (scheduled job)':<44} {done:>10,} {seconds:>9.1f} {queries:>9,} "
              f"{1000 * seconds / max(done, 1):>12.2f}")  # fmt: skip
        print(f"{'  first run after the update (cold, rolled back)':<44} {'':>10} {cold_seconds:>9.1f}")
        again, seconds2, queries2 = measure(env, Feedback._cron_escalate)
        print(f"{'  same job run again (idempotence)':<44} {again:>10,} {seconds2:>9.1f} {queries2:>9,} {'':>12}")
        cr.execute("SELECT count(*) FROM mail_activity WHERE res_model = 'crm.vn.feedback'")
        activities = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM crm_vn_feedback_escalation")
        steps = cr.fetchone()[0]
        cr.rollback()

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        done_naive, seconds_naive, queries_naive = measure(env, lambda: naive_escalate(env, args.sample))
        cr.rollback()
    if done_naive:
        factor = breached / done_naive
        print(f"{f'per-record ORM loop ({done_naive:,} measured)':<44} {done_naive:>10,} {seconds_naive:>9.1f} "
              f"{queries_naive:>9,} {1000 * seconds_naive / done_naive:>12.2f}")  # fmt: skip
        print(f"{'  extrapolated to every breach':<44} {breached:>10,} {seconds_naive * factor:>9.1f} "
              f"{round(queries_naive * factor):>9,} {'':>12}")  # fmt: skip
    print(
        f"\nAfter the job: {activities:,} activities and {steps:,} escalation steps; "
        f"peak memory of this process {max(rss_before, rss_after) / 1024:.0f} MB. Target (issue 17): the job in <= 5 s."
    )


if __name__ == "__main__":
    main()
