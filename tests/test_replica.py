"""Reports on a real streaming read replica (issue 17): a second PostgreSQL cluster made with ``pg_basebackup -R``
from this one, on another port, and an Odoo server configured with ``db_replica_host``/``db_replica_port``. The
analytics, pivots and PDF reports are read-only requests that Odoo sends to the replica, and nothing of ours writes
during them (Odoo would log "retrying with a read/write cursor"). The test sets the replica up and removes it
(tag crm_vn_commit: it reads the demo data committed in the database)."""

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import openpyxl
import psycopg2

import odoo
from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_vn_base.tests.common import slow

HBA_LINE = "local replication all trust  # crm_vn replica test"


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(content)
        pdf.flush()
        return subprocess.run(["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True).stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Replica:
    """A hot standby of the local cluster in a temporary folder, streaming from it."""

    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="crmvn-replica-"))
        self.data = self.base / "data"
        self.port = free_port()
        self.hba_added = False

    def _primary(self):
        return psycopg2.connect(dbname="postgres", user="postgres")

    def __enter__(self):
        with self._primary() as cnx, cnx.cursor() as cr:
            cr.execute("SHOW hba_file")
            self.hba = Path(cr.fetchone()[0])
            cr.execute("SHOW server_version_num")
            self.bindir = Path(f"/usr/lib/postgresql/{int(cr.fetchone()[0]) // 10000}/bin")
        if HBA_LINE not in self.hba.read_text():
            with self.hba.open("a") as hba:
                hba.write(f"\n{HBA_LINE}\n")
            self.hba_added = True
            self._reload()
        subprocess.run(
            [str(self.bindir / "pg_basebackup"), "-D", str(self.data), "-R", "-X", "stream", "-c", "fast", "-U",
             "postgres"],
            check=True, capture_output=True,
        )  # fmt: skip
        (self.data / "postgresql.conf").write_text("")
        (self.data / "pg_hba.conf").write_text("local all all trust\nlocal replication all trust\n")
        subprocess.run(["chown", "-R", "postgres:postgres", str(self.base)], check=True)
        self.data.chmod(0o700)
        self._pg_ctl(
            "start", "-w", "-l", str(self.base / "replica.log"), "-o",
            f"-p {self.port} -k {self.base} -c listen_addresses='' -c hot_standby=on",
        )  # fmt: skip
        return self

    def __exit__(self, *exc):
        try:
            self._pg_ctl("stop", "-m", "fast", "-w")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
            if self.hba_added:
                self.hba.write_text(self.hba.read_text().replace(f"\n{HBA_LINE}\n", ""))
                self._reload()

    def _pg_ctl(self, *args):
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bindir / "pg_ctl"), "-D", str(self.data), *args],
            check=True, capture_output=True,
        )  # fmt: skip

    def _reload(self):
        with self._primary() as cnx, cnx.cursor() as cr:
            cr.execute("SELECT pg_reload_conf()")

    def transactions(self, dbname):
        cnx = psycopg2.connect(dbname=dbname, user="postgres", host=str(self.base), port=self.port)
        try:
            with cnx.cursor() as cr:
                cr.execute("SELECT pg_is_in_recovery()")
                assert cr.fetchone()[0], "the replica is a standby"
                cr.execute("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s", [dbname])
                return cr.fetchone()[0]
        finally:
            cnx.close()

    def _standby(self, dbname="postgres"):
        return psycopg2.connect(dbname=dbname, user="postgres", host=str(self.base), port=self.port)

    def pause(self):
        """Stop replaying the primary's changes (a replica lagging behind)."""
        with self._standby() as cnx, cnx.cursor() as cr:
            cr.execute("SELECT pg_wal_replay_pause()")

    def resume(self):
        with self._standby() as cnx, cnx.cursor() as cr:
            cr.execute("SELECT pg_wal_replay_resume()")

    def has_partner(self, dbname, partner_id):
        cnx = self._standby(dbname)
        try:
            with cnx.cursor() as cr:
                cr.execute("SELECT 1 FROM res_partner WHERE id = %s", [partner_id])
                return bool(cr.fetchone())
        finally:
            cnx.close()

    def caught_up(self, timeout=30):
        """Wait until the replica has replayed everything the primary wrote so far."""
        with self._primary() as cnx, cnx.cursor() as cr:
            cr.execute("SELECT pg_current_wal_lsn()")
            target = cr.fetchone()[0]
        deadline = time.time() + timeout
        while time.time() < deadline:
            cnx = psycopg2.connect(dbname="postgres", user="postgres", host=str(self.base), port=self.port)
            with cnx.cursor() as cr:
                cr.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
                done = cr.fetchone()[0]
            cnx.close()
            if done:
                return True
            time.sleep(0.2)
        return False


