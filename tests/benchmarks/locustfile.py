"""A sales team at work over JSON-RPC, for ``bin/crmvn bench load`` (Locust, headless).

Salespeople list, search and open customers, create customers (with the duplicate check of the suite when it is
installed), log feedback and reply to it; the team leader escalates; the manager opens the analytics and exports.
The same scenario runs against a database without the suite (``CRMVN_SUITE=0``): the actions both have are the
same requests, so their times compare; a team without the suite does the rest the way stock Odoo allows (named
"stock: ..."): a complaint is a note in the customer's chatter and the reply another one, an escalation a to-do for
the salesperson, the customer analytics a sales analysis by customer. Both servers thus carry the same work, and
the time of an action both run is not lengthened, on one side only, by waiting for work the other side skips.

Environment: CRMVN_DB (database), CRMVN_SUITE ("1" or "0"), CRMVN_USERS (logins, comma-separated, password =
login), CRMVN_LEADER, CRMVN_MANAGER; CRMVN_SAMPLES (a file to which every request is appended) and CRMVN_WARMUP
(seconds from the start during which requests are marked as warm-up: the users log in and the server's caches fill).
"""

import itertools
import os
import random
import threading
import time

from locust import HttpUser, between, events, task

DB = os.environ["CRMVN_DB"]
SUITE = os.environ.get("CRMVN_SUITE", "1") == "1"
SELLERS = itertools.cycle(os.environ["CRMVN_USERS"].split(","))
LEADER = os.environ.get("CRMVN_LEADER")
MANAGER = os.environ.get("CRMVN_MANAGER")
LOCK = threading.Lock()
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hoàng", "Thanh"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Lan", "Linh", "Nam", "Phúc", "Quân", "Trang", "Vy"]
CUSTOMER_SPEC = {"display_name": {}, "mobile": {}, "email": {}, "user_id": {"fields": {"display_name": {}}}}
if SUITE:
    CUSTOMER_SPEC.update({"lifecycle_stage": {}, "vn_duplicate_candidates": {}})
COMPLAINT = "Khách phản ánh giao hàng trễ"
REPLY = "Đã gọi lại cho khách, hẹn giao trong ngày."


if os.environ.get("CRMVN_SAMPLES"):
    # every request, for bench_load.py to pool the rounds: "name<TAB>milliseconds<TAB>failed<TAB>measured"
    SAMPLES = open(os.environ["CRMVN_SAMPLES"], "a", encoding="utf-8")  # noqa: SIM115 (closed with the process)
    MEASURED_FROM = time.time() + float(os.environ.get("CRMVN_WARMUP") or 0)

    @events.request.add_listener
    def record_sample(name, response_time, exception=None, start_time=None, **kwargs):
        measured = (start_time or time.time()) >= MEASURED_FROM
        SAMPLES.write(f"{name}\t{response_time:.3f}\t{1 if exception else 0}\t{1 if measured else 0}\n")

    @events.quitting.add_listener
    def close_samples(**kwargs):
        SAMPLES.close()


