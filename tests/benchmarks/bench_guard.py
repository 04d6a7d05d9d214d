"""Benchmark of crm_vn_base's contact guard: SQL queries of a salesperson's hot paths (not a test).

Run through ``bin/crmvn bench guard`` (which prepares a database with the add-ons) or with Odoo's Python:
``python tests/benchmarks/bench_guard.py -c odoo.conf -d DB``.

Prints side by side, in one run and in a transaction rolled back afterwards, the queries of each call made as a
salesperson (warm registry caches, cold record cache, flush included, mean of 5 runs): with the models' guard
declarations as shipped, and with them switched off (the same code as if the models did not declare
``_crm_vn_check_contacts``). ``tests/test_guard_cost.py`` asserts the differences.
"""

import argparse
import itertools
import statistics

GUARDED_MODELS = ("crm.lead", "sale.order", "calendar.event", "calendar.attendee", "crm.vn.feedback")
RUNS = 5


def operations(alice, customers, records):
    from odoo import Command  # noqa: PLC0415 (Odoo is imported once the configuration is parsed)

    lead, order, feedback = records
    alternate = itertools.cycle([customers[1].id, customers[2].id])
    meeting = {"name": "Gặp khách", "start": "2026-12-01 02:00:00", "stop": "2026-12-01 03:00:00"}
    return {
        "lead.write(description)": lambda e: e["crm.lead"].browse(lead.id).write({"description": "Gọi lại"}),
        "lead.write(partner_id)": lambda e: e["crm.lead"].browse(lead.id).write({"partner_id": next(alternate)}),
        "lead.create(name)": lambda e: e["crm.lead"].create({"name": "Mới", "user_id": alice.id}),
        "order.write(note)": lambda e: e["sale.order"].browse(order.id).write({"note": "Giao sáng"}),
        "order.create(partner_id)": lambda e: e["sale.order"].create(
            {"partner_id": customers[2].id, "user_id": alice.id}
        ),
        "meeting.create(organiser only)": lambda e: e["calendar.event"].create(meeting),
        "meeting.create(3 attendees)": lambda e: e["calendar.event"].create(
            dict(meeting, partner_ids=[Command.set(customers[1:].ids)])
        ),
        "feedback.write(description)": lambda e: (
            e["crm.vn.feedback"].browse(feedback.id).write({"description": "<p>Đã gọi</p>"})
        ),
        "feedback.create(partner_id)": lambda e: e["crm.vn.feedback"].create(
            {"name": "Mới", "partner_id": customers[3].id, "priority": "1"}
        ),
    }


def queries(env, user, operation):
    as_user = env(user=user.id)
    as_user.flush_all()
    as_user.invalidate_all()
    before = as_user.cr.sql_log_count
    operation(as_user)
    as_user.flush_all()
    return as_user.cr.sql_log_count - before


def mean_queries(env, user, operation):
    queries(env, user, operation)  # warm the registry's caches (access rights, rules)
    return statistics.mean(queries(env, user, operation) for _ in range(RUNS))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()

    import odoo  # noqa: PLC0415
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.tests.common import new_test_user  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        alice = new_test_user(env, "bench_guard_alice", groups="sales_team.group_sale_salesman")
        customers = env["res.partner"].create(
            [{"name": f"Khách {i}", "user_id": alice.id, "lifecycle_stage": "customer"} for i in range(4)]
        )
        lead = env["crm.lead"].create({"name": "Cơ hội", "user_id": alice.id})
        order = env["sale.order"].create({"partner_id": customers[0].id, "user_id": alice.id})
        feedback = env["crm.vn.feedback"].create(
            {"name": "Phản ánh", "partner_id": customers[0].id, "user_id": alice.id, "priority": "1"}
        )
        ops = operations(alice, customers, (lead, order, feedback))
        print(f"SQL queries per call as a salesperson (mean of {RUNS} runs)")
        print(f"{'call':32} {'guarded':>8} {'unguarded':>10} {'guard':>6}")
        for name, operation in ops.items():
            guarded = mean_queries(env, alice, operation)
            classes = [type(env[model]) for model in GUARDED_MODELS]
            for cls in classes:
                cls._crm_vn_check_contacts = False
            try:
                unguarded = mean_queries(env, alice, operation)
            finally:
                for cls in classes:
                    del cls._crm_vn_check_contacts
            print(f"{name:32} {guarded:8.1f} {unguarded:10.1f} {guarded - unguarded:+6.1f}")
        cr.rollback()


if __name__ == "__main__":
    main()