@slow
@tagged("post_install", "-at_install", "crm_vn_commit")
class TestReadReplica(TransactionCase):
    def test_reports_read_from_a_streaming_replica(self):
        dbname = self.env.cr.dbname
        manager = self.env["res.users"].search([("login", "=", "mai")])
        self.assertTrue(manager, "the demo sales manager (the suite is tested with its demo data)")
        customer = self.env.ref("crm_vn_customer.res_partner_customer_02_demo")
        with Replica() as replica:
            self.assertTrue(replica.caught_up())
            port = free_port()
            workdir = Path(tempfile.mkdtemp(prefix="crmvn-replica-odoo-"))
            config = workdir / "odoo.conf"
            config.write_text(
                "[options]\n"
                f"addons_path = {odoo.tools.config['addons_path']}\n"
                f"data_dir = {workdir / 'data'}\n"
                f"db_replica_host = {replica.base}\n"
                f"db_replica_port = {replica.port}\n"
                "http_interface = 127.0.0.1\n"
                f"http_port = {port}\n"
                "max_cron_threads = 0\n"
            )
            root = str(Path(odoo.__file__).resolve().parent.parent)
            log = workdir / "odoo.log"
            server = subprocess.Popen(
                [sys.executable, str(Path(root) / "odoo-bin"), "-c", str(config), "-d", dbname, "--db-filter",
                 f"^{dbname}$", "--logfile", str(log), "--log-level", "info"],
                env=dict(os.environ, PYTHONPATH=root), start_new_session=True,
            )  # fmt: skip
            try:
                base = f"http://127.0.0.1:{port}"
                for _ in range(120):
                    try:
                        urllib.request.urlopen(f"{base}/web/health", timeout=2).read()
                        break
                    except OSError:
                        time.sleep(0.5)
                opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

                def rpc(url, params):
                    request = urllib.request.Request(
                        base + url,
                        data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
                        headers={"Content-Type": "application/json"},
                    )
                    answer = json.loads(opener.open(request, timeout=120).read())
                    self.assertNotIn("error", answer, answer.get("error"))
                    return answer["result"]

                rpc("/web/session/authenticate", {"db": dbname, "login": "mai", "password": "mai"})
                before = replica.transactions(dbname)
                groups = {}
                for model, groupby, measures in (
                    ("crm.vn.customer.report", ["segment"], ["revenue:sum", "customer_count:sum"]),
                    ("crm.vn.salesperson.report", ["user_id"], ["revenue:sum", "new_customer_count:sum"]),
                    ("crm.vn.feedback.report", ["state"], ["feedback_count:sum", "sla_compliance:avg"]),
                    ("crm.vn.cohort.report", ["cohort_month:month"], ["retention:sum"]),
                ):
                    groups[model] = rpc(
                        f"/web/dataset/call_kw/{model}/web_read_group",
                        {"model": model, "method": "web_read_group", "args": [],
                         "kwargs": {"domain": [], "groupby": groupby, "fields": measures}},
                    )  # fmt: skip
                pdf = opener.open(
                    f"{base}/report/pdf/crm_vn_reports.report_customer_profile/{customer.id}", timeout=180
                )
                content = pdf.read()
                # declared read-only (@api.readonly): the customer's data requests, from the replica
                action = rpc(
                    "/web/dataset/call_button/res.partner/action_view_vn_data_requests",
                    {"model": "res.partner", "method": "action_view_vn_data_requests", "args": [[customer.id]],
                     "kwargs": {}},
                )  # fmt: skip
                after = replica.transactions(dbname)

                # The replica's lag: replay paused, a customer created on the primary is not on the replica. Its
                # profile and its Excel export, asked for right after (read-only requests), come from the primary.
                replica.pause()
                try:
                    new_id = rpc(
                        "/web/dataset/call_kw/res.partner/create",
                        {"model": "res.partner", "method": "create", "args": [{"name": "Khách Vừa Tạo Trễ",
                         "mobile": "0912000777", "email": "vuatao@example.vn"}], "kwargs": {}},
                    )  # fmt: skip
                    self.assertFalse(replica.has_partner(dbname, new_id), "the replica lags behind")
                    fresh_pdf = opener.open(
                        f"{base}/report/pdf/crm_vn_reports.report_customer_profile/{new_id}", timeout=180
                    ).read()
                    download = rpc(
                        "/web/dataset/call_kw/crm.vn.xlsx.export/action_export_from_list",
                        {"model": "crm.vn.xlsx.export", "method": "action_export_from_list", "args": ["customers"],
                         "kwargs": {"context": {"active_model": "res.partner", "active_ids": [new_id]}}},
                    )  # fmt: skip
                    fresh_xlsx = opener.open(base + download["url"], timeout=180).read()
                    self.assertFalse(replica.has_partner(dbname, new_id), "still lagging when both were read")
                finally:
                    replica.resume()
                self.assertTrue(replica.caught_up())
                with odoo.sql_db.db_connect(dbname).cursor() as cr:
                    odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})["res.partner"].browse(new_id).unlink()
            finally:
                server.terminate()
                server.wait(timeout=60)
            text = log.read_text()
            shutil.rmtree(workdir, ignore_errors=True)
        self.assertGreater(sum(g["length"] for g in groups.values()), 0)
        revenue = sum(g["revenue"] or 0 for g in groups["crm.vn.customer.report"]["groups"])
        self.assertGreater(revenue, 0, "the demo's sales, read on the replica")
        self.assertTrue(content.startswith(b"%PDF"))
        self.assertEqual(action["domain"], [["partner_id", "=", customer.id]])
        self.assertIn("Khách Vừa Tạo Trễ", pdf_text(fresh_pdf), "the new customer's profile, from the primary")
        sheet = openpyxl.load_workbook(io.BytesIO(fresh_xlsx), read_only=True).worksheets[0]
        self.assertIn("Khách Vừa Tạo Trễ", [cell for row in sheet.iter_rows(values_only=True) for cell in row])
        self.assertGreaterEqual(after - before, 5, "the analytics and the report ran on the replica")
        self.assertNotIn("retrying with a read/write cursor", text, "nothing of ours writes in a read-only request")