class Odoo(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    login = None

    def on_start(self):
        with LOCK:
            self.login = self.login or next(SELLERS)
        self.rpc("/web/session/authenticate", {"db": DB, "login": self.login, "password": self.login}, name="login")
        self.uid = None

    def rpc(self, url, params, name):
        with self.client.post(
            url, json={"jsonrpc": "2.0", "method": "call", "params": params}, name=name, catch_response=True
        ) as response:
            body = response.json() if response.status_code == 200 else {}
            if "error" in body or response.status_code != 200:
                message = (body.get("error") or {}).get("data", {}).get("message") or response.status_code
                response.failure(str(message)[:200])
                return None
            return body.get("result")

    def call(self, model, method, args=(), name=None, **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name=name or f"{model}.{method}",
        )

    def customer_domain(self):
        return [("lifecycle_stage", "!=", False)] if SUITE else [("customer_rank", ">", 0)]


class Salesperson(Odoo):
    weight = 10

    @task(5)
    def list_customers(self):
        self.call(
            "res.partner", "web_search_read", name="list customers", domain=self.customer_domain(),
            specification={"display_name": {}, "mobile": {}, "email": {}}, limit=80, order="name",
        )  # fmt: skip

    @task(4)
    def search_customer(self):
        word = random.choice(GIVEN)
        found = self.call(
            "res.partner", "web_search_read", name="search customers",
            domain=[*self.customer_domain(), ("display_name", "ilike", word)],
            specification={"display_name": {}, "mobile": {}}, limit=20,
        )  # fmt: skip
        if found and found.get("records"):
            record = random.choice(found["records"])
            self.call("res.partner", "web_read", [[record["id"]]], name="open customer", specification=CUSTOMER_SPEC)

    @task(2)
    def create_customer(self):
        name = f"{random.choice(SURNAMES)} {random.choice(MIDDLE)} {random.choice(GIVEN)}"
        mobile = f"09{random.randint(10000000, 99999999)}"
        values = {"name": name, "mobile": mobile}
        if SUITE:
            values["lifecycle_stage"] = "prospect"
        else:
            values["customer_rank"] = 1
        self.call("res.partner", "create", [values], name="create customer")

    @task(2)
    def log_feedback_and_reply(self):
        own = [("user_id.login", "=", self.login)]
        found = self.call(
            "res.partner", "web_search_read", name="feedback: find customer",
            domain=[*own, *self.customer_domain()], specification={"display_name": {}}, limit=20,
        )  # fmt: skip
        if not found or not found.get("records"):
            return
        partner = random.choice(found["records"])["id"]
        if not SUITE:
            # without the suite: the complaint and the reply are notes in the customer's chatter
            for name, body in (("stock: note on customer", COMPLAINT), ("stock: reply on customer", REPLY)):
                self.call("res.partner", "message_post", [[partner]], name=name, body=body, message_type="comment")
            return
        feedback = self.call(
            "crm.vn.feedback", "create",
            [{"name": COMPLAINT, "partner_id": partner, "channel": "phone", "feedback_type": "complaint",
              "priority": "1"}],
            name="log feedback",
        )  # fmt: skip
        if feedback:
            ids = feedback if isinstance(feedback, list) else [feedback]
            self.call(
                "crm.vn.feedback", "message_post", ids, name="reply to feedback", body=REPLY, message_type="comment"
            )


class TeamLeader(Odoo):
    weight = 1
    fixed_count = 1

    def on_start(self):
        self.login = LEADER
        super().on_start()

    @task
    def escalate(self):
        if not SUITE:
            # without the suite: the leader looks at the team's customers and gives a salesperson a to-do
            found = self.call(
                "res.partner", "web_search_read", name="stock: customers of the team",
                domain=[*self.customer_domain(), ("user_id.crm_team_ids.user_id.login", "=", self.login)],
                specification={"display_name": {}, "user_id": {}}, limit=40,
            )  # fmt: skip
            if found and found.get("records"):
                record = random.choice(found["records"])
                self.call(
                    "res.partner", "activity_schedule", [[record["id"]]], name="stock: to-do for the salesperson",
                    act_type_xmlid="mail.mail_activity_data_todo", summary="Khách phàn nàn: gọi lại ngay",
                    user_id=record.get("user_id") or False,
                )  # fmt: skip
            return
        found = self.call(
            "crm.vn.feedback", "web_search_read", name="open feedback of the team",
            domain=[("state", "in", ["new", "acknowledged", "in_progress"]), ("escalation_level", "=", 0),
                    ("team_id.user_id.login", "=", self.login)],
            specification={"reference": {}, "sla_status": {}}, limit=40,
        )  # fmt: skip
        if found and found.get("records"):
            record = random.choice(found["records"])
            self.call("crm.vn.feedback", "action_escalate", [[record["id"]]], name="escalate")


class Manager(Odoo):
    weight = 1
    fixed_count = 1

    def on_start(self):
        self.login = MANAGER
        super().on_start()

    @task(3)
    def analytics(self):
        if SUITE:
            self.call(
                "crm.vn.customer.report", "web_read_group", name="analytics read_group", domain=[],
                groupby=["segment"], fields=["revenue:sum", "customer_count:sum"],
            )  # fmt: skip
        else:  # without the suite: sales by customer
            self.call(
                "sale.report", "web_read_group", name="stock: sales by customer", domain=[],
                groupby=["partner_id"], fields=["price_subtotal:sum", "nbr:sum"],
            )  # fmt: skip
        self.call(
            "sale.report", "web_read_group", name="sales analysis read_group", domain=[],
            groupby=["user_id"], fields=["price_subtotal:sum"],
        )  # fmt: skip

    @task(1)
    def export(self):
        found = self.call("res.partner", "search", [self.customer_domain()], name="export: search", limit=500)
        if found:
            self.call("res.partner", "export_data", [found, ["name", "mobile", "email", "user_id/name"]],
                      name="export customers")  # fmt: skip
